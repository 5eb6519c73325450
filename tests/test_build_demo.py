"""The demo site, built as `make site` builds it: what a reader sees on the front page and articles."""

from __future__ import annotations

import json

from conftest import Site, text_of

SAMPLE = "/news/2025/08/28/big-news-north-korea-kim-jong-un-to-join-putin-at-china-military-parade.html"


def test_demo_builds_strict_without_warnings(demo_site: Site) -> None:
    assert demo_site.warnings() == []
    summary = "19 posts found: 17 published, 0 drafts, 1 future, 1 unpublished"
    assert any(summary in m for m in demo_site.infos()), demo_site.infos()


def test_sample_article_keeps_jekyll_url_author_section_date_and_image(demo_site: Site) -> None:
    page = demo_site.page(SAMPLE)
    article = page.select_one("article.md-content__inner")
    assert text_of(article.select_one(".jekyll-headline")) == (
        "Big News: North Korea's Kim Jong Un to join Putin at China military parade"
    )
    assert text_of(article.select_one(".jekyll-kicker")) == "News"
    assert text_of(article.select_one(".jekyll-byline__authors")) == "By badely"
    published = article.select_one(".jekyll-dateline time")
    assert published["datetime"] == "2025-08-28T05:02:43+00:00"
    assert text_of(published) == "Aug 28, 2025, 5:02:43 AM"
    hero = article.select_one("figure.jekyll-hero img")
    assert hero["src"].endswith("assets/images/1afd44510bdb98e6b5e16cee09f8610b.jpg")
    assert (demo_site.out / "assets/images/1afd44510bdb98e6b5e16cee09f8610b.jpg").is_file()
    assert "Choe Ryong-hae" in text_of(article)  # the whole body is on the article page


def test_front_page_lists_excerpts_not_whole_articles(demo_site: Site) -> None:
    cards = [*demo_site.page("/").select("article.jekyll-card"),
             *demo_site.page("/page/2/").select("article.jekyll-card")]
    by_title = {text_of(card.select_one("h2")): card for card in cards}
    sample = next(card for title, card in by_title.items() if title.startswith("Big News"))
    assert text_of(sample.select_one(".jekyll-standfirst")) == (
        "The reclusive North Korean leader's attendance at the event comes days after Trump said "
        "he wants to meet Kim."
    )
    assert "Choe Ryong-hae" not in text_of(sample)
    assert sample.select_one("h2 a")["href"].endswith(SAMPLE.lstrip("/"))


def test_featured_post_is_pinned_first(demo_site: Site) -> None:
    first = demo_site.page("/").select_one("article.jekyll-card")
    assert text_of(first.select_one("h2")).startswith("Container volumes climb at East Quay")


def test_hidden_unpublished_and_future_posts(demo_site: Site) -> None:
    listed = text_of(demo_site.page("/")) + text_of(demo_site.page("/page/2/"))
    # hidden: true stays off the listings, but is built
    assert "Correction" not in listed
    assert (demo_site.out / "news/2025/09/09/correction-ferry-fare-figures.html").is_file()
    assert not (demo_site.out / "business/2025/09/12/startup-tests-electric-water-taxis.html").exists()
    assert not list(demo_site.out.glob("news/2031/**/*.html"))
    assert "water taxis" not in listed
    assert "centenary" not in listed.lower()


def test_jekyll_own_files_never_reach_the_site(demo_site: Site) -> None:
    for name in ("_config.yml", "_data", "_posts", "world/_posts"):
        assert not (demo_site.out / name).exists(), name


def test_sections_from_categories_and_folders(demo_site: Site) -> None:
    world = demo_site.page("/category/world/")
    titles = [text_of(h) for h in world.select("article.jekyll-card h2")]
    assert titles == [
        "Overseas buyers return to the autumn seafood fair",
        "Sister-port delegation signs green shipping pact",
    ]


def test_title_from_filename_and_offset_date(demo_site: Site) -> None:
    page = demo_site.page("/business/2025/09/11/shipyard-apprenticeships-draw-record-applications.html")
    assert text_of(page.select_one(".jekyll-headline")) == (
        "Shipyard Apprenticeships Draw Record Applications"
    )
    council = demo_site.page("/news/2025/09/02/council-approves-seawall-budget.html")
    # 2025-09-02 14:30:00 -0400 is 18:30 in the site timezone (UTC)
    assert council.select_one(".jekyll-dateline time")["datetime"] == "2025-09-02T18:30:00+00:00"


def test_updated_date_and_two_authors(demo_site: Site) -> None:
    page = demo_site.page("/science/2025/09/06/seagrass-survey-finds-signs-of-recovery.html")
    assert text_of(page.select_one(".jekyll-byline__authors")) == "By Ravi Patel and Lin Chen"
    times = page.select(".jekyll-article__header .jekyll-dateline time")
    assert [t["datetime"] for t in times] == ["2025-09-06T08:00:00+00:00", "2025-09-06T10:00:00+00:00"]
    assert "Updated" in text_of(page.select_one(".jekyll-article__header .jekyll-dateline"))


def test_inline_author_mapping_and_description_meta(demo_site: Site) -> None:
    page = demo_site.page("/2025/09/08/market-street-traders-weigh-parking-changes.html")
    byline = page.select_one(".jekyll-byline__authors a")
    # With author pages on (the default), the byline links to the author's page on the site.
    assert (text_of(byline), byline["href"]) == ("Guest Writer", "../../../author/guest-writer/")
    profile = demo_site.page("/author/guest-writer/")
    assert profile.select_one(".jekyll-profile a[rel=me]")["href"] == "https://example.org/guest"
    description = page.select_one('meta[name="description"]')["content"]
    assert description.startswith("I have run a hardware shop on Market Street")
    assert description in text_of(page.select_one(".jekyll-article__body"))


def test_image_mapping_alt_and_caption(demo_site: Site) -> None:
    page = demo_site.page("/culture/2025/08/30/lighthouse-keepers-cottage-reopens-as-gallery.html")
    figure = page.select_one("figure.jekyll-hero")
    assert figure.select_one("img")["alt"]
    assert text_of(figure.select_one("figcaption"))


def test_search_index_has_posts_at_jekyll_urls(demo_site: Site) -> None:
    index = json.loads((demo_site.out / "search/search_index.json").read_text())
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert SAMPLE.lstrip("/") in locations
