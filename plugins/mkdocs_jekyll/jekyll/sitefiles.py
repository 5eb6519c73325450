"""The Jekyll site around the posts: `_config.yml`, `_data/authors.yml`, and the folders
Jekyll keeps for itself (which never reach the built site)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .errors import ContentError, Problem
from .frontmatter import load_yaml

JEKYLL_INTERNAL = frozenset({
    "_config.yml", "_config.yaml", "_data", "_includes", "_layouts", "_sass", "_site", "_drafts",
    "_plugins", ".jekyll-cache", ".jekyll-metadata", ".sass-cache", "vendor", "node_modules",
    "Gemfile", "Gemfile.lock",
})
POST_EXTENSIONS = (".md", ".markdown", ".mkd", ".mkdn", ".mdown")


def is_jekyll_internal(src_uri: str) -> bool:
    """True for files Jekyll never copies to the site (posts are handed over separately)."""
    parts = src_uri.split("/")
    return any(part in JEKYLL_INTERNAL for part in parts[:-1]) or parts[0] in JEKYLL_INTERNAL


def read_yaml_file(path: Path, label: str) -> Any:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ContentError(Problem(label, None, "is not UTF-8 text", "save it as UTF-8")) from None
    return load_yaml(label, text)


def read_jekyll_config(path: Path, label: str) -> dict[str, Any]:
    data = read_yaml_file(path, label)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ContentError(Problem(label, None, "is not a mapping of settings", "write 'key: value'"))
    return data


def draft_mtime(docs_dir: Path, source: str) -> datetime | None:
    """The modification time that dates a draft (Document#date); None for other posts."""
    if "_drafts" not in source.split("/")[:-1]:
        return None
    return datetime.fromtimestamp((docs_dir / source).stat().st_mtime, timezone.utc)


def find_posts(docs_dir: Path, extra_dirs: tuple[str, ...] = ()) -> Iterator[str]:
    """Every post under docs_dir: files in any `_posts` or `_drafts` folder, and in `extra_dirs` (Material's
    `post_dir`), as paths relative to docs_dir. Dot folders and `_site` are skipped."""
    extra = tuple(d.strip("/") + "/" for d in extra_dirs if d.strip("/") not in ("", "."))
    for root, dirs, files in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("_site", "vendor",
                                                                                "node_modules"))
        rel_root = Path(root).relative_to(docs_dir).as_posix()
        rel_root = "" if rel_root == "." else rel_root + "/"
        folders = rel_root.split("/")
        in_posts = "_posts" in folders or "_drafts" in folders or any(rel_root.startswith(d) for d in extra)
        if not in_posts:
            continue
        for name in sorted(files):
            if name.endswith(POST_EXTENSIONS) and not name.startswith("."):
                yield rel_root + name


def site_files_stamp(root: Path, folders: tuple[str, ...] = ("_data", "_includes")) -> str:
    """A digest of the names, sizes and times of every file in `_data` and `_includes`, so
    translations that may depend on them are redone after an edit there (on `mkdocs serve`)."""
    parts: list[str] = []
    for folder in folders:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                stat = path.stat()
                parts.append(f"{path.relative_to(root).as_posix()}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()
