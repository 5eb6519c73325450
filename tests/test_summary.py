"""Every build logs one summary line, and `mkdocs build --strict` fails on any warning."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import Site
from mkdocs.exceptions import Abort

POSTS = {
    "_posts/2025-03-05-moved.md": "---\nredirect_from: [/old/moved/, /older/moved.html]\n---\nB.\n",
    "_posts/2025-03-06-held.md": "---\npublished: false\n---\nHeld.\n",
    "_posts/2025-03-07-sketch.md": "---\ndraft: true\n---\nSketch.\n",
    "_posts/2999-01-01-later.md": "---\ntitle: Later\n---\nLater.\n",
}


def summaries(site: Site) -> list[str]:
    return [m.removeprefix("mkdocs_jekyll: ") for m in site.infos() if " found: " in m]


def test_one_summary_line_counts_every_kind_of_post(minimal_site: Site) -> None:
    for rel, text in POSTS.items():
        minimal_site.write(rel, text)
    minimal_site.build()
    assert summaries(minimal_site) == [
        "5 posts found: 2 published, 1 draft, 1 future, 1 unpublished, 2 redirected; "
        "0 errors, 0 warnings"
    ]


def test_summary_counts_warnings_and_strict_fails_on_them(minimal_site: Site) -> None:
    minimal_site.write("_posts/2025-03-08-who.md", "---\nauthor: nobody\n---\nBody.\n")
    minimal_site.build(strict=False)
    assert summaries(minimal_site) == [
        "2 posts found: 2 published, 0 drafts, 0 future, 0 unpublished, 0 redirected; "
        "0 errors, 1 warning"
    ]
    with pytest.raises(Abort):
        minimal_site.build(strict=True)
    assert len(summaries(minimal_site)) == 1
    assert summaries(minimal_site)[0].endswith("0 errors, 1 warning")


def test_summary_of_a_failed_build_counts_the_error(minimal_site: Site) -> None:
    minimal_site.write("_posts/2025-03-08-bad.md", "---\ndate: 2025-02-30\n---\nBody.\n")
    with pytest.raises(Abort):
        minimal_site.build(strict=False)
    assert len(summaries(minimal_site)) == 1
    assert summaries(minimal_site)[0].endswith("; 1 error, 0 warnings")


def test_mkdocs_build_strict_exits_1_on_one_warning_and_0_without(minimal_site: Site) -> None:
    def run(*flags: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", *flags, "-f",
             str(minimal_site.root / "mkdocs.yml"), "-d", str(minimal_site.out)],
            capture_output=True, text=True, check=False, cwd=minimal_site.root,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        )

    clean = run("--strict")
    assert clean.returncode == 0, clean.stderr
    assert "1 post found: 1 published" in clean.stderr
    minimal_site.write("_posts/2025-03-08-pic.md", "---\nimage: assets/none.jpg\n---\nBody.\n")
    warned = run("--strict")
    assert warned.returncode == 1
    assert "'assets/none.jpg' does not exist" in warned.stderr
    assert "Aborted with 1 warnings in strict mode!" in warned.stdout + warned.stderr
    assert run().returncode == 0
