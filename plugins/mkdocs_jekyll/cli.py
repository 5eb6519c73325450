"""`mkdocs-jekyll`: tools for contributors, without building the site.

    mkdocs-jekyll check [DOCS_DIR]   validate every post; `file:line: message`, exit 1 on errors
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .jekyll.dates import DateParseError
from .jekyll.errors import ContentError
from .jekyll.post import decode_post, read_post
from .jekyll.site import settings_from_config
from .jekyll.sitefiles import find_posts, read_jekyll_config


def check(docs_dir: Path) -> int:
    config_path = docs_dir / "_config.yml"
    try:
        jekyll = read_jekyll_config(config_path, "_config.yml") if config_path.is_file() else {}
        site = settings_from_config(jekyll)
    except (ContentError, DateParseError) as error:
        print(f"{docs_dir / '_config.yml'}: {error}")
        return 1
    errors = warnings = 0
    urls: dict[str, str] = {}
    sources = list(find_posts(docs_dir))
    for source in sources:
        try:
            post = read_post(source, decode_post(source, (docs_dir / source).read_bytes()), site)
        except ContentError as error:
            print(f"{docs_dir / source}:{error.problem.line or 1}: error: {error}")
            errors += 1
            continue
        for problem in post.warnings:
            print(f"{docs_dir / source}:1: warning: {problem}")
            warnings += 1
        if not post.draft and post.url in urls:
            print(f"{docs_dir / source}:1: error: '{source}' and '{urls[post.url]}' would both "
                  f"be published at '{post.url}'")
            errors += 1
        urls.setdefault(post.url, source)
    print(f"{len(sources)} posts checked: {errors} errors, {warnings} warnings")
    return 1 if errors else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mkdocs-jekyll", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"mkdocs-jekyll {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    checker = commands.add_parser("check", help="validate posts without building")
    checker.add_argument("docs_dir", nargs="?", default="docs", type=Path)
    args = parser.parse_args(argv)
    return check(args.docs_dir)


if __name__ == "__main__":
    sys.exit(main())
