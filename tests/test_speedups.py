"""The speed-ups for Material's blog change nothing a reader sees: every page is byte-identical
with `speedups: false`, on the demo, on generated news posts, and on posts written to defeat
them (which then take Material's own path)."""

from __future__ import annotations

import gc
import json
import logging
import os
import re
import shutil
import sys
import types
import weakref
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urljoin

import pytest
import yaml
from conftest import REPO, Site, _Collect, assert_same, at_end_build, copy_demo, text_of
from jinja2 import Environment
from mkdocs import utils as mkdocs_utils
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs_jekyll import (
    card_cache,
    kept_output,
    material_excerpts,
    material_speedups,
    nav_cache,
    page_renders,
    search_cache,
)
from mkdocs_jekyll.plugin import JekyllPlugin

sys.path.insert(0, str(REPO / "benchmarks"))
import corpus

T = TypeVar("T")


def _without_speedups(site: Site) -> Site:
    config = site.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "  - jekyll:\n" in text:
        text = text.replace("  - jekyll:\n", "  - jekyll:\n      speedups: false\n")
    else:
        assert "  - jekyll\n" in text
        text = text.replace("  - jekyll\n", "  - jekyll:\n      speedups: false\n")
    config.write_text(text, encoding="utf-8")
    return site


def _files(folder: Path) -> dict[str, bytes]:
    # sitemap.xml.gz holds gzip's own timestamp; sitemap.xml holds the same text, and is compared.
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix != ".gz"}


def _outputs(site: Site) -> dict[str, bytes]:
    return _files(site.out)


def _assert_same_files(a: dict[str, bytes], b: dict[str, bytes], what: str) -> None:
    assert sorted(a) == sorted(b), what
    different = [name for name in a if a[name] != b[name]]
    assert different == [], f"differ {what}: {different[:10]}"


def _assert_same_site(fast: Site, slow: Site) -> None:
    _assert_same_files(_outputs(fast), _outputs(slow), "with and without speed-ups")


def _instances(monkeypatch: pytest.MonkeyPatch, cls: type[T]) -> list[T]:
    """Every object of `cls` made while the test runs (a build makes its caches itself)."""
    made: list[T] = []
    original = cls.__init__

    def init(self: T, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)  # type: ignore[misc]
        made.append(self)

    monkeypatch.setattr(cls, "__init__", init)
    return made


pages_reused: list[int] = []


