"""The Liquid entry points of the command line tools (`mkdocs-jekyll check` and `convert`):
`check_syntax` parses a post without rendering it, `render_post_text` renders one post's body
with the site around it."""

from __future__ import annotations

from pathlib import Path

from liquid.exceptions import LiquidError

from ..errors import ContentError, Problem
from ..frontmatter import split_front_matter
from ..post import JekyllPost, decode_post, read_post
from ..site import settings_from_config
from ..sitefiles import find_posts, read_jekyll_config
from .environment import JekyllEnvironment, LiquidSite
from .render import UNCLOSED, PostRenderer, has_liquid, unclosed_line


def check_syntax(source: str, text: str) -> list[Problem]:
    """Liquid syntax errors, unknown tags and unknown filters of the post file `text`."""
    body = split_front_matter(source, text).body
    if not has_liquid(body):
        return []
    offset = text[: len(text) - len(body)].count("\n") if text.endswith(body) else 0
    env = JekyllEnvironment(LiquidSite(Path("."), {}, []))
    fix = "fix the Liquid, or wrap text that only looks like Liquid in {% raw %}...{% endraw %}"
    try:
        template = env.from_string(body, name=source)
    except LiquidError as error:
        message, line = str(error.message), _line(error)
        unclosed = UNCLOSED.search(message)
        if unclosed:
            name = unclosed.group(1)
            message = f"'{name}' is opened here but never closed (add {{% end{name} %}})"
            line = unclosed_line(body, name)
        return [Problem(source, None, f"Liquid: {message}", fix,
                        offset + line if line else None)]
    problems = []
    for name, spans in template.analyze(include_partials=False).filters.items():
        if name not in env.filters:
            line = body.count("\n", 0, spans[0].index) + 1 if spans else None
            problems.append(Problem(source, None, f"Liquid: unknown filter '{name}'", fix,
                                    offset + line if line else None))
    return problems


_RENDERERS: dict[Path, tuple[LiquidSite, PostRenderer]] = {}


def render_post_text(root: Path, source: str, body: str) -> str:
    """`body` of the post `source` with its Liquid rendered as the site `root` would render it.
    Raises ContentError naming the post and line."""
    site, renderer = _renderer(root)
    post = next((p for p in site.posts if p.source == source), None)
    text = (root / source).read_text(encoding="utf-8")
    if post is None:
        post = read_post(source, text, settings_from_config(site.config))
    return renderer.render(post, body, lambda: text).text


def _renderer(root: Path) -> tuple[LiquidSite, PostRenderer]:
    if root not in _RENDERERS:
        path = root / "_config.yml"
        config = read_jekyll_config(path, "_config.yml") if path.is_file() else {}
        settings = settings_from_config(config)
        posts: list[JekyllPost] = []
        for source in find_posts(root, jekyll=config):
            try:
                posts.append(read_post(source, decode_post(source, (root / source).read_bytes()),
                                       settings))
            except ContentError:
                continue  # `check` reports it; Liquid renders the posts that can be read
        site = LiquidSite(root, dict(config), posts, timezone=settings.timezone,
                          now=settings.now, site_root=root)
        renderer = PostRenderer()
        renderer.start(site)
        _RENDERERS[root] = (site, renderer)
    return _RENDERERS[root]


def _line(error: LiquidError) -> int | None:
    token = error.token
    if token is None or token.start_index < 0:
        return None
    return int(token.source.count("\n", 0, token.start_index)) + 1
