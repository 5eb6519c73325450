"""Read one Jekyll post the way Jekyll does, and say what Material's blog should be given.

Order of precedence for every field: front matter, then `defaults` from `_config.yml`, then the
filename (and, for a post in `_drafts/` without a date, the file's modification time).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from . import authors as authors_mod
from . import redirects, taxonomy
from .dates import DATE_FORMS, DateParseError, parse_date, parse_date_string
from .defaults import merged_defaults, with_defaults
from .errors import ContentError, Problem, shown
from .excerpt import body_with_marker, excerpt_source
from .frontmatter import split_front_matter
from .images import Image, ImageError, read_image
from .names import DRAFTS_DIR, POSTS_DIR, parse_post_path, titleize_slug
from .permalink import PermalinkError, UrlFacts, destination, post_url
from .site import SiteSettings
from .text import clean_text, plain_text, strip_html

UPDATED_KEYS = ("last_modified_at", "modified", "updated")
PIN_KEYS = ("pin", "featured", "sticky")
# Keys this translation consumes; everything else is passed through to `page.meta`.
CONSUMED = frozenset({
    "date", *UPDATED_KEYS, "author", "authors", "category", "categories", "tag", "tags",
    "excerpt", "excerpt_separator", "published", "layout", *PIN_KEYS, "hidden", "slug", "title",
    "description", "permalink", "draft", "redirect_from", "redirect_to",
})


@dataclass
class JekyllPost:
    source: str  # path of the original file, relative to docs_dir
    title: str
    slug: str
    date: datetime
    date_source: str
    updated: datetime | None
    categories: list[str]
    tags: list[str]
    authors: list[str]
    inline_authors: list[authors_mod.Author]
    description: str
    excerpt: str | None  # the front matter `excerpt:`, if any
    image: Image | None
    draft_reason: str | None  # "unpublished", "future", "draft" or None when published
    pin: bool
    hidden: bool
    template: str | None
    url: str  # the URL Jekyll gives the post, starting with "/"
    dest: str  # where that URL's file is written, relative to the site directory
    body: str  # the body with Material's excerpt marker where Jekyll's excerpt ends
    redirect_from: list[str] = field(default_factory=list)  # old URLs that lead here
    redirect_to: str | None = None  # the post is itself a redirect to this URL
    extra: dict[str, Any] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def draft(self) -> bool:
        return self.draft_reason is not None


def decode_post(source: str, raw: bytes) -> str:
    """The text of a post file, or a ContentError naming the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise ContentError(Problem(
            source, None, f"is not UTF-8 text: line {line} has the byte "
            f"0x{raw[error.start]:02x} (at byte {error.start})", "save the file as UTF-8", line,
        )) from None


def read_post(source: str, text: str, site: SiteSettings,
              mtime: datetime | None = None) -> JekyllPost:
    """Translate the post at `source` (relative to docs_dir) with file content `text`;
    `mtime` (the file's modification time) dates a draft that has no other date."""
    split = split_front_matter(source, text)
    front = with_defaults(split.data, merged_defaults(site.defaults, source))
    return _Reader(source, front, split.body, site, mtime).read()


def is_draft_file(source: str) -> bool:
    """A file in a `_drafts` folder (Jekyll's drafts, published only with --drafts)."""
    return DRAFTS_DIR in source.split("/")[:-1]


