"""Hostile strings in every field a contributor types end up as text, never as markup.

The hostile site (tests/hostile.py) and its benign twin are built once; then EVERY .html, .xml
and .json file of the hostile build is parsed and checked, so pages other features add (feeds,
redirects, SEO blocks) are covered by the same rules:

* HTML (html5lib): no `on*` attribute, no `javascript:` URL, no element or script the benign
  twin does not have; JSON-LD blocks parse, and a post's block holds its headline literally;
* XML (lxml): parses; JSON: parses;
* the strings are shown to the reader as typed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import Site, text_of
from hostile import BENIGN, HOSTILE, make_site, post_url
from lxml import etree
from mkdocs_jekyll.jekyll.text import strip_html

URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset",
                  "background", "ping", "cite")
CONTROL = dict.fromkeys(range(0x20))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, Site]:
    root = tmp_path_factory.mktemp("hostile")
    hostile = make_site(root / "hostile", HOSTILE).build(strict=True)
    benign = make_site(root / "benign", BENIGN).build(strict=True)
    return hostile, benign


def outputs(site: Site, *suffixes: str) -> Iterator[Path]:
    for path in sorted(site.out.rglob("*")):
        if path.suffix in suffixes and path.is_file() and "assets" not in path.parts[:2]:
            yield path


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")


def scripts(page: BeautifulSoup) -> set[str]:
    """The page's scripts (JSON-LD aside), with relative paths made depth-free."""
    found = {f"src={tag['src']}" if tag.get("src") else f"inline={tag.get('type')}:{tag.string}"
             for tag in page.find_all("script") if tag.get("type") != "application/ld+json"}
    return {script.replace("../", "").replace('"..",', '".",') for script in found}


def strings(data: object) -> Iterator[str]:
    """Every string value in parsed JSON."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings(value)


def shown_as(text: str) -> str:
    """What a reader sees of a typed string: control characters dropped, spaces collapsed."""
    return " ".join(text.translate(CONTROL).split())


def test_no_event_handlers_or_script_urls_anywhere(built: tuple[Site, Site]) -> None:
    hostile, _ = built
    found = []
    for path in outputs(hostile, ".html"):
        for tag in soup(path).find_all(True):
            for name, value in tag.attrs.items():
                value = " ".join(value) if isinstance(value, list) else value
                cleaned = "".join(value.split()).translate(CONTROL).lower()
                if name.lower().startswith("on"):
                    found.append((path.name, tag.name, name))
                is_url = name.lower() in URL_ATTRIBUTES or (
                    tag.name == "meta" and name == "content" and tag.get("http-equiv"))
                if is_url and ("javascript:" in cleaned
                                                       or "vbscript:" in cleaned):
                    found.append((path.name, tag.name, name, value))
    assert found == []


def test_no_element_or_script_the_benign_site_does_not_have(built: tuple[Site, Site]) -> None:
    hostile, benign = built
    known_tags: set[str] = set()
    known_scripts: set[str] = set()
    for path in outputs(benign, ".html"):
        page = soup(path)
        known_tags |= {tag.name for tag in page.find_all(True)}
        known_scripts |= scripts(page)
    extra = {}
    for path in outputs(hostile, ".html"):
        page = soup(path)
        tags = {tag.name for tag in page.find_all(True)} - known_tags
        new_scripts = scripts(page) - known_scripts
        if tags or new_scripts:
            extra[path.relative_to(hostile.out).as_posix()] = (tags, new_scripts)
    assert extra == {}


def test_json_ld_xml_and_json_files_parse(built: tuple[Site, Site]) -> None:
    hostile, _ = built
    for path in outputs(hostile, ".html"):
        for block in soup(path).select('script[type="application/ld+json"]'):
            json.loads(block.string or "")
    for path in outputs(hostile, ".xml"):
        etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    for path in outputs(hostile, ".json"):
        json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("index", range(len(HOSTILE)))
def test_post_shows_every_string_as_typed(built: tuple[Site, Site], index: int) -> None:
    hostile, _ = built
    text = HOSTILE[index]
    page = soup(post_url(index, hostile))
    assert text_of(page.select_one("h1.jekyll-headline")) == shown_as(f"T{index} {text}")
    assert text_of(page.select_one("title")).startswith(shown_as(f"T{index} {text}"))
    assert page.select_one('meta[name="description"]')["content"] == f"D{index} {text}".translate(
        CONTROL)
    assert text_of(page.select_one(".jekyll-hero figcaption")) == shown_as(f"P{index} {text}")
    assert page.select_one(".jekyll-hero img")["alt"] == f"A{index} {text}".translate(CONTROL)
    assert text_of(page.select_one(".jekyll-byline [rel=author]")) == shown_as(f"N{index} {text}")
    assert text_of(page.select_one(".jekyll-kicker")) == shown_as(f"C{index} {text}")
    tags = [text_of(tag) for tag in page.select(".md-tag")]
    assert tags == [shown_as(f"G{index} {text}")]
    for block in page.select('script[type="application/ld+json"]'):
        values = set(strings(json.loads(block.string or "")))
        assert f"T{index} {text}".translate(CONTROL) in values, values


def test_listings_show_the_strings_as_typed(built: tuple[Site, Site]) -> None:
    hostile, _ = built
    front = hostile.page("/")
    cards = front.select("article.jekyll-card, article.md-post")
    titles = sorted({text_of(card.select_one(".jekyll-card__headline, h2")) for card in cards})
    assert titles == sorted(shown_as(f"T{i} {text}") for i, text in enumerate(HOSTILE))
    standfirsts = sorted({text_of(card.select_one(".jekyll-standfirst")) for card in cards
                          if card.select_one(".jekyll-standfirst")})
    # A front matter excerpt is shown as Jekyll themes show it: through Liquid's strip_html.
    assert standfirsts == sorted({shown_as(strip_html(f"E{i} {text}"))
                                  for i, text in enumerate(HOSTILE)})


def test_search_index_holds_text_not_markup(built: tuple[Site, Site]) -> None:
    hostile, _ = built
    index = json.loads((hostile.out / "search/search_index.json").read_text(encoding="utf-8"))
    titles = {doc["title"] for doc in index["docs"]}
    for position, text in enumerate(HOSTILE):
        # Material's search shows titles as HTML: the index must hold them escaped.
        escaped = BeautifulSoup(f"<p>{next(t for t in titles if t.startswith(f'T{position} '))}</p>",
                                "html5lib")
        assert not escaped.find_all(["script", "img", "svg"]), text
