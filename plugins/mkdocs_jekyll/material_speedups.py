"""Speed-ups for Material's blog, which this plugin feeds: the same HTML, built in less time.

Material's blog, as of 9.7-9.8, spends most of a news build in three places:

* every listing a post appears in (front page, archive, each category and author page)
  re-converts the WHOLE post to Markdown's HTML and then keeps only the part before
  `<!-- more -->`; here each excerpt is converted from its own Markdown (the part before the
  separator) and kept, by content, across views and across `mkdocs serve` rebuilds;
* `page in blog.posts` is a list scan comparing titles and files, once per page per post
  (quadratic); here the list answers membership from a set of the posts' identities;
* each post's front matter is read with PyYAML's pure-Python loader; here with libyaml's
  (same constructors, so the same values) while Material reads the posts.

They rely on Material's internals, so they run only with the versions they were tested with
(`TESTED`) and step aside with one info line otherwise; `speedups: false` turns them off.
An excerpt keeps Material's own rendering whenever its Markdown could render differently in
part than in whole (footnotes, reference links or ids defined after the separator, code fences
or HTML blocks before it, extensions not known to be local).
"""

from __future__ import annotations

import hashlib
import logging
import re
import sys
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import yaml
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.toc import get_toc

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

_REFERENCE_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:", re.MULTILINE)  # links, footnotes
_ABBR_DEF = re.compile(r"^ {0,3}\*\[", re.MULTILINE)
_EXPLICIT_ID = re.compile(r"\{[^}\n]*#|\bid\s*=")
_FENCE_OR_HTML = re.compile(r"^ {0,3}(?:```|~~~|<)", re.MULTILINE)


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


def excerpt_head(markdown: str, separator: str) -> str | None:
    """The Markdown before `separator`, when rendering it alone gives the same HTML as
    rendering the whole post and cutting at the separator; None when that is not certain."""
    at = markdown.find(separator)
    if at < 0:
        return None
    head, tail = markdown[:at], markdown[at + len(separator):]
    standalone = (head == "" or head.endswith("\n\n")) and (tail == "" or tail.startswith("\n"))
    if not standalone or "[^" in markdown:
        return None
    if "{:" in head or tail.lstrip("\n").startswith("{:"):  # kramdown IALs, {:toc}, {::comment}
        return None
    if _FENCE_OR_HTML.search(head) or _REFERENCE_DEF.search(tail) or _ABBR_DEF.search(tail):
        return None
    if _EXPLICIT_ID.search(tail):
        return None
    return head + separator + "\n"


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

    def start_build(self, config: Any, files: Any) -> None:
        digest = hashlib.sha1(repr((config.markdown_extensions, config.mdx_configs,
                                    config.use_directory_urls, config.validation)).encode())
        for file in files:
            digest.update(f"{file.src_uri}\0{file.url}\n".encode())
        self.context = digest.hexdigest()
        self.used = set()
        self.hits = self.misses = self.page_hits = 0
        self.converter = SharedConverter()

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


# While an excerpt is rendered once for all listings, links that MkDocs and Material make
# relative to the listing come out as `_MARK target _END`; each listing then puts in its own
# relative URL (`rebase`), as `get_relative_url(target, listing)` would have been.
_MARK, _END = "\x1emkdocs-jekyll:", "\x1f"
_MARKED = re.compile("\x1emkdocs-jekyll:([^\x1e\x1f]*)\x1f")
_LISTING = "\x1emkdocs-jekyll-listing/"  # the URL the excerpt is rendered at: never a real one
_ESCAPED = re.compile('[&<>"]')


class _Listing:
    url = _LISTING


class _MarkRelativeUrls:
    """Within `with`: relative URLs computed against `_LISTING` come out marked."""

    def __init__(self) -> None:
        from material.plugins.blog.structure import markdown as excerpt_markdown
        from mkdocs import utils

        self._modules = (utils, excerpt_markdown)
        self._original = utils.get_relative_url
        self.marked = 0

    def _relative(self, url: str, other: str) -> str:
        if other == _LISTING:
            self.marked += 1
            return _MARK + url + _END
        return self._original(url, other)

    def __enter__(self) -> _MarkRelativeUrls:
        for module in self._modules:
            module.get_relative_url = self._relative  # type: ignore[attr-defined]
        return self

    def __exit__(self, *exc: object) -> None:
        for module in self._modules:
            module.get_relative_url = self._original  # type: ignore[attr-defined]


