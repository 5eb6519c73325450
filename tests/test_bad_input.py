"""The bad-input corpus: every folder in tests/bad_input/ is a case (see tests/bad_input/README.md).

Each case is put over the minimal site and built the way `mkdocs build --strict` does; the
outcome (error, warning or ok) and the words of the message are asserted, and no message may
name the plugin's cache copy. A real `mkdocs build` subprocess runs for one case of each area and
outcome too, to check the exit status and that no traceback reaches the user.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES, Site, text_of
from mkdocs.exceptions import Abort

CORPUS = Path(__file__).parent / "bad_input"
CASES = sorted(path.parent for path in CORPUS.glob("*/expect.yml"))
OUTCOMES = ("error", "warning", "ok")
HEADLINES = "article.md-post h2, .jekyll-card__headline"  # Material's cards or the news layouts'
CACHE = ".cache/mkdocs-jekyll"


def load_expect(case: Path) -> dict[str, Any]:
    expect = yaml.safe_load((case / "expect.yml").read_text(encoding="utf-8"))
    assert expect["outcome"] in OUTCOMES, f"{case.name}: outcome must be one of {OUTCOMES}"
    assert expect.get("description"), f"{case.name}: say what the case is in 'description'"
    assert (case / "docs").is_dir(), f"{case.name}: the case has no docs/ folder"
    return expect


def site_for(case: Path, tmp_path: Path) -> Site:
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "sites" / "minimal", root)
    shutil.copytree(case / "docs", root / "docs", dirs_exist_ok=True)
    for name in ("mkdocs.yml",):  # a case may bring its own mkdocs.yml
        if (case / name).is_file():
            shutil.copy(case / name, root / name)
    return Site(root)


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def message_with_all(messages: list[str], words: list[str]) -> str | None:
    return next((m for m in messages if all(str(w) in m for w in words)), None)


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 50, len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Path, tmp_path: Path) -> None:
    expect = load_expect(case)
    site = site_for(case, tmp_path)
    words = [str(w) for w in expect.get("messages") or []]
    before = snapshot(site.docs)
    outcome = expect["outcome"]

    if outcome == "error":
        with pytest.raises(Abort):
            site.build(strict=False)
        errors = [m for m in site.errors().splitlines() if m]
        assert message_with_all(errors, words), f"{case.name}: {words} not in one error: {errors}"
    elif outcome == "warning":
        with pytest.raises(Abort):
            site.build(strict=True)
        site.build(strict=False)
        warnings = site.warnings()
        assert message_with_all(warnings, words), f"{case.name}: {words} not in one warning: {warnings}"
    else:
        site.build(strict=True)
        assert site.warnings() == []
        check_pages(site, expect)

    everything = [r.getMessage() for r in site.messages]
    assert not [m for m in everything if CACHE in m], everything
    assert not [m for m in everything if "Traceback" in m], everything
    assert snapshot(site.docs) == before, "the build changed docs/"


def check_pages(site: Site, expect: dict[str, Any]) -> None:
    """`pages`: URL -> headline on that page; `absent`: URLs not built; `listing`: headlines on
    the front page, in order."""
    for url, title in (expect.get("pages") or {}).items():
        page = site.page(url)
        headline = page.select_one("h1.jekyll-headline") or page.select_one("article h1")
        assert text_of(headline) == title, (url, text_of(headline))
    for url in expect.get("absent") or []:
        assert not (site.out / url.lstrip("/")).exists(), f"{url} was built"
    listing = expect.get("listing")
    if listing:
        front = site.page("/")
        # in order of first appearance (a news front page repeats stories in section blocks)
        shown = list(dict.fromkeys(text_of(h) for h in front.select(HEADLINES)))
        assert shown == listing


def _subprocess_env() -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONWARNINGS="ignore")
    return env


def _sample(cases: list[Path]) -> list[Path]:
    """The first case of each area and outcome: a subprocess costs seconds, the corpus is large."""
    seen: dict[tuple[str, str], Path] = {}
    for case in cases:
        outcome = yaml.safe_load((case / "expect.yml").read_text(encoding="utf-8"))["outcome"]
        seen.setdefault((case.name.split("-")[0], outcome), case)
    return sorted(seen.values())


SAMPLE = _sample(CASES)


@pytest.mark.parametrize("case", SAMPLE, ids=[c.name for c in SAMPLE])
def test_case_as_a_user_runs_it(case: Path, tmp_path: Path) -> None:
    """`mkdocs build --strict` in a shell: the exit status, the words, and never a traceback."""
    expect = load_expect(case)
    site = site_for(case, tmp_path)
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
         str(site.root / "mkdocs.yml"), "-d", str(site.out)],
        capture_output=True, text=True, env=_subprocess_env(), cwd=site.root, timeout=300,
        check=False,
    )
    output = run.stdout + run.stderr
    assert "Traceback" not in output, output
    assert CACHE not in output, output
    if expect["outcome"] == "ok":
        assert run.returncode == 0, output
    else:
        assert run.returncode == 1, output
        lines = output.splitlines()
        assert message_with_all(lines, [str(w) for w in expect.get("messages") or []]), output
