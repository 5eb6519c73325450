"""Jekyll's excerpt (Excerpt#extract_excerpt): the body up to the first `excerpt_separator`
(a blank line by default), set by the post or `_config.yml`; empty turns excerpts off."""

from __future__ import annotations

import re
from dataclasses import dataclass

DEFAULT_SEPARATOR = "\n\n"
# Excerpt::MKDWN_LINK_REF_REGEX: `[label]: target` (footnote definitions `[^1]: ...` too).
LINK_REFERENCE = re.compile(r"^ {0,3}(\[[^\]]+\])(:.+)$", re.MULTILINE)


@dataclass(frozen=True)
class ExcerptSplit:
    head: str
    tail: str
    found: bool


def split_excerpt(body: str, separator: str) -> ExcerptSplit:
    if not separator:
        return ExcerptSplit(body, "", False)
    head, found, tail = body.partition(separator)
    return ExcerptSplit(head, tail, bool(found))


def excerpt_source(body: str, separator: str) -> str:
    """Excerpt#extract_excerpt: the head, plus the link definitions from the tail it uses."""
    split = split_excerpt(body, separator)
    if not split.tail:
        return split.head
    used = [m.group(0).lstrip() for m in LINK_REFERENCE.finditer(split.tail)
            if m.group(1) in split.head]
    return split.head + "\n\n" + "\n".join(used) if used else split.head


def body_with_marker(body: str, separator: str, marker: str) -> str:
    """The body with `marker` (Material's separator) where Jekyll's excerpt ends.

    The Jekyll separator itself is replaced (it is a blank line or an HTML comment, so nothing a
    reader sees changes); a post without one gets the marker at its end, as Jekyll then takes the
    whole post as its excerpt. Any other copy of `marker` in the body (`<!-- more -->` when
    Jekyll's separator is `<!--more-->`) is changed to a comment Material does not cut at.
    """
    split = split_excerpt(body, separator)
    head, tail = _neutral(split.head, marker), _neutral(split.tail, marker)
    if not split.found:
        return head.rstrip("\n") + f"\n\n{marker}\n"
    return f"{head.rstrip()}\n\n{marker}\n\n{tail.lstrip(chr(10))}"


def _neutral(text: str, marker: str) -> str:
    return text.replace(marker, marker.replace("-->", " (not the excerpt end) -->"))
