"""A post body as a feed reader should get it: without the page-only parts of the HTML.

The rendered body carries the `¶` permalink anchors of headings (`<a class="headerlink">`) and
comments such as Material's excerpt marker; kramdown's output, which jekyll-feed puts in a
feed, has neither. Everything else is copied through exactly as written.
"""

from __future__ import annotations

from html.parser import HTMLParser

_PAGE_ONLY_CLASSES = frozenset({"headerlink"})


class _FeedBody(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []
        self.skipping = 0  # depth inside a page-only element

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            self.skipping += tag == "a"
            return
        classes = set((dict(attrs).get("class") or "").split())
        if tag == "a" and classes & _PAGE_ONLY_CLASSES:
            self.skipping = 1
            return
        self.parts.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skipping:
            self.parts.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            self.skipping -= tag == "a"
            return
        self.parts.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)

    def handle_entityref(self, name: str) -> None:
        if not self.skipping:
            self.parts.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if not self.skipping:
            self.parts.append(f"&#{name};")

    def handle_decl(self, decl: str) -> None:
        self.parts.append(f"<!{decl}>")

    def unknown_decl(self, data: str) -> None:
        self.parts.append(f"<![{data}]>")  # CDATA in inline SVG or MathML

    def handle_pi(self, data: str) -> None:
        self.parts.append(f"<?{data}>")

    def handle_comment(self, data: str) -> None:
        pass  # comments are for editors, and the excerpt marker is one


def feed_html(html: str) -> str:
    parser = _FeedBody()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts).strip()
