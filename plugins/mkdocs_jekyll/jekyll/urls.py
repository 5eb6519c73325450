"""Which URLs a contributor may put in front matter or data files: nothing a browser would run."""

from __future__ import annotations

from urllib.parse import urlsplit

SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})
SAFE_IMAGE_SCHEMES = frozenset({"http", "https"})


def url_scheme(value: str) -> str:
    """The scheme a browser sees: it drops tabs, newlines and leading spaces or control characters
    first (`java\\tscript:` is `javascript:`); "" for a relative URL or a Windows drive letter."""
    cleaned = "".join(ch for ch in value if ch not in "\t\r\n").lstrip("".join(map(chr, range(33))))
    scheme = urlsplit(cleaned).scheme.lower() if ":" in cleaned else ""
    return scheme if len(scheme) > 1 else ""


def unsafe_scheme(value: str, allowed: frozenset[str]) -> str | None:
    """The scheme of `value` when it is not one of `allowed` (`javascript`, `data`...), else None."""
    scheme = url_scheme(value)
    return scheme if scheme and scheme not in allowed else None
