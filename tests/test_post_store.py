"""Posts read and rendered by one build are kept in the cache folder for the next (as Jekyll keeps
`.jekyll-cache`): the next build shows the same site, reads and renders only what changed, and
a store that is damaged or written by other code is read as empty."""

from __future__ import annotations

import os
import pickle
import shutil
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from conftest import Site, at_end_build, text_of
from mkdocs_jekyll import material_speedups, newsroom, translator
from mkdocs_jekyll.jekyll import site as site_module
from mkdocs_jekyll.jekyll.liquid.render import PostRenderer

LINKING = "/2025/03/05/linking.html"
STORE = Path(".cache/mkdocs-jekyll")


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """The posts each build read from their files, and the bodies whose Liquid it rendered."""
    done: dict[str, list[str]] = {"read": [], "rendered": []}
    read_post = translator.read_post
    render_text = PostRenderer._render_text

    def counted_read(source: str, *args: Any) -> Any:
        done["read"].append(source)
        return read_post(source, *args)

    def counted_render(renderer: PostRenderer, post: Any, *args: Any) -> Any:
        done["rendered"].append(post.source)
        return render_text(renderer, post, *args)

    monkeypatch.setattr(translator, "read_post", counted_read)
    monkeypatch.setattr(PostRenderer, "_render_text", counted_render)
    return done


def _outputs(site: Site) -> dict[str, bytes]:
    return {p.relative_to(site.out).as_posix(): p.read_bytes()
            for p in sorted(site.out.rglob("*")) if p.is_file() and p.suffix != ".gz"}


def _with_posts(site: Site) -> Site:
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  - jekyll\n", "  - jekyll:\n      liquid_on_error: warn\n"))
    site.write("_posts/2025-03-05-linking.md",
               "---\ntitle: Linking\n---\nSee [the first]({% post_url 2025-03-04-first-story %})"
               " and {% gist 12345 %}.\n")
    return site


def _first_link(site: Site) -> str:
    page = site.page(LINKING)
    return next(a["href"] for a in page.find_all("a") if a.get_text() == "the first")


def test_the_next_build_reads_and_renders_nothing_and_shows_the_same_site(
        minimal_site: Site, work: dict[str, list[str]]) -> None:
    site = _with_posts(minimal_site)
    site.build(strict=False)
    first, first_warnings = _outputs(site), site.warnings()
    assert sorted(work["read"]) == ["_posts/2025-03-04-first-story.md",
                                    "_posts/2025-03-05-linking.md"]
    assert work["rendered"] == ["_posts/2025-03-05-linking.md"]
    assert any("gist" in w for w in first_warnings)
    work["read"].clear()
    work["rendered"].clear()
    site.build(strict=False)
    assert work == {"read": [], "rendered": []}
    assert site.warnings() == first_warnings  # the post's Liquid warning is given again
    second = _outputs(site)
    assert sorted(second) == sorted(first)
    assert [name for name in first if first[name] != second[name]] == []


