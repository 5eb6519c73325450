"""Properties over generated sites: every post that should be published has exactly one page at
its URL and is listed (front page, archive, category page, feed); random bad front matter always
stops with a clean error.

Builds are slow, so example counts are small and derandomized (the same examples on every run).
Expected URLs come from the pure core (checked against real Jekyll in test_conformance.py);
what is checked here is that the build publishes exactly that, once, and lists it.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import unquote, urljoin

import feedparser
import pytest
from conftest import FIXTURES, Site, text_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import Abort
from mkdocs_jekyll.jekyll.errors import ContentError
from mkdocs_jekyll.jekyll.post import read_post
from mkdocs_jekyll.jekyll.site import settings_from_config

BUILDS = settings(max_examples=8, deadline=None, derandomize=True, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
CORE = settings(max_examples=300, deadline=None, derandomize=True, database=None)

PERMALINKS = ["date", "pretty", "ordinal", "none", "/news/:year/:month/:title/",
              "/:categories/:year/:month/:day/:title:output_ext"]
TIMEZONES = ["UTC", "America/Chicago", "Asia/Tokyo", "Pacific/Kiritimati"]
CATEGORIES = ["World", "Économie", "sport", "Kultur und Medien", "東京"]
HEADLINES = "article.md-post h2, .jekyll-card__headline"  # Material's cards or the news layouts'
TITLE_CHARS = st.characters(categories=["L", "N", "Zs", "P", "S"], exclude_characters="\u2028\u2029")


@dataclass
class GenPost:
    slug: str
    title: str
    date: datetime
    date_only: bool
    quoted: bool
    categories: list[str]
    published: bool

    def text(self) -> str:
        if self.date_only:
            date = self.date.strftime("%Y-%m-%d")
        else:
            date = self.date.strftime("%Y-%m-%d %H:%M:%S %z")
        date = json.dumps(date) if self.quoted else date
        lines = [f"title: {json.dumps(self.title)}", f"date: {date}",
                 f"categories: {json.dumps(self.categories, ensure_ascii=False)}"]
        if not self.published:
            lines.append("published: false")
        return "---\n" + "\n".join(lines) + "\n---\n\nThe story of " + self.slug + ".\n"


@st.composite
def posts(draw: st.DrawFn, index: int) -> GenPost:
    offset = draw(st.integers(-12 * 4, 14 * 4)) * 15
    date = draw(st.datetimes(datetime(1969, 1, 1), datetime(2031, 12, 31)))
    return GenPost(
        slug=f"p{index}-" + draw(st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)),
        title=f"T{index} " + draw(st.text(TITLE_CHARS, min_size=1, max_size=24)),
        date=date.replace(tzinfo=timezone(timedelta(minutes=offset))),
        date_only=draw(st.booleans()),
        quoted=draw(st.booleans()),
        categories=draw(st.lists(st.sampled_from(CATEGORIES), max_size=2, unique=True)),
        published=draw(st.integers(0, 9)) > 0,
    )


@st.composite
def sites(draw: st.DrawFn) -> tuple[str, str, list[GenPost]]:
    count = draw(st.integers(1, 6))
    return (draw(st.sampled_from(PERMALINKS)), draw(st.sampled_from(TIMEZONES)),
            [draw(posts(index)) for index in range(count)])


def _site(tmp: Path, permalink: str, zone: str) -> Site:
    root = tmp / "site"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(FIXTURES / "sites" / "minimal", root)
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text(encoding="utf-8")
                                     + "      pagination_per_page: 100\n", encoding="utf-8")
    site = Site(root)
    (site.docs / "_posts/2025-03-04-first-story.md").unlink()
    site.write("_config.yml", f"timezone: {zone}\npermalink: {json.dumps(permalink)}\n")
    return site


def _shown(title: str) -> str:
    return " ".join(title.split())


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


@BUILDS
@given(sites())
def test_each_published_post_has_one_page_at_its_url_and_is_listed(
        workdir: Path, generated: tuple[str, str, list[GenPost]]) -> None:
    permalink, zone, generated_posts = generated
    site = _site(workdir, permalink, zone)
    settings_ = settings_from_config({"timezone": zone, "permalink": permalink})
    expected = {}
    for post in generated_posts:
        source = f"_posts/{post.date.strftime('%Y-%m-%d')}-{post.slug}.md"
        site.write(source, post.text())
        jekyll = read_post(source, post.text(), settings_)
        expected[source] = jekyll
    site.build()

    published = {s: p for s, p in expected.items() if not p.draft}
    headlines: dict[str, list[str]] = {}
    for path in site.out.rglob("*.html"):
        page = site.page("/" + path.relative_to(site.out).as_posix())
        headline = page.select_one("h1.jekyll-headline")
        if headline is not None:
            headlines.setdefault(text_of(headline), []).append(path.relative_to(site.out).as_posix())
    for source, post in expected.items():
        pages = headlines.get(_shown(post.title), [])
        if post.draft:
            assert pages == [], (source, post.draft_reason)
            continue
        assert pages == [post.dest], (source, post.url, pages)  # one page, at Jekyll's URL

    front = site.page("/")
    listed = sorted({text_of(h) for h in front.select(HEADLINES)})
    assert listed == sorted(_shown(p.title) for p in published.values())
    feed = feedparser.parse((site.out / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert sorted(_shown(entry.title) for entry in feed.entries) == sorted(
        _shown(p.title) for p in published.values())
    for source, post in published.items():
        year = f"{post.date.year}/"  # jekyll-archives' /YYYY/ with the news layouts, else Material's
        archive = site.page(year if (site.out / year).is_dir() else f"/archive/{year}")
        assert _shown(post.title) in [text_of(h) for h in archive.select(HEADLINES)]
        article = site.page(unquote(post.url))
        kicker = article.select_one(".jekyll-kicker a")
        assert (kicker is None) == (not post.categories), source
        if kicker is not None:
            category_url = urljoin("https://x.example" + unquote(post.url), kicker["href"])
            category = site.page(unquote(category_url.removeprefix("https://x.example")))
            titles = [text_of(h) for h in category.select(HEADLINES)]
            assert _shown(post.title) in titles, (source, category_url)


# -- bad front matter -------------------------------------------------------------------------

KEYS = ["title", "date", "author", "authors", "categories", "category", "tags", "excerpt",
        "image", "permalink", "slug", "published", "draft", "pin", "featured", "hidden", "layout",
        "description", "last_modified_at", "excerpt_separator", "image_caption"]
BAD_VALUES = st.one_of(
    st.lists(st.one_of(st.integers(), st.text(max_size=5), st.lists(st.integers(), max_size=2)),
             max_size=3),
    st.dictionaries(st.text(min_size=1, max_size=5), st.integers(), max_size=2),
    st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(),
    st.sampled_from(["2025-02-30", "0000-01-01", "javascript:alert(1)", "../../x", "9999-12-31 "
                     "23:59:59 -1200", "yes", "C:\\x.jpg", "data:x", "/:nope/"]),
)
SITE = settings_from_config({})


@CORE
@given(st.dictionaries(st.sampled_from(KEYS), BAD_VALUES, min_size=1, max_size=4))
def test_any_value_for_any_key_is_read_or_refused_cleanly(front: dict[str, object]) -> None:
    text = "---\n" + json.dumps(front, allow_nan=True) + "\n---\nBody.\n"
    refused: ContentError | None = None
    try:
        url = read_post("_posts/2025-01-01-x.md", text, SITE).url
    except ContentError as error:  # any other exception fails the test
        refused, url = error, ""
    if refused is not None:
        assert refused.problem.path == "_posts/2025-01-01-x.md"
        assert str(refused).startswith("Error reading ")
    else:
        assert url.startswith("/")


@CORE
@given(st.text(max_size=200))
def test_any_front_matter_text_is_read_or_refused_cleanly(yaml_text: str) -> None:
    refused: ContentError | None = None
    try:
        read_post("_posts/2025-01-01-x.md", f"---\n{yaml_text}\n---\nBody.\n", SITE)
    except ContentError as error:  # any other exception fails the test
        refused = error
    assert refused is None or refused.problem.path == "_posts/2025-01-01-x.md"


@settings(max_examples=6, deadline=None, derandomize=True, database=None)
@given(st.dictionaries(st.sampled_from(KEYS), BAD_VALUES, min_size=1, max_size=3))
def test_bad_front_matter_stops_the_build_naming_the_file(workdir: Path,
                                                          front: dict[str, object]) -> None:
    site = _site(workdir, "date", "UTC")
    site.write("_posts/2025-01-01-x.md", "---\n" + json.dumps(front) + "\n---\nBody.\n")
    try:
        site.build(strict=False)
    except Abort:
        assert "_posts/2025-01-01-x.md" in site.errors(), site.errors()
        assert ".cache" not in site.errors()


_URL_PART = st.sampled_from(["a", "b", "ab", ".", "..", "", "x.html", "index.html", "v1.2", "%20"])
_URL = st.builds(lambda lead, parts, tail: lead + "/".join(parts) + tail,
                 st.sampled_from(["", "/"]), st.lists(_URL_PART, max_size=5),
                 st.sampled_from(["", "/"]))


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(targets=st.lists(_URL, max_size=6), page_url=_URL, text=st.sampled_from(["", "<a>", " x "]))
def test_rebase_gives_mkdocs_relative_urls(targets: list[str], page_url: str, text: str) -> None:
    from mkdocs.utils import get_relative_url
    from mkdocs_jekyll.relative_links import END, MARK, MarkRelativeUrls, rebase

    template = text + "".join(f'<a href="{MARK}{url}{END}">{text}</a>' for url in targets)
    expected = text + "".join(f'<a href="{get_relative_url(url, page_url)}">{text}</a>'
                              for url in targets)
    assert rebase(template, page_url) == expected
    with MarkRelativeUrls(against=page_url):  # HTML shared inside HTML being shared: kept marked
        assert rebase(template, page_url) == template
