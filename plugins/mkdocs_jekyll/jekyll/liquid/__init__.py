"""Jekyll's Liquid for post bodies, on python-liquid: tags, filters, `site`/`page`, sandbox."""

from .environment import LiquidSite
from .render import PostRenderer, Rendered, has_liquid

__all__ = ["LiquidSite", "PostRenderer", "Rendered", "has_liquid"]
