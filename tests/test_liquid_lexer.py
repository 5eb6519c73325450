"""The fast Liquid lexer gives python-liquid's own tokens, and steps aside when python-liquid
changes."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from liquid import lex
from liquid.exceptions import LiquidError
from mkdocs_jekyll.jekyll.liquid import lexer
from mkdocs_jekyll.jekyll.liquid.environment import JekyllEnvironment, LiquidSite

ROOT = Path(__file__).parent.parent
PIECES = ["{", "}", "{{", "}}", "{%", "%}", "-", "%", " ", "\n", "\n\n", "\t", "x", "é", "raw",
          "endraw", "comment", "endcomment", "if", "endif", "#", "page.title", "| upcase", "'"]


def tokens(tokenize: Callable[[str], Iterator[Any]], text: str) -> object:
    try:
        return [(t.kind, t.value, t.start_index) for t in tokenize(text)]
    except LiquidError as error:
        return ("error", type(error).__name__, str(error))


def stock() -> Callable[[str], Iterator[Any]]:
    return lex.get_lexer()


def fast() -> Callable[[str], Iterator[Any]]:
    tokenize = lexer.fast_tokenizer()
    assert tokenize is not None, "python-liquid's lexer changed: see jekyll/liquid/lexer.py"
    return tokenize


@settings(max_examples=3000, derandomize=True, database=None)
@given(st.lists(st.sampled_from(PIECES), max_size=24).map("".join))
def test_generated_text_lexes_the_same(text: str) -> None:
    assert tokens(fast(), text) == tokens(stock(), text)


def test_every_post_and_page_in_the_repository_lexes_the_same() -> None:
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for folder in (ROOT / "docs", ROOT / "tests")
             for p in folder.rglob("*") if p.suffix in (".md", ".markdown", ".html", ".liquid")]
    with_liquid = [t for t in texts if "{{" in t or "{%" in t]
    assert len(with_liquid) > 50
    for text in with_liquid:
        assert tokens(fast(), text) == tokens(stock(), text)


def test_text_up_to_a_tag_is_one_token_and_keeps_whitespace_control() -> None:
    text = "Intro with { braces }\nand more  {%- if true -%}  yes  {%- endif %}\n"
    kinds = [(t.kind, t.value) for t in fast()(text)]
    assert kinds[0] == ("content", "Intro with { braces }\nand more")
    assert ("content", "yes") in kinds


def test_the_environment_lexes_with_it_and_renders() -> None:
    env = JekyllEnvironment(LiquidSite(Path("."), {}, []))
    assert env.tokenizer() is lexer.fast_tokenizer()
    assert env.from_string("a {{ 'b' | upcase }} c\n").render() == "a B c\n"


def test_a_changed_python_liquid_gets_its_own_lexer_and_one_info_line(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    # As if a new python-liquid found text with a rule of its own.
    monkeypatch.setattr(lexer, "STOCK_TEXT_RULE", r"(?P<text>.+?)")
    lexer.fast_tokenizer.cache_clear()
    try:
        with caplog.at_level(logging.INFO):
            assert lexer.fast_tokenizer() is None
            env = JekyllEnvironment(LiquidSite(Path("."), {}, []))
            assert env.from_string("a {{ 'b' | upcase }} c").render() == "a B c"
        lines = [r.getMessage() for r in caplog.records if "lexer" in r.getMessage()]
        assert lines == ["python-liquid's lexer is not the one this plugin was tested with: "
                         "its own (slower) lexer is used"]
    finally:
        lexer.fast_tokenizer.cache_clear()
