"""The kramdown extension on its own: what it changes, and what it must leave alone."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st
from mkdocs_jekyll.jekyll import kramdown
from mkdocs_jekyll.jekyll.kramdown import REQUIRED, list_indents

PYTHON_MARKDOWN_STYLE = """\
- item

    !!! note
        text

    continuation

        code block
- two
    ```python
    x = 1
      y = 2
    ```
    1. nested ordered
        * deeper
"""


def test_content_indented_the_python_markdown_way_is_unchanged() -> None:
    lines = PYTHON_MARKDOWN_STYLE.split("\n")
    assert list_indents(lines) == lines


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("- a\n  - b\n    - c", ["- a", "    - b", "        - c"]),
        ("1. a\n   * b", ["1. a", "    * b"]),
        ("Text\n- a", ["Text", "", "- a"]),  # GFM: a list interrupts a paragraph
        ("- a\n  ```\n  x\n    y\n  ```", ["- a", "    ```", "    x", "      y", "    ```"]),
        ("- a\n\nafter", ["- a", "", "after"]),
        ("~~~\n- not a list\n  - nor this\n~~~", ["~~~", "- not a list", "  - nor this", "~~~"]),
    ],
)
def test_kramdown_list_indentation(source: str, expected: list[str]) -> None:
    assert list_indents(source.split("\n")) == expected


def _html(source: str) -> BeautifulSoup:
    html = markdown.markdown(source, extensions=[*REQUIRED, "toc", "fenced_code",
                                                 "mkdocs_jekyll.jekyll.kramdown"],
                             extension_configs=REQUIRED)
    return BeautifulSoup(html, "html5lib")


@pytest.mark.parametrize(
    ("source", "selector"),
    [
        ("Para.\n{: .a}", "p.a"),
        ("{: .a}\nPara.", "p.a"),
        ("## Head\n{: #h}", "h2#h"),
        ("> Quote.\n{: .q}", "blockquote.q"),
        ("- x\n- y\n{: .l}", "ul.l"),
        ("~~~\ncode\n~~~\n{: .language-ruby}", "code.language-ruby"),
    ],
)
def test_block_attribute_lists_land_where_kramdown_puts_them(source: str, selector: str) -> None:
    page = _html(source)
    assert page.select_one(selector) is not None, page
    assert "{:" not in page.get_text()


def test_heading_ids_are_kramdown_gfm_ids() -> None:
    page = _html("# Hello *World*\n\n## Hello World\n\n## Ünïcode 2.0!")
    assert [h["id"] for h in page.select("h1, h2")] == ["hello-world", "hello-world-1",
                                                         "ünïcode-20"]


# Lines of kramdown's block syntax, whole and in pieces.
_LINES = st.lists(st.sampled_from([
    "{::options auto_ids=\"false\" /}", "{:ref: .x}", "{::comment}", "{::nomarkdown}",
    "{:/comment}", "{:/nomarkdown}", "{:/}", "* TOC", "{:toc}", "~~~", "```", "~~~ ruby",
    "{: .language-ruby}", "{: .a}", "{:^ .b}", "{: #id}", "> quote", "- item", "1. item", "",
    "text", "    code", "{ :x}", "{:", "toc}", "::", ":", "{}",
]) | st.text(alphabet="{}:^~`*-+>.#1a /\t", max_size=12), max_size=12)


@given(_LINES)
def test_the_ial_passes_change_only_documents_with_an_ial_brace(lines: list[str]) -> None:
    """KramdownPreprocessor skips every pass but the list one for a document without `{:`:
    each of those passes must then leave the lines as they are."""
    passes = kramdown._leading_ials(kramdown._fence_languages(kramdown._toc_markers(
        kramdown._drop_extensions(lines, lambda text: "STASHED"))))
    assert passes == lines or any("{:" in line for line in lines)
