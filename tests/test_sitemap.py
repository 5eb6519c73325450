"""sitemap.xml dates of posts, and the Google News sitemap, parsed with lxml."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from conftest import Site
from lxml import etree

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
BASE = "https://news.example.org"


def lastmods(site: Site) -> dict[str, str | None]:
    tree = etree.parse(str(site.out / "sitemap.xml"))
    return {url.findtext(f"{SM}loc"): url.findtext(f"{SM}lastmod") for url in tree.iter(f"{SM}url")}


def enable_news_sitemap(site: Site) -> None:
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - jekyll\n", "  - jekyll:\n      news_sitemap: true\n"))


def test_post_lastmod_is_its_updated_or_published_date(minimal_site: Site) -> None:
    minimal_site.write("_config.yml", "timezone: Europe/Paris\n")
    minimal_site.write("_posts/2025-03-05-revised.md",
                       "---\ndate: 2025-03-05 10:00:00 +0100\nmodified: 2025-04-01 12:00:00\n---\nText.\n")
    minimal_site.write("_posts/2025-03-06-secret.md", "---\npublished: false\n---\nText.\n")
    dates = lastmods(minimal_site.build())
    assert dates[f"{BASE}/town/2025/03/04/first-story.html"] == "2025-03-04T00:00:00+01:00"
    # An unquoted YAML time without offset is UTC, as Ruby reads it: 12:00Z is 14:00 in Paris.
    assert dates[f"{BASE}/2025/03/05/revised.html"] == "2025-04-01T14:00:00+02:00"
    assert f"{BASE}/2025/03/06/secret.html" not in dates
    # Other pages keep MkDocs' own date (the build date): they have no date of their own.
    assert len(dates[f"{BASE}/"] or "") == len("2025-01-01")


def test_news_sitemap_lists_posts_of_the_last_two_days(minimal_site: Site) -> None:
    enable_news_sitemap(minimal_site)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    for name, age in (("fresh", timedelta(hours=3)), ("yesterday", timedelta(days=1)),
                      ("stale", timedelta(days=3))):
        when = now - age
        minimal_site.write(f"_posts/{when:%Y-%m-%d}-{name}.md",
                           f"---\ntitle: '{name.title()} & <news>'\ndate: {when:%Y-%m-%d %H:%M:%S} +0000\n"
                           "---\nText.\n")
    minimal_site.build()
    tree = etree.parse(str(minimal_site.out / "news-sitemap.xml"))
    urls = tree.findall(f"{SM}url")
    titles = [url.findtext(f"{NEWS}news/{NEWS}title") for url in urls]
    assert titles == ["Fresh & <news>", "Yesterday & <news>"]
    first = urls[0]
    fresh = now - timedelta(hours=3)
    assert first.findtext(f"{SM}loc") == f"{BASE}/{fresh:%Y/%m/%d}/fresh.html"
    assert first.findtext(f"{NEWS}news/{NEWS}publication/{NEWS}name") == "Minimal Jekyll news site"
    assert first.findtext(f"{NEWS}news/{NEWS}publication/{NEWS}language") == "en"
    assert first.findtext(f"{NEWS}news/{NEWS}publication_date") == fresh.isoformat()


def test_no_news_sitemap_unless_asked(minimal_site: Site) -> None:
    minimal_site.build()
    assert not (minimal_site.out / "news-sitemap.xml").exists()
    assert (minimal_site.out / "sitemap.xml").is_file()
