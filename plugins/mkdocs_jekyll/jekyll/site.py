"""What a post's translation needs to know about the site (from `_config.yml` and the plugin)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo

from .authors import Author
from .excerpt import DEFAULT_SEPARATOR
from .permalink import DEFAULT_STYLE, STYLES

ARTICLE_TEMPLATE = "jekyll-article.html"
DEFAULT_LAYOUTS: dict[str, str | None] = {"post": ARTICLE_TEMPLATE, "default": ARTICLE_TEMPLATE}
MATERIAL_SEPARATOR = "<!-- more -->"


@dataclass
class SiteSettings:
    timezone: tzinfo = timezone.utc
    permalink: str = STYLES[DEFAULT_STYLE]
    excerpt_separator: str = DEFAULT_SEPARATOR
    future: bool = False
    now: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    layouts: dict[str, str | None] = field(default_factory=lambda: dict(DEFAULT_LAYOUTS))
    authors: dict[str, Author] = field(default_factory=dict)
    material_separator: str = MATERIAL_SEPARATOR
