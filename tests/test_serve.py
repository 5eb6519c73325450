"""`mkdocs serve` as a contributor uses it: drafts shown with a badge, rebuilds after edits to
posts and to the Jekyll site's own files, and bad edits reported without stopping the server."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, text_of
from serving import Server

BIN = Path(sys.executable).parent
ARTICLE = "town/2025/03/04/first-story.html"
POST = "docs/_posts/2025-03-04-first-story.md"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Server, Path]]:
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "sites" / "minimal", root)
    posts = root / "docs" / "_posts"
    (posts / "2025-03-05-held-back.md").write_text(
        "---\ntitle: Held back\npublished: false\n---\nNot yet.\n", encoding="utf-8")
    (posts / "2099-01-01-from-the-future.md").write_text(
        "---\ntitle: From the future\n---\nLater.\n", encoding="utf-8")
    (posts / "2025-03-06-a-draft.md").write_text(
        "---\ntitle: A draft\ndraft: true\n---\nSoon.\n", encoding="utf-8")
    server = Server([str(BIN / "mkdocs")], root)
    try:
        server.wait_for("the first build", lambda: server.fetch(ARTICLE) is not None)
        yield server, root
    finally:
        server.stop()


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _headline(server: Server, path: str = ARTICLE) -> str:
    page = server.fetch(path)
    return text_of(page.find("h1")) if page else ""


def test_serve_shows_drafts_future_and_unpublished_posts_with_a_badge(
        served: tuple[Server, Path]) -> None:
    server, _ = served
    expected = {
        "2025/03/05/held-back.html": "unpublished",
        "2099/01/01/from-the-future.html": "future",
        "2025/03/06/a-draft.html": "draft",
    }
    for path, reason in expected.items():
        page = server.fetch(path)
        assert page is not None, f"{path} is not served:\n{server.output()}"
        badge = page.find(attrs={"data-jekyll-status": True})
        assert badge is not None, path
        assert badge["data-jekyll-status"] == reason, path
    assert "Unpublished" in text_of(server.fetch("2025/03/05/held-back.html").find(class_="jekyll-status"))
    listing = server.fetch("")
    badges = {b["data-jekyll-status"] for b in listing.find_all(attrs={"data-jekyll-status": True})}
    assert badges == {"unpublished", "future", "draft"}
    published = server.fetch(ARTICLE)
    assert published.find(attrs={"data-jekyll-status": True}) is None


def test_serve_rebuilds_after_edits_to_posts_authors_config_data_and_includes(
        served: tuple[Server, Path]) -> None:
    server, root = served
    _edit(root, POST, "title: First story", "title: First story, updated")
    server.wait_for("the new headline", lambda: _headline(server) == "First story, updated")

    _edit(root, "docs/_data/authors.yml", "name: Ada Reporter", "name: Ada Lovelace")
    server.wait_for("the new author name",
                    lambda: "Ada Lovelace" in text_of((server.fetch(ARTICLE) or _empty()).body))

    _edit(root, "docs/_config.yml", "timezone: UTC", "timezone: UTC\npermalink: /:title:output_ext")
    server.wait_for("the post at its new permalink", lambda: _headline(server, "first-story.html")
                    == "First story, updated")

    builds = server.builds()
    (root / "docs" / "_includes").mkdir()
    (root / "docs" / "_includes" / "note.html").write_text("<p>note</p>\n", encoding="utf-8")
    server.wait_for("a rebuild after a new _includes file", lambda: server.builds_after(builds))
    assert "_includes" not in {p.name for p in (root / "site").glob("*")}


def test_a_bad_edit_is_reported_with_file_and_line_and_the_server_keeps_running(
        served: tuple[Server, Path]) -> None:
    server, root = served
    post = root / POST
    good = post.read_text(encoding="utf-8")

    post.write_text(good.replace("layout: post", "layout: post\ndate: 2025-02-30"), encoding="utf-8")
    message = "Error reading front matter 'date' of '_posts/2025-03-04-first-story.md': '2025-02-30'"
    server.wait_for("the date error", lambda: message in server.output())
    assert "(line 3)" in server.output().split(message)[-1].splitlines()[0]
    assert "Traceback" not in server.output()
    assert server.process.poll() is None  # MkDocs holds page requests until a build succeeds

    post.write_text(good.replace("title: First story", "title: [broken"), encoding="utf-8")
    server.wait_for("the YAML error", lambda: "'_posts/2025-03-04-first-story.md' (line" in
                    server.output().split(message)[-1])

    post.write_text(good.replace("title: First story", "title: Fixed story"), encoding="utf-8")
    server.wait_for("the fixed page", lambda: _headline(server) == "Fixed story")
    assert server.process.poll() is None


def _empty() -> object:
    from bs4 import BeautifulSoup
    return BeautifulSoup("<body></body>", "html5lib")


def test_serve_with_mkdocs_blog_plugin_shows_unpublished_posts_with_a_badge(tmp_path: Path) -> None:
    root = tmp_path / "navblog"
    shutil.copytree(FIXTURES / "sites" / "navblog", root)
    server = Server([str(BIN / "mkdocs")], root)
    try:
        server.wait_for("the first build", lambda: server.fetch("") is not None)
        page = server.fetch("blog/2025/03/12/held-back/")
        assert page is not None, server.output()
        badge = page.find(attrs={"data-jekyll-status": True})
        assert badge is not None
        assert badge["data-jekyll-status"] == "unpublished"
        assert text_of(page.find("h1")) == "Held back"
    finally:
        server.stop()
