"""Post filenames, slugs and titles, as Jekyll's `Document` and `Utils` derive them."""

from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass

# Document::DATE_FILENAME_MATCHER, applied to the file name.
DATE_FILENAME = re.compile(r"^(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$")
DATELESS_FILENAME = re.compile(r"^(.*)(\.[^.]+)$")
POSTS_DIR = "_posts"
DRAFTS_DIR = "_drafts"

# Utils.slugify keeps letters (\p{L}), marks (\p{M}) and decimal digits (\p{Nd}), and in
# "pretty" mode these URL-safe characters too; every other run becomes one hyphen.
_PRETTY_EXTRA = frozenset("._~!$&'()+,;=@")
# The same rule for ASCII text, where letters and digits are A-Z, a-z and 0-9.
_ASCII_DROPPED = {
    "default": re.compile(r"[^A-Za-z0-9]+"),
    "pretty": re.compile(r"[^A-Za-z0-9" + re.escape("".join(sorted(_PRETTY_EXTRA))) + r"]+"),
}


@dataclass(frozen=True)
class PostPath:
    """What a post's path says: its filename date (if any), slug, and path categories."""

    date: str | None
    slug: str
    ext: str
    path_categories: tuple[str, ...]


def parse_post_path(rel_path: str, special_dir: str = POSTS_DIR) -> PostPath:
    """Split `world/asia/_posts/2025-08-28-slug.md` into date, slug and categories.

    Categories come from the folders above the `_posts` folder (Document#categories_from_path);
    folders inside `_posts` are ignored, as in Jekyll 4.
    """
    name = posixpath.basename(rel_path)
    match = DATE_FILENAME.match(name)
    if match:
        date, slug, ext = match.groups()
    else:
        dateless = DATELESS_FILENAME.match(name)
        date, (slug, ext) = None, (dateless.groups() if dateless else (name, ""))
    slug = slug.rstrip(".")
    return PostPath(date, slug, ext, categories_from_path(rel_path, special_dir))


def categories_from_path(rel_path: str, special_dir: str = POSTS_DIR) -> tuple[str, ...]:
    parts = rel_path.split("/")
    if special_dir not in parts[:-1]:
        return ()
    above = parts[: parts.index(special_dir)]
    return tuple(part for part in above if part)


def titleize_slug(slug: str) -> str:
    """Utils.titleize_slug: `big-news` becomes `Big News` (Ruby's capitalize lowercases the rest)."""
    words = slug.split("-")
    while words and not words[-1]:  # Ruby's split drops trailing empty fields
        words.pop()
    return " ".join(word.capitalize() for word in words)


def _kept(ch: str, extra: frozenset[str]) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "LM" or category == "Nd" or ch in extra


def slugify(text: str | None, mode: str = "default", cased: bool = False) -> str:
    """Utils.slugify for the modes permalinks use: default, pretty and raw."""
    if text is None:
        return ""
    text = str(text)
    if mode == "raw":
        replaced = re.sub(r"\s+", "-", text)
    elif text.isascii():
        replaced = _ASCII_DROPPED["pretty" if mode == "pretty" else "default"].sub("-", text)
    else:
        extra = _PRETTY_EXTRA if mode == "pretty" else frozenset()
        replaced = "".join(ch if _kept(ch, extra) else "\0" for ch in text)
        replaced = re.sub("\0+", "-", replaced)
    slug = re.sub(r"^-|-$", "", replaced)
    return slug if cased else slug.lower()
