"""The Liquid steps of `check` and `convert` turn on when the package has Liquid support
(`mkdocs_jekyll.jekyll.liquid` with `check_syntax` / `render_post_text`); a stand-in module
proves the hooks are called and their results used."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
import yaml
from conftest import Site
from mkdocs_jekyll.jekyll.errors import ContentError, Problem
from mkdocs_jekyll.jekyll.sitefiles import site_files_stamp
from mkdocs_jekyll.tools.check import check_site, format_report
from mkdocs_jekyll.tools.convert import convert_site

LIQUID = "mkdocs_jekyll.jekyll.liquid"


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    module = types.ModuleType(LIQUID)

    def check_syntax(source: str, text: str) -> list[Problem]:
        if "{% if" in text and "endif" not in text:
            return [Problem(source, None, "'if' is never closed", "add {% endif %}", 6)]
        return []

    def render_post_text(root: Path, source: str, body: str) -> str:
        if "{% broken" in body:
            raise ContentError(Problem(source, None, "unknown tag 'broken'"))
        return body.replace("{{ site.title }}", "Minimal")

    module.check_syntax = check_syntax  # type: ignore[attr-defined]
    module.render_post_text = render_post_text  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, LIQUID, module)
    return module


def test_check_reports_liquid_syntax_errors_when_liquid_support_is_present(
        minimal_site: Site, stand_in: types.ModuleType) -> None:
    minimal_site.write("_posts/2025-03-09-liquid.md", "---\ntitle: x\n---\n\n{% if a %}\nopen\n")
    report = check_site(minimal_site.docs)
    text = format_report(report, "text").splitlines()
    assert any(line.endswith("2025-03-09-liquid.md:6: error: Error reading '_posts/2025-03-09-liquid.md' "
                             "(line 6): 'if' is never closed (add {% endif %})") for line in text), text


def test_check_without_liquid_support_skips_the_liquid_step(
        minimal_site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, LIQUID, None)  # an installation without Liquid support
    minimal_site.write("_posts/2025-03-09-liquid.md", "---\ntitle: x\n---\n\n{% if a %}\nopen\n")
    assert check_site(minimal_site.docs).count("error") == 0


def test_convert_renders_liquid_through_liquid_support(minimal_site: Site, tmp_path: Path,
                                                       stand_in: types.ModuleType) -> None:
    minimal_site.write("_posts/2025-03-05-liquid.md", "---\ntitle: L\n---\nHi {{ site.title }}.\n")
    minimal_site.write("_posts/2025-03-06-bad.md", "---\ntitle: B\n---\n{% broken %}\n")
    report = convert_site(minimal_site.docs, tmp_path / "out")
    assert "_posts/2025-03-05-liquid.md" in report.converted
    assert any(p.startswith("_posts/2025-03-06-bad.md: contains Liquid that does not render")
               for p in report.incomplete)
    converted = (tmp_path / "out/docs/posts/2025-03-05-liquid.md").read_text(encoding="utf-8")
    assert "Hi Minimal." in converted


def test_convert_keeps_drafts_as_material_drafts(minimal_site: Site, tmp_path: Path) -> None:
    minimal_site.write("_drafts/work-in-progress.md", "---\ntitle: WIP\nauthor: ada\n---\nSoon.\n")
    report = convert_site(minimal_site.docs, tmp_path / "out")
    assert "_drafts/work-in-progress.md" in report.converted
    text = (tmp_path / "out/docs/posts/work-in-progress.md").read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---")[1])
    assert (front["draft"], front["authors"], front["slug"]) == (True, ["ada"], "work-in-progress")
    authors = yaml.safe_load((tmp_path / "out/docs/.authors.yml").read_text(encoding="utf-8"))
    assert authors["authors"]["ada"]["name"] == "Ada Reporter"


def test_site_files_stamp_changes_with_data_and_includes(minimal_site: Site) -> None:
    before = site_files_stamp(minimal_site.docs)
    minimal_site.write("_includes/note.html", "<p>note</p>\n")
    with_include = site_files_stamp(minimal_site.docs)
    minimal_site.write("_data/authors.yml", "ada:\n  name: Ada Lovelace, longer\n")
    assert len({before, with_include, site_files_stamp(minimal_site.docs)}) == 3


def test_check_uses_the_real_liquid_support(minimal_site: Site) -> None:
    minimal_site.write("_posts/2025-03-09-liquid.md", "---\ntitle: x\n---\n\n{% if a %}\nopen\n")
    text = format_report(check_site(minimal_site.docs), "text")
    assert "2025-03-09-liquid.md:5: error" in text, text
    assert "'if' is opened here but never closed" in text, text