def listing_template(html: str, marked: int) -> str | None:
    """The excerpt's HTML with marked links, when every mark is whole and its URL needs no
    escaping; None when rebasing could differ from rendering at the listing."""
    found = _MARKED.findall(html)
    if len(found) != marked or any(_ESCAPED.search(url) for url in found):
        return None
    if "\x1e" in _MARKED.sub("", html) or "\x1f" in _MARKED.sub("", html):
        return None
    return html


def rebase(template: str, page_url: str) -> str:
    """The excerpt's HTML as rendered on the listing at `page_url`."""
    from mkdocs.utils import get_relative_url

    if _MARK not in template:
        return template
    return _MARKED.sub(lambda m: get_relative_url(m.group(1), page_url), template)


class _DeferredMarkdown:
    """What Material's Excerpt asks of its converter while it is made: the converter's settings
    and the tree processors it registers, kept until the converter is needed."""

    def __init__(self, **settings: Any) -> None:
        self.settings = settings
        self.registered: list[tuple[Any, str, float]] = []
        self.treeprocessors = self

    def register(self, item: Any, name: str, priority: float) -> None:
        self.registered.append((item, name, priority))

    def install(self, md: Any) -> Any:
        for item, name, priority in self.registered:
            md.treeprocessors.register(item, name, priority)
        return md

    def build(self) -> Any:
        from markdown import Markdown

        return self.install(Markdown(**self.settings))


def lazy_excerpt_class(excerpt_class: type) -> type:
    """A subclass of Material's Excerpt that makes its Markdown converter when first used, not
    for every post; the fast path converts with one converter shared by all excerpts."""
    structure = sys.modules[excerpt_class.__module__]

    class LazyExcerpt(excerpt_class):  # type: ignore[misc, valid-type]
        def __init__(self, post: Any, config: Any, files: Any) -> None:
            made = structure.Markdown
            structure.Markdown = _DeferredMarkdown
            try:
                super().__init__(post, config, files)
            finally:
                structure.Markdown = made

        @property
        def md(self) -> Any:
            md = self.__dict__["md"]
            if isinstance(md, _DeferredMarkdown):
                md = self.__dict__["md"] = md.build()
            return md

        @md.setter
        def md(self, value: Any) -> None:
            self.__dict__["md"] = value

    return LazyExcerpt


class SharedConverter:
    """One Markdown converter for every excerpt of a build with the same settings, given each
    excerpt's own tree processors and reset before each conversion."""

    def __init__(self) -> None:
        self.settings: dict[str, Any] | None = None
        self.md: Any = None

    def for_excerpt(self, deferred: _DeferredMarkdown) -> Any:
        if self.md is None or self.settings != deferred.settings:
            self.md = deferred.build()
            self.settings = deferred.settings
        else:
            deferred.install(self.md)
        self.md.reset()
        return self.md


def _with_title(post: Any) -> str:
    """The Markdown Material renders an excerpt from: the post's, headed by its title."""
    if post._title_from_render:
        return post.markdown  # type: ignore[no-any-return]
    return "\n\n".join([f"# {post.title}", post.markdown])


