"""Material's navigation, rendered once for many pages.

Every page of a Material site carries the whole navigation. On a news site most pages are not
items of it: the posts and tag pages lie outside it, and the later pages of a listing (page 2,
3, ... of a section) are only among its item's `pages`. For those, the navigation's HTML
differs only in its links, which are relative to the page, and, for a listing's later pages,
in what Material shows of the page itself (its title, icon, subtitle, status and table of
contents, in place of the listing's item). So it is rendered once per state of the navigation
(its items, their titles and URLs, which are active) and, for a listing's later pages, per
listing and what is shown of the page, with marked links (relative_links.py); every other page
with the same key gets that HTML with its own relative links, as Material's template would have
written them.

It relies on Material's partials/nav.html and nav-item.html (and what they include) being
Material's own; with any of them in a site's custom_dir, or the speed-ups off, every page's
navigation is rendered by the theme's template. A page that is itself an item (or equal to one,
or at an item's URL) always is, and so is a state whose links could not be marked.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jinja2 import Environment, Template, TemplateNotFound, pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.structure.pages import Page

from .relative_links import AtPageUrl, MarkRelativeUrls, marked_template, rebase

NAME = "partials/nav.html"
# What Material's nav.html renders with; the cache knows how these use the page.
KNOWN = (NAME, "partials/nav-item.html", "partials/toc.html", "partials/toc-item.html",
         "partials/logo.html", "partials/source.html")


def next_template(env: Environment, dirs: list[str], ours: str) -> tuple[Template, bool]:
    """`partials/nav.html` as the theme has it without this package's folder (Material's own,
    or a parent theme's), under its own name for error messages; and whether it and the
    partials it renders with all come from that one folder (none is overridden)."""
    after = dirs[dirs.index(ours) + 1:] if ours in dirs else dirs
    for folder in after:
        path = Path(folder) / NAME
        if path.is_file():
            code = _compiled(env, path.read_text(encoding="utf-8"), str(path))
            template = env.template_class.from_code(env, code, env.make_globals(None), None)
            before = [d for d in dirs[: dirs.index(folder)] if d != ours]
            own = not any((Path(d) / name).exists() for d in before for name in KNOWN)
            return template, own
    raise TemplateNotFound(NAME)


def _compiled(env: Environment, source: str, filename: str) -> Any:
    """The template's code, through the environment's bytecode cache when it has one (as
    Jinja's loaders do)."""
    cache = env.bytecode_cache
    if cache is None:
        return env.compile(source, NAME, filename)
    bucket = cache.get_bucket(env, NAME, filename, source)
    if bucket.code is None:
        bucket.code = env.compile(source, NAME, filename)
        cache.set_bucket(bucket)
    return bucket.code


def _all_items(items: list[Any]) -> Iterator[Any]:
    """Every item of the navigation, each before its children (once per page: no recursion)."""
    stack = list(reversed(items))
    while stack:
        item = stack.pop()
        yield item
        children = getattr(item, "children", None)
        if children:
            stack.extend(reversed(children))


_ITEM = object()  # `_Inside.where`: the page is an item, or may be taken for one


class _Inside:
    """Where pages stand in a navigation: its items, and the pages of its items (Material's
    paginated listings). Lists test membership with ==, which MkDocs answers from the title
    and the file: a page equal to one of them has its file's src_uri."""

    def __init__(self, items: list[Any]) -> None:
        self.ids = {id(item) for item in items}
        self.uris = {item.file.src_uri for item in items if getattr(item, "file", None)}
        self.urls = {url for item in items if (url := getattr(item, "url", None)) is not None}
        self.owners: dict[int, Any] = {}  # id of a page -> the item whose pages hold it
        self.owner_uris: dict[str, int] = {}  # how many items hold a page with that src_uri
        for item in items:
            for other in getattr(item, "pages", None) or ():
                if other is item or id(other) in self.ids:
                    continue
                self.owners[id(other)] = item
                uri = other.file.src_uri
                self.owner_uris[uri] = self.owner_uris.get(uri, 0) + 1

    def where(self, page: Page) -> Any:
        """None (outside), `_ITEM`, or the item whose pages hold the page."""
        uri = page.file.src_uri
        if id(page) in self.ids or uri in self.uris or page.url in self.urls:
            return _ITEM
        owner = self.owners.get(id(page))
        if owner is None:
            return _ITEM if uri in self.owner_uris else None
        return owner if self.owner_uris[uri] == 1 else _ITEM


def _toc(items: Any) -> tuple[Any, ...]:
    return tuple((item.title, item.url, item.level, repr(getattr(item, "typeset", None)),
                  _toc(item.children)) for item in items)


def _shown(page: Page) -> tuple[Any, ...] | None:
    """What Material's nav-item.html shows of a page that takes its item's place."""
    if (getattr(page, "typeset", None) is not None or getattr(page, "encrypted", None)
            or getattr(page, "children", None)):
        return None
    meta = page.meta or {}
    return (page.title, bool(meta), repr(meta.get("icon")), repr(meta.get("subtitle")),
            repr(meta.get("status")), _toc(page.toc or []))


class NavCache:
    """The `jekyll_nav()` template global, for one build."""

    def __init__(self, template: Template, enabled: bool) -> None:
        self.template = template
        self.enabled = enabled
        self.entries: dict[tuple[Any, ...], str | None] = {}  # None: links not markable
        self._inside: dict[tuple[Any, ...], _Inside] = {}
        self.hits = 0
        self.misses = 0

    def key(self, page: Any, nav: Any, language: str = "") -> tuple[Any, ...] | None:
        """What the navigation's HTML depends on besides the page's URL; None when that is
        more than the cache knows (the page is an item)."""
        if not self.enabled or not isinstance(page, Page) or nav is None:
            return None
        # one walk over the items for both the shape and the state
        shape: list[tuple[int, int]] = []
        state: list[Any] = [id(nav), language]
        for item in _all_items(nav.items):
            pages = getattr(item, "pages", None)
            shape.append((id(item), len(pages) if pages else 0))
            state.append((id(item), item.title,
                          None if item.is_section else getattr(item, "url", None),
                          bool(item.active)))
        inside = self._inside.get(key := tuple(shape))
        if inside is None:
            inside = self._inside[key] = _Inside(list(_all_items(nav.items)))
        where = inside.where(page)
        if where is _ITEM:
            return None
        if where is None:
            return ("outside", tuple(state))
        shown = _shown(page)
        return None if shown is None else ("in", id(where), shown, tuple(state))

    def _render(self, context: Context, page: Any) -> str:
        values = dict(context.get_all())
        values["page"] = page
        return self.template.render(values)

    @pass_context
    def __call__(self, context: Context) -> Markup:
        page = context.get("page")
        config = context.get("config")
        theme = getattr(config, "theme", None)  # Material's strings follow the theme language
        key = self.key(page, context.get("nav"), str(theme.get("language") if theme else ""))
        if key is None:
            return Markup(self._render(context, page))
        if key in self.entries:
            self.hits += 1
        else:
            self.misses += 1
            if key[0] == "outside":  # a stand-in: the page equals no item, is in no item's pages
                with MarkRelativeUrls() as marks:
                    html = self._render(context, AtPageUrl(page))
            else:  # the page itself, which takes its item's place: links marked against it
                with MarkRelativeUrls(against=page.url) as marks:
                    html = self._render(context, page)
            self.entries[key] = marked_template(html, marks.marked)
        found = self.entries[key]
        if found is None:
            return Markup(self._render(context, page))
        return Markup(rebase(found, page.url))

