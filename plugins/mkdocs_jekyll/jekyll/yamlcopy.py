"""Block-style YAML for a translated copy's front matter, written directly.

The text is exactly what `yaml.dump(data, Dumper=CSafeDumper or SafeDumper, sort_keys=False,
allow_unicode=True, width=1 << 16)` writes (tests/test_yamlcopy.py proves it on generated data),
without PyYAML's representer, which cost more than reading the post. Plain words are written as
they are; any other scalar is written by PyYAML alone, and anything unusual (a shared object that
PyYAML would anchor, a scalar over several lines, a tuple, a key that is not plain) makes the
whole document go through PyYAML.

`loaded` gives what reading the text back gives (`yaml.load` with the safe loaders) without
reading it, for documents of text, integers, booleans, nulls, dates and times in lists and
mappings with text keys; tests/test_yamlcopy.py proves it on generated data as well.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Any

import yaml

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when PyYAML has it: 10x faster
_OPTIONS: dict[str, Any] = {"Dumper": DUMPER, "sort_keys": False, "allow_unicode": True,
                            "width": 1 << 16}

# Text PyYAML writes plain: starts with a letter, `_` or `/`, no `:`, `#`, quotes at the start, breaks or
# trailing space, and not a word YAML would read as true/false/null.
_PLAIN = re.compile(r"[A-Za-z_/](?:[A-Za-z0-9 ,;()/!?.'_+=-]*[A-Za-z0-9,;()/!?.'_+=-])?")
_NOT_TEXT = frozenset(
    f"{word}{rest}" for word, rest in (
        ("y", "es"), ("Y", "es"), ("Y", "ES"), ("n", "o"), ("N", "o"), ("N", "O"), ("t", "rue"),
        ("T", "rue"), ("T", "RUE"), ("f", "alse"), ("F", "alse"), ("F", "ALSE"), ("o", "n"),
        ("O", "n"), ("O", "N"), ("o", "ff"), ("O", "ff"), ("O", "FF"), ("n", "ull"), ("N", "ull"),
        ("N", "ULL"),
    ))


class _UsePyYAML(Exception):
    """The document has something only PyYAML should write."""


def dump(data: dict[str, Any]) -> str:
    """`data` as `yaml.dump` with the options above writes it."""
    try:
        if not data or type(data) is not dict:
            raise _UsePyYAML
        lines: list[str] = []
        _mapping(data, "", lines, set())
        return "".join(lines)
    except _UsePyYAML:
        return str(yaml.dump(data, **_OPTIONS))


def _mapping(data: dict[str, Any], indent: str, lines: list[str], seen: set[int],
             first: str | None = None) -> None:
    _once(data, seen)
    for n, (key, value) in enumerate(data.items()):
        if type(key) is not str or not _PLAIN.fullmatch(key) or key in _NOT_TEXT:
            raise _UsePyYAML
        lead = first if (n == 0 and first is not None) else indent
        _value(f"{lead}{key}:", value, indent, lines, seen, nested=indent + "  ")


def _value(head: str, value: Any, indent: str, lines: list[str], seen: set[int],
           nested: str) -> None:
    kind = type(value)
    if kind is dict:
        if not value:
            lines.append(f"{head} {{}}\n")
            _once(value, seen)
        else:
            lines.append(f"{head}\n")
            _mapping(value, nested, lines, seen)
    elif kind is list:
        _once(value, seen)
        if not value:
            lines.append(f"{head} []\n")
            return
        lines.append(f"{head}\n")
        for item in value:  # PyYAML does not indent a sequence inside a mapping
            if type(item) is dict and item:
                _mapping(item, indent + "  ", lines, seen, first=f"{indent}- ")
            elif type(item) is list and item:
                raise _UsePyYAML  # a list in a list
            else:
                _value(f"{indent}-", item, indent, lines, seen, nested=indent + "  ")
    else:
        lines.append(f"{head} {_scalar(value, seen)}\n")


def _once(value: Any, seen: set[int]) -> None:
    """PyYAML anchors an object met twice (`&id001`): leave such documents to it."""
    if id(value) in seen:
        raise _UsePyYAML
    seen.add(id(value))


def _scalar(value: Any, seen: set[int]) -> str:
    kind = type(value)
    if kind is str:
        if _PLAIN.fullmatch(value) and value not in _NOT_TEXT:
            return str(value)
        if not value:  # most posts have an empty field or two
            return "''"
    elif kind is bool:
        return "true" if value else "false"
    elif kind is int:
        return str(value)
    elif value is None:
        return "null"
    elif kind is datetime or kind is date:  # SafeRepresenter.represent_date(time)
        _once(value, seen)
        return str(value.isoformat(" ") if kind is datetime else value.isoformat())
    elif kind is not float:
        raise _UsePyYAML
    text = str(yaml.dump({"k": value}, **_OPTIONS))
    if not text.startswith("k: ") or text.count("\n") != 1:
        raise _UsePyYAML  # several lines, or a document end marker
    return text[3:-1]


def loaded(data: dict[str, Any]) -> dict[str, Any] | None:
    """What `yaml.load(dump(data), SafeLoader)` gives, or None where only reading the text back
    would tell: a float, a tuple, a key that is not text, an object met twice (PyYAML anchors
    it, and reading gives one object in both places), a time offset with seconds."""
    try:
        if not data or type(data) is not dict:
            raise _UsePyYAML
        return _loaded(data, set())  # type: ignore[no-any-return]
    except _UsePyYAML:
        return None


def _loaded(value: Any, seen: set[int]) -> Any:
    kind = type(value)
    if kind is str or kind is bool or kind is int or value is None:
        return value  # PyYAML quotes or escapes any text that would read otherwise
    if kind is dict:
        _once(value, seen)
        found = {}
        for key, item in value.items():
            if type(key) is not str:
                raise _UsePyYAML
            found[key] = _loaded(item, seen)
        return found
    if kind is list:
        _once(value, seen)
        return [_loaded(item, seen) for item in value]
    if kind is date:
        _once(value, seen)
        return value
    if kind is datetime:  # written with its UTC offset, read back with a fixed one
        _once(value, seen)
        offset = value.utcoffset()
        if offset is None:
            return value.replace(fold=0)
        if offset % timedelta(minutes=1):
            raise _UsePyYAML  # "+00:53:28" is no YAML timestamp: it reads as text
        return value.replace(tzinfo=timezone(offset), fold=0)
    raise _UsePyYAML
