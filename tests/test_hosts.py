"""The demo site on other hosts: ProperDocs (a fork of MkDocs with its own command)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, text_of

BIN = Path(sys.executable).parent


def test_demo_builds_with_properdocs(tmp_path: Path) -> None:
    properdocs = shutil.which("properdocs", path=str(BIN))
    if properdocs is None:
        if os.environ.get("CI") == "true":
            pytest.fail("properdocs is missing: pip install -e '.[test]'")
        pytest.skip("properdocs is not installed")
    for name in ("mkdocs.yml", "docs", "overrides"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        else:
            shutil.copy(source, tmp_path / name)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([properdocs, "build", "--strict"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "mkdocs_jekyll: 19 posts found" in result.stderr
    article = tmp_path / "site/science/2025/09/06/seagrass-survey-finds-signs-of-recovery.html"
    assert article.is_file()
    page = BeautifulSoup(article.read_text(encoding="utf-8"), "html5lib")
    assert text_of(page.select_one(".jekyll-byline__authors")) == "By Ravi Patel and Lin Chen"
