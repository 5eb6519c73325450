"""The cheap plain-text path for simple prose gives exactly what the full Markdown conversion
gives (descriptions and feed summaries must not change)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mkdocs_jekyll.jekyll.text import _prose_text, markdown_plain_text, plain_text

PROSE = [
    "\n\nA lead after the blank line of the front matter.",
    "The harbour council opens a new quay.",
    "*Harbour* council **votes** on the ferry plan. Is it late? Yes!",
    "A line\nand its continuation, (in parens); with: colons.",
    "Four-hour delay - says the mayor.",
    "First paragraph.\n\nSecond paragraph.\n",
    "Ends with emphasis *here*.",
    "Two spaces at the end  \nmake a break.",
]
SYNTAX = [
    "Wait... what", "A -- B", "1. a list", "- a list", "# Heading", "> quote", "Term\n: definition",
    "*not closed", "**two words** here", "it's", '"quoted"', "a_b_c", "[link](x)", "a & b",
    "<b>x</b>", "Title\n---", "Title\n===", "foo*bar*baz", "x {: .c}", "*[HTML]: markup",
    "    code", "a\n    indented", ". . . dots", "**", "*a**",
]


@pytest.mark.parametrize("text", PROSE + SYNTAX)
def test_plain_text_equals_the_full_conversion(text: str) -> None:
    assert plain_text(text) == markdown_plain_text(text)


@pytest.mark.parametrize("text", PROSE)
def test_simple_prose_takes_the_cheap_path(text: str) -> None:
    assert _prose_text(text) is not None


ALPHABET = "aB z9 ,;:?!().*-\n\n"


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=40))
@example("A *b* c")
@example("A **b** c.")
@example("A\n*b* c")
@example("A (b).\n\n**C**")
def test_cheap_path_never_differs(text: str) -> None:
    fast = _prose_text(text)
    if fast is not None:
        assert fast == markdown_plain_text(text)


TOKENS = ["\n", "Word", "a", "b9", "*x*", "**y**", "*", "**", ",", ";", ":", "?", "!", "(", ")", ".",
          "-", " ", "  ", "\n", "\n\n", "x-y", "Z.", "(q)", "1", "*ab* ", " *c*.", "\n*d* e"]


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=12).map("".join))
def test_cheap_path_never_differs_on_prose_like_text(text: str) -> None:
    fast = _prose_text(text)
    if fast is not None:
        assert fast == markdown_plain_text(text)
