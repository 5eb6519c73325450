"""`make bench` works end to end on five posts: corpus, every builder, the serve timing, JSON.

Only the shape of the results is checked; benchmarks are never timed in tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO


def test_bench_runs_every_configuration_on_a_tiny_corpus(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--sizes", "5", "--repeat", "1",
         "--warmup", "0", "--serve-size", "5",
         "--only", "plain,material,plugin,plugin-cold,plugin-slow,jekyll,hugo",
         "--work", str(tmp_path / "work"), "--results", str(tmp_path / "results")],
        capture_output=True, text=True, timeout=900, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    [written] = (tmp_path / "results").glob("bench-*.json")
    report = json.loads(written.read_text(encoding="utf-8"))
    rows = {row["config"]: row for row in report["results"]}
    assert sorted(rows) == ["hugo", "jekyll", "material", "plain", "plugin", "plugin-cold",
                            "plugin-slow"]
    for name in ("plain", "material", "plugin", "plugin-cold", "plugin-slow"):
        assert len(rows[name]["seconds"]) == 1
        assert rows[name]["peak_mb"][0] > 0
    if os.environ.get("CI") == "true":
        assert rows["jekyll"]["skipped"] is None, "CI installs Debian's jekyll"
    for name in ("jekyll", "hugo"):
        assert rows[name]["seconds"] or "not installed" in rows[name]["skipped"]
    assert len(report["serve"]["seconds"]) == 1
    assert "(1) MkDocs pages, Material theme, no blog" in done.stdout
    assert "mkdocs serve: save one post" in done.stdout
    # The plugin really built the five stories at their Jekyll URLs (/section/YYYY/MM/DD/x.html).
    built = (tmp_path / "work" / "site-5" / "plugin").glob("*/[0-9][0-9][0-9][0-9]/*/*/*.html")
    assert len(list(built)) == 5


def test_profile_mapping_times_the_hooks_of_a_first_and_a_later_build(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "profile_mapping.py"), "--posts", "5"],
        capture_output=True, text=True, timeout=600, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    builds = [line for line in lines if line.startswith(("first build", "later build"))]
    assert [line.split(" (")[0] for line in builds] == ["first build", "later build"]
    assert all("% of" in line and "(N=5)" in line for line in builds)
    # Each build's hooks were timed: on_config, which reads the five posts, took some time.
    on_config = [float(line.split()[1]) for line in lines if line.strip().startswith("on_config")]
    assert len(on_config) == 2
    assert all(seconds > 0 for seconds in on_config)
