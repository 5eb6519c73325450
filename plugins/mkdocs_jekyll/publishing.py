"""What the site publishes besides its pages: head tags (SEO), Atom feeds and sitemaps.

Glue only: facts come from the translated posts and MkDocs pages, the data is built by
`jekyll.seo`, `jekyll.feeds` and `jekyll.sitemaps`, and this module hands it to templates or
writes it into the site directory.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

from . import __version__
from .jekyll import feeds, seo, sitemaps
from .jekyll.authors import Author
from .jekyll.feed_html import feed_html
from .jekyll.post import JekyllPost
from .jekyll.site import SiteSettings
from .translator import Translation

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class FeedLink:
    title: str
    path: str  # site-relative, for the `url` filter


class Publisher:
    def __init__(self) -> None:
        self.site = seo.SeoSite("", "", "", "en")
        self.feed = feeds.FeedSettings()
        self.language = "en"
        self.author = feeds.FeedAuthor("")
        self.seo_enabled = True
        self.news_sitemap = False
        self.authors: dict[str, Author] = {}
        # each post's page HTML by the copy's src_uri (the page's own string, not a copy); only
        # the posts a feed shows are turned into feed HTML, when the feeds are written
        self.contents: dict[str, str] = {}
        self.plan = feeds.FeedPlan()
        self.now = SiteSettings().now

    # -- on_config -------------------------------------------------------------------------

    def configure(self, config: MkDocsConfig, jekyll: Mapping[str, Any], options: Any,
                  settings: SiteSettings) -> None:
        self.contents = {}
        self.now = settings.now
        self.seo_enabled = bool(options.seo)
        self.news_sitemap = bool(options.news_sitemap)
        self.language = str(jekyll.get("lang") or config.theme.get("language") or "en")
        base_url = _base_url(config.site_url, jekyll)
        self.site = seo.SeoSite(
            name=config.site_name,
            description=config.site_description or str(jekyll.get("description") or ""),
            base_url=base_url,
            locale=seo.og_locale(str(jekyll.get("locale") or self.language)),
            twitter=seo.handle(jekyll.get("twitter")),
            logo=seo.absolute_url(base_url, _logo(jekyll, config)),
        )
        self.author = feeds.site_author(jekyll.get("author") or config.site_author, config.site_name)
        try:
            self.feed = feeds.feed_settings(jekyll.get("feed"), dict(options.feed))
        except feeds.FeedSettingsError as error:
            raise PluginError(f"Error reading {error.key}: {error.value!r} {error} "
                              f"({error.fix})") from None
        if not base_url and (self.feed.enabled or self.news_sitemap):
            log.warning("Feeds and the news sitemap need the site's address and are not written: "
                        "set 'site_url' in mkdocs.yml (or 'url' in _config.yml)")

    @property
    def writes_feeds(self) -> bool:
        return self.feed.enabled and bool(self.site.base_url)

    # -- templates -------------------------------------------------------------------------

    def globals(self, translations: Mapping[str, Translation]) -> dict[str, Any]:
        """Template globals: the site feed link (every page, 404 included) and post lastmods."""
        return {
            "jekyll_feed_links": self._site_links(),
            "jekyll_lastmod": {uri: sitemaps.lastmod(t.post.date, t.post.updated)
                               for uri, t in translations.items()},
        }

    def page_context(self, context: dict[str, Any], page: Page,
                     translation: Translation | None) -> None:
        post = translation.post if translation else None
        if post:
            sections: list[str | None] = list(post.categories)
        else:  # a section front (Material's category view) links its own feed
            sections = [_section_front(page)]
        context["jekyll_feed_links"] = self._site_links() + self._section_links(sections)
        if not self.seo_enabled:
            return
        url = self._page_url(page)
        if post:
            head = seo.article_head(self.site, self._article(post, url))
        else:
            description = (page.meta or {}).get("description") or self.site.description
            head = seo.page_head(self.site, page.title or "", str(description), url,
                                 bool(page.is_homepage))
        context["jekyll_seo"] = {"meta": head.meta, "json_ld": Markup(head.json_ld_text)}

    def _site_links(self) -> list[FeedLink]:
        return [FeedLink(self.site.name, self.feed.path)] if self.writes_feeds else []

    def _section_links(self, sections: list[str | None]) -> list[FeedLink]:
        if not self.writes_feeds:
            return []
        links: dict[str, str] = {}  # path -> the section's first name, once per feed
        for name in sections:
            path = self.plan.section_path(name) if name else ""
            if path:
                links.setdefault(path, self.plan.feeds[path][0])
        return [FeedLink(f"{self.site.name} | {name}", path) for path, name in links.items()]

    def _page_url(self, page: Page) -> str:
        return page.canonical_url or seo.absolute_url(self.site.base_url, page.url)

    def _article(self, post: JekyllPost, url: str) -> seo.ArticleFacts:
        image = self._image(post)
        return seo.ArticleFacts(
            title=post.title, description=post.description, url=url, published=post.date,
            modified=post.updated, image=image, image_alt=post.image.alt if post.image else "",
            authors=tuple(self._seo_author(a) for a in post.authors),
            section=post.categories[0] if post.categories else "", tags=tuple(post.tags),
        )

    def _seo_author(self, author_id: str) -> seo.SeoAuthor:
        author = self.authors.get(author_id) or Author(author_id, author_id)
        return seo.SeoAuthor(author.name, seo.absolute_url(self.site.base_url, author.url or ""),
                             author.twitter)

    def _image(self, post: JekyllPost) -> str:
        if not post.image:
            return ""
        url = quote(post.image.url) if post.image.local else post.image.url
        return seo.absolute_url(self.site.base_url, url)

    # -- feeds -----------------------------------------------------------------------------

    def remember(self, translations: Mapping[str, Translation],
                 authors: dict[str, Author]) -> None:
        """Called once the posts are known (on_files): authors, and the sections with a feed."""
        self.authors = authors
        sections = self.feed.sections
        if sections is None:
            sections = tuple(c for t in translations.values() if not t.post.draft
                             for c in t.post.categories)
        self.plan = feeds.feed_plan(self.feed.path, sections)
        for section, path in self.plan.clashes:
            log.warning("Section '%s' gets no feed: the site feed is at '%s' (set 'feed: path' "
                        "to another file, such as feed.xml)", section, path)

    def collect(self, page: Page, html: str, translation: Translation | None) -> None:
        if translation and not translation.post.draft:
            self.contents[page.file.src_uri] = html

    def write(self, config: MkDocsConfig, translations: Mapping[str, Translation],
              pages: Mapping[str, Page]) -> None:
        entries = {uri: self._entry(translations[uri].post, pages[uri])
                   for uri in self.contents if uri in translations and uri in pages}
        site_dir = Path(config.site_dir)
        if self.writes_feeds:
            self._write_feeds(config, entries)
        if self.news_sitemap and self.site.base_url and _own(config, sitemaps.NEWS_PATH):
            self._write_news_sitemap(site_dir, translations, pages)

    def _entry(self, post: JekyllPost, page: Page) -> feeds.FeedEntry:
        """The post's feed entry, without its content until a feed shows it."""
        base = self.site.base_url
        return feeds.FeedEntry(
            id=seo.absolute_url(base, quote(feeds.jekyll_id(post.url, post.slug))),
            url=self._page_url(page), title=post.title, published=post.date,
            updated=post.updated, source=post.source,
            authors=tuple(feeds.FeedAuthor(a.name, a.url) for a in map(self._seo_author, post.authors)),
            categories=tuple(post.categories), tags=tuple(post.tags), summary=post.description,
            image=self._image(post),
        )

    def _write_feeds(self, config: MkDocsConfig, entries: dict[str, feeds.FeedEntry]) -> None:
        uris = {id(entry): uri for uri, entry in entries.items()}
        shown: dict[str, feeds.FeedEntry] = {}  # made once for the site and section feeds

        def with_content(entry: feeds.FeedEntry) -> feeds.FeedEntry:
            uri = uris[id(entry)]
            if uri not in shown:
                shown[uri] = replace(entry, content=feed_html(self.contents[uri]))
            return shown[uri]

        for path, names in self.plan.feeds.items():
            if not _own(config, path):  # as jekyll-feed does, the site's own file wins
                continue
            title = f"{self.site.name} | {names[0]}" if names else self.site.name
            info = feeds.FeedInfo(
                title=title, subtitle=self.site.description,
                self_url=seo.absolute_url(self.site.base_url, path), home_url=self.site.base_url,
                language=self.language, generator=("mkdocs-jekyll", __version__),
                author=self.author,
            )
            latest = feeds.latest(entries.values(), self.feed.limit, names)
            chosen = [with_content(entry) for entry in latest]
            _write(Path(config.site_dir) / path, feeds.atom_feed(info, chosen, self.feed.excerpt_only))

    def _write_news_sitemap(self, site_dir: Path, translations: Mapping[str, Translation],
                            pages: Mapping[str, Page]) -> None:
        items = [sitemaps.NewsItem(self._page_url(pages[uri]), t.post.title, t.post.date)
                 for uri, t in translations.items() if uri in pages and uri in self.contents]
        chosen = sitemaps.recent(items, self.now)
        data = sitemaps.news_sitemap(chosen, self.site.name, sitemaps.news_language(self.language))
        _write(site_dir / sitemaps.NEWS_PATH, data)


