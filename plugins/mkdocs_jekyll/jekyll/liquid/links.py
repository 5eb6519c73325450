"""Where `{% post_url %}` and `{% link %}` point: the URL Jekyll gives the target."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from liquid.token import Token

from ..post import JekyllPost
from .errors import JekyllError
from .filters import site_relative_url

if TYPE_CHECKING:
    from .environment import JekyllEnvironment

POST_NAME = re.compile(r"\A(.+/)*(\d+-\d+-\d+)-(.*)\Z")  # post_url.rb PostComparer::MATCHER


def name_pattern(name: str) -> re.Pattern[str]:
    """post_url.rb: `world/2025-08-28-x` matches `_posts/world/2025-08-28-x.md` and
    `world/_posts/2025-08-28-x.md`."""
    matched = POST_NAME.match(name.lstrip("/"))
    if not matched:
        raise ValueError(name)
    path, day, slug = matched.group(1) or "", matched.group(2), matched.group(3)
    base = f"{re.escape(day)}-{re.escape(slug)}\\.[^.]+"
    return re.compile(f"^_posts/{re.escape(path)}{base}$|^{re.escape(path)}_posts/?{base}$")


def find_post(posts: list[JekyllPost], name: str) -> JekyllPost | None:
    pattern = name_pattern(name)
    found = [post for post in posts if pattern.match(post.source)]
    published = [post for post in found if not post.draft]
    candidates = published or found
    return candidates[0] if candidates else None


def post_url(env: JekyllEnvironment, name: str, token: Token) -> str:
    post = find_post(env.site.posts, name)
    if post is None or post.draft:
        state = f" ('{post.source}' is {post.draft_reason})" if post else ""
        env.depends_on(f"post:{name}", "")
        raise JekyllError(
            f"'{{% post_url {name} %}}' names no published post{state} (use the file name of a "
            "post in _posts/ without its extension, such as 2025-08-28-slug or "
            "world/2025-08-28-slug)", token=token)
    env.depends_on(f"post:{name}", post.url)
    return post.url


def file_url(env: JekyllEnvironment, path: str, token: Token) -> str:
    path = path.strip().lstrip("/")
    for post in env.site.posts:
        if post.source == path and not post.draft:
            env.depends_on(f"link:{path}", post.url)
            return post.url
    url = env.site.file_url(path)
    env.depends_on(f"link:{path}", url or "")
    if url is None:
        raise JekyllError(
            f"'{{% link {path} %}}': there is no published file '{path}' (give the path from the "
            "site's folder, such as _posts/2025-08-28-slug.md or about.md)", token=token)
    return url


def relative(env: JekyllEnvironment, url: str) -> str:
    return site_relative_url(env.site.config, url)
