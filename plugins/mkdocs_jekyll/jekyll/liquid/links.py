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


def post_name(source: str) -> str | None:
    """The name `post_url` knows a post by: its path without `_posts/` and extension, when
    post_url.rb's patterns can match it (`_posts/B/x.md` -> `B/x`, `A/_posts/x.md` -> `A/x`)."""
    if source.startswith("_posts/"):
        rest = source[len("_posts/"):]
    else:
        before, marker, after = source.rpartition("/_posts/")
        if not marker or "/" in after:
            return None
        rest = f"{before}/{after}"
    stem, dot, _ = rest.rpartition(".")
    return stem if dot and POST_NAME.match(stem) else None


def post_index(posts: list[JekyllPost]) -> dict[str, JekyllPost]:
    index: dict[str, JekyllPost] = {}
    for post in sorted(posts, key=lambda p: (p.draft, p.source)):  # published ones win
        name = post_name(post.source)
        if name is not None:
            index.setdefault(name, post)
    return index


def find_post(posts: list[JekyllPost], name: str,
              index: dict[str, JekyllPost] | None = None) -> JekyllPost | None:
    return (index if index is not None else post_index(posts)).get(name.strip().lstrip("/"))


def post_url(env: JekyllEnvironment, name: str, token: Token) -> str:
    if env.post_names is None:
        env.post_names = post_index(env.site.posts)
    post = find_post(env.site.posts, name, env.post_names)
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
