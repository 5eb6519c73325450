"""Read every post once per content, and keep its translated copy on disk in the cache folder.

Posts are re-read only when their bytes or the site settings change, so `mkdocs serve` rebuilds
touch only the post that was edited, and a build reads again only the posts the last build did
not read as they are (`post_store.py`); copies are rewritten only when their text changes, and
a copy this build would write as the last build wrote it (the same post as read, the same
rendered body, the file untouched since: `copies.pickle`) is not even made again.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from .jekyll.mapping import render_copy
from .jekyll.plainpage import nav_blog_uri, render_plain_copy
from .jekyll.post import JekyllPost, decode_post, read_post
from .jekyll.site import MATERIAL_SEPARATOR, SiteSettings
from .jekyll.sitefiles import draft_mtime
from .jekyll.text import plain_text
from .post_store import Store, Stored, still_true


@dataclass
class Translation:
    post: JekyllPost
    copy_path: Path  # the translated copy Material reads
    copy_uri: str  # where MkDocs believes the copy lives (inside Material's post_dir)


class Translator:
    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir
        # source -> (the post as read, copy or None until first asked for, how it is written)
        self._memo: dict[str, tuple[Stored, str | None, Callable[[JekyllPost], str]]] = {}
        self.store = Store(cache_dir / "posts.pickle")
        # source -> (rendered body, post, copy, the post the copy shows) for posts whose Liquid
        # changed the body
        self._rendered: dict[str, tuple[str, JekyllPost, str, JekyllPost]] = {}
        # copy path -> (what the copy was made from, the file's inode, size and mtime_ns) as
        # last written: a file replaced since has another inode, even within one mtime tick
        self.copies = Store(cache_dir / "copies.pickle")
        self._written: dict[str, tuple[str, int, int, int]] = {}
        # told of each copy made, with the post it was made from (the speed-ups give Material
        # its front matter as read, from the post: see `Speedups.copy_made`)
        self.on_copy: Callable[[str, JekyllPost], None] | None = None

    def translate(self, docs_dir: Path, source: str, post_dir: str, site: SiteSettings,
                  settings_key: str, nav_blog: str | None = None) -> Translation:
        translation = self.read(docs_dir, source, post_dir, site, settings_key, nav_blog)
        self.write(translation)
        return translation

    def read(self, docs_dir: Path, source: str, post_dir: str, site: SiteSettings,
             settings_key: str, nav_blog: str | None = None) -> Translation:
        """The post as Jekyll reads it; its copy is written by `write`, once Liquid is done.

        `nav_blog`: mkdocs-blog-plugin's folder, for a plain page under `folder/YYYY/MM/DD/`
        instead of a copy for Material's blog (settings_key must differ between the two)."""
        raw = (docs_dir / source).read_bytes()
        mtime = draft_mtime(docs_dir, source)  # a draft without a date is dated by its mtime
        digest = hashlib.sha1(raw + settings_key.encode() + repr(mtime).encode()).hexdigest()
        memo = self._memo.get(source)
        if memo is None or not _current(memo[0], digest, site.now):
            stored: Stored | None = self.store.get(source)
            if stored is None or not _current(stored, digest, site.now):
                stored = Stored(digest, read_post(source, decode_post(source, raw), site, mtime),
                                site.now)
            names = {k: a.name for k, a in site.authors.items()}
            renderer: Callable[[JekyllPost], str] = (
                render_copy if nav_blog is None else lambda p: render_plain_copy(p, names))
            memo = (stored, None, renderer)  # a post whose Liquid changes never needs its copy
            self._memo[source] = memo
        post = memo[0].post
        inside = post_dir in ("", ".") or source.startswith(post_dir + "/")
        copy_uri = source if inside else f"{post_dir}/{source}"
        if nav_blog is not None:
            copy_uri = nav_blog_uri(post, nav_blog)
        copy_path = self.cache_dir / "posts" / copy_uri
        return Translation(post, copy_path, copy_uri)

    def key_of(self, post: JekyllPost) -> str | None:
        """What `post` was read from: its file's bytes, the site settings, a draft's mtime, and
        whether it was in the future then (the only part of a read that the time decides).
        None for a post changed after reading (categories respelled to share one listing)."""
        stored = self._memo[post.source][0]
        if post is not stored.post:
            return None
        return f"{stored.digest} {post.date > stored.read_at}"

    def write(self, translation: Translation, body: str | None = None) -> None:
        """Write the copy Material reads; `body` replaces the post's body (rendered Liquid)."""
        post = translation.post
        made_from = self.key_of(post)
        if made_from is not None and body is not None and body != post.body:
            made_from += " " + hashlib.sha1(body.encode()).hexdigest()
        path = str(translation.copy_path)
        if made_from is not None and self._unchanged(path, made_from):
            return
        shown = post
        if body is None or body == post.body:
            copy = self._copy_of(post)
        else:
            memo = self._rendered.get(post.source)
            if memo is None or memo[0] != body or memo[1] is not post:
                described = post.description
                if "{{" in described or "{%" in described:  # taken from the Liquid in the body
                    described = plain_text(body.split(post_marker(), 1)[0])
                write_copy = self._memo[post.source][2]
                rendered = replace(post, body=body, description=described)
                memo = (body, post, write_copy(rendered), rendered)
                self._rendered[post.source] = memo
            copy, shown = memo[2], memo[3]
        _write_if_changed(translation.copy_path, copy)
        if self.on_copy is not None:
            self.on_copy(copy, shown)
        if made_from is not None:
            self._written[path] = (made_from, *_identity(os.stat(path)))

    def _unchanged(self, path: str, made_from: str) -> bool:
        """Whether the copy at `path` is the one the last build made from the same post and body,
        untouched since."""
        last = self.copies.get(path)
        if last is None or last[0] != made_from:
            return False
        try:
            stat = os.stat(path)
        except OSError:
            return False
        if _identity(stat) != last[1:]:
            return False
        self._written[path] = last
        return True

    def _copy_of(self, post: JekyllPost) -> str:
        """The memoised copy, or a fresh one for a post changed after reading (categories
        respelled to share one listing: rare, so not memoised)."""
        stored, copy, write_copy = self._memo[post.source]
        if post is not stored.post:
            return write_copy(post)
        if copy is None:
            copy = write_copy(post)
            self._memo[post.source] = (stored, copy, write_copy)
        return copy

    def keep(self, sources: list[str]) -> None:
        """Store these posts, as read, for the next build (the posts of this build)."""
        self.store.save({source: self._memo[source][0] for source in sources})

    def keep_copies(self) -> None:
        """Remember the copies this build wrote or found as they were, for the next build."""
        self.copies.save(self._written)
        self._written = {}


def _current(stored: Stored, digest: str, now: datetime) -> bool:
    """Whether a post read earlier is the post as it reads now: same bytes and settings, and
    still on the same side of its date."""
    return stored.digest == digest and still_true(stored, now)


def _identity(stat: os.stat_result) -> tuple[int, int, int]:
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


def post_marker() -> str:
    return MATERIAL_SEPARATOR


def _write_if_changed(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
