"""Profile one build of this plugin on the generated corpus and print the share of the mapping
layer (reading and translating posts, the translation memo, Liquid when present) in the build.

    python benchmarks/profile_mapping.py --posts 1000 [--warm] [--top 25]

By default the build is a first one (cold): nothing in the cache folder. `--warm` builds once
first, unprofiled, so the profiled build finds the posts as that build read and rendered them
(`posts.pickle`, `liquid.pickle`), as every build after the first does.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import corpus

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# Entry points of the mapping layer; their cumulative times do not nest in one another.
MAPPING = (
    ("plugin.py", "on_config"),  # reads _config.yml and authors, translates every post
    ("plugin.py", "_on_files_early"),
    ("plugin.py", "_on_files_late"),
    ("plugin.py", "on_page_markdown"),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--top", type=int, default=0, help="also print the N costliest functions")
    parser.add_argument("--warm", action="store_true",
                        help="build once first, so the profiled build finds the cache folder filled")
    args = parser.parse_args()

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.config.defaults import MkDocsConfig

    with tempfile.TemporaryDirectory() as tmp:
        roots = corpus.generate(Path(tmp) / "corpus", args.posts, args.seed)
        if args.warm:
            config = load_config(str(roots["plugin"] / "mkdocs.yml"),
                                 site_dir=str(Path(tmp) / "site"))
            config.plugins.on_startup(command="build", dirty=False)
            build(config)
            config.plugins.on_shutdown()
            dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()  # a new process's plugin
        config = load_config(str(roots["plugin"] / "mkdocs.yml"), site_dir=str(Path(tmp) / "site"))
        config.plugins.on_startup(command="build", dirty=False)
        profile = cProfile.Profile(time.process_time)  # CPU time: other processes do not count
        profile.enable()
        build(config)
        profile.disable()
        config.plugins.on_shutdown()

    stats = pstats.Stats(profile)
    table = stats.stats  # type: ignore[attr-defined]
    total = max(ct for (_, _, _, ct, _) in table.values())
    parts = {}
    for (path, _, name), (_, _, _, ct, _) in table.items():
        for module, function in MAPPING:
            if path.endswith(f"mkdocs_jekyll/{module}") and name == function:
                parts[f"{module}:{function}"] = parts.get(f"{module}:{function}", 0.0) + ct
    mapping = sum(parts.values())
    for key, seconds in sorted(parts.items(), key=lambda kv: -kv[1]):
        print(f"{key:40} {seconds:8.2f} s  {100 * seconds / total:5.2f} %")
    print(f"{'mapping layer':40} {mapping:8.2f} s  {100 * mapping / total:5.2f} % of {total:.2f} s "
          f"(N={args.posts}, {'warm' if args.warm else 'cold'}, CPU time under cProfile)")
    if args.top:
        stats.sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
