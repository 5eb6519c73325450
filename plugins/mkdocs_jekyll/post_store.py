"""Posts as earlier builds read and rendered them, kept in the cache folder as Jekyll keeps
`.jekyll-cache`.

Reading a post (its YAML, Jekyll's rules for dates, URLs and excerpts) and rendering its Liquid
were two thirds of the mapping layer's time at N=1000, and most builds read the same posts as
the build before. `posts.pickle` keeps each post under the same digest as the translator's memo
(the file's bytes, the site settings, a draft's mtime); `liquid.pickle` keeps the Liquid
renderer's memo, whose entries name everything their render read and are checked against the
site as it is now. Each file is kept under a key of this package's code and the libraries it
reads with: other code finds nothing and reads every post again. A store that is missing,
damaged or unreadable is read as empty; one that cannot be written is skipped.

The file is a pickle: like the translated copies beside it, it is the project's own build
output, trusted as the project's files are.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
from contextlib import suppress
from datetime import datetime
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, NamedTuple

from .jekyll.post import JekyllPost

log = logging.getLogger("mkdocs.plugins.jekyll")

FORMAT = 1
LIBRARIES = ("PyYAML", "Markdown", "pymdown-extensions", "python-liquid", "Babel")


class Stored(NamedTuple):
    digest: str
    post: JekyllPost
    read_at: datetime  # the site's `now` when read: a future post is due once it has passed


@cache
def code_key() -> str:
    """This package's code that reads posts, the libraries it reads with, and Python."""
    here = Path(__file__).parent
    digest = hashlib.sha1(f"{FORMAT} {sys.version}".encode())
    for path in [*sorted((here / "jekyll").rglob("*.py")), here / "translator.py", Path(__file__)]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for name in LIBRARIES:
        with suppress(PackageNotFoundError):
            digest.update(f"{name} {version(name)}".encode())
    return digest.hexdigest()


def still_true(stored: Stored, now: datetime) -> bool:
    """Whether a post read at `stored.read_at` reads the same at `now` (the bytes being the
    same): only "is it in the future" depends on the time."""
    return (stored.post.date > stored.read_at) == (stored.post.date > now)


class Store:
    """One pickled dict in the cache folder, under `code_key()`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.loaded: dict[str, Any] | None = None
        self.saved: dict[str, Any] = {}

    def entries(self) -> dict[str, Any]:
        """What the last build kept (read from disk once per process)."""
        if self.loaded is None:
            self.loaded = self._load()
            self.saved = dict(self.loaded)
        return self.loaded

    def get(self, source: str) -> Any:
        return self.entries().get(source)

    def _load(self) -> dict[str, Any]:
        try:
            with open(self.path, "rb") as f:
                if pickle.load(f) != code_key():
                    return {}
                entries = pickle.load(f)
        except FileNotFoundError:
            return {}
        except Exception as error:  # a damaged store must not stop a build
            log.debug("Reading every post again: the store '%s' is unreadable (%s)",
                      self.path, error)
            return {}
        return entries if isinstance(entries, dict) else {}

    def save(self, entries: dict[str, Any]) -> None:
        """Keep exactly these entries (those of this build), if they changed."""
        if entries.keys() == self.saved.keys() and all(
                self.saved[key] is entry for key, entry in entries.items()):
            return
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")  # one per process
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as f:
                pickle.dump(code_key(), f, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(entries, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except OSError as error:
            log.debug("The store '%s' was not written: %s", self.path, error)
            return
        self.saved = dict(entries)
        self.loaded = dict(entries)
