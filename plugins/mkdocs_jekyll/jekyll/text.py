"""Plain text of a Markdown excerpt, with kramdown's typographic quotes and dashes."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown

_MARKDOWN = markdown.Markdown(extensions=["smarty"], output_format="html")


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(markdown_text: str) -> str:
    """What a reader reads of `markdown_text`, on one line (for descriptions and feeds)."""
    if not markdown_text.strip():
        return ""
    html = _MARKDOWN.reset().convert(markdown_text)
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())
