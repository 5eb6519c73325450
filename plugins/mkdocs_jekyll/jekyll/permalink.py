"""Post URLs: a port of Jekyll's permalink styles (Configuration), placeholders (Drops::UrlDrop)
and URL generation and sanitising (URL#generate_url_from_drop, #sanitize_url)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote, unquote

from .names import slugify

STYLES = {
    "none": "/:categories/:title:output_ext",
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
}
DEFAULT_STYLE = "date"

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_PLACEHOLDER = re.compile(r":([a-z_]+)")
_PLAIN_PATH = re.compile(r"^[a-zA-Z0-9./-]+$")


class PermalinkError(ValueError):
    pass


@dataclass(frozen=True)
class UrlFacts:
    """What a post's URL is made of (the fields Jekyll's UrlDrop reads)."""

    date: datetime  # in the site timezone
    slug: str  # front matter `slug`, else from the filename
    basename: str  # the filename without extension (date included)
    categories: tuple[str, ...]
    output_ext: str = ".html"
    path: str = ""  # Document#cleaned_relative_path: relative path without extension and `_posts`


def _categories(f: UrlFacts) -> str:
    return "/".join(dict.fromkeys(name.lower() for name in f.categories))


def _slugified_categories(f: UrlFacts) -> str:
    return "/".join(dict.fromkeys(slugify(name) for name in f.categories))


PLACEHOLDERS: dict[str, Callable[[UrlFacts], str]] = {
    "year": lambda f: f"{f.date.year:04d}",
    "short_year": lambda f: f"{f.date.year % 100:02d}",
    "month": lambda f: f"{f.date.month:02d}",
    "i_month": lambda f: str(f.date.month),
    "short_month": lambda f: _MONTHS[f.date.month - 1][:3],
    "long_month": lambda f: _MONTHS[f.date.month - 1],
    "day": lambda f: f"{f.date.day:02d}",
    "i_day": lambda f: str(f.date.day),
    "y_day": lambda f: f"{f.date.timetuple().tm_yday:03d}",
    "w_year": lambda f: str(f.date.isocalendar()[0]),
    "week": lambda f: f"{f.date.isocalendar()[1]:02d}",
    "w_day": lambda f: str(f.date.isocalendar()[2]),
    "short_day": lambda f: _DAYS[f.date.weekday()][:3],
    "long_day": lambda f: _DAYS[f.date.weekday()],
    "hour": lambda f: f"{f.date.hour:02d}",
    "minute": lambda f: f"{f.date.minute:02d}",
    "second": lambda f: f"{f.date.second:02d}",
    "title": lambda f: slugify(f.slug, mode="pretty", cased=True),
    "slug": lambda f: slugify(f.slug),
    "name": lambda f: slugify(f.basename),
    "categories": _categories,
    "slugified_categories": _slugified_categories,
    "output_ext": lambda f: f.output_ext,
    "path": lambda f: f.path,
    "collection": lambda f: "posts",
}


def permalink_template(style: str | None) -> str:
    """`permalink:` from _config.yml: a style name or a template of its own."""
    if not style:
        return STYLES[DEFAULT_STYLE]
    return STYLES.get(style, style)


def post_url(template: str, facts: UrlFacts) -> str:
    """The URL Jekyll gives the post, percent-encoded, starting with `/`."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        pool = [name, name[:-1]] if name.endswith("_") else [name]
        winner = next((key for key in pool if key in PLACEHOLDERS), None)
        if winner is None:
            known = ", ".join(f":{key}" for key in PLACEHOLDERS)
            raise PermalinkError(f"':{name}' is not a permalink placeholder (use one of {known})")
        rest = match.group(0)[len(winner) + 1:]
        return _escape_path(PLACEHOLDERS[winner](facts)) + rest

    return _sanitize(_PLACEHOLDER.sub(replace, template))


def destination(url: str) -> str:
    """Where the URL's page is written, relative to the site directory (Jekyll's rules)."""
    raw = unquote(url)
    path = posixpath.normpath("/" + raw).lstrip("/")  # never above the site directory
    if path == ".":
        path = ""
    if not path or raw.endswith("/"):
        return (path + "/" if path else "") + "index.html"
    return path if path.endswith(".html") or path.endswith(".htm") else path + ".html"


def _escape_path(value: str) -> str:
    if not value or _PLAIN_PATH.match(value):
        return value
    return quote(value, safe="/:@!$&'()*+,;=-._~")


def _sanitize(url: str) -> str:
    url = ("/" + url).replace("..", "/").replace("./", "")
    return re.sub(r"/{2,}", "/", url)
