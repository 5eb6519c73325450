"""python-liquid's own lexer, with one rule made fast: the same tokens, found sooner.

python-liquid 2 finds the text between tags with `.+?(?=({%|{{)-?|$)`, a lazy match that tries
its lookahead after every character of the text. A post is mostly text, so lexing was most of
the mapping layer's Liquid cost. Here that one rule is replaced by one that takes a line's run of
characters other than `{` at once and stops at the same places: before `{%` or `{{`, and at `$`
(before a final newline, as the stock rule does). tests/test_liquid_lexer.py compares the two
lexers token by token on generated text and on every Markdown and HTML file under docs/ and
tests/.

The rule and the tokenizer are python-liquid's internals. When its rules no longer contain the
stock text rule, or the tokenizer is gone, its own lexer is used, with one info line.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Iterator

from liquid import lex
from liquid.token import Token

log = logging.getLogger(f"mkdocs.plugins.{__name__}")  # shown by MkDocs, as its plugins' are

STOCK_TEXT_RULE = r".+?(?=((\{%|\{\{)(?P<rstrip>-?))|$)"
FAST_TEXT_RULE = r".(?:[^{\n]+|\n(?!\Z)|\{(?![{%]))*?(?=((\{%|\{\{)(?P<rstrip>-?))|$)"


@functools.lru_cache(maxsize=1)
def fast_tokenizer() -> Callable[[str], Iterator[Token]] | None:
    """The tokenizer for the default delimiters, or None where python-liquid changed."""
    rules = lex.compile_liquid_rules()
    tokenize = getattr(lex, "_tokenize_template", None)
    if tokenize is None or rules.pattern.count(STOCK_TEXT_RULE) != 1:
        log.info("python-liquid's lexer is not the one this plugin was tested with: "
                 "its own (slower) lexer is used")
        return None
    fast = re.compile(rules.pattern.replace(STOCK_TEXT_RULE, FAST_TEXT_RULE), rules.flags)
    return functools.partial(tokenize, rules=fast)
