"""Material's search entries of each page, kept across `mkdocs serve` rebuilds and builds.

Material's search plugin parses every page's HTML again on every build, though after an edit
to one post nearly every page is what it was. Here the entries a page gave are kept by what they
are made of (the page's URL, HTML, table of contents, title, tags and search settings, under the
search plugin's settings, Material's version and whether jieba is there), and a page that gives
the same again is not parsed again. They are kept in memory across `mkdocs serve` rebuilds and in
the cache folder (`search.pickle`) across builds. Relies on Material's SearchIndex
(`add_entry_from_context`, `entries`), so it runs with the speed-ups, within their tested
Material versions.
"""

from __future__ import annotations

import hashlib
import importlib.util
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from .post_store import Store


def _toc(items: Any) -> tuple[Any, ...]:
    return tuple((item.id, item.url, str(item.title), _toc(item.children)) for item in items)


def _key(page: Any) -> tuple[Any, ...]:
    meta = page.meta or {}
    return (page.url, hashlib.sha1(str(page.content).encode()).hexdigest(), _toc(page.toc or []),
            str(meta.get("title", page.title)), repr(meta.get("tags")), repr(meta.get("search")))


def search_index_of(config: Any) -> Any:
    """The SearchIndex of this build's Material search plugin, or None."""
    from material.plugins.search.plugin import SearchPlugin

    for plugin in config.plugins.values():
        if isinstance(plugin, SearchPlugin):
            return getattr(plugin, "search_index", None)
    return None


def _copied(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entries hold strings, numbers and a list of tag names: a copy Material may change."""
    return [{key: list(value) if isinstance(value, list) else value
             for key, value in entry.items()} for entry in entries]


def _settings(index: Any) -> str:
    try:
        material = version("mkdocs-material")
    except PackageNotFoundError:
        material = ""
    return repr((material, importlib.util.find_spec("jieba") is not None,
                 sorted((str(k), repr(v)) for k, v in dict(index.config).items())))


class SearchEntries:
    def __init__(self, store: Store | None = None) -> None:
        self.store = store
        self.entries: dict[tuple[Any, ...], list[dict[str, Any]]] = (
            dict(store.entries()) if store else {})
        self.used: set[tuple[Any, ...]] = set()
        self.hits = 0

    def attach(self, index: Any) -> None:
        """Answer this build's index from the kept entries where the page is unchanged."""
        if index is None or not isinstance(getattr(index, "entries", None), list):
            return
        original = index.add_entry_from_context
        settings = _settings(index)
        self.used, self.hits = set(), 0

        def add_entry_from_context(page: Any) -> None:
            key = (settings, *_key(page))
            found = self.entries.get(key)
            if found is None:
                start = len(index.entries)
                original(page)
                found = self.entries[key] = _copied(index.entries[start:])
            else:
                index.entries.extend(_copied(found))
                self.hits += 1
            self.used.add(key)

        index.add_entry_from_context = add_entry_from_context

    def end_build(self) -> None:
        self.entries = {key: value for key, value in self.entries.items() if key in self.used}
        if self.store and self.used:
            self.store.save(self.entries)