class _Reader:
    def __init__(self, source: str, front: dict[str, Any], body: str, site: SiteSettings,
                 mtime: datetime | None = None) -> None:
        self.source, self.front, self.body, self.site = source, front, body, site
        self.mtime = mtime
        self.in_drafts = is_draft_file(source)
        self.warnings: list[Problem] = []

    def fail(self, key: str | None, message: str, fix: str = "") -> ContentError:
        return ContentError(Problem(self.source, key, message, fix))

    def warn(self, key: str | None, message: str, fix: str = "") -> None:
        self.warnings.append(Problem(self.source, key, message, fix))

    def read(self) -> JekyllPost:
        front = self.front
        path = parse_post_path(self.source, DRAFTS_DIR if self.in_drafts else POSTS_DIR)
        date, date_source = self.date(path.date)
        slug = self.text("slug") or path.slug
        title = self.text("title") or titleize_slug(path.slug)
        categories = self.taxonomy(taxonomy.categories, path.path_categories)
        separator = self.separator()
        # A front matter excerpt is HTML in Jekyll themes; what a reader reads of it is kept.
        excerpt = strip_html(self.text("excerpt")) if front.get("excerpt") is not None else None
        description = self.text("description") or excerpt
        if description is None:
            description = plain_text(excerpt_source(self.body, separator)) if separator else ""
        url = self.url(date, slug, path.slug, categories)
        post_authors = self.authors()
        return JekyllPost(
            source=self.source,
            title=title,
            slug=slug,
            date=date,
            date_source=date_source,
            updated=self.updated(),
            categories=categories,
            tags=self.taxonomy(lambda data, _: taxonomy.tags(data), ()),
            authors=post_authors.ids,
            inline_authors=post_authors.inline,
            description=description,
            excerpt=excerpt,
            image=self.image(),
            draft_reason=self.draft_reason(date),
            pin=any(self.flag(key) for key in PIN_KEYS),
            hidden=self.flag("hidden"),
            template=self.template(),
            url=url,
            dest=destination(url),
            body=self.marked_body(separator, excerpt),
            extra={key: value for key, value in front.items() if key not in CONSUMED},
            redirect_from=self.redirects(redirects.redirect_from),
            redirect_to=self.redirects(redirects.redirect_to),
            warnings=self.warnings,
        )

    # -- one method per rule -------------------------------------------------------------

    def date(self, filename_date: str | None) -> tuple[datetime, str]:
        if self.front.get("date") is not None:
            value = self.front["date"]
            try:
                return parse_date(value, self.site.timezone), "front matter"
            except DateParseError as error:
                raise self.fail("date", f"{shown(value)} {error}", f"use {DATE_FORMS}") from None
        if filename_date:
            try:
                return parse_date_string(filename_date, self.site.timezone), "filename"
            except DateParseError as error:
                raise self.fail(None, f"the date in the filename {shown(filename_date)} {error}",
                                "rename the file to YYYY-MM-DD-title.md with a real date") from None
        if self.in_drafts and self.mtime is not None:  # Document#date: a draft's mtime
            return self.mtime.astimezone(self.site.timezone), "file modification time"
        raise self.fail(
            "date", "the post has no date: the filename does not start with one and there is no "
            "'date' key", "rename the file to YYYY-MM-DD-title.md or add 'date: YYYY-MM-DD'",
        )

    def updated(self) -> datetime | None:
        for key in UPDATED_KEYS:
            value = self.front.get(key)
            if value is None:
                continue
            try:
                return parse_date(value, self.site.timezone)
            except DateParseError as error:
                raise self.fail(key, f"{shown(value)} {error}", f"use {DATE_FORMS}") from None
        return None

    def text(self, key: str) -> str:
        value = self.front.get(key)
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise self.fail(key, f"{shown(value)} is {_kind(value)}, not text",
                            f"write '{key}: some text' on one line, quoted if it contains ':'")
        return clean_text(str(value)).strip()

    def flag(self, key: str) -> bool:
        value = self.front.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.fail(key, f"{shown(value)} is not true or false",
                            f"write '{key}: true' or '{key}: false' without quotes")
        return value

    def taxonomy(self, rule: Any, path_categories: tuple[str, ...]) -> list[str]:
        try:
            return list(rule(self.front, path_categories))
        except taxonomy.TaxonomyError as error:
            raise self.fail(error.key, f"{shown(error.value)} is {error}",
                            f"write '{error.key}: [One, Two]' or '{error.key}: one two'") from None

    def separator(self) -> str:
        value = self.front.get("excerpt_separator", self.site.excerpt_separator)
        if value is None:
            return self.site.excerpt_separator
        if not isinstance(value, str):
            raise self.fail("excerpt_separator", f"{shown(value)} is not text",
                            "write 'excerpt_separator: <!--more-->'")
        return value

    def url(self, date: datetime, slug: str, filename_slug: str, categories: list[str]) -> str:
        own = self.front.get("permalink")
        if own is not None and not isinstance(own, str):
            raise self.fail("permalink", f"{shown(own)} is not a URL",
                            "write 'permalink: /section/:title/'")
        template = own or self.site.permalink
        stem = self.source.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        cleaned = self.source.rsplit(".", 1)[0].replace("_posts", "", 1).rstrip(".")
        facts = UrlFacts(date, slug, stem, tuple(categories), path=cleaned)
        try:
            return post_url(template, facts)
        except PermalinkError as error:
            key = "permalink" if own else None
            raise self.fail(key, f"{shown(template)}: {error}", "fix the permalink template") from None

    def authors(self) -> authors_mod.PostAuthors:
        try:
            found = authors_mod.post_authors(self.front)
        except authors_mod.AuthorError as error:
            raise self.fail(error.key, f"{shown(error.value)} is {_kind(error.value)}: {error}",
                            "write 'author: id' with an id from _data/authors.yml, or "
                            "'author: {name: Full Name}'") from None
        for message in found.warnings:
            self.warnings.append(Problem(self.source, None, message))
        return found

    def image(self) -> Image | None:
        try:
            return read_image(self.front)
        except ImageError as error:
            raise self.fail("image", f"{shown(error.value)} {error}", error.fix) from None

    def draft_reason(self, date: datetime) -> str | None:
        published = self.front.get("published")
        if published is not None and not isinstance(published, bool):
            raise self.fail("published", f"{shown(published)} is not true or false",
                            "write 'published: false' without quotes to keep the post unpublished")
        if published is False and not self.site.unpublished:
            return "unpublished"
        if self.in_drafts and not self.site.show_drafts:
            return "draft"
        if self.flag("draft") and not self.in_drafts:
            return "draft"
        if date > self.site.now and not self.site.future:
            return "future"
        return None

    def redirects(self, rule: Any) -> Any:
        try:
            return rule(self.front)
        except redirects.RedirectError as error:
            raise self.fail(error.key, f"{shown(error.value)} {error}",
                            f"write '{error.key}: /old/path/' or a list of such paths"
                            if error.key == "redirect_from" else
                            "write 'redirect_to: https://example.com/new/' or '/new/path/'") from None

    def template(self) -> str | None:
        layout = self.front.get("layout")
        if layout is None:  # Jekyll would print the bare body; a news site wants its article
            return self.site.layouts.get("post")
        if not isinstance(layout, str):
            raise self.fail("layout", f"{shown(layout)} is not a layout name", "write 'layout: post'")
        if layout in self.site.layouts:
            return self.site.layouts[layout]
        known = ", ".join(sorted(self.site.layouts))
        self.warn("layout", f"unknown layout '{layout}', the article layout is used",
                  f"use one of {known}, or map it with the plugin option 'layouts'")
        return self.site.layouts.get("post")

    def marked_body(self, separator: str, excerpt: str | None) -> str:
        marker = self.site.material_separator
        if excerpt is not None:
            # The listing shows the front matter excerpt; Material needs only the headline.
            return f"{marker}\n\n{self.body.lstrip(chr(10))}"
        if not separator:
            return self.body
        return body_with_marker(self.body, separator, marker)


def _kind(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    return f"a {type(value).__name__}"
