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

from .errors import ContentError, Problem, shown
from .names import slugify
from .text import clean_text
from .urls import SAFE_IMAGE_SCHEMES, SAFE_LINK_SCHEMES, unsafe_scheme

_NAME_KEYS = ("name", "display_name", "title")
_BIO_KEYS = ("bio", "description", "about")
_AVATAR_KEYS = ("avatar", "picture", "image", "photo")
_URL_KEYS = ("url", "web", "website", "uri")
# Avatars go into <img src>: a data:image URL cannot run script there (our initials use one).
_AVATAR_SCHEMES = SAFE_IMAGE_SCHEMES | {"data"}
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
    """Read a mapping of author ids to entries (from `_data/authors.yml` or `_config.yml`).
    Raises ContentError naming `source`, the author id and the bad value."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ContentError(Problem(
            source, None, f"the authors must be a mapping of author ids to entries, not {shown(data)}",
            "write 'ada: {name: Ada Lovelace, bio: ..., avatar: ...}', one author per id"))
    try:
        return {str(key): author_from_entry(str(key), value) for key, value in data.items()}
    except AuthorError as error:
        raise ContentError(Problem(
            source, None, f"author '{error.key}': {shown(error.value)}: {error}",
            "give each author a mapping such as 'ada: {name: Ada Lovelace, url: https://...}'",
        )) from None


def author_from_entry(author_id: str, entry: object) -> Author:
    if isinstance(entry, str):
        return Author(author_id, entry)
    if entry is None:
        return Author(author_id, author_id)
    if not isinstance(entry, dict):
        raise AuthorError(author_id, entry, "an author entry must be a mapping with a 'name'")
    name = _first_text(entry, _NAME_KEYS, author_id) or author_id
    url = _first_text(entry, _URL_KEYS, author_id) or None
    avatar = _avatar(entry, author_id)
    for key, value, allowed in (("url", url, SAFE_LINK_SCHEMES), ("avatar", avatar, _AVATAR_SCHEMES)):
        scheme = unsafe_scheme(value or "", allowed)
        if scheme:
            raise AuthorError(author_id, value, f"'{key}' is a '{scheme}:' URL, which is not allowed "
                              "(use an https:// URL or a path on the site)")
    return Author(
        id=author_id,
        name=name,
        description=_first_text(entry, _BIO_KEYS, author_id),
        avatar=avatar,
        url=url,
        twitter=_first_text(entry, ("twitter",), author_id).lstrip("@"),
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
            name = _first_text(item, _NAME_KEYS, key)
            if not name:
                warnings.append(
                    f"front matter '{key}' has an author without a name: {shown(item)} "
                    "(add 'name:' to it, or use an author id from _data/authors.yml)"
                )
                continue
            try:
                author = author_from_entry(slugify(name) or name, item)
            except AuthorError as error:
                raise AuthorError(key, error.value, str(error)) from None
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


def _avatar(entry: dict[str, Any], author_id: str) -> str:
    for key in _AVATAR_KEYS:
        value = entry.get(key)
        if isinstance(value, dict):
            value = value.get("path") or value.get("url")
        if value is not None and not isinstance(value, str):
            raise AuthorError(author_id, value, f"'{key}' is not an image path or URL")
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


def _first_text(entry: dict[str, Any], keys: tuple[str, ...], author_id: str) -> str:
    for key in keys:
        value = entry.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise AuthorError(author_id, value, f"'{key}' is not text")
        if clean_text(str(value)).strip():
            return clean_text(str(value)).strip()
    return ""
