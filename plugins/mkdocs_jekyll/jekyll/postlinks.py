"""Markdown links to a post's source file (`[x](2025-08-28-slug.md)`, `../_posts/...md`) point
at the post's translated copy, so MkDocs resolves them to the URL Jekyll gives the post.

A link is resolved against the folder of the ORIGINAL file that holds it and rewritten relative
to where MkDocs sees that file (a post's copy lives in Material's post_dir)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

# `](target.md#anchor "title")` and `](<target.md>)`; no scheme, not absolute.
LINK = re.compile(
    r"(\]\(\s*<?)"  # the start of the link target
    r"([^()\s<>:]+?\.(?:md|markdown|mkd|mkdn|mdown))"  # a relative path to a Markdown file
    r"([#?][^()\s<>]*)?"  # an anchor or query
    r"""(?=>?(?:\s+["'(][^)]*)?\s*\))"""  # then an optional title and the end
)


def has_post_links(markdown: str) -> bool:
    return ".md" in markdown or ".markdown" in markdown or ".mkd" in markdown or ".mdown" in markdown


def rewrite_post_links(markdown: str, source: str, seen_as: str,
                       copies: Mapping[str, str]) -> str:
    """`markdown` of the file `source` (relative to docs_dir), which MkDocs knows as `seen_as`,
    with links to any post in `copies` (original source -> copy's uri) pointed at its copy."""
    here, seen_dir = posixpath.dirname(source), posixpath.dirname(seen_as)

    def replace(match: re.Match[str]) -> str:
        target = match.group(2)
        if target.startswith("/"):
            return match.group(0)
        resolved = posixpath.normpath(posixpath.join(here, target))
        copy = copies.get(resolved)
        if copy is None or (copy == resolved and here == seen_dir):
            return match.group(0)
        new = posixpath.relpath(copy, seen_dir or ".")
        return f"{match.group(1)}{new}{match.group(3) or ''}"

    return LINK.sub(replace, markdown)
