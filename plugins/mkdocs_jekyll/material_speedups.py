"""Speed-ups for Material's blog, which this plugin feeds: the same HTML, built in less time.

Material's blog, as of 9.7-9.8, spends most of a news build in four places:

* every listing a post appears in (front page, archive, each category and author page)
  re-converts the WHOLE post to Markdown's HTML and then keeps only the part before
  `<!-- more -->`; here an excerpt is rendered only when a template reads it, from its own
  Markdown (the part before the separator), and kept, by content, across views and across
  `mkdocs serve` rebuilds;
* each post's reading time is worked out by parsing its HTML, though the news layouts show
  none; here when a template first reads it (`LazyReadtime`);
* `page in blog.posts` is a list scan comparing titles and files, once per page per post
  (quadratic); here the list answers membership from a set of the posts' identities;
* each post's front matter is read with PyYAML's pure-Python loader; here a copy's front matter
  is given as reading it would give it, from the values the copy was written from
  (`Speedups.copy_made`, `yamlcopy.loaded`), and any other is read with libyaml's (same
  constructors, so the same values), each text once: kept across `mkdocs serve` rebuilds and,
  in the cache folder, across builds (`FrontMatterMemo`);
* every page of every listing builds a Markdown converter for its heading (the second page of a
  section has the first page's Markdown); here a listing page whose HTML cannot depend on
  where it is (no links but to its own anchors, nothing logged, only local extensions) is
  converted once per Markdown text (`shared_view_class`);
* every post builds a Markdown converter of its own (MkDocs' `Page.render`); here, with local
  extensions only, the posts share one, reset before each (`MarkdownPool`);
* Material's search parses every page's HTML on every build; here a page whose HTML, title,
  tags and search settings are those of a page already indexed, in this build, an earlier
  rebuild or (from the cache folder) an earlier build, gets the same entries
  (`search_cache.py`).

They rely on Material's internals, so they run only with the versions they were tested with
(`TESTED`) and step aside with one info line otherwise; `speedups: false` turns them off.
An excerpt keeps Material's own rendering whenever its Markdown could render differently in
part than in whole (footnotes, reference links or ids defined after the separator, code fences
or HTML blocks before it, extensions not known to be local).
"""

from __future__ import annotations

import contextlib
import copy
import functools
import hashlib
import logging
import pickle
import re
from collections.abc import Iterator
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import yaml
from mkdocs.plugins import get_plugin_logger

from .jekyll import yamlcopy
from .jekyll.mapping import copy_front_matter, material_front_matter
from .jekyll.post import JekyllPost
from .material_excerpts import (  # noqa: F401 (excerpt_head: part of this module's interface)
    SharedConverter,
    excerpt_head,
    fast_excerpt_class,
    lazy_excerpt_class,
)
from .post_store import Store
from .search_cache import SearchEntries, search_index_of

log = get_plugin_logger(__name__)

TESTED = ((9, 7), (10, 0))  # Material versions whose internals these speed-ups were checked on

# Extensions whose output for a block depends only on that block (and earlier ones).
LOCAL_EXTENSIONS = frozenset({
    "abbr", "admonition", "attr_list", "codehilite", "def_list", "fenced_code", "footnotes",
    "legacy_attrs", "legacy_em", "md_in_html", "meta", "nl2br", "sane_lists", "smarty", "tables",
    "toc", "wikilinks", "extra",
    "pymdownx.betterem", "pymdownx.caret", "pymdownx.details", "pymdownx.emoji",
    "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.keys", "pymdownx.magiclink",
    "pymdownx.mark", "pymdownx.smartsymbols", "pymdownx.superfences", "pymdownx.tabbed",
    "pymdownx.tasklist", "pymdownx.tilde", "pymdownx.arithmatex", "pymdownx.critic",
    "pymdownx.escapeall", "pymdownx.saneheaders", "pymdownx.blocks.admonition",
    "pymdownx.blocks.details", "pymdownx.blocks.tab", "material.extensions.emoji",
    # this package's kramdown syntax: local except `{:toc}`, `{::comment}` spans and IALs, which
    # `excerpt_head` keeps out of the fast path
    "mkdocs_jekyll.jekyll.kramdown",
})

def material_version() -> tuple[int, ...] | None:
    try:
        text = version("mkdocs-material")
    except PackageNotFoundError:
        return None
    parts = re.findall(r"\d+", text)[:2]
    return tuple(int(p) for p in parts) if len(parts) == 2 else None


def supported(found: tuple[int, ...] | None) -> bool:
    low, high = TESTED
    return found is not None and low <= found < high