def fast_excerpt_class(excerpt_class: type, parent: type | None = None) -> type:
    """A subclass of Material's Excerpt (through `parent`, when given) that renders from the
    excerpt's own Markdown, once per post for all listings."""

    class FastExcerpt(parent or excerpt_class):  # type: ignore[misc]
        _cache: ExcerptCache
        _last_page: Any = None

        @property
        def more(self) -> Any:
            # Material's templates only ask whether there is more; render in full when asked.
            if self.__dict__.get("_more_pending") and self._last_page is not None:
                self.__dict__["_more_pending"] = False
                separator = self.__dict__["_separator"]
                saved = (self.content, self.toc)
                excerpt_class.render(self, self._last_page, separator)
                self.content, self.toc = saved
            return self.__dict__.get("_more")

        @more.setter
        def more(self, value: Any) -> None:
            self.__dict__["_more"] = value

        @property
        def markdown(self) -> Any:
            # As Material sets it (the post's Markdown, headed by its title), made when asked
            # rather than kept for every post.
            if self.__dict__.get("_markdown_of_post"):
                return _with_title(self.post)
            return self.__dict__.get("_markdown")

        @markdown.setter
        def markdown(self, value: Any) -> None:
            self.__dict__["_markdown_of_post"] = False
            self.__dict__["_markdown"] = value

        def _head(self, separator: str) -> str | None:
            """The excerpt's own Markdown, worked out once per post text and separator."""
            source = (self.post.markdown, self.post._title_from_render, self.post.title)
            known = self.__dict__.get("_head_of")
            if known is not None and known[0] == source and known[1] == separator:
                return known[2]  # type: ignore[no-any-return]
            markdown = _with_title(self.post)
            head = excerpt_head(markdown, separator) if markdown.startswith("# ") else None
            if head is not None and ("\x1e" in head or "\x1f" in head):
                head = None  # the marks could not be told from the post's own text
            self.__dict__["_head_of"] = (source, separator, head)
            return head

        def _converter(self) -> Any:
            deferred = self.__dict__.get("md")
            if isinstance(deferred, _DeferredMarkdown):
                return self._cache.converter.for_excerpt(deferred)
            return self.md

        def _render_for_listings(self, head: str, separator: str) -> tuple[str | None, Any]:
            md = self._converter()
            self.file.url = _LISTING
            at = md.treeprocessors.get_index_for_name("excerpt")
            md.treeprocessors[at].base = _Listing()
            try:
                with _MarkRelativeUrls() as marks:
                    html = md.convert(head)
            finally:
                self.file.url = self.post.url
            tokens = getattr(md, "toc_tokens", [])
            return listing_template(html.split(separator, 1)[0], marks.marked), tokens

        def render(self, page: Any, separator: str) -> None:
            head = self._head(separator)
            if head is None:
                excerpt_class.render(self, page, separator)
                return
            cache = self._cache
            key = (cache.context, self.post.file.src_uri, self.post.url, separator,
                   hashlib.sha1(head.encode()).hexdigest())
            found = cache.entries.get(key)
            if found is None:
                cache.misses += 1
                found = self._render_for_listings(head, separator)
                cache.entries[key] = found
            else:
                cache.hits += 1
            cache.used.add(key)
            if found[0] is None:  # a link that cannot be rebased: Material renders it
                excerpt_class.render(self, page, separator)
                return
            self.__dict__["_markdown_of_post"] = True
            self.content = rebase(found[0], page.url)
            self.toc = get_toc(found[1])
            self._last_page = page
            self.__dict__["_separator"] = separator
            if self.__dict__.get("_more") is None:
                self.__dict__["_more_pending"] = True

    return FastExcerpt


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


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
                handler = _Records()
                logger = logging.getLogger("mkdocs")
                logger.addHandler(handler)
                try:
                    post_class.render(self, config, files)
                finally:
                    logger.removeHandler(handler)
                by_uri = None
                if self.links_to_anchors is not None:
                    by_uri = [(file.src_uri, anchors) for file, anchors in self.links_to_anchors.items()]
                found = (self.content, self.toc, self._title_from_render, self.present_anchor_ids,
                         by_uri or [], handler.records, by_uri is not None)
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
        self.cached_post_class = cached_post_class(structure.Post)
        self.cache = ExcerptCache()
        self.excerpts_local = True

    def configure(self, config: Any, serving: bool) -> None:
        self.excerpts_local = local_extensions(config)
        self.cache.keep = serving

    def before_posts_are_read(self) -> None:
        """libyaml reads the front matter Material reads (the same SafeLoader constructors)."""
        if getattr(yaml, "__with_libyaml__", False):
            self._structure.SafeLoader = yaml.CSafeLoader

    def after_posts_are_read(self, blog: Any, config: Any, files: Any) -> None:
        self.restore()
        if self._excerpt is self._structure.Excerpt:  # Material makes excerpts in page_markdown
            self._blog_plugin.Excerpt = self.lazy_class
        root = getattr(blog, "blog", None)
        if root is not None and type(root.posts) is list:
            root.posts = PostList(root.posts, self._structure.Post)
        self.cache.start_build(config, files)

    def adopt_post(self, page: Any) -> None:
        """In `mkdocs serve`: keep the post's HTML for the next rebuild (the Markdown is final)."""
        if type(page) is self._structure.Post:
            page.__class__ = self.cached_post_class
            page._cache = self.cache

    def adopt_excerpt(self, page: Any) -> None:
        excerpt = getattr(page, "excerpt", None)
        if self.excerpts_local and type(excerpt) in (self._structure.Excerpt, self.lazy_class):
            excerpt.__class__ = self.fast_class
            excerpt._cache = self.cache

    def end_build(self) -> None:
        self._blog_plugin.Excerpt = self._excerpt
        self.cache.end_build()
        log.debug("excerpts: %d rendered, %d from the cache; posts: %d from the cache",
                  self.cache.misses, self.cache.hits, self.cache.page_hits)

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
