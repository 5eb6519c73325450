"""The demo site in a real browser (Debian Chromium driven by Playwright): layout at phone and
desktop widths, the lead image, byline and dateline, accessibility (axe-core) and dark mode.

Deselect with `-m "not browser"`. Skips when chromium, Playwright or axe-core (`npm ci` in
tests/browser) is missing, but fails instead when CI=true. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from conftest import Site

pytestmark = pytest.mark.browser

HERE = Path(__file__).parent
ARTIFACTS = HERE.parent / "artifacts"
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]

ARTICLE = "/news/2025/08/28/big-news-north-korea-kim-jong-un-to-join-putin-at-china-military-parade.html"
PAGES = {
    "front": ("/", ".jekyll-card--lead .jekyll-card__img"),
    "article": (ARTICLE, ".jekyll-hero img"),
    "section": ("/category/news/", ".jekyll-card__img"),
    "author": ("/author/mtorres/", ".jekyll-avatar--large"),
}


def _missing(what: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing, and CI=true: .ci/run installs it")
    pytest.skip(f"{what} is missing")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(demo_site: Site) -> Iterator[str]:
    """The built demo site, served from a local http.server thread on 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(demo_site.out))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        _missing(f"chromium ({CHROMIUM})")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pages: list[Any] = []

    def open_(path: str, width: int = 1280) -> Any:
        page = context.new_page()
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(base_url + path, wait_until="load")
        pages.append(page)
        return page

    yield open_
    context.close()


def _screenshot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def _image_loaded(page: Any, selector: str) -> bool:
    image = page.locator(selector).first
    image.scroll_into_view_if_needed()
    page.wait_for_function(
        "sel => { const i = document.querySelector(sel); return i && i.complete; }", arg=selector)
    return bool(image.is_visible() and image.evaluate("i => i.naturalWidth > 0"))


@pytest.mark.parametrize("width", [360, 375, 1280, 1440])
@pytest.mark.parametrize("name", ["front", "article"])
def test_fits_the_screen_and_shows_lead_image_byline_and_dateline(open_page: Any, name: str,
                                                                   width: int) -> None:
    path, image = PAGES[name]
    page = open_page(path, width)
    overflow = page.evaluate(
        "() => [document.scrollingElement.scrollWidth, window.innerWidth]")
    assert overflow[0] <= overflow[1], f"{path} scrolls sideways at {width}px: {overflow}"
    assert _image_loaded(page, image), f"the lead image of {path} is not shown at {width}px"
    scope = ".jekyll-card--lead" if name == "front" else ".jekyll-article__header"
    assert page.locator(f"{scope} .jekyll-byline__authors").first.is_visible()
    dateline = page.locator(f"{scope} .jekyll-dateline time").first
    assert dateline.is_visible()
    assert dateline.get_attribute("datetime")
    _screenshot(page, f"{name}-{width}")


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_or_critical_accessibility_violations(open_page: Any, name: str,
                                                         scheme: str) -> None:
    if not AXE.is_file():
        _missing(f"axe-core ({AXE}; run 'npm ci' in tests/browser)")
    path, _ = PAGES[name]
    page = open_page(path)
    if scheme == "slate":
        page.locator("label[title='Switch to dark mode']").click()
        page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
        for v in results["violations"] if v["impact"] in ("serious", "critical")
    ]
    _screenshot(page, f"axe-{name}-{scheme}")
    (ARTIFACTS / f"axe-{name}-{scheme}.json").write_text(json.dumps(
        [{k: v[k] for k in ("id", "impact", "help")} | {"nodes": len(v["nodes"])}
         for v in results["violations"]], indent=1))
    assert serious == [], f"{path} in the {scheme} palette:\n" + "\n".join(serious)


def test_palette_toggle_switches_to_dark(open_page: Any) -> None:
    page = open_page("/")
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == "default"
    page.locator("label[title='Switch to dark mode']").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    background = page.evaluate(
        "() => getComputedStyle(document.body).getPropertyValue('--md-default-bg-color').trim()")
    assert background
    assert background.lower() not in ("#fff", "#ffffff", "white")
    _screenshot(page, "front-dark-1280")
