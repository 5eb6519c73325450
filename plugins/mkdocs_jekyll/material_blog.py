"""What this plugin needs from Material's blog plugin: where posts go, and its authors file.

Only Material's documented options are read or set here; nothing reaches into its internals
except `Post.excerpt`, which Material's own templates read to list a post, the names it
prints unescaped (see "names Material prints unescaped" below) and its rule for a category's
slug (`_slugify_category`, with Jekyll's slugify when it is missing).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from .jekyll.authors import Author, read_authors
from .jekyll.errors import ContentError
from .jekyll.names import slugify
from .jekyll.sitefiles import read_yaml_file
from .jekyll.taxonomy import respelled, shared_spellings
from .jekyll.text import markup_safe_text

if TYPE_CHECKING:
    from .translator import Translation


def find_blog(config: MkDocsConfig) -> Any:
    """The first instance of Material's blog plugin, or None when the site has none."""
    for plugin in config.plugins.values():
        if type(plugin).__module__ == "material.plugins.blog.plugin":
            return plugin
    return None


def post_dir(blog: Any) -> str:
    root = posixpath.normpath(blog.config.blog_dir)
    return posixpath.normpath(blog.config.post_dir.format(blog=root))


def material_authors(blog: Any, docs_dir: Path) -> dict[str, Author]:
    """Authors already in Material's own authors file (`.authors.yml`), if the site has one."""
    root = posixpath.normpath(blog.config.blog_dir)
    path = docs_dir / posixpath.normpath(blog.config.authors_file.format(blog=root))
    if not path.is_file():
        return {}
    label = path.relative_to(docs_dir).as_posix()
    try:
        data = read_yaml_file(path, label) or {}
        entries = data.get("authors") if isinstance(data, dict) else data
        return read_authors(entries, label)
    except ContentError as error:
        raise PluginError(str(error)) from None


def use_authors(blog: Any, authors: dict[str, Author], cache_dir: Path, *,
                profiles: bool = False) -> None:
    """Write the merged authors file and point Material's `authors_file` option at it.

    With profile pages, an author's own `url` is left out, so bylines link to the profile page
    (Material links to `url` when set); the profile page shows the `url` as the author's website.
    """
    path = cache_dir / "authors.yml"
    entries = {key: author.as_material() for key, author in authors.items()}
    if profiles:
        for entry in entries.values():
            entry.pop("url", None)
    text = yaml.safe_dump(
        {"authors": entries},
        sort_keys=False, allow_unicode=True, width=1 << 16,
    )
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    blog.config.authors_file = str(path)  # Material joins it to docs_dir: absolute stays absolute


# -- names Material prints unescaped ---------------------------------------------------------
# MkDocs' Jinja has autoescape off: Material prints titles, tag names, category names and author
# names as they are (`{{ page.meta.title }}`, `{{ tag.name }}`, `{{ nav_item.title }}`), and
# writes a post's title and a category's name as Markdown (`# {title}`) for listings and views
# (views: newsroom.escaped_view_heading).
# So Material gets markup-safe text (character references), as Markup where it stays a Python
# value, so templates that do escape (`| e`) do not escape it twice.


def make_authors_safe(blog: Any) -> None:
    """Before Material makes author profiles (on_files -50): names and bios as safe text."""
    for author in (getattr(blog, "authors", None) or {}).values():
        for key in ("name", "description"):
            value = author.get(key)
            if isinstance(value, str) and not isinstance(value, Markup):
                author[key] = Markup(markup_safe_text(value))


def make_post_safe(page: Any) -> None:
    """A post's title and tags as safe text (Material's blog read them already)."""
    meta = page.meta
    if isinstance(meta.get("title"), str) and not isinstance(meta["title"], Markup):
        meta["title"] = Markup(markup_safe_text(meta["title"]))
    if isinstance(meta.get("tags"), list):
        meta["tags"] = [tag if isinstance(tag, Markup) else Markup(markup_safe_text(str(tag)))
                        for tag in meta["tags"]]


def unify_category_spellings(translations: Iterable[Translation], blog: Any) -> dict[str, str]:
    """Give category spellings that share one listing (`Business`, `business`) one name, the most
    used, so neither listing silently replaces the other. URLs keep Jekyll's (lowercased) form.
    Returns the spellings changed, as {typed: shown}."""
    slug = getattr(blog, "_slugify_category", None)  # Material 9.7's own rule for listing URLs
    key: Callable[[str], str] = slug if callable(slug) else slugify
    ordered = sorted(translations, key=lambda t: (t.post.date, t.post.source))
    changes = shared_spellings((t.post.categories for t in ordered), key)
    if changes:
        for translation in ordered:
            post = translation.post
            if any(name in changes for name in post.categories):
                translation.post = replace(post, categories=respelled(post.categories, changes))
    return changes
