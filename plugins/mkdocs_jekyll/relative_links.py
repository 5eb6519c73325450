"""HTML rendered once for many pages, with each page's own relative links put in afterwards.

While such HTML is rendered, the links MkDocs and Material make relative to the page
(`mkdocs.utils.get_relative_url(target, page_url)`) are computed against `PAGE_URL`, a URL no
page has, and come out as `MARK target END`; `rebase` then puts in, for each page, the relative
URL `get_relative_url(target, page.url)` would have given. Used for excerpts on listings
(material_excerpts.py) and for the navigation (nav_cache.py).
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any

MARK, END = "\x1emkdocs-jekyll:", "\x1f"
PAGE_URL = "\x1emkdocs-jekyll-listing/"  # the URL shared HTML is rendered at: never a real one
_MARKED = re.compile("\x1emkdocs-jekyll:([^\x1e\x1f]*)\x1f")
_ESCAPED = re.compile('[&<>"]')


class MarkRelativeUrls:
    """Within `with`: relative URLs computed against `against` (`PAGE_URL`, or the URL of the
    page being rendered) come out marked, in `mkdocs.utils` and in the `also` modules that
    imported `get_relative_url` themselves."""

    def __init__(self, *also: ModuleType, against: str = PAGE_URL) -> None:
        from mkdocs import utils

        self._modules = (utils, *also)
        self._original = utils.get_relative_url
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
    from mkdocs.utils import get_relative_url

    if MARK not in template:
        return template
    return _MARKED.sub(lambda m: get_relative_url(m.group(1), page_url), template)


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
