"""The hostile site in Chromium: no injected script runs on any page, nor in search results.

Every payload in tests/hostile.py sets `window.__pwned` or opens a dialog. Needs Debian's
chromium (/usr/bin/chromium) and Playwright; skips without them, fails instead when CI=true.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import tool_missing
from hostile import HOSTILE, make_site, post_url

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def _need_browser() -> None:
    missing = None
    if not Path(CHROMIUM).is_file():
        missing = f"{CHROMIUM} is missing (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = "playwright is not installed (pip install -e '.[test]')"
    if missing:
        tool_missing(missing)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    _need_browser()
    site = make_site(tmp_path_factory.mktemp("browser") / "hostile", HOSTILE).build(strict=True)
    handler = functools.partial(_Quiet, directory=str(site.out))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", site.out
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser(served: tuple[str, Path]) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def _pages(out: Path) -> list[str]:
    posts = [post_url(index, _SiteOut(out)) for index in range(len(HOSTILE))]
    category = next((out / "category").iterdir())
    archive = "/2025/" if (out / "2025").is_dir() else "/archive/2025/"  # the layouts' or Material's
    return ["/", "/tags/", archive, "/" + category.relative_to(out).as_posix() + "/",
            *("/" + quote(p.relative_to(out).as_posix()) for p in posts)]


class _SiteOut:
    """Enough of a Site for hostile.post_url."""

    def __init__(self, out: Path) -> None:
        self.out = out


def test_no_injected_script_runs_on_any_page(served: tuple[str, Path], browser: object) -> None:
    base, out = served
    page = browser.new_page()  # type: ignore[attr-defined]
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    visited = []
    for path in _pages(out):
        response = page.goto(base + path, wait_until="load")
        assert response is not None, path
        assert response.ok, path
        page.wait_for_timeout(200)  # let inline scripts and Material's bundle run
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        visited.append(path)
    assert dialogs == []
    assert len(visited) == len(HOSTILE) + 4
    headline = page.locator("h1.jekyll-headline").inner_text()
    assert headline.startswith(f"T{len(HOSTILE) - 1} ")  # the last post was really shown


def test_no_injected_script_runs_in_search_results(served: tuple[str, Path],
                                                   browser: object) -> None:
    base, _ = served
    page = browser.new_page()  # type: ignore[attr-defined]
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(base + "/", wait_until="load")
    page.keyboard.press("/")  # Material's shortcut to open search
    page.wait_for_function(  # the search worker has read the index
        "(document.querySelector('.md-search-result__meta') || {}).textContent"
        "?.includes('Type to start')", timeout=20_000)
    for term in ("story", "body", "chars"):  # the results show the hostile titles
        page.locator("input.md-search__input").fill("")
        page.locator("input.md-search__input").press_sequentially(term, delay=50)
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
        page.wait_for_timeout(200)
        assert page.evaluate("typeof window.__pwned") == "undefined", term
    assert dialogs == []
    page.locator("input.md-search__input").fill("")
    page.locator("input.md-search__input").press_sequentially("story", delay=50)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    shown = page.locator(".md-search-result__article h1").all_inner_texts()
    assert any(title.startswith("T0 </script><script>") for title in shown), shown
