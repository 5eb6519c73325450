"""What a post's translation needs to know about the site (from `_config.yml` and the plugin)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from typing import Any

from .authors import Author
from .dates import site_timezone
from .excerpt import DEFAULT_SEPARATOR
from .permalink import DEFAULT_STYLE, STYLES, permalink_template

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


def settings_from_config(jekyll: Mapping[str, Any], overrides: Mapping[str, Any] | None = None,
                         layouts: Mapping[str, str | None] | None = None) -> SiteSettings:
    """Settings from `_config.yml` values, each overridden by a non-null value in `overrides`
    (the plugin's options). Raises DateParseError for an unknown timezone."""

    def pick(key: str) -> Any:
        value = (overrides or {}).get(key)
        return jekyll.get(key) if value is None else value

    separator = pick("excerpt_separator")
    return SiteSettings(
        timezone=site_timezone(pick("timezone")),
        permalink=permalink_template(pick("permalink")),
        excerpt_separator=DEFAULT_SEPARATOR if separator is None else str(separator),
        future=bool(pick("future")),
        layouts=dict(DEFAULT_LAYOUTS if layouts is None else layouts),
    )
