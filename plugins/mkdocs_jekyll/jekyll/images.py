"""A post's `image`: a string or a mapping (`path`/`feature`/`thumbnail`, `alt`, `caption`),
resolved as Jekyll themes do: paths are relative to the site root, `/` or not."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .text import clean_text
from .urls import SAFE_IMAGE_SCHEMES, url_scheme

_PATH_KEYS = ("path", "feature", "url", "src", "thumbnail", "teaser")


class ImageError(ValueError):
    def __init__(self, value: object, message: str, fix: str) -> None:
        super().__init__(message)
        self.value, self.fix = value, fix


@dataclass(frozen=True)
class Image:
    url: str  # site-root-relative path (no leading slash) or an absolute http(s) URL
    local: bool  # True when `url` is a file under docs_dir
    alt: str = ""
    caption: str = ""


def read_image(front: dict[str, Any]) -> Image | None:
    value = front.get("image")
    if value is None or value == "":
        return None
    alt, caption = _text(front, "image_alt"), _text(front, "image_caption")
    if isinstance(value, dict):
        source = next((value[key] for key in _PATH_KEYS if value.get(key)), None)
        alt = _text(value, "alt") or alt
        caption = _text(value, "caption") or caption
        if source is None:
            raise ImageError(value, "the image mapping has no 'path'",
                             "write 'image: {path: assets/images/photo.jpg, alt: ...}'")
        value = source
    if not isinstance(value, str):
        raise ImageError(value, f"{type(value).__name__} is not an image path",
                         "write a path such as assets/images/photo.jpg or an https:// URL")
    return _resolve(value.strip(), alt, caption)


def _text(mapping: dict[str, Any], key: str) -> str:
    """`alt` and `caption`: text, or a number written as text."""
    value = mapping.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ImageError(value, f"'{key}' is not text", f"write '{key}: some words' on one line")
    return clean_text(str(value)).strip()


def _resolve(value: str, alt: str, caption: str) -> Image:
    parts = urlsplit(value)
    if value.startswith("//"):
        return Image("https:" + value, False, alt, caption)
    scheme = url_scheme(value)
    if scheme:
        if scheme not in SAFE_IMAGE_SCHEMES:
            raise ImageError(value, f"'{scheme}:' URLs are not allowed for images",
                             "use a path under docs/ or an https:// URL")
        return Image(value, False, alt, caption)
    if "\\" in value or (parts.scheme and len(parts.scheme) == 1):
        raise ImageError(value, "is a file path on a computer, not a site path",
                         "copy the image under docs/ and write its path, e.g. assets/images/x.jpg")
    path = posixpath.normpath(parts.path.lstrip("/"))
    if path == "." or path.split("/")[0] == "..":
        raise ImageError(value, "points outside the site", "write the path from the site root")
    return Image(path, True, alt, caption)
