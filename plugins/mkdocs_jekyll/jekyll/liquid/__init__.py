"""Jekyll's Liquid for post bodies, on python-liquid: tags, filters, `site`/`page`, sandbox.

`check_syntax` and `render_post_text` are the hooks `mkdocs-jekyll check` and `convert` use."""

from .environment import LiquidSite
from .hooks import check_syntax, render_post_text
from .render import PostRenderer, Rendered, has_liquid

__all__ = ["LiquidSite", "PostRenderer", "Rendered", "check_syntax", "has_liquid",
           "render_post_text"]
