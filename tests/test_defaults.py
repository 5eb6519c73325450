"""Front matter defaults (a port of Jekyll's FrontmatterDefaults), as tables."""

from __future__ import annotations

from typing import Any

import pytest
from mkdocs_jekyll.jekyll.config_keys import ignored_keys
from mkdocs_jekyll.jekyll.defaults import (
    DefaultSet,
    applies_path,
    merged_defaults,
    read_defaults,
    with_defaults,
)

POST = "news/_posts/2025-01-02-a-story.md"


@pytest.mark.parametrize(
    ("scope_path", "matches"),
    [
        ("", True),
        ("news", True),
        ("/news/", True),  # a leading slash is dropped, then the trailing one
        ("new", True),  # Jekyll compares prefixes of the path string
        ("sport", False),
        ("news/_posts", True),
        ("*", True),  # matches the folder `news`
        ("*/_posts/*", True),
        ("*/_posts/2024-*", False),
        ("**/_posts", True),
        ("news/**/*.md", True),
        ("n?ws", False),  # without `*` Jekyll does not glob: a literal prefix
        ("n?ws/*", True),
        ("{sport,news}/_posts/*", True),
        ("[mn]ews/*", True),
        ("[!n]ews/*", False),
        ("_posts/*", False),
    ],
)
def test_scope_path(scope_path: str, matches: bool) -> None:
    (scope,), _ = read_defaults([{"scope": {"path": scope_path}, "values": {"x": 1}}])
    assert applies_path(scope, POST) is matches


@pytest.mark.parametrize(
    ("sets", "expected"),
    [
        # a longer path wins over a shorter one, whatever the order
        ([{"scope": {"path": "news"}, "values": {"a": "path"}},
          {"scope": {"path": ""}, "values": {"a": "all"}}], {"a": "path"}),
        # on equal paths, a set with a type wins
        ([{"scope": {"path": "", "type": "posts"}, "values": {"a": "typed"}},
          {"scope": {"path": ""}, "values": {"a": "untyped"}}], {"a": "typed"}),
        # on equal scopes, the later set wins
        ([{"scope": {"path": ""}, "values": {"a": 1}},
          {"scope": {"path": ""}, "values": {"a": 2}}], {"a": 2}),
        # the deprecated singular type still applies; other types do not
        ([{"scope": {"type": "post"}, "values": {"a": 1}},
          {"scope": {"type": "pages"}, "values": {"b": 2}}], {"a": 1}),
        # mappings merge key by key
        ([{"values": {"m": {"x": 1, "y": 1}}},
          {"scope": {"path": "news"}, "values": {"m": {"y": 2}}}], {"m": {"x": 1, "y": 2}}),
    ],
)
def test_precedence(sets: list[dict[str, Any]], expected: dict[str, Any]) -> None:
    parsed, problems = read_defaults(sets)
    assert problems == []
    assert merged_defaults(parsed, POST) == expected


def test_front_matter_wins_and_categories_join() -> None:
    defaults = {"author": "desk", "categories": "wire news"}
    merged = with_defaults({"author": "ada", "categories": ["Town"]}, defaults)
    assert merged == {"author": "ada", "categories": ["wire", "news", "Town"]}


def test_bad_sets_are_reported_not_applied() -> None:
    sets, problems = read_defaults([{"scope": {"path": ""}}, {"values": {"a": 1}}])
    assert sets == [DefaultSet("", None, {"a": 1})]
    assert len(problems) == 1
    assert "set 1" in problems[0]


@pytest.mark.parametrize(
    ("config", "reported"),
    [
        ({"timezone": "UTC", "permalink": "date", "twitter": "x"}, []),
        ({"markdown": "kramdown", "limit_posts": 3}, [("markdown", "info"), ("limit_posts", "warning")]),
        ({"limit_posts": 0, "collections": {}}, []),  # Jekyll's defaults change nothing
        ({"collections": {"recipes": {"output": True}}}, [("collections", "warning")]),
    ],
)
def test_ignored_config_keys(config: dict[str, Any], reported: list[tuple[str, str]]) -> None:
    assert [(k.key, k.level) for k in ignored_keys(config)] == reported
