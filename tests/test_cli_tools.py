"""`mkdocs-jekyll check --format`, `new` and `convert` as an editor runs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from conftest import REPO, Site, text_of, tool_missing
from mkdocs_jekyll.jekyll.post import read_post
from mkdocs_jekyll.jekyll.sitefiles import find_posts
from mkdocs_jekyll.tools.sitecontext import load_site

BIN = Path(sys.executable).parent


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(args, cwd=cwd, env=full, capture_output=True, text=True, timeout=300)


def _bad_site(site: Site) -> None:
    site.write("_posts/2025-03-09-date.md", "---\ntitle: x\ndate: 2025-02-30\n---\nBody.\n")
    site.write("_posts/2025-03-10-who.md", "---\ntitle: y\nauthor: nobody\n---\nBody.\n")
    site.write("_posts/2025-03-11-twin.md", "---\ntitle: z\nslug: first-story\ncategories: [Town]\n"
               "date: 2025-03-04\n---\nBody.\n")


def test_check_json_lists_every_problem_with_file_line_and_level(minimal_site: Site) -> None:
    _bad_site(minimal_site)
    result = run(str(BIN / "mkdocs-jekyll"), "check", "--format", "json", cwd=minimal_site.root)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    found = {(p["file"], p["line"], p["level"]) for p in report["problems"]}
    assert ("docs/_posts/2025-03-09-date.md", 3, "error") in found
    assert ("docs/_posts/2025-03-10-who.md", 3, "warning") in found
    assert any(p["file"].endswith("2025-03-11-twin.md") and "would both be published" in p["message"]
               for p in report["problems"])
    assert (report["checked"], report["errors"], report["warnings"]) == (4, 2, 1)


def test_check_github_format_gives_workflow_annotations(minimal_site: Site) -> None:
    _bad_site(minimal_site)
    result = run(str(BIN / "mkdocs-jekyll"), "check", "--format", "github",
                 "docs/_posts/2025-03-09-date.md", cwd=minimal_site.root)
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("::error file=docs/_posts/2025-03-09-date.md,line=3::Error reading "
                            "front matter 'date'"), first
    assert result.stdout.splitlines()[-1] == "1 posts checked: 1 errors, 0 warnings"


def test_check_strict_fails_on_warnings(minimal_site: Site) -> None:
    minimal_site.write("_posts/2025-03-10-who.md", "---\ntitle: y\nauthor: nobody\n---\nBody.\n")
    assert run(str(BIN / "mkdocs-jekyll"), "check", cwd=minimal_site.root).returncode == 0
    assert run(str(BIN / "mkdocs-jekyll"), "check", "--strict", cwd=minimal_site.root).returncode == 1


def test_new_writes_a_post_that_builds_and_refuses_to_overwrite(minimal_site: Site) -> None:
    (minimal_site.docs / "_config.yml").write_text("title: Minimal\ntimezone: America/Chicago\n")
    args = (str(BIN / "mkdocs-jekyll"), "new", "Harbour wall: repairs begin!", "--section", "Town",
            "--author", "ada", "--date", "2025-03-12 09:30")
    result = run(*args, cwd=minimal_site.root)
    assert result.returncode == 0, result.stderr
    path = minimal_site.docs / "_posts/2025-03-12-harbour-wall-repairs-begin.md"
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
    assert front == {"layout": "post", "title": "Harbour wall: repairs begin!",
                     "date": "2025-03-12 09:30:00 -0500", "author": "ada", "categories": ["Town"]}
    again = run(*args, cwd=minimal_site.root)
    assert again.returncode == 1
    assert "already exists: not overwritten" in again.stderr
    page = minimal_site.build().page("/town/2025/03/12/harbour-wall-repairs-begin.html")
    assert text_of(page.find("h1")) == "Harbour wall: repairs begin!"


def test_new_takes_the_author_from_git_and_writes_drafts(minimal_site: Site, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text("[user]\n\tname = Ada Reporter\n")
    result = run(str(BIN / "mkdocs-jekyll"), "new", "Quiet week", "--draft", cwd=minimal_site.root,
                 env={"HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1"})
    assert result.returncode == 0, result.stderr
    front = yaml.safe_load((minimal_site.docs / "_drafts/quiet-week.md").read_text().split("---")[1])
    assert front["author"] == "ada"
    unknown = run(str(BIN / "mkdocs-jekyll"), "new", "Other", "--author", "zed", cwd=minimal_site.root)
    assert unknown.returncode == 1
    assert "--author 'zed' is not in _data/authors.yml" in unknown.stderr


def _converted_demo(tmp_path: Path) -> Path:
    dest = tmp_path / "converted"
    result = run(str(BIN / "mkdocs-jekyll"), "convert", str(REPO / "docs"), str(dest), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "19 posts converted, 0 not fully converted" in result.stdout
    config = yaml.safe_load((dest / "mkdocs.yml").read_text())
    assert "jekyll" not in json.dumps(config["plugins"])
    return dest


def _page(root: Path, url: str) -> BeautifulSoup:
    path = root / url.lstrip("/")
    assert path.is_file(), sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))[:40]
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")




def _jekyll_urls() -> dict[str, str]:
    """Every published demo post's URL as this plugin (and Jekyll) gives it, with its title."""
    site = load_site(REPO / "docs")
    urls = {}
    for source in find_posts(REPO / "docs"):
        post = read_post(source, (REPO / "docs" / source).read_text(encoding="utf-8"), site.settings)
        if not post.draft:
            urls[post.url] = post.title
    return urls