def _base_url(site_url: str | None, jekyll: Mapping[str, Any]) -> str:
    """The site's address ending in "/": mkdocs.yml `site_url`, else `url` + `baseurl`."""
    base = site_url or ""
    if not base and isinstance(jekyll.get("url"), str) and "://" in jekyll["url"]:
        base = jekyll["url"].rstrip("/") + "/" + str(jekyll.get("baseurl") or "").strip("/")
    if not base:
        return ""
    return base if base.endswith("/") else base + "/"


def _logo(jekyll: Mapping[str, Any], config: MkDocsConfig) -> str:
    logo = jekyll.get("logo") or config.theme.get("logo") or ""
    return quote(logo, safe=":/?#[]@!$&'()*+,;=%") if isinstance(logo, str) else ""


def _section_front(page: Page) -> str | None:
    """The category a page of Material's blog lists, if it is a category view."""
    try:
        from material.plugins.blog.structure import Category
    except ImportError:  # another blog host
        return None
    return str(page.name) if isinstance(page, Category) else None


def _own(config: MkDocsConfig, path: str) -> bool:
    """True unless docs_dir has its own file at `path` (which then is published instead)."""
    if (Path(config.docs_dir) / path).exists():
        log.info("Not writing '%s': docs/%s is the site's own", path, path)
        return False
    return True


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
