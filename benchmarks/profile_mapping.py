"""Measure the share of the mapping layer (reading and translating posts, the translation memo,
Liquid when present) in a first and a later build of this plugin on the generated corpus.

    python benchmarks/profile_mapping.py --posts 1000 [--top 25 [--warm]]

Two builds run one after the other, each in a new process as `mkdocs build` does: a first one
(cold: nothing in the cache folder) and a later one (warm: it finds the posts as the first build
read and rendered them, in `posts.pickle` and `liquid.pickle`, as every build after the first
does). The CPU time of the plugin's mapping hooks is measured with `time.process_time` around each call,
with no profiler running: a profiler charges its own cost to each Python call, which inflates
Markdown's many small calls far more than the mapping layer's few large ones and so understates
the mapping layer's share (under cProfile it read 2.5 % of a later build where this measures
4.1 %). `--top N` then profiles one more build (first, or later with `--warm`) under cProfile
and prints its N costliest functions, to see where the time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import json
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
import corpus

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# The plugin's hooks that make up the mapping layer; they never call one another.
MAPPING = ("on_config", "_on_files_early", "_on_files_late", "on_page_markdown")


def timed_hooks(spent: dict[str, float]) -> None:
    """Make the plugin's mapping hooks add their CPU time to `spent`."""
    from mkdocs.plugins import CombinedEvent
    from mkdocs_jekyll.plugin import JekyllPlugin

    def timed(name: str, hook: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(hook)  # keeps MkDocs' event priority
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return hook(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - start
        return run

    for name in MAPPING:
        setattr(JekyllPlugin, name, timed(name, getattr(JekyllPlugin, name)))
    JekyllPlugin.on_files = CombinedEvent(JekyllPlugin._on_files_early,  # type: ignore[method-assign]
                                          JekyllPlugin._on_files_late)


def build_once(config_file: Path, site_dir: Path,
               profile: cProfile.Profile | None = None) -> float:
    """One build, the only one of its process; returns its CPU seconds."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    start = time.process_time()
    if profile is not None:
        profile.enable()
    build(config)
    if profile is not None:
        profile.disable()
    spent = time.process_time() - start
    config.plugins.on_shutdown()
    return spent


def report(label: str, spent: dict[str, float], total: float, posts: int) -> None:
    for name in MAPPING:
        print(f"  {name:20} {spent.get(name, 0.0):7.3f} s  {100 * spent.get(name, 0.0) / total:5.2f} %")
    mapping = sum(spent.values())
    print(f"{label:22} {mapping:7.3f} s  {100 * mapping / total:5.2f} % of {total:.2f} CPU s "
          f"(N={posts})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--top", type=int, default=0,
                        help="also profile one more build and print its N costliest functions")
    parser.add_argument("--warm", action="store_true",
                        help="with --top: profile a later build instead of a first one")
    parser.add_argument("--timed-build", nargs=2, metavar=("CONFIG", "SITE"),
                        help=argparse.SUPPRESS)  # one timed build, in the process it runs in
    args = parser.parse_args()
    if args.timed_build:
        spent: dict[str, float] = {}
        timed_hooks(spent)
        total = build_once(Path(args.timed_build[0]), Path(args.timed_build[1]))
        print(json.dumps({"spent": spent, "total": total}))
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        roots = corpus.generate(Path(tmp) / "corpus", args.posts, args.seed)
        config_file = roots["plugin"] / "mkdocs.yml"
        site_dir = Path(tmp) / "site"
        for label in ("first build (cold)", "later build (warm)"):
            result = json.loads(subprocess.run(
                [sys.executable, __file__, "--timed-build", str(config_file), str(site_dir)],
                check=True, capture_output=True, text=True).stdout.splitlines()[-1])
            report(label, result["spent"], result["total"], args.posts)
        if args.top:
            if not args.warm:
                shutil.rmtree(roots["plugin"] / ".cache", ignore_errors=True)
                shutil.rmtree(site_dir, ignore_errors=True)
            profile = cProfile.Profile(time.process_time)
            build_once(config_file, site_dir, profile)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
