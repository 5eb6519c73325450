"""Liquid conformance: the rendered body text of each post of tests/conformance/sites/liquid,
ours against the real Jekyll's.

Jekyll builds the site with a layout that prints each post's `content` as JSON; we read the same
posts with `read_post`, render their Liquid with the plugin's PostRenderer and their Markdown with
Python-Markdown (the extensions a Material site enables). Both HTML bodies are reduced to their
text, whitespace-normalised, and compared. Accepted differences are listed, each with its reason,
in tests/conformance/liquid_differences.yml (post, ours, jekyll, why): a difference not listed
fails, and so does a listed difference that no longer occurs.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import tool_missing
from mkdocs_jekyll.jekyll.liquid import LiquidSite, PostRenderer
from mkdocs_jekyll.jekyll.post import JekyllPost, read_post
from mkdocs_jekyll.jekyll.site import SiteSettings

CONFORMANCE = Path(__file__).parent / "conformance"
SITE = CONFORMANCE / "sites" / "liquid"
EXPLAINED_FILE = CONFORMANCE / "liquid_differences.yml"
NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)
JEKYLL_ENV = {"JEKYLL_ENV": "production", "TZ": "UTC", "LC_ALL": "C.UTF-8"}
EXTENSIONS = ["smarty", "attr_list", "footnotes", "def_list", "abbr", "tables", "md_in_html",
              "pymdownx.highlight", "pymdownx.superfences"]
REPRODUCE = (f"reproduce: TZ=UTC JEKYLL_ENV=production jekyll build --source {SITE} "
             "--destination /tmp/liquid-site")


def text_of(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html5lib").get_text(" ").split())


@pytest.fixture(scope="module")
def jekyll_bodies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    executable = shutil.which("jekyll")
    if executable is None:
        tool_missing("real Jekyll is not installed (apt-get install jekyll): no conformance oracle")
    destination = tmp_path_factory.mktemp("jekyll-liquid")
    result = subprocess.run(
        [executable, "build", "--source", str(SITE), "--destination", str(destination),
         "--quiet", "--disable-disk-cache"],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, **JEKYLL_ENV},
    )
    if result.returncode != 0:
        pytest.fail(f"jekyll build failed:\n{result.stdout}\n{result.stderr}\n{REPRODUCE}",
                    pytrace=False)
    bodies = {}
    for path in destination.rglob("*.html"):
        record = json.loads(path.read_text(encoding="utf-8"))
        bodies[record["path"]] = text_of(record["content"])
    return bodies


@functools.cache
def our_posts() -> dict[str, tuple[JekyllPost, str]]:
    config = yaml.safe_load((SITE / "_config.yml").read_text(encoding="utf-8"))
    settings = SiteSettings(now=NOW)
    posts = {}
    for path in sorted(SITE.rglob("*.md")):
        source = path.relative_to(SITE).as_posix()
        text = path.read_text(encoding="utf-8")
        posts[source] = (read_post(source, text, settings), text)
    return posts | {"_config": (None, json.dumps(config))}  # type: ignore[dict-item]


@functools.cache
def our_bodies() -> dict[str, str]:
    found = dict(our_posts())
    config = json.loads(found.pop("_config")[1])
    converter = markdown.Markdown(extensions=EXTENSIONS)

    def markdownify(text: str) -> str:
        return converter.reset().convert(text)

    site = LiquidSite(SITE, config, [post for post, _ in found.values()], now=NOW,
                      markdownify=markdownify, fence="superfences")
    renderer = PostRenderer()
    renderer.start(site)
    bodies = {}
    for source, (post, text) in found.items():
        rendered = renderer.render(post, post.body, lambda text=text: text).text
        bodies[source] = text_of(markdownify(rendered))
    return bodies


def _explained() -> list[dict[str, str]]:
    return yaml.safe_load(EXPLAINED_FILE.read_text(encoding="utf-8")) or []


def test_fixture_uses_every_tag_and_filter() -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in SITE.rglob("*.md"))
    for name in ("include ", "include_relative", "highlight", "linenos", "raw", "post_url",
                 "link ", "relative_url", "absolute_url", "date_to_xmlschema", "date_to_rfc822",
                 "date_to_string", "date_to_long_string", "xml_escape", "cgi_escape",
                 "uri_escape", "slugify", "markdownify", "jsonify", "number_of_words",
                 "where:", "where_exp", "group_by", "sort", "array_to_sentence_string",
                 "site.posts", "site.categories", "site.tags", "site.data", "page.id"):
        assert name in text, name


def test_same_posts(jekyll_bodies: dict[str, str]) -> None:
    assert sorted(jekyll_bodies) == sorted(our_bodies())


@pytest.mark.parametrize("source", sorted(p.relative_to(SITE).as_posix()
                                          for p in SITE.rglob("*.md")))
def test_body_text_matches_jekyll(source: str, jekyll_bodies: dict[str, str]) -> None:
    ours, theirs = our_bodies()[source], jekyll_bodies[source]
    listed = [e for e in _explained() if e["post"] == source]
    if ours == theirs:
        assert not listed, f"{source}: listed in {EXPLAINED_FILE.name} but no longer differs"
        return
    if any(e["ours"] == ours and e["jekyll"] == theirs for e in listed):
        return
    entry = {"post": source, "ours": ours, "jekyll": theirs, "why": "..."}
    pytest.fail(
        f"{source}: body text differs from Jekyll\n  ours:   {ours}\n  jekyll: {theirs}\n"
        f"  if accepted, add to {EXPLAINED_FILE.name}:\n"
        f"{yaml.safe_dump([entry], allow_unicode=True, width=10_000, sort_keys=False)}"
        f"{REPRODUCE}", pytrace=False)


def test_explained_differences_are_well_formed() -> None:
    for entry in _explained():
        assert set(entry) == {"post", "ours", "jekyll", "why"}, entry
        assert (SITE / entry["post"]).is_file(), entry
        assert str(entry["why"]).strip() not in ("", "..."), entry
