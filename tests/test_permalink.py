"""Post URLs, compared with what Jekyll 4.3.1 built for the same post and permalink."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from mkdocs_jekyll.jekyll.permalink import (
    DEFAULT_STYLE,
    PLACEHOLDERS,
    STYLES,
    PermalinkError,
    UrlFacts,
    destination,
    permalink_template,
    post_url,
)

CHICAGO = ZoneInfo("America/Chicago")

# Jekyll built `_posts/2025-12-29-all.md` (date 2025-12-29 07:08:09 +0000, categories
# [Big News, Café, big news]) with one permalink holding every placeholder.
ALL = UrlFacts(
    date=datetime(2025, 12, 29, 7, 8, 9, tzinfo=timezone.utc),
    slug="Ünï Code & Spaces?",
    basename="2025-12-29-all",
    categories=("Big News", "Café", "big news"),
    path="world/2025-12-29-all",
)
EVERY_PLACEHOLDER = {
    "year": "/2025",
    "short_year": "/25",
    "month": "/12",
    "i_month": "/12",
    "short_month": "/Dec",
    "long_month": "/December",
    "day": "/29",
    "i_day": "/29",
    "y_day": "/363",
    "w_year": "/2026",  # ISO week-numbering year: Monday 29 December 2025 is in 2026-W01
    "week": "/01",
    "w_day": "/1",
    "short_day": "/Mon",
    "long_day": "/Monday",
    "hour": "/07",
    "minute": "/08",
    "second": "/09",
    "title": "/%C3%9Cn%C3%AF-Code-&-Spaces",
    "slug": "/%C3%BCn%C3%AF-code-spaces",
    "name": "/2025-12-29-all",
    "categories": "/big%20news/caf%C3%A9",
    "slugified_categories": "/big-news/caf%C3%A9",
    "output_ext": "/.html",
    "path": "/world/2025-12-29-all",
    "collection": "/posts",
}


def test_every_placeholder_is_covered() -> None:
    assert set(EVERY_PLACEHOLDER) == set(PLACEHOLDERS)


@pytest.mark.parametrize(("name", "url"), EVERY_PLACEHOLDER.items())
def test_each_placeholder(name: str, url: str) -> None:
    assert post_url(f"/:{name}", ALL) == url


def test_all_placeholders_in_one_permalink_as_jekyll_built_it() -> None:
    template = "/" + "/".join(f":{name}" for name in EVERY_PLACEHOLDER if name != "path")
    assert post_url(template, ALL) == (
        "/2025/25/12/12/Dec/December/29/29/363/2026/01/1/Mon/Monday/07/08/09"
        "/%C3%9Cn%C3%AF-Code-&-Spaces/%C3%BCn%C3%AF-code-spaces/2025-12-29-all"
        "/big%20news/caf%C3%A9/big-news/caf%C3%A9/.html/posts"
    )


EARLY_MARCH = UrlFacts(
    date=datetime(2024, 3, 5, 9, 4, 3, tzinfo=timezone.utc),
    slug="x", basename="2024-03-05-x", categories=(),
)


@pytest.mark.parametrize(("name", "url"), [
    ("year", "/2024"),
    ("short_year", "/24"),
    ("month", "/03"),
    ("i_month", "/3"),
    ("day", "/05"),
    ("i_day", "/5"),
    ("y_day", "/065"),
    ("w_year", "/2024"),
    ("week", "/10"),
    ("w_day", "/2"),
    ("short_day", "/Tue"),
    ("long_month", "/March"),
    ("hour", "/09"),
    ("minute", "/04"),
    ("second", "/03"),
])
def test_padded_and_unpadded_numbers(name: str, url: str) -> None:
    assert post_url(f"/:{name}", EARLY_MARCH) == url


# -- the five styles --------------------------------------------------------------------------

HELLO = UrlFacts(
    date=datetime(2025, 8, 28, 9, 30, tzinfo=CHICAGO),  # a Thursday, day 240, ISO week 35
    slug="hello-world",
    basename="2025-08-28-hello-world",
    categories=("News", "World"),
)


@pytest.mark.parametrize(("style", "url"), [
    ("date", "/news/world/2025/08/28/hello-world.html"),
    ("pretty", "/news/world/2025/08/28/hello-world/"),
    ("ordinal", "/news/world/2025/240/hello-world.html"),
    ("weekdate", "/news/world/2025/W35/Thu/hello-world.html"),
    ("none", "/news/world/hello-world.html"),
])
def test_styles(style: str, url: str) -> None:
    assert post_url(permalink_template(style), HELLO) == url


@pytest.mark.parametrize(("style", "url"), [
    ("date", "/2025/08/28/hello-world.html"),
    ("pretty", "/2025/08/28/hello-world/"),
    ("ordinal", "/2025/240/hello-world.html"),
    ("weekdate", "/2025/W35/Thu/hello-world.html"),
    ("none", "/hello-world.html"),
])
def test_styles_without_categories(style: str, url: str) -> None:
    facts = UrlFacts(HELLO.date, HELLO.slug, HELLO.basename, ())
    assert post_url(permalink_template(style), facts) == url


@pytest.mark.parametrize(("setting", "template"), [
    (None, "/:categories/:year/:month/:day/:title:output_ext"),
    ("", "/:categories/:year/:month/:day/:title:output_ext"),
    ("date", "/:categories/:year/:month/:day/:title:output_ext"),
    ("pretty", "/:categories/:year/:month/:day/:title/"),
    ("ordinal", "/:categories/:year/:y_day/:title:output_ext"),
    ("weekdate", "/:categories/:year/W:week/:short_day/:title:output_ext"),
    ("none", "/:categories/:title:output_ext"),
    ("/blog/:year/:title/", "/blog/:year/:title/"),
])
def test_permalink_template(setting: str | None, template: str) -> None:
    assert permalink_template(setting) == template


def test_default_style_is_date() -> None:
    assert STYLES[DEFAULT_STYLE] == "/:categories/:year/:month/:day/:title:output_ext"


def test_url_day_is_the_site_timezone_day() -> None:
    # `date: 2025-08-28 23:30:00 -0600` on a Chicago site: Jekyll's URL day is 29
    late = UrlFacts(datetime(2025, 8, 29, 0, 30, tzinfo=CHICAGO), "late", "2025-08-28-late", ())
    assert post_url(STYLES["date"], late) == "/2025/08/29/late.html"


# -- escaping and sanitising ------------------------------------------------------------------

def _facts(slug: str = "post", categories: tuple[str, ...] = ()) -> UrlFacts:
    return UrlFacts(HELLO.date, slug, "2025-08-28-post", categories)


@pytest.mark.parametrize(("categories", "template", "url"), [
    (("Big News",), "/:categories/:title:output_ext", "/big%20news/post.html"),
    (("Alpha", "alpha"), "/:categories/:title:output_ext", "/alpha/post.html"),
    (("Café",), "/:categories/:title:output_ext", "/caf%C3%A9/post.html"),
    (("日本",), "/:categories/:title:output_ext", "/%E6%97%A5%E6%9C%AC/post.html"),
    (("Q&A",), "/:categories/:title:output_ext", "/q&a/post.html"),
    (("c#",), "/:categories/:title:output_ext", "/c%23/post.html"),
    (("100%",), "/:categories/:title:output_ext", "/100%25/post.html"),
    (("a+b=c",), "/:categories/:title:output_ext", "/a+b=c/post.html"),
    (("Big News",), "/:slugified_categories/:title:output_ext", "/big-news/post.html"),
    (("Café Noir",), "/:slugified_categories/:title:output_ext", "/caf%C3%A9-noir/post.html"),
])
def test_category_escaping(categories: tuple[str, ...], template: str, url: str) -> None:
    assert post_url(template, _facts(categories=categories)) == url


@pytest.mark.parametrize(("slug", "url"), [
    ("hello world", "/hello-world.html"),
    ("Hello World", "/Hello-World.html"),  # :title keeps case
    ("hello-world_and.more", "/hello-world_and.more.html"),
    ("日本語のタイトル", "/%E6%97%A5%E6%9C%AC%E8%AA%9E%E3%81%AE%E3%82%BF%E3%82%A4%E3%83%88%E3%83%AB.html"),
    ("it's (ok)", "/it's-(ok).html"),
])
def test_title_escaping(slug: str, url: str) -> None:
    assert post_url("/:title:output_ext", _facts(slug=slug)) == url


@pytest.mark.parametrize(("categories", "template", "url"), [
    pytest.param(("..", "a..b"), "/:categories/../:title/./x.html", "/a/b/post/x.html",
                 id="as-jekyll-built-it"),
    pytest.param(("../../etc",), "/:categories/:title:output_ext", "/etc/post.html",
                 id="category-climbing-out"),
    pytest.param((), "/../../:title:output_ext", "/post.html", id="template-climbing-out"),
    pytest.param((), "/./:title/./", "/post/", id="dot-segments"),
    pytest.param((), "/a//b///:title/", "/a/b/post/", id="repeated-slashes"),
    pytest.param((), "blog/:title:output_ext", "/blog/post.html", id="leading-slash-added"),
    pytest.param((), "/:categories/:title:output_ext", "/post.html", id="empty-categories"),
])
def test_sanitising(categories: tuple[str, ...], template: str, url: str) -> None:
    assert post_url(template, _facts(categories=categories)) == url


@pytest.mark.parametrize(("template", "url"), [
    ("/:year_/:title/", "/2025_/post/"),
    ("/:title_.html", "/post_.html"),
])
def test_trailing_underscore_falls_back_to_the_placeholder(template: str, url: str) -> None:
    assert post_url(template, _facts()) == url


@pytest.mark.parametrize("name", ["month_x", "author", "titles", "date", "title_draft"])
def test_unknown_placeholder(name: str) -> None:
    with pytest.raises(PermalinkError) as error:
        post_url(f"/blog/:{name}/", _facts())
    message = str(error.value)
    assert message.startswith(f"':{name}' is not a permalink placeholder (use one of :year, ")
    assert ":title" in message
    assert ":slugified_categories" in message


# -- where the page is written ----------------------------------------------------------------

@pytest.mark.parametrize(("url", "dest"), [
    ("/2025/08/28/hello-world.html", "2025/08/28/hello-world.html"),
    ("/news/2025/08/28/hello-world/", "news/2025/08/28/hello-world/index.html"),
    ("/", "index.html"),
    ("", "index.html"),
    ("/feed", "feed.html"),
    ("/archive/2025/hello", "archive/2025/hello.html"),
    ("/notes/v1.2", "notes/v1.2.html"),
    ("/big%20news/caf%C3%A9.html", "big news/café.html"),
    ("/100%25/post/", "100%/post/index.html"),
])
def test_destination(url: str, dest: str) -> None:
    assert destination(url) == dest


def test_destination_stays_inside_the_site() -> None:
    assert destination("/%2e%2e/%2e%2e/etc/passwd") == "etc/passwd.html"
