"""The last build's unchanged files, kept instead of written again.

Before every build MkDocs empties the site folder, then writes every page and copies every
static file again, though most of them come out the same as last time (every page, on a build
with no change; all but a few, on a `mkdocs serve` rebuild after an edit). Creating the files
is what costs: on this project's machines, creating a new file costs far more than moving an
existing one, and more so after many files were removed. A rebuild of the 1000-post benchmark
site wrote 1650 pages (80 MB) in 3 to 5 s of a 19 s rebuild, while moving the same files back
took 0.3 s.

On every build that empties the folder (`mkdocs build`, `mkdocs serve` rebuilds; not `--dirty`,
which empties nothing), when MkDocs asks to empty it, the last build's files are first moved
into a hidden folder inside it (MkDocs leaves names that start with '.' alone), so the build
still starts from an empty folder. While the site is built, MkDocs' `write_file` and
`copy_file` are wrapped: a file whose bytes equal the last build's file at the same path is
moved back instead of written. Folders are moved back too, as they are first needed (making a
folder costs like making a file): what the last build had in a folder moved back is first set
aside again, in the hidden folder, until its own file is written. At the end of the build, or
when it fails, the rest of the last build (the files that changed or are gone) is removed, so
the folder holds what a fresh build writes. A file moved back keeps its time of writing, as
`rsync` or a web server's cache would want for unchanged bytes.

The wrapped functions are MkDocs' (or ProperDocs') own, used by its build for every page and
static file; with any other signature they are left alone, with one info line.
"""

from __future__ import annotations

import inspect
import logging
import os
import shutil
import stat
import threading
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
        self._lock = threading.Lock()  # a plugin may write from threads of its own
        self._reset()

    def _reset(self) -> None:
        # folders of the new build that are ready (made, or the last build's moved back)
        self._ready: set[str] = set()
        # folders moved back whose last-build entries were set aside in `_loose`, by their path
        self._reclaimed: set[str] = set()
        self._set_aside: dict[str, str] = {}
        self._loose = ""
        self._count = 0

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
            os.mkdir(os.path.join(last, ".loose"))  # no entry of the site starts with "."
            for entry in entries:
                os.rename(os.path.join(self.site_dir, entry), os.path.join(last, entry))
        except OSError as error:  # what was not moved, MkDocs removes; it is all written anew
            log.debug("Could not keep the last build's files: %s", error)
        self.last = last
        self._reset()
        self._loose = os.path.join(last, ".loose")
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
        self._reset()

    def _relative(self, output_path: str) -> str | None:
        relative = os.path.relpath(os.path.abspath(output_path), self.site_dir)
        if relative.startswith((os.pardir, ".")):  # outside, or left alone as MkDocs leaves it
            return None
        return relative

    def _old(self, relative: str) -> str | None:
        """Where the last build's entry at this path (file or folder) is now, if anywhere."""
        if relative in self._set_aside:
            return self._set_aside[relative]
        parent, name = os.path.split(relative)
        if parent in self._reclaimed:  # its entries were all set aside, and this is not one
            return None
        base = self._old(parent) if parent else self.last
        return None if base is None else os.path.join(base, name)

    def _ready_folder(self, relative: str) -> None:
        """Make the site's folder at this path: the last build's, moved back, if it had one."""
        if not relative or relative in self._ready:
            return
        target = os.path.join(self.site_dir, relative)
        if not os.path.isdir(target):
            self._ready_folder(os.path.dirname(relative))
            old = self._old(relative)
            if old is not None and os.path.isdir(old) and not os.path.islink(old):
                self._move_folder_back(old, target, relative)
            else:
                os.makedirs(target, exist_ok=True)
        self._ready.add(relative)

    def _move_folder_back(self, old: str, target: str, relative: str) -> None:
        os.rename(old, target)
        self._set_aside.pop(relative, None)
        self._reclaimed.add(relative)
        for entry in list(os.scandir(target)):  # the last build's: aside until written again
            self._count += 1
            aside = os.path.join(self._loose, f"{self._count}-{entry.name}")
            try:
                os.rename(entry.path, aside)
            except OSError:  # never left in the new site: gone, as MkDocs would have it
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)
                else:
                    os.unlink(entry.path)
                continue
            self._set_aside[os.path.join(relative, entry.name)] = aside

    def _last_file(self, relative: str) -> tuple[str, int] | None:
        """The last build's file at this path: where it is now, and its size."""
        old = self._old(relative)
        if old is None:
            return None
        try:
            found = os.lstat(old)
        except OSError:
            return None
        return (old, found.st_size) if stat.S_ISREG(found.st_mode) else None

    def _prepare(self, output_path: str) -> tuple[str, int] | None:
        """Ready the file's folder; the last build's file at its path, if any."""
        relative = self._relative(output_path)
        if relative is None:
            return None
        try:
            self._ready_folder(os.path.dirname(relative))
        except OSError as error:  # MkDocs' own function makes the folder
            log.debug("Could not move back a folder of the last build: %s", error)
            return None
        return self._last_file(relative)

    def _move_back(self, old: str, output_path: str) -> None:
        os.makedirs(os.path.dirname(output_path), exist_ok=True)
        os.replace(old, output_path)
        self.kept += 1

    def _write_file(self, content: bytes, output_path: str) -> None:
        with self._lock:
            found = self._prepare(output_path)
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
        with self._lock:
            found = self._prepare(target)
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