def _assert_posts_at_jekyll_urls(site_dir: Path) -> None:
    urls = _jekyll_urls()
    assert len(urls) == 17
    for url, title in urls.items():
        page = _page(site_dir, url)
        assert title in text_of(page.find("h1")), url


def test_converted_demo_builds_without_the_plugin_at_jekyll_urls(tmp_path: Path) -> None:
    dest = _converted_demo(tmp_path)
    result = run(str(BIN / "mkdocs"), "build", "--strict", cwd=dest)
    assert result.returncode == 0, result.stderr
    _assert_posts_at_jekyll_urls(dest / "site")
    assert not (dest / "site/2031").exists()  # a future post stays a draft
    assert "mkdocs_jekyll" not in result.stderr


def test_convert_reports_liquid_and_adds_redirects(tmp_path: Path, minimal_site: Site) -> None:
    minimal_site.write("_posts/2025-03-05-liquid.md", "---\ntitle: L\n---\nHi {{ site.title }}.\n")
    minimal_site.write("_posts/2025-03-06-moved.md", "---\ntitle: M\npermalink: /special/moved/\n"
                       "---\nBody.\n")
    dest = tmp_path / "out"
    result = run(str(BIN / "mkdocs-jekyll"), "convert", "docs", str(dest), cwd=minimal_site.root)
    assert result.returncode == 0, result.stderr
    assert "_posts/2025-03-05-liquid.md" not in result.stdout.split("not fully converted")[-1]
    liquid = (dest / "docs/posts/2025-03-05-liquid.md").read_text(encoding="utf-8")
    assert "Hi Minimal." in liquid  # rendered by the package's Liquid support
    built = run(str(BIN / "mkdocs"), "build", "--strict", cwd=dest)
    assert built.returncode == 0, built.stderr
    redirect = _page(dest / "site", "/special/moved/index.html")
    refresh = redirect.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None
    assert "2025/03/06/moved" in refresh["content"]


def test_converted_demo_builds_with_zensical(tmp_path: Path) -> None:
    zensical = shutil.which("zensical", path=str(BIN))
    if zensical is None:
        tool_missing("zensical is not installed (pip install -e '.[test]')")
    dest = _converted_demo(tmp_path)
    result = run(zensical, "build", cwd=dest)
    assert result.returncode == 0, result.stdout + result.stderr
    _assert_posts_at_jekyll_urls(dest / "site")
