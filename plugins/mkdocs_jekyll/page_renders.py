"""Pages whose template inputs did not change since the last `mkdocs serve` build, kept
instead of rendered again.

After an edit, `mkdocs serve` builds the whole site again. The Markdown of unchanged posts is
already kept (material_speedups.py), but every page still goes through the theme's templates:
about half of a rebuild of the 1000-post benchmark site. Yet an edit to one post's text
changes the HTML of that post's page only, as long as what other pages show of it (its title,
URL, date, authors, sections, tags, front matter, table of contents, place in the navigation)
stays the same.

So each page's template output is kept, with a digest of everything its template could read:
- the page itself, whole: its HTML, Markdown, front matter, table of contents, file, and
  which pages are its parent, neighbours, posts, sections and authors;
- every other page of the build, but for its HTML, Markdown, excerpt and reading time: these
  are what an edit to a post's text changes, and no template allowed here reads them of any
  page but the one being rendered (a test checks Material's templates for it);
- the rest of the template context (navigation, related stories, head tags, feed links...);
- the site's configuration, every plugin's configuration, and the templates' global values.
When the digest of a page equals the one its kept output was rendered with, that output is
used; any difference renders it again. Values the digest does not know how to read (any type
not listed in `_Digest.add`) mean the page is rendered, and kept nothing.

What a template reads is only known for templates whose code is known, so this is on only
with the speed-ups, in `mkdocs serve` (a build renders each page once anyway), when the site's
plugins are Material's search, tags and blog and this one (another plugin could put anything in
the context or the templates' globals), and when every template is Material's, this package's,
or one of the site's own (in its custom_dir) that mentions none of those values (`_RISKY`: of
them only `page.content`, as an attribute, a quoted key or the reading time, and not the build's
time). A site's own template is read for that as written; any edit to it renders every page.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import functools
import hashlib
import os
import re
import types
import zlib
from pathlib import Path
from typing import Any

from mkdocs.config.base import Config
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.theme import Theme

# a site's own theme files that a template could read, and what they may not mention for pages
# to be kept: what an edit to a post's text changes (but the rendered page's `page.content`),
# as an attribute or a key, and the build's time
TEMPLATE_SUFFIXES = (".html", ".htm", ".xml", ".svg", ".j2", ".jinja", ".jinja2", ".txt",
                     ".json")
_RISKY = re.compile(r"[\w.\[\]'\"]*\.(?:content|markdown|excerpt|more|readtime)\b"
                    r"|[\"'](?:content|markdown|_markdown|excerpt|more|readtime)[\"']"
                    r"|\breadtime\b|\bbuild_date_utc\b")
# the plugins whose effect on templates is known, by class
KNOWN_PLUGINS = {
    "material.plugins.search.plugin.SearchPlugin",
    "material.plugins.tags.plugin.TagsPlugin",
    "material.plugins.blog.plugin.BlogPlugin",
    "mkdocs_jekyll.plugin.JekyllPlugin",
}
# what a page holds that no template reads (checks of links and anchors, the speed-ups' own
# state, and Material's per-page converter), or that follows from which page is rendered (it
# and the sections above it are active while it is)
_NOT_READ = frozenset({"links_to_anchors", "present_anchor_ids", "_cache", "md",
                       "_Page__active", "_Section__active"})
# what an edit to a post's text changes, of pages other than the one being rendered
_OWN = frozenset({"content", "markdown", "_markdown", "excerpt"})
# what MkDocs puts in every page's template context
_PAGE_CONTEXT = frozenset({"nav", "pages", "base_url", "config", "page"})
# the context's build time: no template allowed here shows it
_CONTEXT_SKIP = frozenset({"build_date_utc"})
# modules whose objects are read attribute by attribute
_READABLE = ("mkdocs.structure.", "material.plugins.", "mkdocs_jekyll.")
# types whose repr is all they hold, by a prefix of their own (not their subclasses)
_SIMPLE: dict[type, str] = {type(None): "n", bool: "b", int: "i", float: "f"}
# types read by their repr, which names all they hold
_BY_REPR = frozenset({"babel.core.Locale"})


# digests of long lists of pages or files, by their items' ids, with the items, for one build
_Lists = dict[tuple[int, ...], tuple[tuple[Any, ...], str]]


class Unknown(Exception):
    """A value the digest cannot read."""


def _type_name(value: Any) -> str:
    kind = type(value)
    return f"{kind.__module__}.{kind.__qualname__}"


class _Digest:
    """A digest of values, read the same way every build; pages by their file (the digest of
    each is in the build's digest of all pages; the rendered page's is added whole first)."""

    def __init__(self, config: Any, lists: _Lists) -> None:
        self.parts: list[str] = []
        self.config = config
        self.lists = lists
        self.seen: dict[int, int] = {}  # objects already read, by id: their order of reading

    def update(self, text: str) -> None:
        self.parts.append(f"{len(text)}:{text}")

    def digest(self) -> bytes:
        text = "".join(self.parts)
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()

    def add(self, value: Any) -> None:
        kind = type(value)
        parts = self.parts
        if kind is str:
            parts.append(f"s{len(value)}:{value}")
            return
        how = _HOW.get(kind) or _how(kind)
        if how == "page":
            parts.append(f"p{value.file.src_uri}\x00")
        elif how == "seq":
            if len(value) > 8 and self._listed(value):
                return
            parts.append(f"[{kind.__name__}{len(value)};")
            for item in value:
                self.add(item)
            parts.append("]")
        elif how == "map":
            parts.append(f"{{{kind.__name__}{len(value)};")
            for key, item in value.items():
                self.add(key)
                self.add(item)
            parts.append("}")
        elif how == "repr":
            if kind in _SIMPLE:
                parts.append(f"{_SIMPLE[kind]}{value!r};")
                return
            text = repr(value)
            if " at 0x" in text:
                raise Unknown(_type_name(value))
            self.update(f"{_type_name(value)} {text}")
        elif how == "object":
            self._object(value, _NOT_READ)
        elif how == "config":
            if value is self.config:
                parts.append("config;")  # in the site's digest
            elif self._first(value):
                self.add(dict(value.items()))
        elif how == "file":
            self.update(f"file {value.src_uri} {value.dest_uri} {value.url} {value.inclusion}")
        else:
            self._other(value, how)

    def _other(self, value: Any, how: str) -> None:
        if how == "set":
            items = sorted(repr(item) for item in value)
            if any(" at 0x" in item for item in items):
                raise Unknown(_type_name(value))
            self.update(f"{_type_name(value)}{items!r}")
        elif how == "theme":
            if self._first(value):
                self.add([value.name, value.dirs, dict(value.items())])
        elif how == "function":
            self.update(f"function {value.__module__}.{value.__qualname__}")
        elif how == "partial":  # as Material's slugify options are
            self.update("partial")
            self.add([value.func, value.args, value.keywords])
        elif how == "readtime":  # worked out from the page's HTML
            self.update("readtime")
        elif how == "dataclass":
            if self._first(value):
                self.add([(field.name, getattr(value, field.name))
                          for field in dataclasses.fields(value)])
        else:
            raise Unknown(_type_name(value))

    def _first(self, value: Any) -> bool:
        """Whether an object is met for the first time, to be read now; later, and within
        itself, it is added by its order of reading."""
        order = self.seen.get(id(value))
        if order is not None:
            self.parts.append(f"seen {order};")
            return False
        self.seen[id(value)] = len(self.seen)
        self.parts.append(f"<{type(value).__qualname__};")
        return True

    def _object(self, value: Any, skip: frozenset[str]) -> None:
        if not self._first(value):
            return
        parts, add = self.parts, self.add
        for name, item in vars(value).items():
            if name not in skip:
                parts.append(f"a{name};")
                add(item)
        parts.append(">")

    def _listed(self, items: Any) -> bool:
        """A long list of pages or files (the pages of the site, of a listing): added by
        their files, worked out once per build; False for any other list."""
        key = tuple(map(id, items))
        found = self.lists.get(key)
        if found is None:
            if not all((_HOW.get(type(item)) or _how(type(item))) in ("page", "file")
                       for item in items):
                return False
            text = "\x00".join(
                f"{item.file.src_uri}" if isinstance(item, Page)
                else f"file {item.src_uri} {item.dest_uri} {item.url} {item.inclusion}"
                for item in items)
            # the items are kept with their digest: while the build runs, no other object
            # can take one of their ids (Material makes a listing's excerpts anew per page)
            found = self.lists[key] = (tuple(items), hashlib.blake2b(
                text.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest())
        self.update(f"{type(items).__name__} {found[1]}")
        return True


def _how(kind: type) -> str:
    """How `_Digest.add` reads values of a type, worked out once per type."""
    how = "unknown"
    if kind in _SIMPLE or issubclass(kind, (str, bytes, bool, int, float, enum.Enum,
                                             datetime.date, datetime.time, datetime.timedelta,
                                             datetime.tzinfo)) or (
            f"{kind.__module__}.{kind.__qualname__}" in _BY_REPR):
        how = "repr"
    elif issubclass(kind, Page):
        how = "page"
    elif issubclass(kind, (list, tuple)):
        how = "seq"
    elif issubclass(kind, dict):
        how = "map"
    elif issubclass(kind, (set, frozenset)):
        how = "set"
    elif issubclass(kind, File):
        how = "file"
    elif issubclass(kind, Config):
        how = "config"
    elif issubclass(kind, Theme):
        how = "theme"
    elif issubclass(kind, (types.FunctionType, types.BuiltinFunctionType, types.MethodType)):
        how = "function"
    elif issubclass(kind, functools.partial):
        how = "partial"
    elif kind.__name__ == "LazyReadtime" and kind.__module__.startswith("mkdocs_jekyll."):
        how = "readtime"
    elif dataclasses.is_dataclass(kind):
        how = "dataclass"
    elif kind.__module__.startswith(_READABLE) and hasattr(kind, "__dict__") and not (
            getattr(kind, "__slots__", None)):
        how = "object"
    _HOW[kind] = how
    return how


_HOW: dict[type, str] = {}


def site_digest(config: Any, globals_: dict[str, Any]) -> bytes:
    """The configuration, every plugin's, and the templates' global values (not their
    functions, which are code)."""
    digest = _Digest(None, {})
    digest.add({key: value for key, value in config.items() if key != "plugins"})
    for name, plugin in config.plugins.items():
        digest.add(name)
        digest.add(_type_name(plugin))
        digest.add(dict(plugin.config.items()))
    for name, value in globals_.items():
        if not callable(value) and not isinstance(value, type):
            digest.add(name)
            digest.add(value)
    for folder in config.theme.dirs:  # a template edited while serving
        for top, subdirs, names in os.walk(folder):  # top-down, in the order of subdirs
            subdirs[:] = sorted(name for name in subdirs if name != ".icons")  # no templates
            for name in sorted(names):
                stat = os.stat(os.path.join(top, name))
                digest.update(f"{top}/{name} {stat.st_mtime_ns} {stat.st_size}")
    return digest.digest()


def pages_digest(files: Any, config: Any, lists: _Lists) -> bytes:
    """Every page of the build, but for what an edit to its text changes (`_OWN`)."""
    digest = _Digest(config, lists)
    for file in files:
        page = file.page
        if page is None:
            continue
        digest.update(file.src_uri)
        digest.seen.clear()
        digest._object(page, _NOT_READ | _OWN)
        digest.add(getattr(page, "excerpt", None) is not None)
    return digest.digest()


def allowed(config: Any, ours: str) -> str | None:
    """Why page outputs cannot be kept for this site, or None when they can."""
    for plugin in config.plugins.values():
        if _type_name(plugin) not in KNOWN_PLUGINS:
            return f"the plugin {_type_name(plugin)} may change what templates read"
    if config.theme.name != "material":
        return "the theme is not Material"
    import material
    import mkdocs

    known = (Path(material.__file__).parent, Path(mkdocs.__file__).parent)
    for folder in config.theme.dirs:
        path = Path(folder)
        if str(path) == ours or any(path.is_relative_to(package) for package in known):
            continue
        for found in sorted(path.rglob("*")):
            if found.suffix.lower() in TEMPLATE_SUFFIXES and found.is_file():
                text = found.read_text(encoding="utf-8", errors="replace")
                for match in _RISKY.finditer(text):
                    if match.group() != "page.content":
                        return f"{found} reads {match.group()!r}"
    return None


class _KeptTemplate:
    """A page template, as `mkdocs build` asks for it: renders through `PageRenders`."""

    def __init__(self, template: Any, renders: PageRenders) -> None:
        self._template = template
        self._renders = renders

    def __getattr__(self, name: str) -> Any:
        return getattr(self._template, name)

    def render(self, *args: Any, **kwargs: Any) -> str:
        if len(args) == 1 and not kwargs and isinstance(args[0], dict) and (
                args[0].keys() >= _PAGE_CONTEXT):  # MkDocs rendering a page
            return self._renders.render(self._template, args[0])
        return str(self._template.render(*args, **kwargs))


class PageRenders:
    """Kept across `mkdocs serve` builds, by the plugin; `start` on every build's on_env."""

    def __init__(self) -> None:
        # by a page's src_uri and template: the digest it was rendered with and its output,
        # compressed
        self.outputs: dict[tuple[str, str], tuple[bytes, bytes]] = {}
        self.enabled = False
        self.kept = 0
        self.rendered = 0
        self._build: tuple[Any, Any, dict[str, Any]] | None = None
        self._site: bytes | None = None
        self._lists: _Lists = {}
        self._seen: set[tuple[str, str]] = set()

    def start(self, env: Any, config: Any, files: Any, enabled: bool) -> None:
        self.enabled = enabled
        self.kept = self.rendered = 0
        self._site = None
        self._lists = {}
        self._seen = set()
        self._build = (config, files, env.globals)
        if not enabled:
            self.outputs.clear()
            return
        get_template = env.get_template

        def page_template(name: Any, parent: Any = None, globals: Any = None) -> Any:
            template = get_template(name, parent, globals)
            if parent is None and globals is None:  # as MkDocs asks for a page's template
                return _KeptTemplate(template, self)
            return template

        env.get_template = page_template

    def end_build(self) -> None:
        """Forget the pages this build did not have."""
        if self.enabled:
            for uri in set(self.outputs) - self._seen:
                del self.outputs[uri]
        self._build = None

    def _site_key(self) -> bytes | None:
        if self._site is None and self._build is not None:
            config, files, globals_ = self._build
            try:
                self._site = site_digest(config, globals_) + pages_digest(files, config,
                                                                          self._lists)
            except Unknown:
                self._site = b""
        return self._site or None

    def key(self, name: str, context: dict[str, Any]) -> bytes | None:
        site = self._site_key()
        if site is None or self._build is None:
            return None
        digest = _Digest(self._build[0], self._lists)
        digest.update(name)
        digest.update(site.hex())
        try:
            digest._object(context["page"], _NOT_READ)  # the rendered page, whole
            for key, value in context.items():
                if key != "page" and key not in _CONTEXT_SKIP:
                    digest.add(key)
                    digest.add(value)
        except Unknown:
            return None
        return digest.digest()

    def render(self, template: Any, context: dict[str, Any]) -> str:
        page = context.get("page")
        if not self.enabled or not isinstance(page, Page):
            return str(template.render(context))
        name = str(template.name)
        uri = (page.file.src_uri, name)
        self._seen.add(uri)
        key = self.key(name, context)
        found = self.outputs.get(uri)
        if key is not None and found is not None and found[0] == key:
            self.kept += 1
            return zlib.decompress(found[1]).decode("utf-8", "surrogatepass")
        output = str(template.render(context))
        self.rendered += 1
        if key is None:
            self.outputs.pop(uri, None)
        else:
            self.outputs[uri] = (key, zlib.compress(output.encode("utf-8", "surrogatepass"), 1))
        return output
