"""Sitemap dates of posts, and the Google News sitemap (`news:news`, posts of the last 2 days).

Google News reads only articles published in the last two days, and at most 1,000 of them:
https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime, timedelta

from .feeds import xml_safe

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000
NEWS_PATH = "news-sitemap.xml"


@dataclass(frozen=True)
class NewsItem:
    url: str  # absolute
    title: str
    published: datetime


def lastmod(published: datetime, updated: datetime | None) -> str:
    """A post's `<lastmod>`: when it last changed by its front matter, with the offset."""
    return (updated or published).isoformat()


def news_language(language: str | None) -> str:
    """Google News' publication language: an ISO 639 code, `zh-cn`/`zh-tw` for Chinese."""
    code = (language or "en").replace("_", "-").lower()
    if code.startswith("zh"):
        return "zh-tw" if code in ("zh-tw", "zh-hant", "zh-hk") else "zh-cn"
    return code.split("-")[0]


def recent(items: list[NewsItem], now: datetime) -> list[NewsItem]:
    """Posts published in the two days before `now` (not later: future posts are not news)."""
    chosen = [item for item in items if now - NEWS_WINDOW <= item.published <= now]
    chosen.sort(key=lambda item: item.published, reverse=True)
    return chosen[:NEWS_LIMIT]


def news_sitemap(items: list[NewsItem], publication: str, language: str) -> bytes:
    urlset = ET.Element("urlset", {"xmlns": SITEMAP, "xmlns:news": NEWS})
    for item in items:
        url = ET.SubElement(urlset, "url")
        ET.SubElement(url, "loc").text = xml_safe(item.url)
        news = ET.SubElement(url, "news:news")
        source = ET.SubElement(news, "news:publication")
        ET.SubElement(source, "news:name").text = xml_safe(publication)
        ET.SubElement(source, "news:language").text = language
        ET.SubElement(news, "news:publication_date").text = item.published.isoformat()
        ET.SubElement(news, "news:title").text = xml_safe(item.title)
    ET.indent(urlset, space="  ")
    return bytes(ET.tostring(urlset, encoding="utf-8", xml_declaration=True)) + b"\n"
