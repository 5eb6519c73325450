"""A post's `image`: a string or a mapping (`path`/`feature`/`thumbnail`, `alt`, `caption`),
resolved as Jekyll themes do: paths are relative to the site root, `/` or not."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

_PATH_KEYS = ("path", "feature", "url", "src", "thumbnail", "teaser")
_SAFE_SCHEMES = ("http", "https")


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
    alt, caption = str(front.get("image_alt") or ""), str(front.get("image_caption") or "")
    if isinstance(value, dict):
        source = next((value[key] for key in _PATH_KEYS if value.get(key)), None)
        alt = str(value.get("alt") or alt)
        caption = str(value.get("caption") or caption)
        if source is None:
            raise ImageError(value, "the image mapping has no 'path'",
                             "write 'image: {path: assets/images/photo.jpg, alt: ...}'")
        value = source
    if not isinstance(value, str):
        raise ImageError(value, f"{type(value).__name__} is not an image path",
                         "write a path such as assets/images/photo.jpg or an https:// URL")
    return _resolve(value.strip(), alt, caption)


def _resolve(value: str, alt: str, caption: str) -> Image:
    parts = urlsplit(value)
    if value.startswith("//"):
        return Image("https:" + value, False, alt, caption)
    if parts.scheme and len(parts.scheme) > 1:  # a one-letter scheme is a Windows drive
        if parts.scheme.lower() not in _SAFE_SCHEMES:
            raise ImageError(value, f"'{parts.scheme}:' URLs are not allowed for images",
                             "use a path under docs/ or an https:// URL")
        return Image(value, False, alt, caption)
    if "\\" in value or (parts.scheme and len(parts.scheme) == 1):
        raise ImageError(value, "is a file path on a computer, not a site path",
                         "copy the image under docs/ and write its path, e.g. assets/images/x.jpg")
    path = posixpath.normpath(parts.path.lstrip("/"))
    if path == "." or path.split("/")[0] == "..":
        raise ImageError(value, "points outside the site", "write the path from the site root")
    return Image(path, True, alt, caption)