def _short_extension_name(name: str) -> str:
    return name.removeprefix("markdown.extensions.")


def local_extensions(config: Any) -> bool:
    """True when every Markdown extension renders a block without looking at later blocks."""
    for ext in config.markdown_extensions:
        if not isinstance(ext, str) or _short_extension_name(ext) not in LOCAL_EXTENSIONS:
            return False
    return True


class ExcerptCache:
    """Rendered excerpts (and, in `mkdocs serve`, posts) by everything their HTML depends on;
    entries unused in a build are dropped after it."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, ...], Any] = {}
        self.used: set[tuple[str, ...]] = set()
        self.context = ""  # the Markdown settings and the site's files, as one digest
        self.keep = False  # only `mkdocs serve` builds again: a single build keeps nothing
        self.hits = 0
        self.misses = 0
        self.page_hits = 0
        self.converter = SharedConverter()
        self.listings: dict[str, Any] = {}  # see shared_view_class; for one build
        self.view_hits = 0

    def start_build(self, config: Any, files: Any) -> None:
        digest = hashlib.sha1(repr((config.markdown_extensions, config.mdx_configs,
                                    config.use_directory_urls, config.validation)).encode())
        for file in files:
            digest.update(f"{file.src_uri}\0{file.url}\n".encode())
        self.context = digest.hexdigest()
        self.used = set()
        self.hits = self.misses = self.page_hits = self.view_hits = 0
        self.converter = SharedConverter()
        self.listings = {}

    def end_build(self) -> None:
        if not self.keep:  # a single build: nothing is needed again
            self.entries = {}
        self.entries = {key: value for key, value in self.entries.items() if key in self.used}


class PostList(list):  # type: ignore[type-arg]
    """Material's list of posts, answering `page in posts` from a set of identities.

    A page that is not one of these posts but equal to one (same class, title and file) is
    still found, by the list's own scan, so the answer never changes; only posts of this list
    take the fast path.
    """

    def __init__(self, posts: list[Any], post_class: type) -> None:
        super().__init__(posts)
        self._ids: set[int] | None = None
        self._post_class = post_class

    def __contains__(self, item: object) -> bool:
        if self._ids is None:
            self._ids = {id(post) for post in self}
        if id(item) in self._ids:
            return True
        if not isinstance(item, self._post_class):
            return False  # Page.__eq__ wants the post's class: no post can equal it
        return super().__contains__(item)

    def _changed(self) -> None:
        self._ids = None

    def append(self, item: Any) -> None:
        super().append(item)
        self._changed()

    def extend(self, items: Any) -> None:
        super().extend(items)
        self._changed()

    def insert(self, index: Any, item: Any) -> None:
        super().insert(index, item)
        self._changed()

    def remove(self, item: Any) -> None:
        super().remove(item)
        self._changed()

    def pop(self, index: Any = -1) -> Any:
        item = super().pop(index)
        self._changed()
        return item

    def clear(self) -> None:
        super().clear()
        self._changed()

    def __setitem__(self, index: Any, value: Any) -> None:
        super().__setitem__(index, value)
        self._changed()

    def __delitem__(self, index: Any) -> None:
        super().__delitem__(index)
        self._changed()

    def __iadd__(self, items: Any) -> PostList:
        super().__iadd__(items)
        self._changed()
        return self


@functools.total_ordering
class LazyReadtime:
    """Material's reading time of a post, worked out from the post's HTML when a template first
    reads it (the news layouts show none). Material's `readtime` is never under one minute, so
    it is true without being worked out; printed, compared and formatted it is the number."""

    __slots__ = ("_html", "_value", "_words_per_minute")

    def __init__(self, html: str, words_per_minute: int) -> None:
        self._html: str | None = html
        self._words_per_minute = words_per_minute
        self._value: int | None = None

    @property
    def value(self) -> int:
        if self._value is None:
            from material.plugins.blog.readtime import readtime

            self._value = int(readtime(self._html, self._words_per_minute))
            self._html = None
        return self._value

    def __bool__(self) -> bool:
        return True

    def __int__(self) -> int:
        return self.value

    __index__ = __int__

    def __str__(self) -> str:
        return str(self.value)

    __repr__ = __str__

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)

    def __hash__(self) -> int:
        return hash(self.value)

    @staticmethod
    def _number(other: object) -> object:
        return other.value if isinstance(other, LazyReadtime) else other

    def __eq__(self, other: object) -> bool:
        return bool(self.value == self._number(other))

    def __lt__(self, other: Any) -> bool:
        return bool(self.value < self._number(other))


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextlib.contextmanager
def _recorded() -> Iterator[list[logging.LogRecord]]:
    """The messages MkDocs logs inside the block (they still reach the log)."""
    handler = _Records()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)


class MarkdownPool:
    """One Markdown converter for the posts of a build, reset before each post (as
    Python-Markdown asks between conversions), instead of one made per post: making a converter
    builds every extension again, 1.1 ms a post. Only with extensions that render a block by
    itself (`LOCAL_EXTENSIONS`, each tested to convert alike from a reset converter)."""

    def __init__(self) -> None:
        from mkdocs.structure import pages

        self._pages = pages
        self._module = getattr(pages, "markdown", None)
        self.settings: dict[str, Any] | None = None
        self.md: Any = None
        self.made = 0
        self.reused = 0

    def Markdown(self, **settings: Any) -> Any:  # stands in for markdown.Markdown
        if self.md is None or settings != self.settings:
            self.md = self._module.Markdown(**settings)  # type: ignore[union-attr]
            self.settings = settings
            self.made += 1
        else:
            self.md.reset()
            self.reused += 1
        return self.md

    @contextlib.contextmanager
    def used(self) -> Iterator[None]:
        """MkDocs' Page.render makes its converter with `markdown.Markdown(...)`: while this
        runs, that name gives the pooled converter."""
        module = self._module
        if module is None or not hasattr(module, "Markdown"):  # another MkDocs: its own way
            yield
            return
        self._pages.markdown = self  # type: ignore[assignment]
        try:
            yield
        finally:
            self._pages.markdown = module


def pooled_post_class(post_class: type, pool: MarkdownPool) -> type:
    """A subclass of Material's Post converted with the build's pooled Markdown converter."""

    class PooledPost(post_class):  # type: ignore[misc, valid-type]
        def render(self, config: Any, files: Any) -> None:
            with pool.used():
                post_class.render(self, config, files)

    return PooledPost


def cached_post_class(post_class: type) -> type:
    """A subclass of Material's Post whose Markdown conversion is kept across serve rebuilds.

    The key holds the post's Markdown, its file and URL, the Markdown settings and every file's
    URL (links are resolved against them); the messages the conversion logged are logged again
    on reuse, so `--strict` and the log see the same build.
    """

    class CachedPost(post_class):  # type: ignore[misc, valid-type]
        _cache: ExcerptCache

        def render(self, config: Any, files: Any) -> None:
            cache = self._cache
            key = ("page", cache.context, self.file.src_uri, self.file.url,
                   hashlib.sha1(self.markdown.encode()).hexdigest())
            found = cache.entries.get(key)
            links = None
            if found is not None:  # links to anchors name this build's File objects: look up
                links = {files.get_file_from_path(uri): anchors for uri, anchors in found[4]}
                if None in links:
                    found = None
            if found is None:
                with _recorded() as records:
                    post_class.render(self, config, files)
                by_uri = None
                if self.links_to_anchors is not None:
                    by_uri = [(file.src_uri, anchors) for file, anchors in self.links_to_anchors.items()]
                found = (self.content, self.toc, self._title_from_render, self.present_anchor_ids,
                         by_uri or [], records, by_uri is not None)
                cache.entries[key] = found
            else:
                (self.content, self.toc, self._title_from_render, self.present_anchor_ids,
                 _, records, has_links) = found
                self.links_to_anchors = links if has_links else None
                cache.page_hits += 1
                for record in records:
                    logging.getLogger(record.name).handle(record)
            cache.used.add(key)

    return CachedPost


def _independent_of_place(page: Any, records: list[logging.LogRecord]) -> bool:
    """Whether the page's HTML would be the same at any other path: it links nowhere but to its
    own anchors, shows no image, and its conversion logged nothing."""
    if records or any(file is not page.file for file in page.links_to_anchors or ()):
        return False
    content = page.content or ""
    return "src=" not in content and all(
        link.startswith("#") for link in _HREF.findall(content))


_HREF = re.compile(r"""href=["']?([^"' >]*)""")


def shared_view_class(view_class: type) -> type:
    """A subclass of one of Material's listing pages that converts each Markdown text once per
    build: every page of a paginated listing has the same heading to convert."""

    class SharedView(view_class):  # type: ignore[misc, valid-type]
        _cache: ExcerptCache

        def render(self, config: Any, files: Any) -> None:
            shared = self._cache.listings
            found = shared.get(self.markdown)
            if found:
                content, toc, title, anchors, own_links = found
                self.content, self.toc, self._title_from_render = content, copy.deepcopy(toc), title
                self.present_anchor_ids = set(anchors)
                if own_links is not None:  # MkDocs checks a page's links to its own anchors too
                    self.links_to_anchors = {self.file: dict(own_links)} if own_links else {}
                self._cache.view_hits += 1
                return
            with _recorded() as records:
                view_class.render(self, config, files)
            if found is None:  # False: this text rendered here depends on where it is
                links = self.links_to_anchors
                shared[self.markdown] = (
                    (self.content, copy.deepcopy(self.toc), self._title_from_render,
                     frozenset(self.present_anchor_ids or ()),
                     None if links is None else dict(links.get(self.file, {})))
                    if _independent_of_place(self, records) else False)

    return SharedView


class FrontMatterMemo:
    """What Material's `yaml.load(text, SafeLoader)` gives for each post's front matter, kept
    by the text itself across `mkdocs serve` rebuilds and, in the cache folder, across builds
    (`front-matter.pickle`); every read gets its own copy (the value is kept pickled).

    Passed to Material as its SafeLoader: `yaml.load` makes the loader with the text, asks
    `get_single_data()` and calls `dispose()`, and that is all this class answers."""

    def __init__(self, loader: type, store: Store | None = None) -> None:
        self.loader = loader  # reads a text not seen before
        self.store = store
        self.found: dict[str, bytes] = dict(store.entries()) if store else {}
        self.used: set[str] = set()
        self.parsed = 0  # texts read in this build

    def __call__(self, stream: Any) -> _MemoRead:
        return _MemoRead(self, stream)

    def prefill(self, text: str, value: Any) -> None:
        """What `text` reads as, known without reading it (the copy's front matter, from the
        values it was written from: `yamlcopy.loaded`)."""
        if text not in self.found:
            self.found[text] = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)

    def end_build(self) -> None:
        self.found = {text: data for text, data in self.found.items() if text in self.used}
        if self.store and self.used:
            self.store.save(self.found)
        self.used = set()
        self.parsed = 0


