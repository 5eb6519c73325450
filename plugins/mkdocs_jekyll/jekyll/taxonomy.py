"""Categories and tags by Jekyll's rules (Document#populate_categories, #populate_tags).

* the plural key takes a list or a space-separated string (`categories: business markets`);
* the singular key takes one value, spaces included (`category: Big News`);
* folders above `_posts` come first; duplicate categories are removed case-sensitively, as Jekyll
  does. Jekyll keeps duplicate tags; we remove them too, so Material shows each tag once
  (listed in tests/conformance/explained_differences.yml).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from .text import clean_text


class TaxonomyError(ValueError):
    def __init__(self, key: str, value: object, message: str) -> None:
        super().__init__(message)
        self.key, self.value = key, value


@dataclass(frozen=True)
class _Keys:
    singular: str
    plural: str


CATEGORY = _Keys("category", "categories")
TAG = _Keys("tag", "tags")


def categories(front: dict[str, Any], path_categories: Iterable[str] = ()) -> list[str]:
    plural = _plural(front, CATEGORY.plural)
    extra = _singular(front, CATEGORY.singular) if front.get(CATEGORY.singular) is not None else plural
    return _unique([*path_categories, *plural, *extra])


def tags(front: dict[str, Any]) -> list[str]:
    if front.get(TAG.singular) is not None:
        return _unique(_singular(front, TAG.singular))
    return _unique(_plural(front, TAG.plural))


def _plural(front: dict[str, Any], key: str) -> list[str]:
    value = front.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list):
        return [_scalar(key, item) for item in value if item is not None]
    return [_scalar(key, value)]


def _singular(front: dict[str, Any], key: str) -> list[str]:
    value = front.get(key)
    if value is None:
        return []
    if isinstance(value, list):
        return [_scalar(key, item) for item in value if item is not None]
    return [_scalar(key, value)]


def _scalar(key: str, value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float, date)):
        kind = "a list" if isinstance(value, list) else f"a {type(value).__name__}"
        if isinstance(value, dict):
            kind = "a mapping"
        raise TaxonomyError(key, value, f"{kind}, not a name")
    text = clean_text(str(value)).strip()
    if not text:
        raise TaxonomyError(key, value, "empty, not a name")
    return text


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


def shared_spellings(names_per_post: Iterable[Iterable[str]],
                     key: Callable[[str], str]) -> dict[str, str]:
    """Spellings that would share one listing page (`Business`, `business`), each mapped to the
    spelling most posts use (a tie goes to the spelling seen first). Jekyll keeps such spellings
    apart, but a listing is found by its slug, so one listing would silently replace the other.
    Only the spellings that change are returned."""
    counts: Counter[str] = Counter()
    for names in names_per_post:
        counts.update(dict.fromkeys(names, 1))
    by_key: dict[str, list[str]] = {}
    for name in counts:  # insertion order: the order the names were first seen
        by_key.setdefault(key(name), []).append(name)
    changes: dict[str, str] = {}
    for spellings in by_key.values():
        if len(spellings) > 1:
            chosen = max(spellings, key=lambda name: counts[name])  # max keeps the first of ties
            changes.update({name: chosen for name in spellings if name != chosen})
    return changes


def respelled(names: list[str], spellings: dict[str, str]) -> list[str]:
    return _unique(spellings.get(name, name) for name in names)
