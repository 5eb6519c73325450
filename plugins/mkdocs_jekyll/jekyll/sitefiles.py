"""The Jekyll site around the posts: `_config.yml`, `_data/authors.yml`, and the folders
Jekyll keeps for itself (which never reach the built site)."""

from __future__ import annotations

import fnmatch
import hashlib
import os
import re
from collections.abc import Callable, Iterator
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


# Jekyll 4.3's Configuration::DEFAULT_EXCLUDES (added to every site's `exclude`) and `include`.
DEFAULT_EXCLUDES = (".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock",
                    "node_modules", "vendor/bundle/", "vendor/cache/", "vendor/gems/",
                    "vendor/ruby/")
DEFAULT_INCLUDE = (".htaccess",)
_SPECIAL = re.compile(r"\A[._#~]")


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _fnmatch(pattern: str) -> Callable[[str], object]:
    """Ruby's File.fnmatch without flags, as a test of a path: `*` and `?` also match `/`;
    `[^...]` negates (what `fnmatch.fnmatchcase` does, compiled once)."""
    return re.compile(fnmatch.translate(pattern.replace("[^", "[!"))).match


class EntryFilter:
    """Which files and folders Jekyll reads: a port of Jekyll 4.3's EntryFilter
    (lib/jekyll/entry_filter.rb), with the site's `exclude` and `include`. Paths are relative
    to the Jekyll source (the folder of `_config.yml`), as Jekyll has them."""

    def __init__(self, source: Path, jekyll: dict[str, Any] | None = None) -> None:
        config = jekyll or {}
        self.source = str(source).rstrip("/")
        self.include = _strings(config.get("include", list(DEFAULT_INCLUDE)))
        exclude = [*_strings(config.get("exclude", [])), *DEFAULT_EXCLUDES]
        self.exclude = [p for p in dict.fromkeys(exclude) if p not in self.include]
        self._include = self._patterns(self.include)
        self._exclude = self._patterns(self.exclude)

    def _with_source(self, path: str) -> str:  # File.join(source, path)
        return self.source + "/" + path.lstrip("/")

    def _patterns(self, patterns: list[str]) -> list[tuple[str, Callable[[str], object]]]:
        return [(self._with_source(p), _fnmatch(self._with_source(p))) for p in patterns]

    def _glob_include(self, patterns: list[tuple[str, Callable[[str], object]]],
                      entry: str) -> bool:
        entry_with_source = self._with_source(entry)
        for with_source, matches in patterns:
            if (matches(entry_with_source) or entry_with_source.startswith(with_source)
                    or (with_source == entry_with_source + "/"  # a folder named with its slash
                        and os.path.isdir(entry_with_source))):
                return True
        return False

    def rejects(self, entry: str, base: str) -> bool:
        """True when Jekyll skips `entry`, a path relative to the folder `base` (itself
        relative to the source, "" for the source)."""
        if entry.endswith("."):
            return True
        name = entry.rsplit("/", 1)[-1]
        included = self._glob_include(self._include, entry) or self._glob_include(self._include, name)
        if not included and self._glob_include(self._exclude, f"{base}/{entry}"):
            return True
        if included:
            return False
        return bool(_SPECIAL.match(entry) or _SPECIAL.match(name)) or entry.endswith("~")


def _inside(root: Path) -> Iterator[str]:
    """Ruby's Dir["**/*"] in `root`: every path below it, hidden ones left out, sorted."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel = Path(folder).relative_to(root).as_posix()
        prefix = "" if rel == "." else rel + "/"
        for name in sorted(files):
            if not name.startswith("."):
                yield prefix + name


def _source_and_prefix(docs_dir: Path, site_root: Path | None) -> tuple[Path, str]:
    """Jekyll's source folder (`site_root`, else docs_dir) and where docs_dir lies in it, as
    a prefix for paths relative to docs_dir ("" or "folder/")."""
    root = site_root or docs_dir
    try:
        prefix = docs_dir.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        root, prefix = docs_dir, "."
    return root, "" if prefix == "." else prefix + "/"


class SkippedFiles:
    """Which files of docs_dir Jekyll would not publish: Reader#read_directories filters each
    folder's entries with EntryFilter on its way down, so a file is skipped when its name or
    the name of any folder above it is (`exclude`d unless `include`d, names starting with `.`,
    `_`, `#` or `~`, or ending with `~`). Posts are read from `_posts` and `_drafts` apart
    (`find_posts`); any other file there is skipped too."""

    def __init__(self, docs_dir: Path, jekyll: dict[str, Any] | None = None,
                 site_root: Path | None = None) -> None:
        root, self.prefix = _source_and_prefix(docs_dir, site_root)
        self.entries = EntryFilter(root, jekyll)
        self._folders: dict[str, bool] = {"": False}  # folder -> skipped, worked out once

    def __call__(self, src_uri: str) -> bool:
        folder, _, name = src_uri.rpartition("/")
        return self._skipped(folder) or self.entries.rejects(name, self._base(folder))

    def _skipped(self, folder: str) -> bool:
        found = self._folders.get(folder)
        if found is None:
            parent, _, name = folder.rpartition("/")
            found = self._skipped(parent) or self.entries.rejects(name, self._base(parent))
            self._folders[folder] = found
        return found

    def _base(self, folder: str) -> str:
        return (self.prefix + folder).rstrip("/")


def find_posts(docs_dir: Path, extra_dirs: tuple[str, ...] = (),
               jekyll: dict[str, Any] | None = None, site_root: Path | None = None) -> Iterator[str]:
    """Every post under docs_dir, as paths relative to it: the files Jekyll reads from the
    `_posts` and `_drafts` folders of every folder it reads (not those Jekyll skips: `exclude`d
    ones unless `include`d, and names starting with `.`, `_`, `#` or `~`, or ending with `~`),
    and every file in `extra_dirs` (Material's `post_dir`). `jekyll` is `_config.yml`, at
    `site_root` (docs_dir by default)."""
    root, prefix = _source_and_prefix(docs_dir, site_root)
    entries = EntryFilter(root, jekyll)
    seen: set[str] = set()

    def walk(folder: str) -> Iterator[str]:  # Reader#read_directories
        for magic in ("_posts", "_drafts"):  # PostReader: Reader#get_entries
            base = folder + magic
            if not (docs_dir / base).is_dir():
                continue
            for entry in _inside(docs_dir / base):
                if entry.endswith(POST_EXTENSIONS) and not entries.rejects(entry, prefix + base):
                    yield base + "/" + entry
        here = (prefix + folder).rstrip("/")
        for name in sorted(os.listdir(docs_dir / folder if folder else docs_dir)):
            if (docs_dir / folder / name).is_dir() and not entries.rejects(name, here):
                yield from walk(folder + name + "/")

    for source in walk(""):
        seen.add(source)
        yield source
    for extra in (d.strip("/") for d in extra_dirs if d.strip("/") not in ("", ".")):
        if (docs_dir / extra).is_dir():
            for entry in _inside(docs_dir / extra):
                source = f"{extra}/{entry}"
                jekylls = {"_posts", "_drafts"} & set(source.split("/")[:-1])  # decided above
                if entry.endswith(POST_EXTENSIONS) and source not in seen and not jekylls:
                    seen.add(source)
                    yield source


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