class _MemoRead:
    def __init__(self, memo: FrontMatterMemo, stream: Any) -> None:
        self.memo = memo
        self.stream = stream

    def get_single_data(self) -> Any:
        if not isinstance(self.stream, str):  # not what Material passes: read it as it is
            return yaml.load(self.stream, self.memo.loader)
        memo = self.memo
        if self.stream not in memo.found:
            data = yaml.load(self.stream, memo.loader)
            memo.found[self.stream] = pickle.dumps(data, pickle.HIGHEST_PROTOCOL)
            memo.parsed += 1
            memo.used.add(self.stream)
            return data
        memo.used.add(self.stream)
        return pickle.loads(memo.found[self.stream])

    def dispose(self) -> None:
        pass


class Speedups:
    """What the plugin turns on for one site; kept across `mkdocs serve` rebuilds."""

    def __init__(self) -> None:
        from material.plugins.blog import plugin as blog_plugin
        from material.plugins.blog import structure

        self._structure = structure
        self._blog_plugin = blog_plugin
        self._loader = structure.SafeLoader
        self._excerpt = blog_plugin.Excerpt
        self.lazy_class = lazy_excerpt_class(structure.Excerpt)
        self.fast_class = fast_excerpt_class(structure.Excerpt, self.lazy_class)
        self.pool = MarkdownPool()
        self.pooled_post_class = pooled_post_class(structure.Post, self.pool)
        self.cached_post_class = cached_post_class(structure.Post)
        self.cached_pooled_class = cached_post_class(self.pooled_post_class)
        self._view_classes = (structure.View, structure.Archive, structure.Category,
                              structure.Profile)
        self._cached_views: dict[type, type] = {}
        self._shared_views: dict[type, type] = {}
        self.cache = ExcerptCache()
        self.search = SearchEntries()
        self.front_matter: FrontMatterMemo | None = None
        self.cache_dir: Path | None = None
        self.excerpts_local = True

    def configure(self, config: Any, serving: bool, cache_dir: Path | None = None) -> None:
        """`cache_dir`: where Material's reading of the posts' front matter and the search
        entries are kept for later builds."""
        self.excerpts_local = local_extensions(config)
        self.cache.keep = serving
        if cache_dir is not None and cache_dir != self.cache_dir:
            self.cache_dir = cache_dir
            self.front_matter = FrontMatterMemo(self._libyaml(),
                                                Store(cache_dir / "front-matter.pickle"))
            self.search = SearchEntries(Store(cache_dir / "search.pickle"))

    def _libyaml(self) -> type:
        return yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else self._loader

    def copy_made(self, copy: str, post: JekyllPost) -> None:
        """Material is to read `copy`, made from `post` by `mapping.render_copy`: what its front
        matter reads as is known from the post without reading it (`yamlcopy.loaded`)."""
        front = copy_front_matter(copy, post)
        if self.front_matter is None or front is None:
            return
        value = yamlcopy.loaded(material_front_matter(post))
        if value is not None:
            self.front_matter.prefill(front, value)

    def before_posts_are_read(self) -> None:
        """Material reads each front matter text once, with libyaml (the same SafeLoader
        constructors), and a text read by an earlier build or rebuild not at all."""
        if self.front_matter is None:
            self.front_matter = FrontMatterMemo(self._libyaml())
        self._structure.SafeLoader = self.front_matter

    def after_posts_are_read(self, blog: Any, config: Any, files: Any) -> None:
        self.restore()
        if self._excerpt is self._structure.Excerpt:  # Material makes excerpts in page_markdown
            self._blog_plugin.Excerpt = self.lazy_class
        root = getattr(blog, "blog", None)
        if root is not None and type(root.posts) is list:
            root.posts = PostList(root.posts, self._structure.Post)
        self.cache.start_build(config, files)
        self.search.attach(search_index_of(config))  # entries of unchanged pages are kept

    def share_view(self, page: Any) -> None:
        """Outside `mkdocs serve`: a listing page converts its Markdown only when no earlier
        listing page converted the same text (see `shared_view_class`), and a post converts
        with the pooled converter (`MarkdownPool`)."""
        kind = type(page)
        if kind is self._structure.Post and self.excerpts_local:
            page.__class__ = self.pooled_post_class
        elif kind in self._view_classes and self.excerpts_local:
            if kind not in self._shared_views:
                self._shared_views[kind] = shared_view_class(kind)
            page.__class__ = self._shared_views[kind]
            page._cache = self.cache

    def adopt_post(self, page: Any) -> None:
        """In `mkdocs serve`: keep the HTML of a post, or of one of Material's listing pages,
        for the next rebuild (the Markdown is final)."""
        kind = type(page)
        if kind is self._structure.Post:
            page.__class__ = (self.cached_pooled_class if self.excerpts_local
                              else self.cached_post_class)
        elif kind in self._view_classes:
            if kind not in self._cached_views:
                self._cached_views[kind] = cached_post_class(kind)
            page.__class__ = self._cached_views[kind]
        else:
            return
        page._cache = self.cache

    def defer_readtime(self, page: Any, html: str, blog: Any) -> None:
        """Before Material works out a post's reading time (it skips a post that has one):
        a reading time worked out when first read."""
        config = getattr(page, "config", None)
        if (isinstance(page, self._structure.Post) and config is not None
                and blog.config.post_readtime and not config.readtime):
            config.readtime = LazyReadtime(html, blog.config.post_readtime_words_per_minute)

    def adopt_excerpt(self, page: Any) -> None:
        excerpt = getattr(page, "excerpt", None)
        if self.excerpts_local and type(excerpt) in (self._structure.Excerpt, self.lazy_class):
            excerpt.__class__ = self.fast_class
            excerpt._cache = self.cache

    def end_build(self) -> None:
        self._blog_plugin.Excerpt = self._excerpt
        self.cache.end_build()
        self.search.end_build()
        if self.front_matter is not None:
            self.front_matter.end_build()
        log.debug("excerpts: %d rendered, %d from the cache; posts: %d from the cache; "
                  "listing pages: %d converted by another", self.cache.misses, self.cache.hits,
                  self.cache.page_hits, self.cache.view_hits)

    def restore(self) -> None:
        self._structure.SafeLoader = self._loader
        self._blog_plugin.Excerpt = self._excerpt


def start(enabled: bool, previous: Speedups | None) -> Speedups | None:
    """The speed-ups for this build, or None (with one info line when Material is untested)."""
    if not enabled:
        return None
    if previous is not None:
        return previous
    found = material_version()
    if not supported(found):
        shown = ".".join(map(str, found)) if found else "unknown"
        log.info("Speed-ups for Material's blog are off: they are tested with Material %s.x to "
                 "%s.x, this is %s", ".".join(map(str, TESTED[0])), TESTED[1][0] - 1, shown)
        return None
    try:
        return Speedups()
    except (ImportError, AttributeError) as error:
        log.info("Speed-ups for Material's blog are off: Material's blog changed (%s)", error)
        return None
