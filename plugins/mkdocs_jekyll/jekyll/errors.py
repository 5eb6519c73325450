"""Problems found in a post, phrased for the contributor who edits the Markdown."""

from __future__ import annotations

import reprlib
from dataclasses import dataclass
from datetime import date, datetime

# Bounded repr: a value built from YAML aliases can hold 10^9 items and must still print short.
_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxlist, _REPR.maxdict, _REPR.maxtuple, _REPR.maxset = 3, 6, 6, 6, 6
_REPR.maxstring = _REPR.maxother = 200


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a post: where, which key, which value, and how to fix it."""

    path: str  # the original file, relative to docs_dir (never a cache copy)
    key: str | None
    message: str
    fix: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = f"'{self.path}'" + (f" (line {self.line})" if self.line else "")
        what = f"front matter '{self.key}' of {where}" if self.key else where
        text = f"Error reading {what}: {self.message}"
        return f"{text} ({self.fix})" if self.fix else text


class ContentError(Exception):
    """Bad content that would publish something wrong: the build must stop."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def shown(value: object, limit: int = 80) -> str:
    """A value as the contributor typed it, cut to a readable length and without control chars."""
    if isinstance(value, datetime):
        value = value.isoformat(sep=" ")
    elif isinstance(value, date):
        value = value.isoformat()
    text = _REPR.repr(value) if not isinstance(value, str) else f"'{value[: limit * 2]}'"
    text = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
