"""Jekyll's excerpt (Excerpt#extract_excerpt): the body up to the first `excerpt_separator`
(a blank line by default), set by the post or `_config.yml`; empty turns excerpts off."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_SEPARATOR = "\n\n"


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


def body_with_marker(body: str, separator: str, marker: str) -> str:
    """The body with `marker` (Material's separator) where Jekyll's excerpt ends.

    The Jekyll separator itself is replaced (it is a blank line or an HTML comment, so nothing a
    reader sees changes); a post without one gets the marker at its end, as Jekyll then takes the
    whole post as its excerpt.
    """
    split = split_excerpt(body, separator)
    if not split.found:
        return body.rstrip("\n") + f"\n\n{marker}\n"
    return f"{split.head.rstrip()}\n\n{marker}\n\n{split.tail.lstrip(chr(10))}"
