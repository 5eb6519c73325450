"""Atom feeds as jekyll-feed writes them (`lib/jekyll-feed/feed.xml`), built with ElementTree.

Element set per entry: title, link, published, updated, id, content (unless excerpt_only),
author (name, uri), one category per category and tag, summary (the excerpt as text) and
`media:thumbnail`/`media:content` for the image. Differences from jekyll-feed, on purpose:
the feed's `<updated>` is the newest entry's date rather than the build time (so an unchanged
site writes an unchanged feed), titles and summaries are plain text (`type="text"`) so no title
is ever read as markup, and every author of a post is listed, not only the first.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .names import slugify

ATOM = "http://www.w3.org/2005/Atom"
MEDIA = "http://search.yahoo.com/mrss/"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DEFAULT_PATH = "feed.xml"
DEFAULT_LIMIT = 20  # jekyll-feed's default is 10; a news site publishes more a day
# Characters XML 1.0 cannot hold at all: a stray one would make the whole feed unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class FeedSettingsError(ValueError):
    def __init__(self, key: str, value: object, message: str, fix: str) -> None:
        super().__init__(message)
        self.key, self.value, self.fix = key, value, fix


@dataclass(frozen=True)
class FeedSettings:
    enabled: bool = True
    path: str = DEFAULT_PATH
    limit: int = DEFAULT_LIMIT
    sections: tuple[str, ...] | None = None  # None: one feed per category
    excerpt_only: bool = False


@dataclass(frozen=True)
class FeedAuthor:
    name: str
    uri: str = ""


@dataclass
class FeedEntry:
    id: str
    url: str  # absolute
    title: str
    published: datetime
    updated: datetime | None
    source: str  # the post file, to order posts of the same date as Jekyll does
    authors: tuple[FeedAuthor, ...] = ()
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    summary: str = ""
    content: str | None = None  # HTML of the body
    image: str = ""  # absolute URL

    @property
    def last_change(self) -> datetime:
        return self.updated or self.published


@dataclass(frozen=True)
class FeedInfo:
    title: str
    subtitle: str
    self_url: str  # absolute URL of this feed
    home_url: str  # absolute URL of the site
    language: str = ""
    generator: tuple[str, str] = ("mkdocs-jekyll", "")  # (name, version)
    # The feed's own author: Atom requires one on the feed or on every entry.
    author: FeedAuthor | None = None


def feed_settings(jekyll_feed: object, overrides: Mapping[str, Any]) -> FeedSettings:
    """Settings from `_config.yml` `feed:` (jekyll-feed's keys), each overridden by a non-null
    plugin option (`path`, `limit`, `sections`, `excerpt_only`). A FeedSettingsError's key says
    where the bad value came from."""
    jekyll = jekyll_feed if isinstance(jekyll_feed, dict) else {}

    def pick(option: str, key: str) -> tuple[Any, str]:
        value = overrides.get(option)
        if value is None:
            return jekyll.get(key), f"_config.yml 'feed: {key}'"
        return value, f"the jekyll plugin's option 'feed: {option}'"

    path, where = pick("path", "path")
    path = path or DEFAULT_PATH
    if not isinstance(path, str) or not path.strip("/ ").endswith(".xml"):
        raise FeedSettingsError(where, path, "is not the path of an .xml file", "write feed.xml")
    limit, where = pick("limit", "posts_limit")
    limit = DEFAULT_LIMIT if limit is None else limit
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise FeedSettingsError(where, limit, "is not a positive whole number", "write 20")
    sections, where = pick("sections", "categories")
    if sections is not None and (not isinstance(sections, list)
                                 or not all(isinstance(s, str) for s in sections)):
        raise FeedSettingsError(where, sections, "is not a list of section names",
                                "write [News, Business]")
    return FeedSettings(
        enabled=bool(overrides.get("enabled", True)),
        path=path.strip().lstrip("/"),
        limit=limit,
        sections=None if sections is None else tuple(sections),
        excerpt_only=bool(pick("excerpt_only", "excerpt_only")[0]),
    )


def section_feed_path(section: str) -> str:
    """jekyll-feed's path for a category feed, `feed/<category>.xml`, with the name slugified
    so that any category gives a plain URL ("" when nothing of the name is left)."""
    slug = slugify(section)
    return f"feed/{slug}.xml" if slug else ""


@dataclass
class FeedPlan:
    """Which feeds to write: path -> the section names it gathers (empty for the site feed).

    Names that slugify alike (`Business`, `business`) are one section, as their section front
    is one page; a section whose path is the site feed's own is left out, in `clashes`.
    """

    feeds: dict[str, tuple[str, ...]] = field(default_factory=dict)
    clashes: list[tuple[str, str]] = field(default_factory=list)  # (section, path)

    def section_path(self, section: str) -> str:
        return next((path for path, names in self.feeds.items() if section in names), "")


def feed_plan(site_path: str, sections: Iterable[str]) -> FeedPlan:
    plan = FeedPlan({site_path: ()})
    for name in sorted(set(sections)):
        path = section_feed_path(name)
        if path == site_path:
            plan.clashes.append((name, path))
        elif path:
            plan.feeds[path] = (*plan.feeds.get(path, ()), name)
    return plan


def jekyll_id(url: str, slug: str) -> str:
    """Jekyll's `post.id` (Document#id): the URL's folder joined with the slug.

    jekyll-feed writes `post.id | absolute_url` as the entry id, so a site moved from Jekyll
    keeps every id and feed readers do not show old stories again.
    """
    folder = posixpath.dirname(url.rstrip("/") or "/") if url != "/" else "/"
    return posixpath.join(folder, slug)


def latest(entries: Iterable[FeedEntry], limit: int, names: tuple[str, ...] = ()) -> list[FeedEntry]:
    """The newest `limit` entries (of one section, by any of its names, when given), newest
    first as Jekyll sorts posts: by date, then by file path."""
    chosen = [e for e in entries if not names or set(names) & set(e.categories)]
    chosen.sort(key=lambda e: (e.published, e.source), reverse=True)
    return chosen[:limit]


def atom_feed(info: FeedInfo, entries: list[FeedEntry], excerpt_only: bool = False) -> bytes:
    # Plain names under an explicit xmlns: ElementTree cannot mix a default namespace with
    # unqualified attributes such as href.
    feed = ET.Element("feed", {"xmlns": ATOM, "xmlns:media": MEDIA})
    if info.language:
        feed.set(XML_LANG, info.language)
    name, version = info.generator
    _text(feed, "generator", name, version=version)
    _link(feed, info.self_url, rel="self", type="application/atom+xml")
    _link(feed, info.home_url, rel="alternate", type="text/html")
    newest = max((e.last_change for e in entries), default=None)
    if newest:
        _text(feed, "updated", newest.isoformat())
    _text(feed, "id", info.self_url)
    _text(feed, "title", info.title)
    if info.subtitle:
        _text(feed, "subtitle", info.subtitle)
    if info.author:
        _author(feed, info.author)
    for entry in entries:
        _entry(feed, entry, excerpt_only)
    ET.indent(feed, space="  ")
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True)) + b"\n"


def _entry(feed: ET.Element, entry: FeedEntry, excerpt_only: bool) -> None:
    node = ET.SubElement(feed, _atom("entry"))
    _text(node, "title", entry.title)
    _link(node, entry.url, rel="alternate", type="text/html", title=entry.title)
    _text(node, "published", entry.published.isoformat())
    _text(node, "updated", entry.last_change.isoformat())
    _text(node, "id", entry.id)
    if entry.content is not None and not excerpt_only:
        _text(node, "content", entry.content.strip(), type="html", **{XML_BASE: entry.url})
    for author in entry.authors:
        _author(node, author)
    for term in dict.fromkeys((*entry.categories, *entry.tags)):
        ET.SubElement(node, _atom("category"), term=xml_safe(term))
    if entry.summary:
        _text(node, "summary", entry.summary)
    if entry.image:
        ET.SubElement(node, "media:thumbnail", url=xml_safe(entry.image))
        ET.SubElement(node, "media:content", medium="image", url=xml_safe(entry.image))


def _author(parent: ET.Element, author: FeedAuthor) -> None:
    person = ET.SubElement(parent, _atom("author"))
    _text(person, "name", author.name)
    if author.uri:
        _text(person, "uri", author.uri)


def site_author(value: object, fallback: str) -> FeedAuthor:
    """jekyll-feed's feed author: `_config.yml` `author` (a name or a mapping with `name` and
    `uri`), else `fallback` (the site name)."""
    if isinstance(value, dict):
        name, uri = value.get("name"), value.get("uri") or value.get("url")
        return FeedAuthor(str(name or fallback), uri if isinstance(uri, str) else "")
    return FeedAuthor(str(value) if isinstance(value, (str, int)) and str(value) else fallback)


def _atom(tag: str) -> str:
    return tag  # in the default namespace declared on <feed>


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    node = ET.SubElement(parent, _atom(tag), {k: xml_safe(v) for k, v in attributes.items() if v})
    node.text = xml_safe(text)
    return node


def _link(parent: ET.Element, href: str, **attributes: str) -> None:
    ET.SubElement(parent, _atom("link"), {"href": xml_safe(href),
                                          **{k: xml_safe(v) for k, v in attributes.items()}})


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)
