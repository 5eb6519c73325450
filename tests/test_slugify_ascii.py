"""slugify's ASCII shortcut gives what the Unicode-category rule gives."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs_jekyll.jekyll import names


def by_categories(text: str, mode: str) -> str:
    extra = names._PRETTY_EXTRA if mode == "pretty" else frozenset()
    replaced = "".join(ch if names._kept(ch, extra) else "\0" for ch in text)
    slug = names.re.sub(r"^-|-$", "", names.re.sub("\0+", "-", replaced))
    return slug.lower()


@pytest.mark.parametrize("mode", ["default", "pretty"])
@given(text=st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_shortcut_equals_the_category_rule(mode: str, text: str) -> None:
    assert names.slugify(text, mode) == by_categories(text, mode)