def test_the_next_build_makes_no_copy_again(
        minimal_site: Site, work: dict[str, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy made from the same post as read and the same rendered body, and untouched since,
    is neither made nor compared again; the site is the same."""
    written: list[str] = []
    write = translator._write_if_changed

    def counted_write(path: Path, text: str) -> None:
        written.append(path.name)
        write(path, text)

    monkeypatch.setattr(translator, "_write_if_changed", counted_write)
    site = _with_posts(minimal_site)
    site.build(strict=False)
    first = _outputs(site)
    assert sorted(written) == ["2025-03-04-first-story.md", "2025-03-05-linking.md"]
    written.clear()
    site.build(strict=False)
    assert written == []
    assert _outputs(site) == first


@pytest.mark.parametrize("how", ["edited", "replaced within one mtime tick"])
def test_a_copy_changed_in_the_cache_folder_is_made_again(minimal_site: Site, how: str) -> None:
    site = minimal_site
    site.build()
    title = site.page("/town/2025/03/04/first-story.html").select_one("article h1")
    assert title is not None
    shown = text_of(title)
    copy = next((site.root / STORE / "posts").rglob("2025-03-04-first-story.md"))
    text = copy.read_text()
    assert shown in text
    forged = text.replace(shown, "X" * len(shown))  # the same size
    if how == "edited":
        copy.write_text(forged)
    else:  # another file put in its place with the same size and mtime: only its inode differs
        kept = copy.stat()
        other = copy.with_name("other.md")
        other.write_text(forged)
        os.utime(other, ns=(kept.st_atime_ns, kept.st_mtime_ns))
        os.replace(other, copy)
        assert (copy.stat().st_size, copy.stat().st_mtime_ns) == (kept.st_size, kept.st_mtime_ns)
    site.build()
    title = site.page("/town/2025/03/04/first-story.html").select_one("article h1")
    assert title is not None
    assert text_of(title) == shown
    assert copy.read_text() == text


def test_related_stories_are_worked_out_again_only_when_a_section_or_tag_changes(
        minimal_site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    worked_out: list[int] = []
    related_stories = newsroom.related_stories

    def counted(stories: Any, limit: int) -> Any:
        worked_out.append(len(stories))
        return related_stories(stories, limit)

    monkeypatch.setattr(newsroom, "related_stories", counted)
    site = minimal_site
    site.write("_posts/2025-03-05-second.md", "---\ntitle: Second\ncategories: [Town]\n---\nTwo.\n")
    third = site.write("_posts/2025-03-06-third.md",
                       "---\ntitle: Third\ncategories: [Sports]\n---\nThree.\n")

    def related() -> list[str]:
        page = site.page("/town/2025/03/04/first-story.html")
        return [text_of(h) for h in page.select(".jekyll-related h3")]

    site.build()
    assert related() == ["Second"]
    assert worked_out == [3]
    site.build()  # the same posts: the last build's related stories are kept
    assert related() == ["Second"]
    assert worked_out == [3]
    third.write_text(third.read_text().replace("[Sports]", "[Town]"))
    site.build()
    assert related() == ["Third", "Second"]
    assert worked_out == [3, 3]


def test_an_edited_post_is_read_again_and_the_posts_linking_to_it_follow(
        minimal_site: Site, work: dict[str, list[str]]) -> None:
    site = _with_posts(minimal_site)
    site.build(strict=False)
    assert _first_link(site) == "/town/2025/03/04/first-story.html"
    first = site.docs / "_posts/2025-03-04-first-story.md"
    first.write_text(first.read_text().replace("---\n", "---\nslug: renamed\n", 1))
    work["read"].clear()
    work["rendered"].clear()
    site.build(strict=False)
    assert work == {"read": ["_posts/2025-03-04-first-story.md"],
                    "rendered": ["_posts/2025-03-05-linking.md"]}
    assert _first_link(site) == "/town/2025/03/04/renamed.html"


def test_a_post_dated_later_today_is_published_once_its_time_has_come(
        minimal_site: Site, work: dict[str, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    site = minimal_site
    site.write("_posts/2030-01-01-noon.md", "---\ntitle: Noon\ndate: 2030-01-01 12:00:00 +0000\n"
                                            "---\nAt noon.\n")

    def at(hour: int) -> None:
        class Clock(datetime):
            @classmethod
            def now(cls, tz: Any = None) -> datetime:  # type: ignore[override]
                return datetime(2030, 1, 1, hour, tzinfo=timezone.utc)
        monkeypatch.setattr(site_module, "datetime", Clock)

    at(11)
    site.build()
    assert not (site.out / "2030/01/01/noon.html").exists()
    at(13)  # the site settings are the same, the post is no longer in the future
    work["read"].clear()
    site.build()
    assert "At noon." in text_of(site.page("/2030/01/01/noon.html").select_one("article"))
    assert work["read"] == ["_posts/2030-01-01-noon.md"]  # the other post was kept: no new day


@pytest.mark.parametrize("store", [b"not a pickle", pickle.dumps("other code") + b"rest"])
def test_a_damaged_or_foreign_store_is_read_as_empty(
        minimal_site: Site, work: dict[str, list[str]], store: bytes) -> None:
    site = _with_posts(minimal_site)
    site.build(strict=False)
    first = _outputs(site)
    for name in ("posts.pickle", "liquid.pickle", "copies.pickle"):
        (site.root / STORE / name).write_bytes(store)
    work["read"].clear()
    work["rendered"].clear()
    site.build(strict=False)
    assert len(work["read"]) == 2
    assert work["rendered"] == ["_posts/2025-03-05-linking.md"]
    assert _outputs(site) == first
    with open(site.root / STORE / "posts.pickle", "rb") as f:  # written again, whole
        assert pickle.load(f) != "other code"


def test_material_reads_no_copys_yaml_and_keeps_what_it_read_for_the_next_build(
        minimal_site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = at_end_build(monkeypatch, material_speedups.FrontMatterMemo, lambda memo: memo.parsed)
    site = _with_posts(minimal_site)
    site.build(strict=False)
    first = _outputs(site)
    site.build(strict=False)
    edited = site.docs / "_posts/2025-03-05-linking.md"
    edited.write_text(edited.read_text().replace("title: Linking", "title: Linking, renamed"))
    site.build(strict=False)
    # each copy's front matter is given from the post it was made from, edited or not
    assert parsed == [0, 0, 0]
    assert text_of(site.page(LINKING).select_one("h1")) == "Linking, renamed"

    # a front matter Material did read is kept in the cache folder for the next build
    monkeypatch.setattr(material_speedups.Speedups, "copy_made", lambda *args: None)
    shutil.rmtree(site.root / STORE)
    edited.write_text(edited.read_text().replace("title: Linking, renamed", "title: Linking"))
    site.build(strict=False)
    site.build(strict=False)
    assert parsed[3:] == [2, 0]
    assert _outputs(site) == first


def test_search_entries_of_unchanged_pages_are_kept_for_the_next_build(
        minimal_site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs_jekyll import search_cache

    hits = at_end_build(monkeypatch, search_cache.SearchEntries,
                        lambda entries: (entries.hits, len(entries.used)))
    site = _with_posts(minimal_site)
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("plugins:\n", "plugins:\n  - search\n"))
    site.build(strict=False)
    index = (site.out / "search/search_index.json").read_text(encoding="utf-8")
    site.build(strict=False)
    (cold_hits, pages), (warm_hits, warm_pages) = hits
    assert cold_hits == 0
    assert warm_hits == warm_pages == pages > 2
    assert (site.out / "search/search_index.json").read_text(encoding="utf-8") == index
    edited = site.docs / "_posts/2025-03-05-linking.md"
    edited.write_text(edited.read_text().replace("See [the first]", "Now see [the first]"))
    site.build(strict=False)
    assert hits[-1][0] < pages
    assert "Now see the first" in (site.out / "search/search_index.json").read_text(
        encoding="utf-8")


def test_liquid_that_converts_markdown_is_rendered_again_when_the_markdown_settings_change(
        minimal_site: Site) -> None:
    site = minimal_site
    site.write("_posts/2025-03-05-linking.md",
               "---\ntitle: Linking\n---\n{% capture t %}line one\nline two{% endcapture %}"
               "{{ t | markdownify }}\n")
    site.build()
    paragraph = next(p for p in site.page(LINKING).select("article p:not(.jekyll-standfirst)")
                     if "line one" in p.get_text())
    assert paragraph.find("br") is None
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text() + "markdown_extensions:\n  - nl2br\n")
    site.build()
    paragraph = next(p for p in site.page(LINKING).select("article p:not(.jekyll-standfirst)")
                     if "line one" in p.get_text())
    assert paragraph.find("br") is not None
