"""Other hosts: ProperDocs (a fork of MkDocs with its own command) and mkdocs-blog-plugin
(a nav-only blog for the `mkdocs` and `readthedocs` themes)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import copy_demo, copy_site, text_of, tool_missing
from mkdocs.exceptions import Abort

BIN = Path(sys.executable).parent


def test_demo_builds_with_properdocs(tmp_path: Path) -> None:
    properdocs = shutil.which("properdocs", path=str(BIN))
    if properdocs is None:
        tool_missing("properdocs is not installed (pip install -e '.[test]')")
    copy_demo(tmp_path)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([properdocs, "build", "--strict"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "mkdocs_jekyll: 19 posts found" in result.stderr
    article = tmp_path / "site/science/2025/09/06/seagrass-survey-finds-signs-of-recovery.html"
    assert article.is_file()
    page = BeautifulSoup(article.read_text(encoding="utf-8"), "html5lib")
    assert text_of(page.select_one(".jekyll-byline__authors")) == "By Ravi Patel and Lin Chen"


NAV_BLOG_ORDER = ["[20/03] Third story", "[10/03] Second story", "[04/03] First story"]


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs"])
def test_mkdocs_blog_plugin_lists_posts_newest_first_in_its_nav(tmp_path: Path, theme: str) -> None:
    site = copy_site("navblog", tmp_path)
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("name: mkdocs", f"name: {theme}"))
    site.build()
    home = site.page("/")
    blog_links = [a for a in home.find_all("a") if "blog/" in (a.get("href") or "")]
    titles = [text_of(a) for a in blog_links]
    assert titles[:3] == NAV_BLOG_ORDER, titles
    assert [a["href"] for a in blog_links[:3]] == [
        "blog/2025/03/20/third-story/", "blog/2025/03/10/second-story/", "blog/2025/03/04/first-story/"]
    article = site.page("/blog/2025/03/04/first-story/")
    byline = article.find(class_="jekyll-byline")
    assert text_of(byline) == "By Ada <Reporter> · 4 March 2025"
    assert byline.find("time")["datetime"] == "2025-03-04T00:00:00-06:00"
    assert text_of(article.find("h1")) == "First story"
    assert not (site.out / "blog/2025/03/12").exists()  # published: false stays out of the build
    assert not site.warnings()


def test_a_site_without_any_blog_plugin_gets_one_clear_error(tmp_path: Path) -> None:
    site = copy_site("navblog", tmp_path)
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - blog\n", ""))
    with pytest.raises(Abort):
        site.build()
    assert "add '- blog' after '- jekyll'" in site.errors()


def test_mkdocs_blog_plugin_refuses_two_posts_at_one_date_and_slug(tmp_path: Path) -> None:
    site = copy_site("navblog", tmp_path)
    site.write("world/_posts/2025-03-04-first-story.md", "---\ntitle: Abroad\n---\nBody.\n")
    with pytest.raises(Abort):
        site.build()
    assert ("'world/_posts/2025-03-04-first-story.md' and '_posts/2025-03-04-first-story.md' would "
            "both be published at 'blog/2025/03/04/first-story.md'") in site.errors()
