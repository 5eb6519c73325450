"""Front matter with `*` or `&` in quoted text is read by libyaml; real anchors and aliases
still go through the loader that caps them."""

from __future__ import annotations

import pytest
from mkdocs_jekyll.jekyll.frontmatter import _may_have_aliases, split_front_matter


@pytest.mark.parametrize(("yaml_text", "aliases"), [
    ('title: "A *new* ferry & a quay"\n', False),
    ("title: Fish & chips\ntags: [a, b]\n", False),
    ("a: &x [1]\nb: *x\n", True),
    ("a: &x 1\n", True),
    ("a: [*x\n", True),  # broken YAML: the pure-Python loader explains it
])
def test_aliases_are_told_from_quoted_stars(yaml_text: str, aliases: bool) -> None:
    assert _may_have_aliases(yaml_text) is aliases


def test_quoted_stars_read_the_same() -> None:
    split = split_front_matter("_posts/2025-01-01-x.md",
                               '---\ntitle: "A *new* ferry & a quay"\nexcerpt: "**Big** day"\n---\nBody\n')
    assert split.data == {"title": "A *new* ferry & a quay", "excerpt": "**Big** day"}
    assert split.body == "Body\n"
