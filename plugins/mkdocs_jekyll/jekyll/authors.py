"""Authors: `_data/authors.yml`, `_config.yml` `authors:` and the post's `author`/`authors`.

Jekyll themes and jekyll-seo-tag read an author either as an id into `site.data.authors`, or as
an inline mapping with a `name`. Material needs each author as an id into its authors file, so
inline and unknown authors are given ids here.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import quote

from .names import slugify

_NAME_KEYS = ("name", "display_name", "title")
_BIO_KEYS = ("bio", "description", "about")
_AVATAR_KEYS = ("avatar", "picture", "image", "photo")
_URL_KEYS = ("url", "web", "website", "uri")
_PALETTE = ("#3f51b5", "#00897b", "#8e24aa", "#c62828", "#ef6c00", "#2e7d32", "#5d4037", "#455a64")


class AuthorError(ValueError):
    """An author entry that cannot be read; `key` is the author id or the post key."""

    def __init__(self, key: str, value: object, message: str) -> None:
        super().__init__(message)
        self.key, self.value = key, value


@dataclass(frozen=True)
class Author:
    id: str
    name: str
    description: str = ""
    avatar: str = ""
    url: str | None = None
    twitter: str = ""  # handle without "@", for jekyll-seo-tag's `twitter:creator`

    def as_material(self) -> dict[str, Any]:
        """The entry for Material's authors file (`name`, `description`, `avatar`, `url`)."""
        entry: dict[str, Any] = {
            "name": self.name,
            "description": self.description,
            "avatar": self.avatar or initials_avatar(self.name or self.id),
        }
        if self.url:
            entry["url"] = self.url
        return entry


@dataclass(frozen=True)
class PostAuthors:
    """A post's authors: ids in order, inline authors it defines, and what to warn about."""

    ids: list[str]
    inline: list[Author]
    warnings: list[str]


def read_authors(data: object, source: str) -> dict[str, Author]:
    """Read a mapping of author ids to entries (from `_data/authors.yml` or `_config.yml`)."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise AuthorError(source, data, "the authors list must be a mapping of author ids to entries")
    return {str(key): author_from_entry(str(key), value) for key, value in data.items()}


def author_from_entry(author_id: str, entry: object) -> Author:
    if isinstance(entry, str):
        return Author(author_id, entry)
    if entry is None:
        return Author(author_id, author_id)
    if not isinstance(entry, dict):
        raise AuthorError(author_id, entry, "an author entry must be a mapping with a 'name'")
    name = _first_text(entry, _NAME_KEYS) or author_id
    return Author(
        id=author_id,
        name=name,
        description=_first_text(entry, _BIO_KEYS),
        avatar=_avatar(entry),
        url=_first_text(entry, _URL_KEYS) or None,
        twitter=_first_text(entry, ("twitter",)).lstrip("@"),
    )


def post_authors(front: dict[str, Any]) -> PostAuthors:
    """The authors a post names, by `authors` (list or string) or else `author`."""
    key = "authors" if front.get("authors") is not None else "author"
    value = front.get(key)
    items = value if isinstance(value, list) else [] if value in (None, "") else [value]
    ids: list[str] = []
    inline: list[Author] = []
    warnings: list[str] = []
    for item in items:
        if isinstance(item, dict):
            name = _first_text(item, _NAME_KEYS)
            if not name:
                warnings.append(
                    f"front matter '{key}' has an author without a name: {item!r} "
                    "(add 'name:' to it, or use an author id from _data/authors.yml)"
                )
                continue
            author = author_from_entry(slugify(name) or name, item)
            inline.append(author)
            ids.append(author.id)
        elif isinstance(item, (str, int)) and not isinstance(item, bool) and str(item).strip():
            ids.extend(str(item).split(",") if isinstance(item, str) and "," in item else [str(item)])
        else:
            raise AuthorError(key, item, "an author must be an id or a mapping with a 'name'")
    ids = [author_id.strip() for author_id in ids if author_id.strip()]
    return PostAuthors(list(dict.fromkeys(ids)), inline, warnings)


def initials_avatar(name: str) -> str:
    """A small SVG avatar with the author's initials, as a data URL (no file to ship)."""
    words = [word for word in name.replace("-", " ").split() if word[:1].isalnum()]
    initials = "".join(word[0] for word in words[:2]).upper() or "?"
    colour = _PALETTE[int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % len(_PALETTE)]
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f'<circle cx="32" cy="32" r="32" fill="{colour}"/>'
        '<text x="32" y="41" font-family="sans-serif" font-size="26" fill="#fff" '
        f'text-anchor="middle">{escape(initials)}</text></svg>'
    )
    return "data:image/svg+xml," + quote(svg)


def _avatar(entry: dict[str, Any]) -> str:
    for key in _AVATAR_KEYS:
        value = entry.get(key)
        if isinstance(value, dict):
            value = value.get("path") or value.get("url")
        if isinstance(value, str) and value.strip():
            value = value.strip()
            return value if "://" in value or value.startswith("data:") else value.lstrip("/")
    gravatar = entry.get("gravatar")
    if isinstance(gravatar, str) and gravatar.strip():
        digest = gravatar.strip().lower()
        if "@" in digest:
            digest = hashlib.md5(digest.encode("utf-8")).hexdigest()
        return f"https://www.gravatar.com/avatar/{quote(digest)}?s=128&d=identicon"
    return ""


def _first_text(entry: dict[str, Any], keys: tuple[str, ...]) -> str:
    for key in keys:
        value = entry.get(key)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return ""
