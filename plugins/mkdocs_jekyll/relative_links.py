"""HTML rendered once for many pages, with each page's own relative links put in afterwards.

While such HTML is rendered, the links MkDocs and Material make relative to the page
(`mkdocs.utils.get_relative_url(target, page_url)`) are computed against `PAGE_URL`, a URL no
page has, and come out as `MARK target END`; `rebase` then puts in, for each page, the relative
URL `get_relative_url(target, page.url)` would have given. Used for excerpts on listings
(material_excerpts.py) and for the navigation (nav_cache.py).
"""

from __future__ import annotations

import functools
import posixpath
import re
from types import ModuleType
from typing import Any

from mkdocs import utils as mkdocs_utils

MARK, END = "\x1emkdocs-jekyll:", "\x1f"
PAGE_URL = "\x1emkdocs-jekyll-listing/"  # the URL shared HTML is rendered at: never a real one
_MARKED = re.compile("\x1emkdocs-jekyll:([^\x1e\x1f]*)\x1f")
_ESCAPED = re.compile('[&<>"]')


class MarkRelativeUrls:
    """Within `with`: relative URLs computed against `against` (`PAGE_URL`, or the URL of the
    page being rendered) come out marked, in `mkdocs.utils` and in the `also` modules that
    imported `get_relative_url` themselves."""

    def __init__(self, *also: ModuleType, against: str = PAGE_URL) -> None:
        self._modules = (mkdocs_utils, *also)
        self._original = mkdocs_utils.get_relative_url
        self._against = against
        self.marked = 0

    def _relative(self, url: str, other: str) -> str:
        if other == self._against:
            self.marked += 1
            return MARK + url + END
        return self._original(url, other)

    def __enter__(self) -> MarkRelativeUrls:
        for module in self._modules:
            module.get_relative_url = self._relative  # type: ignore[attr-defined]
        return self

    def __exit__(self, *exc: object) -> None:
        for module in self._modules:
            module.get_relative_url = self._original  # type: ignore[attr-defined]


def marked_template(html: str, marked: int) -> str | None:
    """`html` with marked links, when every mark is whole and its URL needs no escaping; None
    when rebasing could differ from rendering at the page."""
    found = _MARKED.findall(html)
    if len(found) != marked or any(_ESCAPED.search(url) for url in found):
        return None
    rest = _MARKED.sub("", html)
    if "\x1e" in rest or "\x1f" in rest:
        return None
    return html


def rebase(template: str, page_url: str) -> str:
    """The HTML as rendered at `page_url`."""
    if MARK not in template:
        return template
    if mkdocs_utils.get_relative_url is not _GET_RELATIVE_URL:  # marking, or another's: ask it
        relative = mkdocs_utils.get_relative_url
        return _MARKED.sub(lambda m: relative(m.group(1), page_url), template)
    texts, targets = _split(template)
    other = _parts(_folder(page_url))
    depth = len(other)
    out = [texts[0]]
    for (dest, slash), text in zip(targets, texts[1:], strict=True):
        common = 0
        for a, b in zip(other, dest, strict=False):
            if a != b:
                break
            common += 1
        url = "/".join(("..",) * (depth - common) + dest[common:]) or "."
        out.append(url + "/" if slash else url)
        out.append(text)
    return "".join(out)


_GET_RELATIVE_URL = mkdocs_utils.get_relative_url


# What MkDocs' get_relative_url(url, other) does, with what depends on `url` alone (each marked
# target) worked out once per shared HTML, and what depends on `other` once per page:
# tests/test_properties.py compares the two on generated URLs.

def _folder(other: str) -> str:
    dirname, _, basename = other.rpartition("/")
    return dirname if "." in basename else other


@functools.lru_cache(maxsize=4096)
def _parts(path: str) -> tuple[str, ...]:
    if not path.startswith("/"):
        path = "/" + path
    path = posixpath.normpath(path)[1:]
    return tuple(path.split("/")) if path else ()


@functools.lru_cache(maxsize=256)
def _split(template: str) -> tuple[list[str], list[tuple[tuple[str, ...], bool]]]:
    """The text between the marks, and each mark's target: its parts, and its final slash."""
    pieces = _MARKED.split(template)
    return pieces[0::2], [(_parts(url), url.endswith("/")) for url in pieces[1::2]]


class AtPageUrl:
    """Stands for a page while shared HTML is rendered: its URL is `PAGE_URL`, it equals no
    other object, and everything else is the page's."""

    url = PAGE_URL

    def __init__(self, page: Any = None) -> None:
        self._page = page

    def __getattr__(self, name: str) -> Any:
        if self._page is None:
            raise AttributeError(name)
        return getattr(self._page, name)
