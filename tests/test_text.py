"""Typed text that Material prints unescaped or renders as Markdown (jekyll/text.py)."""

from __future__ import annotations

import html

import markdown
import pytest
from mkdocs_jekyll.jekyll.text import markup_safe_text


@pytest.mark.parametrize(("typed", "encoded"), [
    pytest.param("Four-hour debate ends in a vote", "Four-hour debate ends in a vote",
                 id="single-hyphen-stays-searchable"),
    pytest.param("v1.2 of the app.", "v1.2 of the app.", id="single-dots-stay"),
    pytest.param("Wait -- what...", "Wait &#45;&#45; what&#46;&#46;&#46;", id="smarty-runs"),
    pytest.param("1. First", "&#49;&#46; First", id="ordered-list-marker"),
    pytest.param("- item", "&#45; item", id="bullet-marker"),
    pytest.param("Issue #", "Issue &#35;", id="closing-hashes"),
    pytest.param('"><img src=x>', "&#34;&#62;&#60;img src=x&#62;", id="html"),
])
def test_markup_safe_text(typed: str, encoded: str) -> None:
    assert markup_safe_text(typed) == encoded


@pytest.mark.parametrize("typed", [
    "Wait -- what...", "1. First", "- item", "# Not a heading", "Issue #", "*bold* _it_",
    "[x](javascript:alert(1))", "{: onclick=alert(1)}", "a <b>tag</b> & more", "C++ -- 2.0",
])
def test_a_heading_made_of_it_reads_as_typed(typed: str) -> None:
    """Material writes `# {title}`: the heading's text is what was typed."""
    out = markdown.markdown("# " + markup_safe_text(typed), extensions=["attr_list", "smarty"])
    assert out.startswith("<h1>"), out
    assert out.endswith("</h1>"), out
    assert html.unescape(out[len("<h1>"):-len("</h1>")]) == typed
