"""The last build's unchanged files, kept instead of written again.

Before every build MkDocs empties the site folder, then writes every page and copies every
static file again, though most of them come out the same as last time (every page, on a build
with no change; all but a few, on a `mkdocs serve` rebuild after an edit). Creating the files
is what costs: on this project's machines, creating a new file costs far more than moving an
existing one, and more so after many files were removed. A rebuild of the 1000-post benchmark
site wrote 1650 pages (80 MB) in 3 to 5 s of a 19 s rebuild, while moving the same files back
took 0.3 s.

On every build that empties the folder (`mkdocs build`, `mkdocs serve` rebuilds; not
`--dirty`, which empties nothing), when MkDocs asks to empty it, the last build's files are
first moved into a hidden folder inside it (MkDocs leaves names that start with '.' alone), so
the build still starts from an empty folder. While the site is built, MkDocs' `write_file` and
`copy_file` are wrapped: a file whose bytes equal the last build's file at the same path is
moved back instead of written. At the end of the build, or when it fails, the rest of the
last build (the files that changed or are gone) is removed, so the folder holds what a fresh
build writes. A file moved back keeps its time of writing, as `rsync` or a web server's cache
would want for unchanged bytes.

The wrapped functions are MkDocs' (or ProperDocs') own, used by its build for every page and
static file; with any other signature they are left alone, with one info line.
"""

from __future__ import annotations

import inspect
import logging
import os
import shutil
import stat
from collections.abc import Callable

from mkdocs import utils

log = logging.getLogger("mkdocs.plugins.jekyll")

HIDDEN = ".mkdocs-jekyll-last-build"
_SHAPES = {"write_file": ["content", "output_path"], "copy_file": ["source_path", "output_path"],
           "clean_directory": ["directory"]}


def _same_bytes(path: str, other: str) -> bool:
    with open(path, "rb") as a, open(other, "rb") as b:
        while True:
            chunk = a.read(1 << 20)
            if chunk != b.read(1 << 20):
                return False
            if not chunk:
                return True


class KeptOutput:
    """One per site; `start` before MkDocs empties the site folder, `finish` after the build."""

    def __init__(self) -> None:
        self.site_dir = ""
        self.last = ""  # the hidden folder holding the last build's files, while a build runs
        self.kept = 0
        self.written = 0
        self.originals: dict[str, Callable[..., None]] = {}
        self.checked: bool | None = None

    def _host_fits(self) -> bool:
        if self.checked is None:
            shapes = {name: list(inspect.signature(getattr(utils, name, None) or (lambda: None))
                                 .parameters) for name in _SHAPES}
            self.checked = shapes == _SHAPES
            if not self.checked:
                log.info("Unchanged files are written again on each build: this MkDocs' "
                         "write_file, copy_file and clean_directory are not the ones this was "
                         "tested with")
        return self.checked

    def start(self, site_dir: str) -> None:
        """Be ready for MkDocs to empty `site_dir`; nothing moves unless it does."""
        self.finish()
        if not self._host_fits():
            return
        self.site_dir = os.path.abspath(site_dir)
        self.originals = {name: getattr(utils, name) for name in _SHAPES}
        utils.clean_directory = self._clean_directory  # type: ignore[assignment]

    def _clean_directory(self, directory: str) -> None:
        if os.path.abspath(directory) == self.site_dir and not self.last:
            self._keep_last_build()
        self.originals["clean_directory"](directory)

    def _keep_last_build(self) -> None:
        if not os.path.isdir(self.site_dir):
            return
        last = os.path.join(self.site_dir, HIDDEN)
        shutil.rmtree(last, ignore_errors=True)  # left by a build that stopped half-way
        entries = [e for e in os.listdir(self.site_dir) if not e.startswith(".")]
        if not entries:
            return
        try:
            os.mkdir(last)
            for entry in entries:
                os.rename(os.path.join(self.site_dir, entry), os.path.join(last, entry))
        except OSError as error:  # what was not moved, MkDocs removes; it is all written anew
            log.debug("Could not keep the last build's files: %s", error)
        self.last = last
        self.kept = self.written = 0
        utils.write_file = self._write_file  # type: ignore[assignment]
        utils.copy_file = self._copy_file  # type: ignore[assignment]

    def finish(self) -> None:
        """Put MkDocs' functions back and remove what is left of the last build."""
        for name, function in self.originals.items():
            setattr(utils, name, function)
        self.originals = {}
        if self.last:
            shutil.rmtree(self.last, ignore_errors=True)
            log.debug("Kept %d unchanged files of the last build, wrote %d", self.kept,
                      self.written)
            self.last = ""

    def _last_file(self, output_path: str) -> tuple[str, int] | None:
        """The last build's file at this path: its place in the hidden folder, and its size."""
        relative = os.path.relpath(os.path.abspath(output_path), self.site_dir)
        if relative.startswith((os.pardir, HIDDEN)) or relative == os.curdir:
            return None
        old = os.path.join(self.last, relative)
        try:
            found = os.lstat(old)
        except OSError:
            return None
        return (old, found.st_size) if stat.S_ISREG(found.st_mode) else None

    def _move_back(self, old: str, output_path: str) -> None:
        os.makedirs(os.path.dirname(output_path), exist_ok=True)
        os.replace(old, output_path)
        self.kept += 1

    def _write_file(self, content: bytes, output_path: str) -> None:
        found = self._last_file(output_path)
        if found is not None and found[1] == len(content):
            old = found[0]
            with open(old, "rb") as f:
                same = f.read() == content
            if same:
                self._move_back(old, output_path)
                return
        self.written += 1
        self.originals["write_file"](content, output_path)

    def _copy_file(self, source_path: str, output_path: str) -> None:
        target = output_path
        if os.path.isdir(target):  # MkDocs' copy_file takes a folder too
            target = os.path.join(target, os.path.basename(source_path))
        found = self._last_file(target)
        if found is not None:
            old, size = found
            try:
                same = os.stat(source_path).st_size == size and _same_bytes(source_path, old)
            except OSError:
                same = False
            if same:
                self._move_back(old, target)
                return
        self.written += 1
        self.originals["copy_file"](source_path, output_path)
