"""What a post's translation needs to know about the site (from `_config.yml` and the plugin)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from typing import Any

from .authors import Author
from .dates import site_timezone
from .defaults import DefaultSet, read_defaults
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
    show_drafts: bool = False  # publish the posts in `_drafts/` (jekyll build --drafts)
    unpublished: bool = False  # publish `published: false` posts too (jekyll build --unpublished)
    defaults: list[DefaultSet] = field(default_factory=list)
    defaults_problems: list[str] = field(default_factory=list)
    url: str = ""  # `url` + `baseurl`, without a trailing slash ("" when unknown)
    redirects_json: bool = True  # jekyll-redirect-from's `redirect_from: {json: false}` turns it off
    now: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    layouts: dict[str, str | None] = field(default_factory=lambda: dict(DEFAULT_LAYOUTS))
    authors: dict[str, Author] = field(default_factory=dict)
    material_separator: str = MATERIAL_SEPARATOR


class SettingError(ValueError):
    """A `_config.yml` setting of the wrong type; `key` names it."""

    def __init__(self, key: str, value: object, message: str, fix: str) -> None:
        super().__init__(message)
        self.key, self.value, self.fix = key, value, fix


# The type each setting must have, and how to write it.
SETTING_TYPES: dict[str, tuple[tuple[type, ...], str]] = {
    "timezone": ((str,), "write 'timezone: Europe/London' (an IANA name)"),
    "permalink": ((str,), "write 'permalink: pretty' or a template such as '/:year/:title/'"),
    "excerpt_separator": ((str,), "write 'excerpt_separator: <!--more-->'"),
    "future": ((bool,), "write 'future: true' or 'future: false' without quotes"),
    "show_drafts": ((bool,), "write 'show_drafts: true' or 'show_drafts: false' without quotes"),
}


def settings_from_config(jekyll: Mapping[str, Any], overrides: Mapping[str, Any] | None = None,
                         layouts: Mapping[str, str | None] | None = None) -> SiteSettings:
    """Settings from `_config.yml` values, each overridden by a non-null value in `overrides`
    (the plugin's options). Raises DateParseError for an unknown timezone, SettingError for a
    value of the wrong type."""

    def pick(key: str) -> Any:
        value = (overrides or {}).get(key)
        value = jekyll.get(key) if value is None else value
        types, fix = SETTING_TYPES.get(key, ((object,), ""))
        if key in SETTING_TYPES and value is not None and (
                not isinstance(value, types) or isinstance(value, bool) != (types == (bool,))):
            raise SettingError(key, value, f"is not {'true or false' if types == (bool,) else 'text'}",
                               fix)
        return value

    separator = pick("excerpt_separator")
    defaults, problems = read_defaults(jekyll.get("defaults"))
    return SiteSettings(
        timezone=site_timezone(pick("timezone")),
        permalink=permalink_template(pick("permalink")),
        excerpt_separator=DEFAULT_SEPARATOR if separator is None else str(separator),
        future=bool(pick("future")),
        show_drafts=bool(pick("show_drafts")),
        unpublished=bool(jekyll.get("unpublished")),
        defaults=defaults,
        defaults_problems=problems,
        url=site_url(jekyll),
        redirects_json=_redirects_json(jekyll.get("redirect_from")),
        layouts=dict(DEFAULT_LAYOUTS if layouts is None else layouts),
    )


def _redirects_json(option: Any) -> bool:
    return not (isinstance(option, Mapping) and option.get("json") is False)


def site_url(jekyll: Mapping[str, Any]) -> str:
    """`url` + `baseurl` (Jekyll's absolute_url base), "" when `url` is not set."""
    url = str(jekyll.get("url") or "").rstrip("/")
    base = str(jekyll.get("baseurl") or "").strip("/")
    if not url:
        return ""
    return f"{url}/{base}" if base else url


def settings_key(site: SiteSettings) -> str:
    """What a post's translation depends on besides its own bytes (for the translator's memo).
    The time is not in it: only whether a post is in the future depends on it, and the
    translator reads a post again when that changes (`post_store.still_true`)."""
    return repr((site.timezone, site.permalink, site.excerpt_separator, site.future,
                 site.show_drafts, site.unpublished, site.defaults,
                 sorted(site.layouts.items())))
