"""Read every post once per content, and keep its translated copy on disk in the cache folder.

Posts are re-read only when their bytes or the site settings change, so `mkdocs serve` rebuilds
touch only the post that was edited; copies are rewritten only when their text changes.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from .jekyll.mapping import render_copy
from .jekyll.plainpage import nav_blog_uri, render_plain_copy
from .jekyll.post import JekyllPost, decode_post, read_post
from .jekyll.site import SiteSettings
from .jekyll.sitefiles import draft_mtime


@dataclass
class Translation:
    post: JekyllPost
    copy_path: Path  # the translated copy Material reads
    copy_uri: str  # where MkDocs believes the copy lives (inside Material's post_dir)


class Translator:
    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir
        self._memo: dict[str, tuple[str, JekyllPost, str]] = {}  # source -> (digest, post, copy)

    def translate(self, docs_dir: Path, source: str, post_dir: str, site: SiteSettings,
                  settings_key: str, nav_blog: str | None = None) -> Translation:
        """`nav_blog`: mkdocs-blog-plugin's folder, for a plain page under `folder/YYYY/MM/DD/`
        instead of a copy for Material's blog (settings_key must differ between the two)."""
        raw = (docs_dir / source).read_bytes()
        mtime = draft_mtime(docs_dir, source)  # a draft without a date is dated by its mtime
        digest = hashlib.sha1(raw + settings_key.encode() + repr(mtime).encode()).hexdigest()
        memo = self._memo.get(source)
        if memo is None or memo[0] != digest:
            post = read_post(source, decode_post(source, raw), site, mtime)
            if nav_blog is None:
                copy = render_copy(post)
            else:
                copy = render_plain_copy(post, {k: a.name for k, a in site.authors.items()})
            memo = (digest, post, copy)
            self._memo[source] = memo
        _, post, copy = memo
        inside = post_dir in ("", ".") or source.startswith(post_dir + "/")
        copy_uri = source if inside else f"{post_dir}/{source}"
        if nav_blog is not None:
            copy_uri = nav_blog_uri(post, nav_blog)
        copy_path = self.cache_dir / "posts" / copy_uri
        _write_if_changed(copy_path, copy)
        return Translation(post, copy_path, copy_uri)


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
