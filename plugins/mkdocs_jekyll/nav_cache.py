"""Material's navigation, rendered once for all the pages outside it.

Every page of a Material site carries the whole navigation, and on a news site most pages are
not in it: the posts, later pages of listings, tag pages. For those, the navigation's HTML
differs only in its links, which are relative to the page. So it is rendered once per state of
the navigation (which items there are, their titles and URLs, which are active) with marked
links (relative_links.py), and each page gets that HTML with its own relative links, as
Material's template would have written them.

A page that is in the navigation (it is an item, one of an item's pages, or has an item's URL)
is rendered by Material's template as before, and so is a state whose links could not be marked.
This plugin's `partials/nav.html` calls `NavCache`; a site's own `partials/nav.html` in its
custom_dir replaces it, and then nothing is cached.
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


def next_template(env: Environment, dirs: list[str], ours: str) -> Template:
    """`partials/nav.html` as the theme has it without this package's folder (Material's own,
    or a parent theme's), under its own name for error messages."""
    after = dirs[dirs.index(ours) + 1:] if ours in dirs else dirs
    for folder in after:
        path = Path(folder) / NAME
        if path.is_file():
            code = env.compile(path.read_text(encoding="utf-8"), NAME, str(path))
            return env.template_class.from_code(env, code, env.make_globals(None), None)
    raise TemplateNotFound(NAME)


def _items(items: list[Any]) -> Iterator[Any]:
    for item in items:
        yield item
        yield from _items(getattr(item, "children", None) or [])


class _Inside:
    """The pages a navigation holds: its items and their pages (Material's paginated views).
    A page equal to one of them (MkDocs compares title and file) has its file's src_uri."""

    def __init__(self, items: list[Any]) -> None:
        pages = [*items, *(other for item in items for other in getattr(item, "pages", None) or ())]
        self.ids = {id(item) for item in pages}
        self.uris = {item.file.src_uri for item in pages if getattr(item, "file", None)}
        self.urls = {url for item in pages if (url := getattr(item, "url", None)) is not None}

    def holds(self, page: Page) -> bool:
        return id(page) in self.ids or page.file.src_uri in self.uris or page.url in self.urls


class NavCache:
    """The `jekyll_nav()` template global, for one build."""

    def __init__(self, template: Template, enabled: bool) -> None:
        self.template = template
        self.enabled = enabled
        self.entries: dict[tuple[Any, ...], str | None] = {}  # None: links not markable
        self._inside: dict[tuple[Any, ...], _Inside] = {}
        self.hits = 0
        self.misses = 0

    def state(self, page: Any, nav: Any) -> tuple[Any, ...] | None:
        """What the navigation's HTML depends on besides the page's URL; None when the page
        is in the navigation."""
        if not self.enabled or not isinstance(page, Page) or nav is None:
            return None
        items = list(_items(nav.items))
        shape = tuple((id(item), len(getattr(item, "pages", None) or ())) for item in items)
        inside = self._inside.get(shape)
        if inside is None:
            inside = self._inside[shape] = _Inside(items)
        if inside.holds(page):
            return None
        return (id(nav), *((id(item), item.title, getattr(item, "url", None), bool(item.active))
                           for item in items))

    def _render(self, context: Context, page: Any) -> str:
        values = dict(context.get_all())
        values["page"] = page
        return self.template.render(values)

    @pass_context
    def __call__(self, context: Context) -> Markup:
        page = context.get("page")
        key = self.state(page, context.get("nav"))
        if key is None:
            return Markup(self._render(context, page))
        if key in self.entries:
            self.hits += 1
        else:
            self.misses += 1
            with MarkRelativeUrls() as marks:
                html = self._render(context, AtPageUrl(page))
            self.entries[key] = marked_template(html, marks.marked)
        found = self.entries[key]
        if found is None:
            return Markup(self._render(context, page))
        return Markup(rebase(found, page.url))
