"""The head of each page as search engines and social sites read it (jekyll-seo-tag's tags)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import Site
from mkdocs_jekyll.jekyll.seo import absolute_url, handle, og_locale, script_json

HOSTILE = '</script><script>alert(1)</script> "><img src=x onerror=alert(1)>'
ARTICLE = "/politics/2025/03/10/budget-vote.html"


def write_article(site: Site, title: str = "Council passes the harbour budget") -> None:
    site.write("_config.yml", """
        title: Minimal
        timezone: Europe/London
        twitter:
          username: "@minimalnews"
        logo: /assets/logo.png
    """)
    site.write("_data/authors.yml", """
        ada:
          name: Ada Reporter
          url: /staff/ada/
          twitter: ada_writes
        bo:
          name: Bo Editor
    """)
    site.write("assets/logo.png", "not really a png")
    site.write("assets/images/council.jpg", "not really a jpeg")
    site.write("_posts/2025-03-10-budget-vote.md", f"""
        ---
        title: {json.dumps(title)}
        date: 2025-03-10 09:30:00
        last_modified_at: 2025-03-11 18:05:00 +0100
        authors: [ada, bo]
        categories: [Politics]
        tags: [budget, seawall]
        image:
          path: /assets/images/council.jpg
          alt: Councillors voting
        ---

        The council *approved* the budget after a long debate.

        More detail follows here.
    """)


def head_meta(page: BeautifulSoup) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for tag in page.head.find_all("meta"):
        key = tag.get("property") or tag.get("name")
        if key:
            found.setdefault(key, []).append(tag.get("content"))
    return found


def json_ld(page: BeautifulSoup) -> dict[str, Any]:
    scripts = page.head.find_all("script", type="application/ld+json")
    assert len(scripts) == 1, scripts
    return json.loads(scripts[0].string)


@pytest.fixture
def article_site(minimal_site: Site) -> Site:
    write_article(minimal_site)
    return minimal_site.build()


def test_article_open_graph_and_article_tags_match_front_matter(article_site: Site) -> None:
    meta = head_meta(article_site.page(ARTICLE))
    url = "https://news.example.org" + ARTICLE
    assert meta["description"] == ["The council approved the budget after a long debate."]
    assert meta["og:type"] == ["article"]
    assert meta["og:title"] == ["Council passes the harbour budget"]
    assert meta["og:description"] == meta["description"]
    assert meta["og:url"] == [url]
    assert meta["og:image"] == ["https://news.example.org/assets/images/council.jpg"]
    assert meta["og:image:alt"] == ["Councillors voting"]
    assert meta["og:site_name"] == ["Minimal Jekyll news site"]
    assert meta["og:locale"] == ["en"]
    assert meta["article:published_time"] == ["2025-03-10T09:30:00+00:00"]
    assert meta["article:modified_time"] == ["2025-03-11T17:05:00+00:00"]
    assert meta["article:author"] == ["https://news.example.org/staff/ada/", "Bo Editor"]
    assert meta["article:section"] == ["Politics"]
    assert meta["article:tag"] == ["budget", "seawall"]
    page = article_site.page(ARTICLE)
    assert [link["href"] for link in page.head.find_all("link", rel="canonical")] == [url]


def test_article_twitter_card_uses_site_and_author_handles(article_site: Site) -> None:
    meta = head_meta(article_site.page(ARTICLE))
    assert meta["twitter:card"] == ["summary_large_image"]
    assert meta["twitter:site"] == ["@minimalnews"]
    assert meta["twitter:creator"] == ["@ada_writes"]
    assert meta["twitter:title"] == ["Council passes the harbour budget"]
    assert meta["twitter:image"] == ["https://news.example.org/assets/images/council.jpg"]


def test_article_json_ld_is_a_news_article_with_every_field(article_site: Site) -> None:
    data = json_ld(article_site.page(ARTICLE))
    url = "https://news.example.org" + ARTICLE
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Council passes the harbour budget"
    assert data["description"] == "The council approved the budget after a long debate."
    assert data["image"] == ["https://news.example.org/assets/images/council.jpg"]
    assert data["datePublished"] == "2025-03-10T09:30:00+00:00"
    assert data["dateModified"] == "2025-03-11T17:05:00+00:00"
    assert data["author"] == [
        {"@type": "Person", "name": "Ada Reporter", "url": "https://news.example.org/staff/ada/"},
        {"@type": "Person", "name": "Bo Editor"},
    ]
    assert data["publisher"] == {
        "@type": "Organization", "name": "Minimal Jekyll news site",
        "url": "https://news.example.org/",
        "logo": {"@type": "ImageObject", "url": "https://news.example.org/assets/logo.png"},
    }
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["articleSection"] == "Politics"


def test_post_without_image_gets_summary_card_and_description_from_front_matter(
        minimal_site: Site) -> None:
    minimal_site.write("_posts/2025-03-05-plain.md",
                       "---\ndescription: Set by hand.\n---\nFirst paragraph.\n")
    page = minimal_site.build().page("/2025/03/05/plain.html")
    meta = head_meta(page)
    assert meta["twitter:card"] == ["summary"]
    assert "og:image" not in meta
    assert "twitter:site" not in meta  # the site has no `twitter:` handle
    assert meta["description"] == ["Set by hand."]
    assert json_ld(page)["dateModified"] == "2025-03-05T00:00:00+00:00"


def test_home_page_is_a_website_and_other_pages_web_pages(minimal_site: Site) -> None:
    minimal_site.write("about.md", "---\ndescription: Who we are.\n---\n# About us\n")
    minimal_site.build()
    home = minimal_site.page("/")
    assert json_ld(home)["@type"] == "WebSite"
    assert json_ld(home)["url"] == "https://news.example.org/"
    assert head_meta(home)["og:type"] == ["website"]
    about = minimal_site.page("/about/")
    data = json_ld(about)
    assert (data["@type"], data["name"], data["description"]) == ("WebPage", "About us",
                                                                  "Who we are.")
    assert head_meta(about)["og:url"] == ["https://news.example.org/about/"]


def test_hostile_title_is_escaped_in_meta_and_json_ld(minimal_site: Site) -> None:
    write_article(minimal_site, title=HOSTILE)
    page = minimal_site.build().page(ARTICLE)
    meta = head_meta(page)
    assert meta["og:title"] == [HOSTILE]
    assert meta["twitter:title"] == [HOSTILE]
    assert json_ld(page)["headline"] == HOSTILE
    # Nothing the title holds became markup in the head: one JSON-LD script, whose text has no
    # "<" that could close it, and no image. (Material's own header prints the title as is:
    # that is outside these tags.)
    scripts = page.head.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    assert "<" not in scripts[0].string
    assert page.head.find("img") is None


@pytest.mark.parametrize("text", ["</script>", "<!--", "a & b", "\u2028"])
def test_script_json_never_holds_markup(text: str) -> None:
    encoded = script_json({"headline": text})
    assert not {"<", ">", "&"} & set(encoded)
    assert json.loads(encoded) == {"headline": text}


def test_seo_option_off_removes_the_tags(minimal_site: Site) -> None:
    config = minimal_site.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - jekyll\n", "  - jekyll:\n      seo: false\n"))
    page = minimal_site.build().page("/town/2025/03/04/first-story.html")
    assert page.head.find("script", type="application/ld+json") is None
    assert "og:title" not in head_meta(page)


def test_every_demo_article_has_a_complete_news_article(demo_site: Site) -> None:
    posts = [p for p in demo_site.out.rglob("*.html")
             if p.parent.name.isdigit() and len(p.parent.name) == 2]
    assert len(posts) == 17
    required = {"headline", "description", "datePublished", "dateModified", "author", "publisher",
                "mainEntityOfPage", "url"}
    for path in posts:
        page = demo_site.page(path.relative_to(demo_site.out).as_posix())
        data = json_ld(page)
        assert data["@type"] == "NewsArticle", path
        assert required <= data.keys(), (path, required - data.keys())
        assert data["datePublished"][-6] in "+-", path  # with an offset
        meta = head_meta(page)
        assert meta["og:title"] == [data["headline"]]
        assert meta["twitter:site"] == ["@harbourledger"]


def test_page_description_and_author_are_escaped_on_every_page(minimal_site: Site) -> None:
    minimal_site.write("about.md", f"""
        ---
        description: 'Say "hi" {HOSTILE}'
        author: 'Ed "The Editor" <ed>'
        ---
        # About us
    """)
    page = minimal_site.build().page("/about/")
    meta = head_meta(page)
    assert meta["description"] == [f'Say "hi" {HOSTILE}']
    assert meta["og:description"] == meta["description"]
    assert meta["author"] == ['Ed "The Editor" <ed>']
    assert page.head.find("img") is None


@pytest.mark.parametrize(("value", "expected"), [
    ("minimalnews", "minimalnews"), ("@minimalnews", "minimalnews"),
    ({"username": "@desk"}, "desk"), ({"card": "summary"}, ""), (None, ""), (42, ""),
])
def test_twitter_handle_forms(value: object, expected: str) -> None:
    assert handle(value) == expected


@pytest.mark.parametrize(("base", "path", "expected"), [
    ("https://a.example/news/", "assets/x.jpg", "https://a.example/news/assets/x.jpg"),
    ("https://a.example/news/", "/assets/x.jpg", "https://a.example/news/assets/x.jpg"),
    ("https://a.example/", "https://cdn.example/x.jpg", "https://cdn.example/x.jpg"),
    ("", "assets/x.jpg", ""),  # no site address: no relative URL passed off as absolute
])
def test_absolute_url(base: str, path: str, expected: str) -> None:
    assert absolute_url(base, path) == expected


@pytest.mark.parametrize(("language", "expected"), [("en-GB", "en_GB"), ("de", "de"), (None, "en_US")])
def test_og_locale(language: str | None, expected: str) -> None:
    assert og_locale(language) == expected