@pytest.fixture
def excerpt_stats(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """(rendered from their own Markdown, taken from the cache) per build with speed-ups."""
    seen: list[tuple[int, int]] = []
    original = material_speedups.ExcerptCache.end_build

    def end_build(self: material_speedups.ExcerptCache) -> None:
        seen.append((self.misses, self.hits))
        pages_reused.append(self.page_hits)
        original(self)

    monkeypatch.setattr(material_speedups.ExcerptCache, "end_build", end_build)
    return seen


def _demo(tmp_path: Path, name: str) -> Site:
    return copy_demo(tmp_path / name)


def _with_material_listings(site: Site) -> Site:
    """The site with Material's own listing templates, which show each excerpt's HTML (the
    news layouts show the standfirst instead)."""
    import material

    templates = Path(material.__file__).parent / "templates"
    overrides = site.root / "material-listings"
    for name in ("blog.html", "partials/post.html"):
        (overrides / name).parent.mkdir(parents=True, exist_ok=True)
        (overrides / name).write_bytes((templates / name).read_bytes())
    config = site.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "custom_dir" not in text
    assert "  name: material\n" in text
    config.write_text(text.replace("  name: material\n",
                                   "  name: material\n  custom_dir: material-listings\n"),
                      encoding="utf-8")
    return site


def test_demo_is_byte_identical_with_and_without_speedups(
        tmp_path: Path, excerpt_stats: list[tuple[int, int]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    given: list[str] = []
    prefill = material_speedups.FrontMatterMemo.prefill

    def checked(memo: material_speedups.FrontMatterMemo, text: str, value: Any) -> None:
        assert_same(value, yaml.load(text, yaml.SafeLoader), text)  # what Material would read
        given.append(text)
        prefill(memo, text, value)

    monkeypatch.setattr(material_speedups.FrontMatterMemo, "prefill", checked)
    fast = _demo(tmp_path, "fast").build()
    assert len(given) == len([p for p in fast.docs.rglob("*.md") if "_posts" in p.parts])
    slow = _without_speedups(_demo(tmp_path, "slow")).build()
    _assert_same_site(fast, slow)
    # the news layouts show no excerpt's HTML, so none is rendered
    assert excerpt_stats[0] == (0, 0)
    cards = fast.page("/").select("article.jekyll-card")
    assert cards
    assert all(card.select_one("a[href]") is not None for card in cards)


def test_generated_news_posts_are_byte_identical(
        tmp_path: Path, excerpt_stats: list[tuple[int, int]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    corpus.generate(tmp_path / "a", 40, seed=3, liquid=False)
    corpus.generate(tmp_path / "b", 40, seed=3, liquid=False)
    converters: list[object] = []
    build_converter = material_excerpts._DeferredMarkdown.build

    def counted(self: material_excerpts._DeferredMarkdown) -> object:
        converters.append(self)
        return build_converter(self)

    monkeypatch.setattr(material_excerpts._DeferredMarkdown, "build", counted)
    fast = _with_material_listings(Site(tmp_path / "a" / "plugin")).build()
    assert len(converters) == 1, "every excerpt should share one Markdown converter"
    slow = _with_material_listings(_without_speedups(Site(tmp_path / "b" / "plugin"))).build()
    _assert_same_site(fast, slow)
    rendered, reused = excerpt_stats[0]
    assert rendered == 40  # once per post
    assert reused >= 40  # each post is on the front page or archive, and a category
    # reading times, worked out only when Material's post.html reads them, as Material has them
    assert re.search(r"\d+ min read", text_of(fast.page("/")))
    excerpts = fast.page("/").select(".md-post__content")
    assert len(excerpts) >= 5
    assert all(text_of(e) for e in excerpts)


TRICKY = {
    # a footnote: its text sits after the separator in the whole post
    "_posts/2025-03-01-footnote.md": "---\ntitle: Footnote\n---\n\nA claim.[^1]\n\nMore.\n\n"
                                     "[^1]: The source.\n",
    # a reference link defined after the excerpt
    "_posts/2025-03-02-reference.md": "---\ntitle: Reference\n---\n\nSee [the port][p].\n\n"
                                      "Later.\n\n[p]: https://example.org/port\n",
    # a code fence before the separator
    "_posts/2025-03-03-fence.md": "---\ntitle: Fence\nexcerpt_separator: <!--cut-->\n---\n\n"
                                  "Lead.\n\n```\n<!-- more -->\n```\n\n<!--cut-->\n\nRest.\n",
    # an id after the separator that the excerpt's heading would otherwise take
    "_posts/2025-03-04-ids.md": "---\ntitle: Ids\nexcerpt_separator: <!--cut-->\n---\n\n"
                                "## Tide\n\nLead.\n\n<!--cut-->\n\nRest {#tide}\n",
    # a plain one, in a category, with an image and two authors
    "_posts/2025-03-05-plain.md": "---\ntitle: Plain\ncategories: [Port]\nauthors: [ann, bo]\n"
                                  "---\n\nThe *lead* -- with \"quotes\".\n\n## Later\n\nRest.\n",
    # links in the excerpt that each listing (at its own depth) makes relative to itself
    "_posts/2025-03-06-links.md": "---\ntitle: Links\ncategories: [Port, Town]\n---\n\n"
                                  "After [the plain one](2025-03-05-plain.md#later), "
                                  "[the top](#links) & [elsewhere](https://example.org/a?b=1&c=2)."
                                  "\n\nRest.\n",
    "_data/authors.yml": "ann:\n  name: Ann\nbo:\n  name: Bo\n",
}


def _tricky(tmp_path: Path, name: str, speedups: bool) -> Site:
    site = Site(tmp_path / name)
    for rel, text in TRICKY.items():
        site.write(rel, text)
    site.write("index.md", "# Ledger\n")
    (site.root / "mkdocs.yml").write_text(
        "site_name: Ledger\nsite_url: https://ledger.example.org/\ntheme:\n  name: material\n"
        "markdown_extensions:\n  - footnotes\n  - attr_list\n  - smarty\n  - toc:\n"
        "      permalink: true\nplugins:\n  - search\n  - jekyll\n  - blog:\n      blog_dir: .\n",
        encoding="utf-8")
    _with_material_listings(site)
    return site if speedups else _without_speedups(site)


def test_posts_the_fast_path_cannot_take_render_as_material_renders_them(
        tmp_path: Path, excerpt_stats: list[tuple[int, int]]) -> None:
    fast = _tricky(tmp_path, "fast", True).build()
    slow = _tricky(tmp_path, "slow", False).build()
    _assert_same_site(fast, slow)
    front = fast.page("/")
    for title in ("Fence", "Footnote", "Ids", "Links", "Plain", "Reference"):
        assert front.find("a", string=title) is not None, f"{title} is not listed"
    for listing in ("/", "/2025/", "/category/town/"):  # one excerpt's HTML, rebased per depth
        link = fast.page(listing).find("a", string="Links")
        assert fast.page(urljoin(listing, link["href"])).find("h1").get_text(strip=True) == "Links"
    rendered, _ = excerpt_stats[0]
    assert 0 < rendered < 5 * 3  # only the plain post, in its views, took the fast path


@pytest.mark.parametrize(("head", "expected"), [
    ("# T\n\nLead.\n\n<!-- more -->\n\nRest.\n", "# T\n\nLead.\n\n<!-- more -->\n"),
    ("# T\n\nLead.\n\n<!-- more -->", "# T\n\nLead.\n\n<!-- more -->\n"),
    ("# T\n\nLead <!-- more --> inline.\n", None),
    ("# T\n\nLead.[^1]\n\n<!-- more -->\n\n[^1]: x\n", None),
    ("# T\n\n<div>\n\n<!-- more -->\n\n</div>\n", None),
    ("# T\n\nLead.\n\n<!-- more -->\n\n*[HTML]: markup\n", None),
    ("# T\n\nNo separator.\n", None),
    ("# T\n\n* TOC\n{:toc}\n\n<!-- more -->\n\n## Later\n", None),
    ("# T\n\nLead.\n\n<!-- more -->\n{: .note}\n", None),
])
def test_excerpt_head_only_when_the_part_renders_as_the_whole(head: str, expected: str | None) -> None:
    assert material_speedups.excerpt_head(head, "<!-- more -->") == expected


def test_untested_material_turns_speedups_off_with_one_info_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        excerpt_stats: list[tuple[int, int]]) -> None:
    monkeypatch.setattr(material_speedups, "material_version", lambda: (10, 1))
    site = _tricky(tmp_path, "untested", True).build()
    notes = [m for m in site.infos() if "Speed-ups for Material's blog are off" in m]
    assert notes == ["mkdocs_jekyll: Speed-ups for Material's blog are off: they are tested "
                     "with Material 9.7.x to 9.x, this is 10.1"]
    assert excerpt_stats == []
    slow = _tricky(tmp_path, "slow", False).build()
    _assert_same_site(site, slow)


def test_post_list_membership_matches_list_semantics() -> None:
    class Post:
        def __init__(self, key: str) -> None:
            self.key = key

        def __eq__(self, other: Any) -> bool:
            return isinstance(other, Post) and self.key == other.key

        __hash__ = None  # type: ignore[assignment]

    a, b = Post("a"), Post("b")
    posts = material_speedups.PostList([a, b], Post)
    assert a in posts
    assert Post("b") in posts
    assert Post("c") not in posts
    assert "a" not in posts
    c = Post("c")
    posts.append(c)
    assert c in posts
    posts.remove(a)
    assert a not in posts
    assert Post("a") not in posts


def _serve_build(site: Site, messages: list[logging.LogRecord]) -> None:
    """One rebuild as `mkdocs serve` runs it: the plugin objects stay from the last build."""
    handler = _Collect(messages)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(str(site.root / "mkdocs.yml"), site_dir=str(site.out))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url="http://127.0.0.1:8000/")
    finally:
        logger.removeHandler(handler)


def test_serve_rebuild_reuses_unchanged_posts_and_shows_the_edit(
        tmp_path: Path, excerpt_stats: list[tuple[int, int]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    made_search = _instances(monkeypatch, search_cache.SearchEntries)
    made_speedups = _instances(monkeypatch, material_speedups.Speedups)
    front_matter_read = at_end_build(monkeypatch, material_speedups.FrontMatterMemo,
                                     lambda memo: memo.parsed)
    site = _tricky(tmp_path, "serve", True)
    site.write("_posts/2025-03-06-broken-link.md",
               "---\ntitle: Broken\n---\n\nSee [the map](missing.md).\n\nRest.\n")
    dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()
    first: list[logging.LogRecord] = []
    _serve_build(site, first)
    plain = (site.out / "port/2025/03/05/plain.html").read_bytes()
    site.write("_posts/2025-03-05-plain.md", TRICKY["_posts/2025-03-05-plain.md"].replace(
        "## Later", "An edited line.\n\n## Later"))
    second: list[logging.LogRecord] = []
    compiled: list[str] = []
    compile_template = Environment.compile

    def counted(env: Environment, source: Any, name: str | None = None, *args: Any) -> Any:
        if env.bytecode_cache is not None:  # the build's theme environment
            compiled.append(name or "")
        return compile_template(env, source, name, *args)

    monkeypatch.setattr(Environment, "compile", counted)
    _serve_build(site, second)
    dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()
    # the rebuild compiled no template; no build read a copy's front matter (each was given
    # from the post it was made from)
    assert compiled == []
    assert made_speedups[-1].front_matter.found
    assert front_matter_read[-2:] == [0, 0]

    served = _outputs(site)
    served_index = (site.out / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "An edited line." in served_index
    reused_entries = made_search[-1].hits
    edited = site.page("/port/2025/03/05/plain.html")
    assert "An edited line." in text_of(edited.select_one("article"))
    assert (site.out / "port/2025/03/05/plain.html").read_bytes() != plain
    _, reused = excerpt_stats[1]
    assert reused > 0, "no excerpt was reused on the rebuild"
    # converted once: the six unedited posts and the six listing pages (front page, 2025,
    # two sections, two authors)
    assert pages_reused[-2:] == [0, 12]
    broken = [r.getMessage() for r in second if "missing.md" in r.getMessage()]
    assert broken, "the broken link's warning must be logged on every rebuild"
    assert [r.levelno for r in second if "missing.md" in r.getMessage()] == [
        r.levelno for r in first if "missing.md" in r.getMessage()]
    # search entries of the unchanged pages were kept, and the index is a fresh build's
    assert reused_entries > 5
    site.build(strict=False)
    assert served_index == (site.out / "search" / "search_index.json").read_text(encoding="utf-8")
    fresh = _outputs(site)
    assert sorted(served) == sorted(fresh)
    assert [name for name in served if served[name] != fresh[name]] == []


def test_serve_rebuild_reads_an_edited_front_matter_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = _instances(monkeypatch, material_speedups.FrontMatterMemo)
    site = _tricky(tmp_path, "serve", True)
    dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()
    try:
        _serve_build(site, [])
        site.write("_posts/2025-03-05-plain.md", TRICKY["_posts/2025-03-05-plain.md"].replace(
            "title: Plain", "title: Plain, renamed"))
        _serve_build(site, [])
    finally:
        dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()
    assert made[-1].found
    assert text_of(site.page("/port/2025/03/05/plain.html").select_one("h1")) == "Plain, renamed"
    assert "Plain, renamed" in text_of(site.page("/category/port/"))


@pytest.fixture
def nav_caches(monkeypatch: pytest.MonkeyPatch) -> list[nav_cache.NavCache]:
    return _instances(monkeypatch, nav_cache.NavCache)


def _nav_links(site: Site, url_path: str) -> list[tuple[str, str]]:
    nav = site.page(url_path).select_one("nav.md-nav--primary")
    assert nav is not None
    return [(text_of(a), urljoin(url_path, a["href"])) for a in nav.select("a[href]")]


def test_navigation_is_rendered_once_for_the_pages_outside_it(
        tmp_path: Path, nav_caches: list[nav_cache.NavCache]) -> None:
    site = _demo(tmp_path, "nav").build()
    cache = nav_caches[-1]
    assert cache.hits >= 17, "the posts did not reuse the navigation"
    assert cache.misses <= 5  # posts and tag pages; each listing's later pages
    later = _nav_links(site, "/page/2/")
    assert ("The Harbour Ledger", "/") in later
    assert ("About", "/about/") in later
    # every story, at its own depth, links to the same pages from its navigation
    stories = [p for p in site.out.rglob("*.html")
               if re.search(r"/\d{4}/\d\d/\d\d/[^/]+\.html$", p.as_posix())]
    assert len(stories) >= 17
    seen = {tuple(_nav_links(site, "/" + p.relative_to(site.out).as_posix())) for p in stories}
    assert len(seen) == 1
    links = dict(next(iter(seen)))
    assert links["The Harbour Ledger"] == "/"
    assert links["About"] == "/about/"
    for _, target in links.items():
        site.page(target)  # exists


def test_a_sites_own_nav_partial_replaces_the_cached_one(
        tmp_path: Path, nav_caches: list[nav_cache.NavCache]) -> None:
    site = _demo(tmp_path, "own")
    (site.root / "overrides" / "partials" / "nav.html").write_text(
        '<nav class="own-nav" aria-label="Sections"><a href="{{ \'about/\' | url }}">About us</a></nav>',
        encoding="utf-8")
    site.build()
    page = site.page("/about/")
    assert text_of(page.select_one("nav.own-nav")) == "About us"
    assert page.select_one("nav.md-nav--primary") is None
    assert nav_caches[-1].hits == nav_caches[-1].misses == 0


def test_story_cards_are_rendered_once_and_link_from_every_listing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = _instances(monkeypatch, card_cache.CardCache)
    site = _demo(tmp_path, "cards").build()
    cache = made[-1]
    assert cache.hits > cache.misses > 0, "cards were not reused across listings"
    listings = ["/", "/2025/", "/category/news/", "/author/mtorres/", "/page/2/"]
    for listing in listings:
        cards = site.page(listing).select("article.jekyll-card")
        assert cards, listing
        for card in cards:
            headline = card.select_one(".jekyll-card__headline a")
            story = site.page(urljoin(listing, headline["href"]))
            assert text_of(story.select_one("h1")) == text_of(headline), (listing, headline)
            kicker = card.select_one(".jekyll-kicker a")
            if kicker is not None:
                site.page(urljoin(listing, kicker["href"]))  # the section front exists


def test_a_sites_own_nav_item_partial_turns_the_navigation_cache_off(
        tmp_path: Path, nav_caches: list[nav_cache.NavCache]) -> None:
    import material

    site = _demo(tmp_path, "own-item")
    original = (Path(material.__file__).parent / "templates/partials/nav-item.html").read_text(
        encoding="utf-8")
    own = original.replace('<span class="md-ellipsis">',
                           '<span class="md-ellipsis" data-on="{{ page.url }}">')
    assert own != original
    (site.root / "overrides" / "partials" / "nav-item.html").write_text(own, encoding="utf-8")
    site.build()
    assert nav_caches[-1].hits == 0
    story = next(p for p in site.out.rglob("*.html")
                 if re.search(r"/\d{4}/\d\d/\d\d/[^/]+\.html$", p.as_posix()))
    url = story.relative_to(site.out).as_posix()
    marks = {span["data-on"] for span in site.page("/" + url).select("span[data-on]")}
    assert marks == {url}  # each page's own, not the first page's


def test_a_reading_time_worked_out_when_read_is_materials_number() -> None:
    from material.plugins.blog.readtime import readtime

    html = "<h1>T</h1>" + "<p>" + "word " * 450 + "</p>" + '<img src="a.png">' * 3
    lazy = material_speedups.LazyReadtime(html, 265)
    assert lazy  # true before it is worked out: Material then leaves it alone
    assert lazy._value is None
    assert str(lazy) == str(readtime(html, 265)) == "3"
    assert lazy == 3
    assert lazy != 1
    assert "# min read".replace("#", str(lazy)) == "3 min read"
    assert f"{lazy:>2}" == " 3"


def test_each_listing_heading_is_converted_once_per_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from material.plugins.blog.structure import View
    from mkdocs.structure.pages import Page

    corpus.generate(tmp_path / "a", 40, seed=5, liquid=False)
    corpus.generate(tmp_path / "b", 40, seed=5, liquid=False)
    converted: list[str] = []
    original = Page.render

    def render(self: Page, config: MkDocsConfig, files: Any) -> None:
        if isinstance(self, View):
            converted.append(self.markdown or "")
        original(self, config, files)

    monkeypatch.setattr(Page, "render", render)
    fast = Site(tmp_path / "a" / "plugin").build()
    fast_converted, converted[:] = list(converted), []
    slow = _without_speedups(Site(tmp_path / "b" / "plugin")).build()
    _assert_same_site(fast, slow)
    later_pages = [name for name in _outputs(fast) if re.search(r"(^|/)page/\d+/", name)]
    assert later_pages, "the corpus should have listings of several pages"
    assert len(converted) > len(set(converted))  # Material: once per page
    assert sorted(fast_converted) == sorted(set(converted))  # here: once per Markdown text


class _Listing:
    def __init__(self, content: str, links: dict[Any, Any] | None) -> None:
        self.file = object()
        self.content = content
        self.links_to_anchors = links


@pytest.mark.parametrize(("content", "links", "records", "shared"), [
    ('<h1 id="port">Port<a class="headerlink" href="#port">¶</a></h1>', "own", [], True),
    ('<h1 id="port">Port</h1>', None, [], True),
    ('<p><a href="../other/">Other</a></p>', {}, [], False),
    ('<p><img alt="" src="a.png"></p>', {}, [], False),
    ('<h1 id="port">Port</h1>', "other", [], False),
    ('<h1 id="port">Port</h1>', {}, [logging.makeLogRecord({"msg": "a warning"})], False),
])
def test_a_listing_is_shared_only_when_its_html_cannot_depend_on_where_it_is(
        content: str, links: Any, records: list[logging.LogRecord], shared: bool) -> None:
    page = _Listing(content, None)
    if links == "own":
        page.links_to_anchors = {page.file: {"port": "#port"}}
    elif links == "other":
        page.links_to_anchors = {object(): {"port": "other.md#port"}}
    else:
        page.links_to_anchors = links
    assert material_speedups._independent_of_place(page, records) is shared


@pytest.mark.parametrize("language", ["en", "de"])
def test_materials_strings_are_the_same_from_the_cache(
        tmp_path: Path, language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo with this package's language.html against the demo with Material's own in its
    custom_dir: the same bytes. German falls back to English for the strings it lacks."""
    import material
    from mkdocs_jekyll import material_strings

    made = _instances(monkeypatch, material_strings.MaterialStrings)
    sites = []
    for name in ("cached", "materials"):
        site = _demo(tmp_path, name)
        config = site.root / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace(
            "  language: en\n", f"  language: {language}\n"), encoding="utf-8")
        if name == "materials":
            own = site.root / "overrides" / "partials" / "language.html"
            own.parent.mkdir(parents=True, exist_ok=True)
            own.write_bytes((Path(material.__file__).parent / "templates" / "partials"
                             / "language.html").read_bytes())
        sites.append(site.build())
    _assert_same_site(*sites)
    asked = {key for strings in made for (_, key) in strings.found}
    assert "search.placeholder" in asked  # kept: looked up once for the whole build
    skip = sites[0].page("/").select_one("a.md-skip")
    assert skip is not None
    assert text_of(skip) == ("Zum Inhalt" if language == "de" else "Skip to content")


def test_the_search_dialog_is_rendered_once_per_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs_jekyll import same_html
    from mkdocs_jekyll.site_setup import TEMPLATES

    # nothing in it may depend on the page, or one rendering could not serve every page
    source = (TEMPLATES / "partials" / "search.html").read_text(encoding="utf-8")
    code = re.sub(r"\{#.*?#\}", "", source, flags=re.S)
    assert "jekyll_same_html" in code
    assert not re.search(r"\bpage\b|\burl\b|base_url", code)
    made = _instances(monkeypatch, same_html.SameHtml)
    site = _demo(tmp_path, "once").build()
    pages = sorted(p for p in site.out.rglob("*.html") if p.name != "404.html")
    for path in pages:
        url = "/" + path.relative_to(site.out).as_posix()
        page = site.page(url)
        dialog = page.select_one("div.md-search[role=dialog]")
        assert dialog is not None
        assert dialog.select_one("input[name=query]") is not None
        # what each page's cached blocks point at exists, seen from that page
        config = json.loads(page.select_one("script#__config").string)
        root = urljoin("https://x.example" + url, config["base"] + "/")
        assert urljoin("https://x.example" + url, config["search"]).startswith(root)
        assert (site.out / urljoin(url, config["search"]).lstrip("/")).is_file(), url
        for link in page.select("link[rel=stylesheet][href^='.'], link[rel=stylesheet][href^=a]"):
            assert (site.out / urljoin(url, link["href"]).lstrip("/")).is_file(), (url, link)
    [cache] = made
    names = [key[0] for key in cache.entries]
    assert names.count("partials/search.html") == 1
    # Material's styles and config blocks: once per way back to the root, not once per page
    depths = {key[2] for key in cache.entries if key[0] == "config"}
    assert 1 < len(depths) == names.count("config") == names.count("styles")
    assert cache.renders == len(cache.entries)
    assert len(pages) > 3 * len(depths)


def _inodes(site: Site) -> dict[str, tuple[int, int]]:
    """Each file's inode and time of writing: a file written again has a later time (an inode
    number alone can be reused by a file written after the last one was removed)."""
    return {p.relative_to(site.out).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in site.out.rglob("*") if p.is_file()}


def _folders(site: Site) -> dict[str, int]:
    return {p.relative_to(site.out).as_posix(): p.stat().st_ino
            for p in site.out.rglob("*") if p.is_dir()}


def test_serve_rebuild_moves_unchanged_files_back_and_writes_the_rest(
        tmp_path: Path) -> None:
    write_file, copy_file = mkdocs_utils.write_file, mkdocs_utils.copy_file
    site = _tricky(tmp_path, "serve", True)
    dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()
    try:
        _serve_build(site, [])
        before = _inodes(site)
        site.write("_posts/2025-03-05-plain.md", TRICKY["_posts/2025-03-05-plain.md"].replace(
            "## Later", "An edited line.\n\n## Later"))
        # a change that keeps the page's size
        site.write("_posts/2025-03-06-links.md", TRICKY["_posts/2025-03-06-links.md"].replace(
            "\n\nRest.\n", "\n\nBest.\n"))
        (site.docs / "_posts/2025-03-01-footnote.md").unlink()
        _serve_build(site, [])
    finally:
        dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()
    after = _inodes(site)
    assert (mkdocs_utils.write_file, mkdocs_utils.copy_file) == (write_file, copy_file)
    assert not [name for name in after if name.startswith(".")], "the last build is left over"
    # the edited post, and the front page that listed the deleted one, are new files; a post
    # page and a listing that did not change (the edit is after the excerpt), and Material's
    # style sheet, are the last build's files, moved back
    edited = "port/2025/03/05/plain.html"
    assert "An edited line." in text_of(site.page("/" + edited).select_one("article"))
    assert after[edited] != before[edited]
    assert "Best." in text_of(site.page("/port/town/2025/03/06/links.html").select_one("article"))
    assert after["index.html"] != before["index.html"]
    assert after["category/port/index.html"] == before["category/port/index.html"]
    style = next(name for name in after if re.fullmatch(r"assets/stylesheets/main\.\w+\.min\.css",
                                                           name))
    unchanged = "2025/03/04/ids.html"
    assert after[unchanged] == before[unchanged]
    assert after[style] == before[style]
    assert "2025/03/01/footnote.html" in before
    assert "2025/03/01/footnote.html" not in after
    served = _outputs(site)
    site.build(strict=False)
    fresh = _outputs(site)
    assert sorted(served) == sorted(fresh)
    assert [name for name in served if served[name] != fresh[name]] == []


def test_a_build_into_the_last_builds_folder_keeps_unchanged_files_and_matches_a_fresh_one(
        tmp_path: Path) -> None:
    write_file, copy_file = mkdocs_utils.write_file, mkdocs_utils.copy_file
    clean_directory = mkdocs_utils.clean_directory
    site = _tricky(tmp_path, "build", True)
    site.build(strict=False)
    (site.out / ".nojekyll").write_text("")  # MkDocs leaves dot-names; so does this
    (site.out / "stray.html").write_text("not from any build")  # MkDocs removes it; so does this
    before, before_folders = _inodes(site), _folders(site)
    site.write("_posts/2025-03-05-plain.md", TRICKY["_posts/2025-03-05-plain.md"].replace(
        "## Later", "An edited line.\n\n## Later"))
    (site.docs / "_posts/2025-03-01-footnote.md").unlink()
    site.build(strict=False)
    after = _inodes(site)
    assert (mkdocs_utils.write_file, mkdocs_utils.copy_file, mkdocs_utils.clean_directory) == (
        write_file, copy_file, clean_directory)
    assert [name for name in after if name.startswith(".")] == [".nojekyll"]
    assert "stray.html" not in after
    edited = "port/2025/03/05/plain.html"
    assert "An edited line." in text_of(site.page("/" + edited).select_one("article"))
    assert after[edited] != before[edited]
    assert after["2025/03/04/ids.html"] == before["2025/03/04/ids.html"]  # moved back
    # folders too: the last build's, moved back, not made again
    assert _folders(site)["2025/03/04"] == before_folders["2025/03/04"]
    assert _folders(site)["port/2025/03/05"] == before_folders["port/2025/03/05"]
    assert "2025/03/01/footnote.html" in before
    assert "2025/03/01/footnote.html" not in after
    # the same files and folders, byte for byte, as a build into an empty folder
    kept, kept_folders = _outputs(site), _folders(site)
    del kept[".nojekyll"]
    shutil.rmtree(site.out)
    site.build(strict=False)
    fresh = _outputs(site)
    assert sorted(kept) == sorted(fresh)
    assert [name for name in kept if kept[name] != fresh[name]] == []
    assert sorted(kept_folders) == sorted(_folders(site))
    assert "2025/03/01" in before_folders
    assert "2025/03/01" not in kept_folders


def test_a_failed_serve_rebuild_puts_mkdocs_back_and_the_next_one_is_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_file = mkdocs_utils.write_file
    site = _tricky(tmp_path, "serve", True)
    dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()
    try:
        _serve_build(site, [])
        calls: list[str] = []
        on_page_context = JekyllPlugin.on_page_context

        def failing(plugin: JekyllPlugin, context: Any, **kwargs: Any) -> Any:
            calls.append(kwargs["page"].file.src_uri)
            if len(calls) == 4:
                raise PluginError("stopped half-way")
            return on_page_context(plugin, context, **kwargs)

        monkeypatch.setattr(JekyllPlugin, "on_page_context", failing)
        with pytest.raises(Abort):
            _serve_build(site, [])
        assert mkdocs_utils.write_file is write_file
        assert not (site.out / kept_output.HIDDEN).exists()
        monkeypatch.undo()
        site.write("_posts/2025-03-05-plain.md", TRICKY["_posts/2025-03-05-plain.md"].replace(
            "title: Plain", "title: Plain, renamed"))
        _serve_build(site, [])
    finally:
        dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()
    served = _outputs(site)
    assert "Plain, renamed" in text_of(site.page("/category/port/"))
    site.build(strict=False)
    fresh = _outputs(site)
    assert sorted(served) == sorted(fresh)
    assert [name for name in served if served[name] != fresh[name]] == []


def test_an_unknown_write_file_is_left_alone_with_one_info_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    def other_write_file(data: bytes, path: str, mode: str = "wb") -> None:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, mode) as f:
            f.write(data)

    monkeypatch.setattr(mkdocs_utils, "write_file", other_write_file)
    site = _tricky(tmp_path, "serve", True)
    dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()
    try:
        with caplog.at_level(logging.INFO, logger="mkdocs"):
            _serve_build(site, [])
            before = _inodes(site)
            _serve_build(site, [])
    finally:
        dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()
    assert mkdocs_utils.write_file is other_write_file
    lines = [r.getMessage() for r in caplog.records if "written again" in r.getMessage()]
    assert lines == ["Unchanged files are written again on each build: this MkDocs' write_file, "
                     "copy_file and clean_directory are not the ones this was tested with"]
    assert _inodes(site)["2025/03/04/ids.html"] != before["2025/03/04/ids.html"]


POOL_DOCS = [
    "# Head\n\nText[^1] with HTML and *em* ==mark== ~~del~~ ^^ins^^ ++ctrl+alt++ :smile: "
    "https://example.org [[Wiki]]\n{: .cls }\n\n[^1]: Note one.\n\n*[HTML]: Hyper Text\n\n"
    '=== "Tab A"\n    A\n=== "Tab B"\n    B\n\n!!! note "Admon"\n    body\n\n??? tip "More"\n'
    "    hidden\n\n- [x] done\n- [ ] todo\n\n```python\nprint(1)\n```\n\n"
    '<div markdown="1">**inside**</div>\n\nTerm\n:   Definition\n\n| a | b |\n|---|---|\n'
    "| 1 | 2 |\n\n{++added++} $x^2$ `#!python x=1`\n\n/// admonition | Title\nblock\n///\n\n"
    "[r]: https://example.org/r\n",
    '# Head\n\nAgain[^1], HTML and [r][] unresolved.\n\n=== "One"\n    1\n\n=== "Two"\n    2'
    "\n\n[^1]: Second note.\n\n## Head\n\n/// tab | T\nt\n///\n",
    "Title: meta\n\n# Head {: #own }\n\nplain, no HTML abbreviation.\n",
]


def _installed_local_extensions() -> list[str]:
    import importlib

    names = []
    for name in sorted(material_speedups.LOCAL_EXTENSIONS):
        module = name if "." in name else f"markdown.extensions.{name}"
        try:
            if hasattr(importlib.import_module(module), "makeExtension"):
                names.append(name)
        except ImportError:
            continue
    return names


@pytest.mark.parametrize("extensions", [
    [name] for name in _installed_local_extensions()
    if name not in ("legacy_attrs", "legacy_em", "pymdownx.escapeall")
] + [[name for name in _installed_local_extensions()
      if name not in ("legacy_attrs", "legacy_em", "pymdownx.escapeall", "codehilite")]])
def test_a_reset_converter_converts_as_a_new_one(extensions: list[str]) -> None:
    """What `MarkdownPool` relies on, for every local extension installed: footnotes,
    abbreviations, references, heading ids, tab and block counters start again."""
    import markdown

    fresh = []
    for doc in POOL_DOCS:
        md = markdown.Markdown(extensions=extensions)
        fresh.append((md.convert(doc), getattr(md, "toc_tokens", None), getattr(md, "Meta", None)))
    md = markdown.Markdown(extensions=extensions)
    pooled = []
    for doc in POOL_DOCS:
        md.reset()
        pooled.append((md.convert(doc), getattr(md, "toc_tokens", None),
                       getattr(md, "Meta", None)))
    assert pooled == fresh


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[material_speedups.MarkdownPool]:
    return _instances(monkeypatch, material_speedups.MarkdownPool)


def _pool_site(tmp_path: Path, name: str, extensions: str) -> Site:
    site = Site(tmp_path / name)
    site.write("index.md", "# Ledger\n")
    site.write("_posts/2025-04-01-first.md", "---\ntitle: First\n---\n\nThe HTML lead[^n].\n\n"
               "## Same\n\n[^n]: First note.\n\n*[HTML]: Hyper Text Markup Language\n\n"
               "[ref]: https://example.org/first\n")
    site.write("_posts/2025-04-02-second.md", "---\ntitle: Second\n---\n\nHTML again[^n], and "
               "[ref][] left as typed.\n\n## Same\n\n[^n]: Second note.\n")
    (site.root / "mkdocs.yml").write_text(
        "site_name: Ledger\nsite_url: https://ledger.example.org/\ntheme:\n  name: material\n"
        f"markdown_extensions:\n{extensions}plugins:\n  - search\n  - jekyll\n  - blog:\n"
        "      blog_dir: .\n", encoding="utf-8")
    return site


def test_posts_share_one_converter_and_read_as_with_their_own(
        tmp_path: Path, pools: list[material_speedups.MarkdownPool]) -> None:
    local = "  - footnotes\n  - abbr\n  - toc:\n      permalink: true\n"
    fast = _pool_site(tmp_path, "fast", local).build()
    assert [(p.made, p.reused) for p in pools if p.made] == [(1, 1)]
    second = fast.page("/2025/04/02/second.html")
    article = second.select_one("article")
    assert "[ref][] left as typed" in text_of(article)  # the first post's reference is not here
    assert "Second note." in text_of(article)
    assert "First note." not in text_of(article)
    assert article.find("abbr") is None  # nor its abbreviation
    assert [h["id"] for h in article.select("h2")] == ["same"]
    slow = _without_speedups(_pool_site(tmp_path, "slow", local)).build()
    _assert_same_site(fast, slow)


def test_an_extension_not_known_to_be_local_gets_a_converter_per_post(
        tmp_path: Path, pools: list[material_speedups.MarkdownPool]) -> None:
    site = _pool_site(tmp_path, "other", "  - footnotes\n  - pymdownx.snippets\n").build()
    assert [p.made for p in pools] == [0] * len(pools)
    assert "Second note." in text_of(site.page("/2025/04/02/second.html"))


@pytest.mark.parametrize("seed", range(40))
def test_kept_output_ends_with_exactly_the_new_builds_files_and_folders(
        tmp_path: Path, seed: int) -> None:
    """Random last and new builds over a few names: files become folders and folders files,
    folders come back in any order, a plugin writes with its own functions in between."""
    import random

    rng = random.Random(seed)
    names = ["a", "b", "c.html", "d"]

    def tree() -> dict[str, bytes]:
        files: dict[str, bytes] = {}
        for _ in range(rng.randint(0, 12)):
            path = "/".join(rng.choice(names) for _ in range(rng.randint(1, 4)))
            if any(other.startswith(path + "/") or path.startswith(other + "/") for other in files):
                continue  # one path cannot be both a file and a folder
            files[path] = rng.choice([b"same", b"other", b"x" * rng.randint(0, 3)])
        return files

    site = tmp_path / "site"
    for path, data in tree().items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(data)
    site.mkdir(exist_ok=True)
    (site / ".keep").write_text("dot-names stay")
    new = tree()
    source = tmp_path / "source"
    source.mkdir()
    kept = kept_output.KeptOutput()
    originals = (mkdocs_utils.write_file, mkdocs_utils.copy_file, mkdocs_utils.clean_directory)
    kept.start(str(site))
    try:
        mkdocs_utils.clean_directory(str(site))
        for path, data in rng.sample(sorted(new.items()), len(new)):
            how = rng.choice(["write", "copy", "own"])
            if how == "write":
                mkdocs_utils.write_file(data, str(site / path))
            elif how == "copy":
                (source / "file").write_bytes(data)
                mkdocs_utils.copy_file(str(source / "file"), str(site / path))
            else:  # a plugin's own functions
                os.makedirs(site / path.rpartition("/")[0], exist_ok=True)
                (site / path).write_bytes(data)
    finally:
        kept.finish()
    assert (mkdocs_utils.write_file, mkdocs_utils.copy_file, mkdocs_utils.clean_directory) == (
        originals)
    found = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert found == {**new, ".keep": b"dot-names stay"}
    folders = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_dir()}
    assert folders == {path.rsplit("/", i)[0] for path in new for i in range(1, path.count("/") + 1)}


def test_material_is_given_exactly_the_front_matter_text_it_reads() -> None:
    from mkdocs.utils.meta import YAML_RE
    from mkdocs_jekyll.jekyll.mapping import render_copy
    from mkdocs_jekyll.jekyll.post import read_post
    from mkdocs_jekyll.jekyll.site import SiteSettings

    speedups = material_speedups.Speedups()
    speedups.front_matter = material_speedups.FrontMatterMemo(yaml.SafeLoader)
    given = 0
    for path in sorted((REPO / "tests/fixtures/front_matter").glob("*.md")):
        try:
            post = read_post(f"_posts/{path.name}", path.read_text("utf-8"), SiteSettings())
        except Exception:  # the error cases of the golden set
            continue
        copy = render_copy(post)
        speedups.front_matter.found = {}
        speedups.copy_made(copy, post)
        read = YAML_RE.match(copy)  # what Material's blog reads as the front matter
        assert read is not None
        assert list(speedups.front_matter.found) == [read.group(1)], path.name
        assert_same(material_speedups._MemoRead(speedups.front_matter, read.group(1))
                    .get_single_data(), yaml.load(read.group(1), yaml.SafeLoader))
        given += 1
    assert given > 5
    # a copy whose front matter Material would cut short at a "..." line is left to Material
    speedups.front_matter.found = {}
    speedups.copy_made(copy.replace("\nslug:", "\n...\nslug:", 1), post)
    assert speedups.front_matter.found == {}


def test_loaded_templates_are_kept_in_a_dict_and_found_again() -> None:
    from jinja2 import DictLoader, Environment
    from mkdocs_jekyll.template_code import unbounded_cache

    env = Environment(loader=DictLoader({"a.html": "A{{ x }}", "b.html": "{% include 'a.html' %}B"}))
    first = env.get_template("a.html")
    unbounded_cache(env)
    assert type(env.cache) is dict
    assert env.get_template("a.html") is first  # what Jinja's LRU cache held is kept
    assert env.get_template("b.html").render(x=1) == "A1B"
    assert len(env.cache) == 2


def _news_site(tmp_path: Path, name: str) -> Site:
    """The tricky posts with the news layouts and Material's tags, no custom_dir: a site whose
    serve rebuilds keep the pages whose template inputs did not change."""
    site = Site(tmp_path / name)
    for rel, text in TRICKY.items():
        site.write(rel, text)
    for day in range(10, 22):  # enough stories for listings of two pages
        site.write(f"_posts/2025-02-{day}-brief-{day}.md",
                   f"---\ntitle: Brief {day}\ncategories: [Port]\n---\n\nA brief.\n")
    site.write("index.md", "# Ledger\n")
    site.write("_config.yml", "title: Ledger\n")
    (site.root / "mkdocs.yml").write_text(
        "site_name: Ledger\nsite_url: https://ledger.example.org/\ntheme:\n  name: material\n"
        "markdown_extensions:\n  - footnotes\n  - attr_list\n  - smarty\n  - toc:\n"
        "      permalink: true\nplugins:\n  - search\n  - tags\n  - jekyll\n  - blog:\n"
        "      blog_dir: .\n      post_readtime: true\n", encoding="utf-8")
    return site


def _fresh_serve_build(site: Site, out: Path) -> dict[str, bytes]:
    """A serve build by new plugin objects, which keep nothing from earlier builds."""
    cache = dict(MkDocsConfig._schema)["plugins"].plugin_cache
    kept = dict(cache)
    cache.clear()
    try:
        config = load_config(str(site.root / "mkdocs.yml"), site_dir=str(out))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url="http://127.0.0.1:8000/")
    finally:
        cache.clear()
        cache.update(kept)
    return _files(out)


PLAIN = "_posts/2025-03-05-plain.md"
# edits as a newsroom makes them, each kept until the next; what other pages show of a post
# changes with all but the first two
EDITS: list[tuple[str, Any]] = [
    ("a line at the end of a story", lambda t: t.replace("\nRest.\n", "\nRest.\n\nA late line.\n")),
    ("nothing", lambda t: t),
    ("the lead paragraph", lambda t: t.replace("The *lead*", "The *new lead*")),
    ("the headline", lambda t: t.replace("title: Plain", "title: Plain, renamed")),
    ("a tag and a section", lambda t: t.replace("categories: [Port]",
                                                "categories: [Port, Sea]\ntags: [tides]")),
    ("the authors", lambda t: t.replace("authors: [ann, bo]", "authors: [bo]")),
    ("a heading", lambda t: t.replace("## Later", "## Much later")),
    ("the date (a new URL)", None),
    ("a new story", None),
    ("the author file", None),
    ("the site's name", None),
    ("Jekyll's _config.yml", None),
]


def test_serve_rebuild_keeps_the_pages_an_edit_leaves_alone_and_matches_a_new_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = _instances(monkeypatch, page_renders.PageRenders)
    site = _news_site(tmp_path, "news")
    dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()
    try:
        _serve_build(site, [])
        renders = made[0]
        assert renders.enabled
        assert renders.rendered > 10
        assert renders.kept == 0
        post = PLAIN
        for n, (what, edit) in enumerate(EDITS):
            if what == "the date (a new URL)":
                text = (site.docs / post).read_text(encoding="utf-8")
                (site.docs / post).unlink()
                post = "_posts/2025-03-07-plain.md"
                site.write(post, text)
            elif what == "a new story":
                site.write("_posts/2025-03-08-new.md",
                           "---\ntitle: New\ncategories: [Sea]\n---\n\nNews.\n")
            elif what == "the author file":
                site.write("_data/authors.yml", "ann:\n  name: Ann\nbo:\n  name: Bo Bright\n")
            elif what == "the site's name":
                config = site.root / "mkdocs.yml"
                config.write_text(config.read_text(encoding="utf-8").replace(
                    "site_name: Ledger", "site_name: The Ledger"), encoding="utf-8")
            elif what == "Jekyll's _config.yml":
                site.write("_config.yml", "title: Ledger\ndescription: Tides and trade.\n")
            else:
                site.write(post, edit((site.docs / post).read_text(encoding="utf-8")))
            _serve_build(site, [])
            _assert_same_files(_outputs(site), _fresh_serve_build(site, tmp_path / f"fresh-{n}"),
                               f"after an edit to {what}")
            if what == "a line at the end of a story":
                assert renders.rendered == 1, "only the edited story's page is rendered again"
                assert "A late line." in text_of(site.page("/port/2025/03/05/plain.html"))
            elif what == "nothing":
                assert renders.rendered == 0
            else:
                assert renders.rendered > 1, what
    finally:
        dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()


def _with_another_plugin(site: Site) -> Site:
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - search\n", "  - search\n  - offline\n"), encoding="utf-8")
    return site


@pytest.mark.parametrize("change", [_with_material_listings, _with_another_plugin],
                         ids=["a template of the site's own that shows excerpts",
                              "a plugin not known"])
def test_every_page_is_rendered_on_every_rebuild_with(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: Any) -> None:
    made = _instances(monkeypatch, page_renders.PageRenders)
    site = change(_news_site(tmp_path, "other"))
    dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()
    try:
        _serve_build(site, [])
        _serve_build(site, [])
    finally:
        dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()
    assert not made[0].enabled
    assert made[0].kept == 0  # the theme's templates rendered every page
    assert made[0].rendered == 0


def test_a_sites_own_partial_that_reads_no_text_keeps_pages_and_an_edit_to_it_renders_all(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = _instances(monkeypatch, page_renders.PageRenders)
    site = _news_site(tmp_path, "footer")
    partial = site.root / "overrides" / "partials" / "copyright.html"
    partial.parent.mkdir(parents=True)
    partial.write_text('<div class="md-copyright">© {{ config.site_name | e }}</div>\n',
                       encoding="utf-8")
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  name: material\n", "  name: material\n  custom_dir: overrides\n"), encoding="utf-8")
    dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()
    try:
        _serve_build(site, [])
        site.write(PLAIN, (site.docs / PLAIN).read_text(encoding="utf-8") + "\nA late line.\n")
        _serve_build(site, [])
        assert made[0].enabled
        assert made[0].rendered == 1
        partial.write_text('<div class="md-copyright">© {{ config.site_name | e }} and '
                           'friends</div>\n', encoding="utf-8")
        _serve_build(site, [])
        assert made[0].kept == 0
        _assert_same_files(_outputs(site), _fresh_serve_build(site, tmp_path / "fresh"),
                           "after an edit to the footer")
        assert "and friends" in text_of(site.page("/port/2025/03/05/plain.html"))
    finally:
        dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()


def test_the_demo_rebuilt_after_edits_keeps_pages_and_matches_a_new_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = _instances(monkeypatch, page_renders.PageRenders)
    site = _demo(tmp_path, "demo")
    story = sorted((site.docs / "_posts").glob("*.md"))[-1]
    text = story.read_text(encoding="utf-8")
    dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()
    try:
        _serve_build(site, [])
        assert made[0].enabled, "the demo's own partial mentions nothing an edit changes"
        for n, edited in enumerate([text + "\nA late paragraph.\n",
                                    text.replace("---\n", "---\ndescription: Updated.\n", 1)]):
            story.write_text(edited, encoding="utf-8")
            _serve_build(site, [])
            assert made[0].rendered == 1 if n == 0 else made[0].rendered > 1
            _assert_same_files(_outputs(site), _fresh_serve_build(site, tmp_path / f"fresh-{n}"),
                               f"after edit {n}")
    finally:
        dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()


@pytest.mark.parametrize(("template", "reads"), [
    ("{{ page.content }}", None),
    ('<meta name="description" content="{{ config.site_description }}"> Read more', None),
    ("{% for p in pages %}{{ p.page.content }}{% endfor %}", "p.page.content"),
    ("{{ post.more }}", "post.more"),
    ("{{ attribute(post, 'excerpt') }}", "'excerpt'"),
    ("{{ page.config.readtime }}", "page.config.readtime"),
    ("{{ build_date_utc }}", "build_date_utc"),
])
def test_a_sites_own_template_is_read_for_what_an_edit_changes(
        tmp_path: Path, template: str, reads: str | None) -> None:
    site = _news_site(tmp_path, "scan")
    (site.root / "overrides" / "partials").mkdir(parents=True)
    (site.root / "overrides" / "partials" / "footer.html").write_text(template, encoding="utf-8")
    config = load_config(str(site.root / "mkdocs.yml"), theme={
        "name": "material", "custom_dir": str(site.root / "overrides")})
    why = page_renders.allowed(config, str(Path(page_renders.__file__).parent / "templates"))
    assert why == (None if reads is None else
                   f"{site.root / 'overrides' / 'partials' / 'footer.html'} reads {reads!r}")


def test_a_value_the_digest_cannot_read_keeps_nothing() -> None:
    digest = page_renders._Digest(None, {})
    digest.add({"title": "A", "when": [1, 2.5, None, True]})
    with pytest.raises(page_renders.Unknown):
        digest.add(object())
    renders = page_renders.PageRenders()
    renders._site = b"site"
    renders._build = (None, None, {})
    page = types.SimpleNamespace(title="A", content="<p>A</p>")
    assert renders.key("main.html", {"page": page, "title": "A"}) is not None
    assert renders.key("main.html", {"page": page, "odd": object()}) is None


# What Material's templates (those this package does not replace) read of pages other than the
# one rendered, among the values an edit to a post's text changes (page_renders._OWN, and the
# reading time): the rendered page's own (quoted strings are left out). A new hit here must be looked at: the
# page outputs kept in `mkdocs serve` assume no template reads these of another page.
KNOWN_READS = {
    ("blog-post.html", "page.config.readtime"),  # the rendered post's own
    ("partials/content.html", "page.content"),
    # a tags listing's own text, rendered into its page's HTML before any page template runs
    ("fragments/tags/default/listing.html", "listing.content"),
}


def test_no_template_reads_what_an_edit_changes_of_another_page() -> None:
    import material

    material_dir = Path(material.__file__).parent / "templates"
    ours = Path(page_renders.__file__).parent / "templates"
    reads = re.compile(r"[\w.]*\.(?:content|more|markdown|excerpt)\b|[\w.]*readtime\b")
    quoted = re.compile(r"\"[^\"\n]*\"|'[^'\n]*'")
    found: set[tuple[str, str]] = set()
    for folder in (ours, material_dir):
        for path in folder.rglob("*"):
            name = path.relative_to(folder).as_posix()
            if not path.is_file() or path.suffix not in (".html", ".xml") or (
                    folder == material_dir and (ours / name).exists()):
                continue
            code = quoted.sub("", path.read_text(encoding="utf-8"))
            for match in reads.findall(code):
                if match not in ("page.content", "jekyll.excerpt"):  # ours: the page's own
                    found.add((name, match))
    assert found - KNOWN_READS == set()


def test_a_long_list_digested_once_keeps_its_items_so_no_other_list_takes_their_ids() -> None:
    """Long lists of pages or files are digested once per build, found again by their items'
    ids; Material makes each listing page's excerpts anew, so the items must stay alive for
    the build, or another page's excerpts could take their ids and their digest."""
    from mkdocs.structure.files import File

    files = [File(f"{n}.md", "/docs", "/site", True) for n in range(9)]
    alive = [weakref.ref(file) for file in files]
    lists: dict[Any, Any] = {}
    first = page_renders._Digest(None, lists)
    first.add(files)
    again = page_renders._Digest(None, lists)
    again.add(list(files))
    assert first.digest() == again.digest()
    del files, first, again
    gc.collect()
    assert all(ref() is not None for ref in alive)
