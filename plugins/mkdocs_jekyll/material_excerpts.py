"""Excerpts of Material's blog rendered once per post for every listing: the part before the
separator converted alone (when that gives the same HTML), with one shared Markdown converter,
and its relative links rebased for each listing. Used by `material_speedups`, which checks
Material's version first.
"""

from __future__ import annotations

import hashlib
import re
import sys
from typing import Any

from mkdocs.structure.toc import get_toc

from .relative_links import PAGE_URL, AtPageUrl, MarkRelativeUrls, marked_template, rebase

_REFERENCE_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:", re.MULTILINE)  # links, footnotes
_ABBR_DEF = re.compile(r"^ {0,3}\*\[", re.MULTILINE)
_EXPLICIT_ID = re.compile(r"\{[^}\n]*#|\bid\s*=")
_FENCE_OR_HTML = re.compile(r"^ {0,3}(?:```|~~~|<)", re.MULTILINE)


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
            self.__dict__["_making"] = True  # Material registers its processors on `self.md`
            try:
                super().__init__(post, config, files)
            finally:
                structure.Markdown = made
                del self.__dict__["_making"]

        @property
        def md(self) -> Any:
            md = self.__dict__["md"]
            if isinstance(md, _DeferredMarkdown) and "_making" not in self.__dict__:
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


def _settled(name: str) -> property:
    """An attribute of a FastExcerpt that renders the noted listing before it is read."""

    def get(self: Any) -> Any:
        self._settle()
        return self.__dict__.get(name)

    def set_(self: Any, value: Any) -> None:
        self.__dict__[name] = value

    return property(get, set_)


def fast_excerpt_class(excerpt_class: type, parent: type | None = None) -> type:
    """A subclass of Material's Excerpt (through `parent`, when given) that renders from the
    excerpt's own Markdown, once per post for all listings."""

    class FastExcerpt(parent or excerpt_class):  # type: ignore[misc]
        _cache: Any  # material_speedups.ExcerptCache
        _last_page: Any = None

        # Material renders the excerpt of every post on a listing before the listing's template
        # runs; this plugin's cards show none of that HTML. So `render` only notes the listing,
        # and the HTML is made when a template (or Material's `blog_toc`) first reads it.
        content = _settled("content")
        toc = _settled("toc")

        def _settle(self) -> None:
            pending = self.__dict__.pop("_pending", None)
            if pending is not None:
                self._render_now(*pending)

        def render(self, page: Any, separator: str) -> None:
            self.__dict__["_pending"] = (page, separator)

        @property
        def more(self) -> Any:
            # Material's templates only ask whether there is more; render in full when asked.
            self._settle()
            if self.__dict__.get("_more_pending") and self._last_page is not None:
                self.__dict__["_more_pending"] = False
                separator = self.__dict__["_separator"]
                saved = (self.content, self.toc)
                deferred = self.__dict__.get("md")
                if isinstance(deferred, _DeferredMarkdown):  # convert with the shared one
                    self.__dict__["md"] = self._cache.converter.for_excerpt(deferred)
                try:
                    excerpt_class.render(self, self._last_page, separator)
                finally:
                    if isinstance(deferred, _DeferredMarkdown):
                        self.__dict__["md"] = deferred
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
            from material.plugins.blog.structure import markdown as excerpt_markdown

            md = self._converter()
            self.file.url = PAGE_URL
            at = md.treeprocessors.get_index_for_name("excerpt")
            md.treeprocessors[at].base = AtPageUrl()
            try:
                with MarkRelativeUrls(excerpt_markdown) as marks:
                    html = md.convert(head)
            finally:
                self.file.url = self.post.url
            tokens = getattr(md, "toc_tokens", [])
            return marked_template(html.split(separator, 1)[0], marks.marked), tokens

        def _render_now(self, page: Any, separator: str) -> None:
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
