"""Each Jekyll form, built into a real site: what the reader gets, and what the editor is told."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import Site, text_of
from mkdocs.exceptions import Abort

FIRST = "/town/2025/03/04/first-story.html"


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha1(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_minimal_site_publishes_post_at_jekyll_url(minimal_site: Site) -> None:
    page = minimal_site.build().page(FIRST)
    assert text_of(page.select_one(".jekyll-headline")) == "First story"
    assert text_of(page.select_one(".jekyll-byline__authors")) == "By Ada Reporter"
    front = minimal_site.page("/")
    card = front.select_one("article.jekyll-card")
    assert "The first paragraph is the excerpt." in text_of(card)
    assert "only on the article page" not in text_of(card)


@pytest.mark.parametrize(
    ("timezone", "date_line", "expected_url", "expected_datetime"),
    [
        ("America/Chicago", 'date: "2025-03-04T23:30:00"', "/2025/03/04/zone.html",
         "2025-03-04T23:30:00-06:00"),
        ("America/Chicago", "date: 2025-03-04T23:30:00", "/2025/03/04/zone.html",
         "2025-03-04T17:30:00-06:00"),  # unquoted: a UTC instant, as Ruby's YAML reads it
        ("Asia/Tokyo", "date: 2025-03-04T23:30:00", "/2025/03/05/zone.html",
         "2025-03-05T08:30:00+09:00"),
        ("Asia/Tokyo", "date: 2015-11-17 16:16:01 -0600", "/2015/11/18/zone.html",
         "2015-11-18T07:16:01+09:00"),
        ("UTC", "date: 2025-03-04", "/2025/03/04/zone.html", "2025-03-04T00:00:00+00:00"),
    ],
)
def test_dates_and_urls_in_site_timezone(minimal_site: Site, timezone: str, date_line: str,
                                         expected_url: str, expected_datetime: str) -> None:
    minimal_site.write("_config.yml", f"timezone: {timezone}\n")
    minimal_site.write("_posts/2025-03-04-zone.md", f"---\n{date_line}\n---\nBody.\n")
    page = minimal_site.build().page(expected_url)
    assert page.select_one(".jekyll-dateline time")["datetime"] == expected_datetime


def test_permalink_from_config_and_front_matter(minimal_site: Site) -> None:
    minimal_site.write("_config.yml", "permalink: pretty\n")
    minimal_site.write("_posts/2025-03-05-own.md", "---\npermalink: /special/:title/\n---\nBody.\n")
    minimal_site.build()
    assert text_of(minimal_site.page("/town/2025/03/04/first-story/").select_one("h1"))
    assert text_of(minimal_site.page("/special/own/").select_one("h1")) == "Own"


def test_categories_tags_from_strings_and_folders(minimal_site: Site) -> None:
    minimal_site.write("world/asia/_posts/2025-03-06-far.md",
                       "---\ncategories: trade ports\ntags: shipping\n---\nBody.\n")
    page = minimal_site.build().page("/world/asia/trade/ports/2025/03/06/far.html")
    assert text_of(page.select_one(".jekyll-kicker")) == "world"
    for section in ("world", "asia", "trade", "ports"):
        listing = minimal_site.page(f"/category/{section}/")
        assert "Far" in text_of(listing.select_one("article.jekyll-card h2"))


def test_unknown_author_is_created_from_its_id_with_a_warning(minimal_site: Site) -> None:
    minimal_site.write("_posts/2025-03-07-stranger.md", "---\nauthor: zed\n---\nBody.\n")
    page = minimal_site.build(strict=False).page("/2025/03/07/stranger.html")
    assert text_of(page.select_one(".jekyll-byline__authors")) == "By zed"
    assert any("'zed'" in w and "_posts/2025-03-07-stranger.md" in w
               for w in minimal_site.warnings()), minimal_site.warnings()


def test_unpublished_post_is_not_built_and_future_needs_the_option(minimal_site: Site) -> None:
    minimal_site.write("_posts/2025-03-08-secret.md", "---\npublished: false\n---\nBody.\n")
    minimal_site.write("_posts/2099-01-01-later.md", "---\ntitle: Later\n---\nBody.\n")
    minimal_site.build()
    assert not (minimal_site.out / "2025/03/08/secret.html").exists()
    assert not (minimal_site.out / "2099/01/01/later.html").exists()
    assert any("3 posts found: 1 published, 0 drafts, 1 future, 1 unpublished" in m
               for m in minimal_site.infos())
    minimal_site.write("_config.yml", "future: true\n")
    assert text_of(minimal_site.build().page("/2099/01/01/later.html").select_one("h1")) == "Later"


def test_edit_link_points_at_the_original_post(minimal_site: Site) -> None:
    config = minimal_site.root / "mkdocs.yml"
    text = config.read_text().replace("  name: material\n",
                                      "  name: material\n  features: [content.action.edit]\n")
    config.write_text(text + "repo_url: https://git.example.org/news\nedit_uri: edit/main/docs/\n")
    page = minimal_site.build().page(FIRST)
    edit = page.select_one('a[title="Edit this page"]')
    assert edit["href"] == "https://git.example.org/news/edit/main/docs/_posts/2025-03-04-first-story.md"


def test_copies_live_in_the_cache_not_in_docs(minimal_site: Site) -> None:
    before = snapshot(minimal_site.docs)
    minimal_site.build()
    after = snapshot(minimal_site.docs)
    assert after == before
    copies = list((minimal_site.root / ".cache/mkdocs-jekyll/posts").rglob("*.md"))
    assert [p.name for p in copies] == ["2025-03-04-first-story.md"]


# -- bad input: one clear message naming the original file, the key, the value and the fix ----

ERRORS = [
    ("_posts/2025-03-09-yaml.md", "---\ntitle: [unclosed\n---\nBody.\n",
     ["'_posts/2025-03-09-yaml.md'", "line", "invalid YAML"]),
    ("_posts/2025-03-09-date.md", "---\ndate: 28/08/2025\n---\nBody.\n",
     ["front matter 'date'", "'_posts/2025-03-09-date.md'", "'28/08/2025'", "YYYY-MM-DD"]),
    ("_posts/2025-02-30-feb.md", "---\ntitle: Feb\n---\nBody.\n",
     ["'_posts/2025-02-30-feb.md'", "filename", "'2025-02-30'", "real date"]),
    ("_posts/no-date-here.md", "---\ntitle: Dateless\n---\nBody.\n",
     ["front matter 'date'", "'_posts/no-date-here.md'", "YYYY-MM-DD-title.md"]),
    ("_posts/2025-03-09-cats.md", "---\ncategories: {a: 1}\n---\nBody.\n",
     ["front matter 'categories'", "'_posts/2025-03-09-cats.md'", "a mapping", "[One, Two]"]),
    ("_posts/2025-03-09-tags.md", "---\ntags: [[nested]]\n---\nBody.\n",
     ["front matter 'tags'", "'_posts/2025-03-09-tags.md'", "['nested']"]),
    ("_posts/2025-03-09-pub.md", "---\npublished: 'no'\n---\nBody.\n",
     ["front matter 'published'", "'no'", "published: false"]),
    ("_posts/2025-03-09-img.md", "---\nimage: javascript:alert(1)\n---\nBody.\n",
     ["front matter 'image'", "'javascript:alert(1)'", "https://"]),
]


@pytest.mark.parametrize(("rel", "text", "words"), ERRORS, ids=[e[0] for e in ERRORS])
def test_bad_input_stops_the_build_with_one_clear_message(minimal_site: Site, rel: str,
                                                          text: str, words: list[str]) -> None:
    minimal_site.write(rel, text)
    before = snapshot(minimal_site.docs)
    with pytest.raises(Abort):
        minimal_site.build()
    message = minimal_site.errors()
    for word in words:
        assert word in message, message
    assert ".cache" not in message
    assert snapshot(minimal_site.docs) == before


def test_two_posts_at_one_url_is_an_error_naming_both(minimal_site: Site) -> None:
    minimal_site.write("_posts/sub/2025-03-04-first-story.md",
                       "---\ncategories: [Town]\n---\nAnother.\n")
    with pytest.raises(Abort):
        minimal_site.build()
    message = minimal_site.errors()
    assert "'_posts/2025-03-04-first-story.md'" in message
    assert "'_posts/sub/2025-03-04-first-story.md'" in message
    assert FIRST in message


def test_same_slug_on_the_same_day_is_an_error_not_an_overwrite(minimal_site: Site) -> None:
    minimal_site.write("_posts/2025-03-04-other.md",
                       "---\nslug: first-story\ncategories: Town\n---\nAnother.\n")
    with pytest.raises(Abort):
        minimal_site.build()
    assert "'_posts/2025-03-04-other.md'" in minimal_site.errors()
    assert not (minimal_site.out / FIRST.lstrip("/")).exists()


def test_post_permalink_colliding_with_a_page_is_an_error(minimal_site: Site) -> None:
    minimal_site.write("about.md", "# About\n")
    minimal_site.write("_posts/2025-03-10-about.md", "---\npermalink: /about/\n---\nBody.\n")
    with pytest.raises(Abort):
        minimal_site.build()
    assert "'_posts/2025-03-10-about.md' and 'about.md'" in minimal_site.errors()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("---\nauthor: {url: 'https://x.example'}\n---\nBody.\n", ["without a name", "name:"]),
        ("---\nimage: assets/missing.jpg\n---\nBody.\n",
         ["front matter 'image'", "'assets/missing.jpg' does not exist"]),
        ("---\nlayout: gallery\n---\nBody.\n", ["front matter 'layout'", "unknown layout 'gallery'"]),
    ],
)
def test_warnings_name_the_file_and_fail_strict_builds(minimal_site: Site, text: str,
                                                       words: list[str]) -> None:
    minimal_site.write("_posts/2025-03-11-warned.md", text)
    minimal_site.build(strict=False)
    warned = [w for w in minimal_site.warnings() if "_posts/2025-03-11-warned.md" in w]
    assert len(warned) == 1, minimal_site.warnings()
    for word in words:
        assert word in warned[0], warned[0]
    with pytest.raises(Abort):
        minimal_site.build(strict=True)


def test_quotes_and_markup_in_excerpts_stay_text(minimal_site: Site) -> None:
    excerpt = 'Officials called it "historic" & said <b>more</b> </script><script>alert(1)</script>'
    minimal_site.write("_posts/2025-03-12-quotes.md",
                       f"---\nexcerpt: '{excerpt}'\n---\nBody.\n")
    page = minimal_site.build().page("/2025/03/12/quotes.html")
    shown = 'Officials called it "historic" & said more'  # Liquid's strip_html, as Jekyll themes
    assert page.select_one('meta[name="description"]')["content"] == shown
    assert text_of(page.select_one(".jekyll-standfirst")) == shown
    assert not [s for s in page.select("script") if "alert(1)" in s.get_text()]
    card = minimal_site.page("/").select_one("article.jekyll-card .jekyll-standfirst")
    assert text_of(card) == shown


def test_category_spellings_that_share_a_listing_are_merged(minimal_site: Site) -> None:
    """Jekyll keeps `Business` and `business` apart, but both make one listing URL: without a
    merge, one listing page replaced the other and a story went missing from its section."""
    minimal_site.write("_posts/2025-03-05-crane.md", "---\ncategories: Business\n---\nCranes.\n")
    minimal_site.write("_posts/2025-03-06-market.md", "---\ncategories: business\n---\nFish.\n")
    minimal_site.write("_posts/2025-03-07-taxis.md", "---\ncategories: [Business]\n---\nTaxis.\n")
    minimal_site.build()
    listing = minimal_site.page("/category/business/")
    headlines = {text_of(h) for h in listing.select(".jekyll-card__headline")}
    assert headlines == {"Taxis", "Market", "Crane"}
    assert text_of(listing.select_one("h1")) == "Business"
    # the URL stays the one Jekyll gives (categories lowercased)
    market = minimal_site.page("/business/2025/03/06/market.html")
    assert text_of(market.select_one(".jekyll-kicker")) == "Business"
    assert any("Category 'business' is listed as 'Business'" in m for m in minimal_site.infos())
