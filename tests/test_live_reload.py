"""An edit to a post reloads the contributor's browser with plain `mkdocs serve` (no --livereload):
click>=8.4 keeps MkDocs 1.6 live reload on by default (mkdocs/mkdocs#4032)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from conftest import FIXTURES, tool_missing
from serving import WAIT, Server

BIN = Path(sys.executable).parent
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def _need_browser() -> None:
    missing = [] if CHROMIUM.is_file() else ["chromium (/usr/bin/chromium)"]
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("playwright (pip install -e '.[test]')")
    if missing:
        tool_missing(f"missing {', '.join(missing)}")


def test_editing_a_post_reloads_the_open_page(tmp_path: Path) -> None:
    _need_browser()
    from playwright.sync_api import sync_playwright

    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "sites" / "minimal", root)
    server = Server([str(BIN / "mkdocs")], root)
    try:
        server.wait_for("the first build", lambda: server.fetch("") is not None)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            page = browser.new_page()
            page.goto(server.url + "town/2025/03/04/first-story.html")
            assert page.locator("h1").first.inner_text() == "First story"
            page.evaluate("window.__not_reloaded = true")
            post = root / "docs" / "_posts" / "2025-03-04-first-story.md"
            post.write_text(post.read_text(encoding="utf-8").replace(
                "title: First story", "title: Reloaded story"), encoding="utf-8")
            # The test never navigates: only MkDocs' live-reload script can change the page.
            page.wait_for_function(
                "document.querySelector('h1') && "
                "document.querySelector('h1').innerText === 'Reloaded story'",
                timeout=WAIT * 1000)
            assert page.evaluate("window.__not_reloaded === undefined")  # it was a reload
            browser.close()
    finally:
        server.stop()
