"""What jekyll-seo-tag puts in a page head, as data: meta tags and a JSON-LD graph.

Posts get Open Graph `article`, `article:*`, Twitter card tags and a schema.org `NewsArticle`
(the fields of Google's article guidelines); other pages get `WebSite` (the home page) or
`WebPage`. `<meta name="description">` and the canonical link stay in the theme's `site_meta`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

# JSON inside <script> must not contain `</script>` or `<!--`: escape the characters that start them.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                              "\u2028": "\\u2028", "\u2029": "\\u2029"})


@dataclass(frozen=True)
class SeoSite:
    name: str
    description: str
    base_url: str  # absolute and ending in "/", or "" when the site has no URL
    locale: str  # Open Graph form, such as en_US
    twitter: str = ""  # the site's handle without "@"
    logo: str = ""  # absolute URL of the publisher logo, or ""


@dataclass(frozen=True)
class SeoAuthor:
    name: str
    url: str = ""  # absolute, or ""
    twitter: str = ""


@dataclass(frozen=True)
class ArticleFacts:
    title: str
    description: str
    url: str  # the canonical URL
    published: datetime
    modified: datetime | None = None
    image: str = ""  # absolute URL, or ""
    image_alt: str = ""
    authors: tuple[SeoAuthor, ...] = ()
    section: str = ""
    tags: tuple[str, ...] = ()


@dataclass
class SeoHead:
    meta: list[tuple[str, str, str]] = field(default_factory=list)  # (attribute, key, content)
    json_ld: dict[str, Any] = field(default_factory=dict)

    def add(self, key: str, content: str | None) -> None:
        if content:
            attribute = "property" if key.startswith(("og:", "article:")) else "name"
            self.meta.append((attribute, key, content))

    @property
    def json_ld_text(self) -> str:
        return script_json(self.json_ld)


def script_json(data: object) -> str:
    """JSON that is safe inside `<script>`: `<`, `>` and `&` are written as \\u escapes."""
    return json.dumps(data, ensure_ascii=False, sort_keys=False).translate(_SCRIPT_SAFE)


def absolute_url(base_url: str, path: str) -> str:
    """`path` (site-relative, root-relative or already absolute) against the site URL."""
    if not path or "://" in path or path.startswith("data:"):
        return path
    if not base_url:
        return ""
    return urljoin(base_url, path.lstrip("/"))


def og_locale(language: str | None) -> str:
    """jekyll-seo-tag's `og:locale`: `en_US` form, `en_US` when the site sets none."""
    return (language or "en_US").replace("-", "_")


def handle(value: object) -> str:
    """A Twitter handle from `twitter: name`, `twitter: "@name"` or `twitter: {username: name}`."""
    if isinstance(value, dict):
        value = value.get("username")
    return value.strip().lstrip("@") if isinstance(value, str) else ""


def article_head(site: SeoSite, article: ArticleFacts) -> SeoHead:
    head = SeoHead()
    head.add("og:type", "article")
    head.add("og:title", article.title)
    head.add("og:description", article.description)
    head.add("og:url", article.url)
    head.add("og:site_name", site.name)
    head.add("og:locale", site.locale)
    head.add("og:image", article.image)
    head.add("og:image:alt", article.image and article.image_alt)
    head.add("article:published_time", article.published.isoformat())
    if article.modified:
        head.add("article:modified_time", article.modified.isoformat())
    for author in article.authors:
        head.add("article:author", author.url or author.name)
    head.add("article:section", article.section)
    for tag in article.tags:
        head.add("article:tag", tag)
    _twitter(head, site, article)
    head.json_ld = news_article(site, article)
    return head


def _twitter(head: SeoHead, site: SeoSite, article: ArticleFacts) -> None:
    head.add("twitter:card", "summary_large_image" if article.image else "summary")
    head.add("twitter:title", article.title)
    head.add("twitter:description", article.description)
    head.add("twitter:image", article.image)
    head.add("twitter:image:alt", article.image and article.image_alt)
    if site.twitter:  # jekyll-seo-tag writes the creator only for a site with a handle
        head.add("twitter:site", "@" + site.twitter)
        creator = next((a.twitter for a in article.authors if a.twitter), "")
        head.add("twitter:creator", creator and "@" + creator)


def news_article(site: SeoSite, article: ArticleFacts) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.description,
        "url": article.url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": article.url},
        "datePublished": article.published.isoformat(),
        "dateModified": (article.modified or article.published).isoformat(),
    }
    if article.image:
        data["image"] = [article.image]
    if article.authors:
        data["author"] = [_person(author) for author in article.authors]
    if article.section:
        data["articleSection"] = article.section
    if article.tags:
        data["keywords"] = list(article.tags)
    data["publisher"] = publisher(site)
    return {key: value for key, value in data.items() if value not in ("", None)}


def _person(author: SeoAuthor) -> dict[str, str]:
    person = {"@type": "Person", "name": author.name}
    if author.url:
        person["url"] = author.url
    return person


def publisher(site: SeoSite) -> dict[str, Any]:
    organization: dict[str, Any] = {"@type": "Organization", "name": site.name}
    if site.base_url:
        organization["url"] = site.base_url
    if site.logo:
        organization["logo"] = {"@type": "ImageObject", "url": site.logo}
    return organization


def page_head(site: SeoSite, title: str, description: str, url: str, is_home: bool) -> SeoHead:
    """A page that is not a post: `og:type website`, and `WebSite` (home) or `WebPage` JSON-LD."""
    head = SeoHead()
    head.add("og:type", "website")
    head.add("og:title", title or site.name)
    head.add("og:description", description)
    head.add("og:url", url)
    head.add("og:site_name", site.name)
    head.add("og:locale", site.locale)
    head.add("twitter:card", "summary")
    head.add("twitter:title", title or site.name)
    if site.twitter:
        head.add("twitter:site", "@" + site.twitter)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "WebSite" if is_home else "WebPage",
        "name": site.name if is_home else (title or site.name),
        "headline": title or site.name,
        "description": description,
        "url": url,
    }
    if not is_home:
        data["isPartOf"] = {"@type": "WebSite", "name": site.name, "url": site.base_url}
    data["publisher"] = publisher(site)
    head.json_ld = {key: value for key, value in data.items() if value not in ("", None)}
    return head
