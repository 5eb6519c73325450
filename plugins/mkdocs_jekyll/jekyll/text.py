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


# Prose that Markdown reads as paragraphs of text only (after blank lines): letters, digits and
# plain punctuation, every line starting with a letter (or `*`/`**` emphasis of one word), no
# `--` or `..` (smarty's dashes and ellipses). Anything else goes through the full conversion.
_PLAIN_PROSE = re.compile(r"\n*(?:[A-Za-z]|\*\*?[A-Za-z])[A-Za-z0-9 ,;:?!().*-]*"
                          r"(?:\n+(?:[A-Za-z]|\*\*?[A-Za-z])[A-Za-z0-9 ,;:?!().*-]*)*\n*")
# One word in `*...*` or `**...**`, standing alone: emphasis, whose text is the word.
_ONE_WORD_EMPHASIS = re.compile(r"(?<![\w*])(\*\*?)([A-Za-z0-9]+)\1(?![\w*])")


def _prose_text(markdown_text: str) -> str | None:
    """The plain text of simple prose without converting it, or None when it has any syntax."""
    if "--" in markdown_text or ".." in markdown_text or not _PLAIN_PROSE.fullmatch(markdown_text):
        return None
    if "*" in markdown_text:
        markdown_text = _ONE_WORD_EMPHASIS.sub(r"\2", markdown_text)
        if "*" in markdown_text:
            return None
    return " ".join(markdown_text.split())


def plain_text(markdown_text: str) -> str:
    """What a reader reads of `markdown_text`, on one line (for descriptions and feeds)."""
    if not markdown_text.strip():
        return ""
    prose = _prose_text(markdown_text)
    if prose is not None:
        return prose
    return markdown_plain_text(markdown_text)


def markdown_plain_text(markdown_text: str) -> str:
    """`plain_text` by a full Markdown conversion (what the cheap path must always equal)."""
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
