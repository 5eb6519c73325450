"""`mkdocs build` and `mkdocs-jekyll check` as a contributor runs them: exit status and output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import Site

BIN = Path(sys.executable).parent


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_bad_date_fails_mkdocs_build_with_one_message_and_no_traceback(minimal_site: Site) -> None:
    minimal_site.write("_posts/2025-03-09-date.md", "---\ndate: 2025-13-45\n---\nBody.\n")
    result = run(str(BIN / "mkdocs"), "build", "--strict", cwd=minimal_site.root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert ("Error reading front matter 'date' of '_posts/2025-03-09-date.md': '2025-13-45'"
            in result.stderr), result.stderr


def test_check_reports_file_line_and_summary(minimal_site: Site) -> None:
    minimal_site.write("_posts/2025-03-09-yaml.md", "---\ntitle: ok\nbad: [\n---\nBody.\n")
    result = run(str(BIN / "mkdocs-jekyll"), "check", "docs", cwd=minimal_site.root)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith("docs/_posts/2025-03-09-yaml.md:4: error:") for line in lines), lines
    assert lines[-1] == "2 posts checked: 1 errors, 0 warnings"


def test_check_passes_on_the_demo_site() -> None:
    repo = Path(__file__).parent.parent
    result = run(str(BIN / "mkdocs-jekyll"), "check", "docs", cwd=repo)
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    assert lines[-1] == "19 posts checked: 0 errors, 1 warnings"
    # Jekyll keeps `business` and `Business` apart; Material gives them one listing page.
    assert lines[0].startswith("docs/_posts/2025-08-26-fish-market-cooperative-opens-second-hall.md:6: "
                               "warning: category 'business' shares one listing with 'Business'")
