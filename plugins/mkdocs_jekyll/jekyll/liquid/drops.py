"""`site` and `page` as Liquid sees them: plain dicts and lists of plain values (str, numbers,
bools, datetimes), never Python objects with attributes (Jekyll's drops, flattened)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import ContentError, Problem
from ..excerpt import split_excerpt
from ..post import JekyllPost
from ..sitefiles import read_yaml_file

DATA_SUFFIXES = (".yml", ".yaml", ".json")


class JekyllTime(datetime):
    """A datetime that prints as Ruby's Time#to_s does (`2025-03-01 09:05:07 +0000`)."""

    def __str__(self) -> str:
        return self.strftime("%Y-%m-%d %H:%M:%S %z").strip()


def liquid_value(value: Any) -> Any:
    if isinstance(value, datetime) and not isinstance(value, JekyllTime):
        aware = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        return JekyllTime.fromtimestamp(aware.timestamp(), aware.tzinfo)
    return value


def post_id(post: JekyllPost) -> str:
    """Document#id: the URL's folder joined with the slug (`/2025/08/28/slug`)."""
    folder = post.url.rsplit("/", 2)[0] if post.url.endswith("/") else post.url.rsplit("/", 1)[0]
    return f"{folder.rstrip('/')}/{post.slug}"


class PostDrop(dict[str, Any]):
    """A post in `site.posts` or as `page`: plain values, and `excerpt` as HTML made on first
    use (Jekyll's excerpt is rendered; converting every post's up front would cost too much)."""

    def __init__(self, values: dict[str, Any], excerpt: Callable[[], str] | None = None) -> None:
        super().__init__(values)
        self.excerpt = excerpt

    def __missing__(self, key: str) -> Any:
        if key == "excerpt" and self.excerpt is not None:
            self["excerpt"] = self.excerpt()
            return self["excerpt"]
        raise KeyError(key)


def excerpt_html(post: JekyllPost, markdownify: Callable[[str], str]) -> Callable[[], str]:
    """Jekyll's `excerpt`: the front matter `excerpt`, else the body up to the separator, as HTML
    (Liquid in it is not rendered here)."""
    return lambda: markdownify(post.excerpt if post.excerpt is not None else _excerpt(post))


def post_drop(post: JekyllPost, front: dict[str, Any] | None = None) -> dict[str, Any]:
    """`page` for a post (and one entry of `site.posts`): its front matter, then Jekyll's keys."""
    drop: dict[str, Any] = {key: liquid_value(value) for key, value in
                            (front if front is not None else post.extra).items()}
    drop.update({
        "title": post.title,
        "url": post.url,
        "date": liquid_value(post.date),
        "id": post_id(post),
        "slug": post.slug,
        "categories": list(post.categories),
        "tags": list(post.tags),
        "path": post.source,
        "relative_path": post.source,
        "collection": "posts",
        "excerpt": post.excerpt if post.excerpt is not None else _excerpt(post),
        "draft": post.draft_reason == "draft",
    })
    if post.authors and "author" not in drop:
        drop["author"] = post.authors[0] if len(post.authors) == 1 else list(post.authors)
    return drop


def listed_drop(post: JekyllPost, markdownify: Callable[[str], str]) -> PostDrop:
    """A post as templates see it, its excerpt as HTML when read."""
    values = post_drop(post)
    del values["excerpt"]
    return PostDrop(values, excerpt_html(post, markdownify))


def _excerpt(post: JekyllPost) -> str:
    """The body up to Material's excerpt marker (where Jekyll's excerpt ends), as Markdown."""
    return split_excerpt(post.body, "<!-- more -->").head.strip()


def read_data(docs_dir: Path, data_dir: str = "_data") -> dict[str, Any]:
    """`site.data`: every YAML/JSON file under `_data/`, keyed by its path without suffix."""
    root = docs_dir / data_dir
    data: dict[str, Any] = {}
    if not root.is_dir():
        return data
    for path in sorted(root.rglob("*")):
        if path.suffix not in DATA_SUFFIXES or not path.is_file():
            continue
        label = path.relative_to(docs_dir).as_posix()
        if path.suffix == ".json":
            try:
                value = json.loads(path.read_text(encoding="utf-8"))
            except (ValueError, UnicodeDecodeError) as error:
                raise ContentError(Problem(label, None, f"invalid JSON: {error}",
                                           "fix the JSON")) from None
        else:
            value = read_yaml_file(path, label)
        node = data
        parts = path.relative_to(root).with_suffix("").parts
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return data


def fingerprint(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, default=repr) if value else ""
    return hashlib.sha1(text.encode()).hexdigest()


class PageDrop(PostDrop):
    """`page`: Jekyll's keys, and any other front matter key read from the file on first use
    (most renders never need it, and parsing YAML again for every post is not free)."""

    def __init__(self, values: dict[str, Any], front: Callable[[], dict[str, Any]],
                 excerpt: Callable[[], str] | None = None) -> None:
        super().__init__(values, excerpt)
        self.front: Callable[[], dict[str, Any]] | None = front

    def __missing__(self, key: str) -> Any:
        if key == "excerpt" and self.excerpt is not None:
            return super().__missing__(key)
        if self.front is None:
            raise KeyError(key)
        front, self.front = self.front(), None
        for name, value in front.items():
            self.setdefault(name, liquid_value(value))
        return super().__getitem__(key)


class TrackedSite(dict[str, Any]):
    """`site`, recording which of its keys a render read (for the render memo)."""

    def __init__(self, values: dict[str, Any], on_read: Callable[[str], None]) -> None:
        super().__init__(values)
        self.on_read = on_read

    def __getitem__(self, key: str) -> Any:
        self.on_read(key)
        return super().__getitem__(key)


def site_values(config: dict[str, Any], posts: list[dict[str, Any]], data: dict[str, Any],
                now: Any) -> dict[str, Any]:
    """`site`: _config.yml values plus posts (newest first), categories, tags, data and time.

    Categories and tags are in the order Jekyll's `post_attr_hash` gives them (first use by the
    oldest post first); the posts under each are newest first."""
    values = dict(config)
    categories: dict[str, list[dict[str, Any]]] = {}
    tags: dict[str, list[dict[str, Any]]] = {}
    for post in reversed(posts):
        for name in post["categories"]:
            categories.setdefault(name, []).append(post)
        for name in post["tags"]:
            tags.setdefault(name, []).append(post)
    for listing in (*categories.values(), *tags.values()):
        listing.reverse()
    values.update({"posts": posts, "categories": categories, "tags": tags, "data": data,
                   "time": liquid_value(now), "related_posts": posts[:10]})
    return values
