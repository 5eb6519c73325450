"""Atom feeds as feed readers read them (parsed with feedparser), like jekyll-feed's."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import feedparser
import pytest
from conftest import Site
from lxml import etree
from mkdocs.exceptions import Abort
from mkdocs_jekyll.jekyll.feed_html import feed_html
from mkdocs_jekyll.jekyll.feeds import FeedEntry, FeedInfo, atom_feed, jekyll_id

BASE = "https://news.example.org"
HOSTILE = '</script><script>alert(1)</script> "><img src=x onerror=alert(1)>'


def enable_options(site: Site, options: str) -> None:
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - jekyll\n", "  - jekyll:\n" + options))


def parse(site: Site, path: str) -> feedparser.FeedParserDict:
    data = (site.out / path).read_bytes()
    feed = feedparser.parse(data)
    assert not feed.bozo, feed.bozo_exception
    return feed


def write_news(site: Site) -> None:
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text() + "markdown_extensions:\n  - toc:\n      permalink: true\n")
    site.write("_config.yml", "title: Minimal\ntimezone: America/Chicago\n"
                              "author: {name: The Desk, uri: https://desk.example.org}\n")
    site.write("_data/authors.yml", """
        ada:
          name: Ada Reporter
          url: https://staff.example.org/ada
    """)
    site.write("assets/images/quay.jpg", "not really a jpeg")
    site.write("_posts/2025-03-10-quay-cranes.md", """
        ---
        title: New cranes for the "east" quay
        date: "2025-03-10 09:30:00"
        updated: 2025-03-12T08:00:00-06:00
        author: ada
        categories: [Business]
        tags: [port, jobs]
        image: assets/images/quay.jpg
        ---

        Two **new cranes** arrive at the quay.

        ## On the quay

        ![Cranes](../../assets/images/quay.jpg)

        The second paragraph is only in the full text.
    """)
    site.write("_posts/2025-03-09-market.md", """
        ---
        title: Market opens
        categories: [Business]
        hidden: true
        ---

        Stalls open at dawn.
    """)
    site.write("_posts/2025-03-08-draft.md", "---\ndraft: true\ncategories: [Business]\n---\nNot yet.\n")


@pytest.fixture
def news_site(minimal_site: Site) -> Site:
    write_news(minimal_site)
    return minimal_site.build()


def test_site_feed_matches_the_posts(news_site: Site) -> None:
    feed = parse(news_site, "feed.xml")
    assert feed.version == "atom10"
    assert feed.feed.title == "Minimal Jekyll news site"
    assert feed.feed.id == f"{BASE}/feed.xml"
    titles = [entry.title for entry in feed.entries]
    # Newest first; the hidden post stays in the feed as in jekyll-feed; the draft does not.
    assert titles == ['New cranes for the "east" quay', "Market opens", "First story"]
    oldest = feed.entries[2]
    assert (oldest.published, oldest.updated) == ("2025-03-04T00:00:00-06:00",) * 2  # local midnight
    entry = feed.entries[0]
    url = f"{BASE}/business/2025/03/10/quay-cranes.html"
    assert entry.link == url
    assert entry.id == f"{BASE}/business/2025/03/10/quay-cranes"  # Jekyll's post.id
    assert entry.published == "2025-03-10T09:30:00-05:00"
    assert entry.updated == "2025-03-12T09:00:00-05:00"
    assert [(a.name, a.href) for a in entry.authors] == [("Ada Reporter", "https://staff.example.org/ada")]
    assert [tag.term for tag in entry.tags] == ["Business", "port", "jobs"]
    assert entry.summary == "Two new cranes arrive at the quay."
    assert entry.media_thumbnail == [{"url": f"{BASE}/assets/images/quay.jpg"}]
    content = entry.content[0]
    assert content.type == "text/html"
    assert "<strong>new cranes</strong>" in content.value
    assert "The second paragraph is only in the full text." in content.value
    assert "more" not in content.value  # no excerpt marker left over
    assert "<h2" in content.value
    assert "headerlink" not in content.value  # the page's ¶ anchors (toc permalink)
    # Relative links in the body resolve against the post (xml:base), as in jekyll-feed.
    assert f'src="{BASE}/assets/images/quay.jpg"' in content.value
    assert feed.feed.updated == "2025-03-12T09:00:00-05:00"  # the newest change, not build time
    # Atom wants an author on the feed or on every entry: the site's, as jekyll-feed writes it.
    assert feed.feed.author_detail == {"name": "The Desk", "href": "https://desk.example.org"}


def test_section_feeds_and_head_links(news_site: Site) -> None:
    business = parse(news_site, "feed/business.xml")
    assert business.feed.title == "Minimal Jekyll news site | Business"
    assert [e.title for e in business.entries] == ['New cranes for the "east" quay', "Market opens"]
    town = parse(news_site, "feed/town.xml")
    assert [e.title for e in town.entries] == ["First story"]

    def alternates(url: str) -> list[tuple[str, str]]:
        page = news_site.page(url)
        return [(link["title"], link["href"]) for link in
                page.head.find_all("link", rel="alternate", type="application/atom+xml")]

    assert alternates("/business/2025/03/10/quay-cranes.html") == [
        ("Minimal Jekyll news site", "../../../../feed.xml"),
        ("Minimal Jekyll news site | Business", "../../../../feed/business.xml"),
    ]
    assert alternates("/") == [("Minimal Jekyll news site", "feed.xml")]
    assert ("Minimal Jekyll news site | Business", "../../feed/business.xml") in \
        alternates("/category/business/")


def test_ids_are_stable_across_rebuilds(news_site: Site) -> None:
    first = (news_site.out / "feed.xml").read_bytes()
    news_site.build()
    assert (news_site.out / "feed.xml").read_bytes() == first
    news_site.write("_posts/2025-03-11-new.md", "---\ntitle: Newer\n---\nText.\n")
    ids = {e.title: e.id for e in parse(news_site.build(), "feed.xml").entries}
    assert ids['New cranes for the "east" quay'] == f"{BASE}/business/2025/03/10/quay-cranes"
    assert ids["Newer"] == f"{BASE}/2025/03/11/new"


def test_limit_path_sections_and_excerpt_only_options(minimal_site: Site) -> None:
    write_news(minimal_site)
    enable_options(minimal_site, "      feed:\n        limit: 2\n        path: atom.xml\n"
                                 "        sections: [Town]\n        excerpt_only: true\n")
    minimal_site.build()
    feed = parse(minimal_site, "atom.xml")
    assert len(feed.entries) == 2
    assert all("content" not in entry for entry in feed.entries)
    assert not (minimal_site.out / "feed.xml").exists()
    assert sorted(p.name for p in (minimal_site.out / "feed").iterdir()) == ["town.xml"]


def test_feed_settings_from_jekyll_config(minimal_site: Site) -> None:
    minimal_site.write("_config.yml", "title: Minimal\nfeed:\n  posts_limit: 1\n  categories: []\n")
    minimal_site.write("_posts/2025-03-05-second.md", "---\ntitle: Second\n---\nText.\n")
    minimal_site.build()
    assert [e.title for e in parse(minimal_site, "feed.xml").entries] == ["Second"]
    assert not (minimal_site.out / "feed").exists()


def test_bad_feed_option_is_one_clear_error(minimal_site: Site) -> None:
    minimal_site.write("_config.yml", "title: Minimal\nfeed:\n  posts_limit: lots\n")
    with pytest.raises(Abort):
        minimal_site.build()
    assert minimal_site.errors() == ("Error reading _config.yml 'feed: posts_limit': 'lots' is "
                                     "not a positive whole number (write 20)")


def test_no_site_url_means_no_feed_and_one_warning(minimal_site: Site) -> None:
    config = minimal_site.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_url: https://news.example.org/\n", ""))
    minimal_site.build(strict=False)
    assert not (minimal_site.out / "feed.xml").exists()
    warnings = [w for w in minimal_site.warnings() if "site_url" in w]
    assert len(warnings) == 1, minimal_site.warnings()
    assert minimal_site.page("/").head.find("link", type="application/atom+xml") is None


def test_url_from_jekyll_config_when_site_url_is_missing(minimal_site: Site) -> None:
    config = minimal_site.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_url: https://news.example.org/\n", ""))
    minimal_site.write("_config.yml", "url: https://jekyll.example.org\nbaseurl: /news\n")
    minimal_site.build()
    entry = parse(minimal_site, "feed.xml").entries[0]
    assert entry.id == "https://jekyll.example.org/news/town/2025/03/04/first-story"


def test_hostile_title_is_text_in_the_feed(minimal_site: Site) -> None:
    minimal_site.write("_posts/2025-03-05-x.md", f"---\ntitle: '{HOSTILE}'\n---\nBody.\n")
    feed = parse(minimal_site.build(), "feed.xml")
    assert feed.entries[0].title == HOSTILE
    assert feed.entries[0].title_detail.type == "text/plain"
    tree = etree.fromstring((minimal_site.out / "feed.xml").read_bytes())
    atom = "{http://www.w3.org/2005/Atom}"
    assert tree.find(f"{atom}entry/{atom}title").text == HOSTILE
    assert tree.find(f"{atom}entry/{atom}img") is None


@pytest.mark.parametrize(("url", "slug", "expected"), [
    ("/2025/03/04/first-story.html", "first-story", "/2025/03/04/first-story"),
    ("/2025/03/04/first-story/", "first-story", "/2025/03/04/first-story"),
    ("/special/own/", "own", "/special/own"),
    ("/news/story.html", "custom", "/news/custom"),
    ("/", "home", "/home"),
])
def test_jekyll_post_id(url: str, slug: str, expected: str) -> None:
    assert jekyll_id(url, slug) == expected


def test_control_characters_cannot_break_the_feed() -> None:
    when = datetime(2025, 1, 1, tzinfo=timezone(timedelta(hours=2)))
    entry = FeedEntry(id="https://x.example/a", url="https://x.example/a.html",
                      title="Bell\x07 and \x00null", published=when, updated=None, source="a.md",
                      content="<p>ok\x0b</p>")
    data = atom_feed(FeedInfo("T", "", "https://x.example/feed.xml", "https://x.example/"), [entry])
    feed = feedparser.parse(data)
    assert not feed.bozo
    assert feed.entries[0].title == "Bell and null"
    assert feed.entries[0].published == "2025-01-01T00:00:00+02:00"


def test_demo_feeds_list_every_published_post(demo_site: Site) -> None:
    assert demo_site.warnings() == []
    feed = parse(demo_site, "feed.xml")
    built = {p.relative_to(demo_site.out).as_posix() for p in demo_site.out.rglob("*.html")}
    base = "https://ledger.example.org/"
    links = [entry.link for entry in feed.entries]
    assert len(links) == 17  # 19 posts: one future, one unpublished
    assert all(link.startswith(base) and link[len(base):] in built for link in links)
    assert all(entry.get("summary") and entry.content[0].value for entry in feed.entries)
    dates = [entry.published_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    for section in ("business", "culture", "news", "science", "world"):
        section_feed = parse(demo_site, f"feed/{section}.xml")
        assert section_feed.entries
        assert {e.link for e in section_feed.entries} <= set(links)


@pytest.mark.parametrize(("html", "expected"), [
    ('<h2 id="a">Aim<a class="headerlink" href="#a" title="Permanent link">&para;</a></h2>',
     '<h2 id="a">Aim</h2>'),
    ("<p>One</p>\n<!-- more -->\n<p>Two &amp; <b>three</b> &#8212; 1 < 2</p>",
     "<p>One</p>\n\n<p>Two &amp; <b>three</b> &#8212; 1 < 2</p>"),
    ('<p><img alt="x" src="a.jpg"/><br></p>', '<p><img alt="x" src="a.jpg"/><br></p>'),
])
def test_feed_html_drops_only_page_parts(html: str, expected: str) -> None:
    assert feed_html(html) == expected


def test_sections_spelled_differently_share_one_feed(minimal_site: Site) -> None:
    minimal_site.write("_posts/2025-03-05-a.md", "---\ncategories: [World News]\n---\nA.\n")
    minimal_site.write("_posts/2025-03-06-b.md", "---\ncategories: [world-news]\n---\nB.\n")
    minimal_site.build()
    feed = parse(minimal_site, "feed/world-news.xml")
    assert feed.feed.title == "Minimal Jekyll news site | World News"
    assert [e.title for e in feed.entries] == ["B", "A"]
    page = minimal_site.page("/world-news/2025/03/06/b.html")
    links = page.head.find_all("link", type="application/atom+xml")
    assert [link["title"] for link in links] == ["Minimal Jekyll news site",
                                                 "Minimal Jekyll news site | World News"]


def test_the_sites_own_feed_file_is_published_instead(minimal_site: Site) -> None:
    minimal_site.write("feed.xml", "<feed xmlns='http://www.w3.org/2005/Atom'><title>Own</title></feed>")
    minimal_site.build()
    assert parse(minimal_site, "feed.xml").feed.title == "Own"
    assert parse(minimal_site, "feed/town.xml").entries[0].title == "First story"
