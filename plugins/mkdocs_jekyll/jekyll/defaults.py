"""Front matter `defaults` from `_config.yml`: a port of Jekyll's FrontmatterDefaults.

A set applies to a post when its `scope.type` is absent or `posts` (drafts are posts too) and its
`scope.path` is empty, a prefix of the post's path, or a glob that matches the post's path or one
of its folders. Sets are merged in order; a set whose scope is at least as specific (a longer
path, or an equal path with a `type`) wins over the ones before it. Front matter wins over all.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

POST_TYPE = "posts"
# Jekyll's Deprecator renames the singular types.
TYPE_ALIASES = {"post": "posts", "page": "pages", "draft": "drafts"}


class DefaultsError(ValueError):
    """A `defaults` entry that Jekyll would skip with a warning."""


@dataclass(frozen=True)
class DefaultSet:
    path: str  # sanitised scope path ("" matches every file)
    type: str | None
    values: dict[str, Any] = field(default_factory=dict)


def read_defaults(value: Any) -> tuple[list[DefaultSet], list[str]]:
    """The valid sets of `defaults:`, and one message per set Jekyll would skip."""
    if value is None:
        return [], []
    if not isinstance(value, list):
        return [], [f"'defaults' is not a list of {{scope, values}} sets: {value!r}"]
    sets, problems = [], []
    for index, entry in enumerate(value, 1):
        try:
            sets.append(_read_set(entry))
        except DefaultsError as error:
            problems.append(f"'defaults' set {index} is skipped: {error}")
    return sets, problems


def _read_set(entry: Any) -> DefaultSet:
    if not isinstance(entry, dict) or not isinstance(entry.get("values"), dict):
        raise DefaultsError(f"{entry!r} has no 'values' mapping (write 'values: {{key: value}}')")
    scope = entry.get("scope") or {}
    if not isinstance(scope, dict):
        raise DefaultsError(f"scope {scope!r} is not a mapping (write 'scope: {{path: ...}}')")
    kind = scope.get("type")
    kind = None if kind is None else TYPE_ALIASES.get(str(kind), str(kind))
    path = scope.get("path")
    return DefaultSet(sanitize_path(path if isinstance(path, str) else ""), kind,
                      dict(entry["values"]))


def sanitize_path(path: str) -> str:
    """FrontmatterDefaults#sanitize_path: drop a leading `/` (and, then, a trailing one)."""
    if not path:
        return ""
    if path.startswith("/"):
        return path[1:].rstrip("/") if path != "/" else ""
    return path


def applies(scope: DefaultSet, path: str, kind: str = POST_TYPE) -> bool:
    return applies_type(scope, kind) and applies_path(scope, path)


def applies_type(scope: DefaultSet, kind: str) -> bool:
    return scope.type is None or scope.type == kind


def applies_path(scope: DefaultSet, path: str) -> bool:
    if not scope.path:
        return True
    if "*" in scope.path:
        return any(_glob(scope.path).fullmatch(part) for part in _path_and_folders(path))
    return path.startswith(scope.path)


def has_precedence(old: DefaultSet | None, new: DefaultSet) -> bool:
    if old is None:
        return True
    if len(new.path) != len(old.path):
        return len(new.path) >= len(old.path)
    if new.type is not None:
        return True
    return old.type is None


def merged_defaults(sets: Sequence[DefaultSet], path: str, kind: str = POST_TYPE) -> dict[str, Any]:
    """FrontmatterDefaults#all: the defaults for the file at `path` (relative to the site)."""
    merged: dict[str, Any] = {}
    old: DefaultSet | None = None
    for scope in sets:
        if not applies(scope, path, kind):
            continue
        if has_precedence(old, scope):
            merged = deep_merge(merged, scope.values)
            old = scope
        else:
            merged = deep_merge(scope.values, merged)
    return merged


def with_defaults(front: Mapping[str, Any], defaults: Mapping[str, Any]) -> dict[str, Any]:
    """Front matter over defaults (Document#merge_defaults then merge_data!), except that
    `categories` from both are joined, defaults first (Document#merge_categories!)."""
    merged = deep_merge(defaults, front)
    joined = _categories(defaults.get("categories"))
    if joined is not None and front.get("categories") is not None:
        own = _categories(front["categories"])
        merged["categories"] = list(dict.fromkeys([*joined, *(own or [])]))
    return merged


def _categories(value: Any) -> list[Any] | None:
    """A `categories` value as merge_categories! sees it: a string splits on whitespace."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.split()
    return list(value) if isinstance(value, list) else None


def deep_merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """Utils.deep_merge_hashes: mappings merge key by key, anything else in `over` wins."""
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _path_and_folders(path: str) -> list[str]:
    """What Dir.glob can return that is a prefix of `path`: its folders and the file itself."""
    parts = path.split("/")
    return ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]


@lru_cache(maxsize=256)
def _glob(pattern: str) -> re.Pattern[str]:
    """Ruby's Dir.glob pattern as a regex: `*` and `?` stay in one folder, `**/` spans folders,
    `{a,b}` is a choice, `[...]` a character class; names starting with `.` are not matched."""
    out, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if pattern.startswith("**/", i):
            out.append(r"(?:[^/.][^/]*/)*")
            i += 3
            continue
        if ch == "*":
            out.append(r"(?:[^/.][^/]*)?" if _starts_name(pattern, i) else r"[^/]*")
        elif ch == "?":
            out.append(r"[^/]")
        elif ch == "{":
            end = pattern.find("}", i)
            if end > i:
                choices = pattern[i + 1:end].split(",")
                out.append("(?:" + "|".join(re.escape(c) for c in choices) + ")")
                i = end + 1
                continue
            out.append(re.escape(ch))
        elif ch == "[":
            end = pattern.find("]", i + 1)
            if end > i:
                body = pattern[i + 1:end].replace("\\", "\\\\")
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
                i = end + 1
                continue
            out.append(re.escape(ch))
        else:
            out.append(re.escape(ch))
        i += 1
    return re.compile("".join(out))


def _starts_name(pattern: str, index: int) -> bool:
    return index == 0 or pattern[index - 1] == "/"
