"""Plain text of a Markdown excerpt, rendered with the kramdown extensions (typographic quotes
and dashes, attribute lists, footnotes, ...) as Jekyll renders the excerpt."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import markdown

from .kramdown import REQUIRED, KramdownExtension

_MARKDOWN = markdown.Markdown(
    extensions=[*REQUIRED, "toc", "fenced_code", "tables", KramdownExtension()],
    extension_configs=REQUIRED, output_format="html",
)


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


# Liquid's strip_html: script and style blocks with their content, comments, then any tag.
_STRIP_HTML = re.compile(r"<script.*?</script>|<!--.*?-->|<style.*?</style>|<.*?>",
                         re.IGNORECASE | re.DOTALL)


def strip_html(text: str) -> str:
    """Liquid's `strip_html` (then entities decoded, on one line): a front matter `excerpt` as
    a Jekyll theme's description shows it."""
    return " ".join(html.unescape(_STRIP_HTML.sub("", text)).split())


def plain_text(markdown_text: str) -> str:
    """What a reader reads of `markdown_text`, on one line (for descriptions and feeds)."""
    if not markdown_text.strip():
        return ""
    html = _MARKDOWN.reset().convert(markdown_text)
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


# C0 control characters (but tab and newlines) and DEL: invisible, and not allowed in XML 1.0.
_CONTROL = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
# Characters HTML or Markdown would read as markup (`{: onclick=...}` is attr_list's; smarty turns
# `--` and `...` into dashes and ellipses), written as character references, so a value shows as
# typed in a Jinja template and in Markdown alike (Material renders `# {title}` in listings).
_MARKUP = {ord(ch): f"&#{ord(ch)};" for ch in "&<>\"'\\`*_{}[]#"}
# Only where Markdown reads them: `-` and `.` in runs (smarty's dashes and ellipses), and a block
# marker at the start (`#`, `-`, `+`, `1.`, `1)`), so `four-hour` stays searchable as typed.
_RUNS = re.compile(r"-{2,}|\.{2,}|^\s*(?:[#+-]|\d+[.)])")


def clean_text(value: str) -> str:
    """A typed value without control characters (invisible to readers, invalid in feeds)."""
    return value.translate(_CONTROL)


def markup_safe_text(value: str) -> str:
    """`value` as text that is safe to print unescaped into HTML and into Markdown."""
    text = clean_text(value).translate(_MARKUP)
    return _RUNS.sub(lambda m: "".join(f"&#{ord(ch)};" for ch in m.group()), text)
