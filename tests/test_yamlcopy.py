"""The translated copy's front matter is written without PyYAML's representer: byte for byte
what `yaml.dump` writes, on the golden posts and on generated data; and what reading it back
gives is known without reading it (`loaded`), value for value and type for type."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from conftest import assert_same
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs_jekyll.jekyll import yamlcopy

OPTIONS = {"Dumper": yamlcopy.DUMPER, "sort_keys": False, "allow_unicode": True, "width": 1 << 16}


def pyyaml(data: dict) -> str:
    return yaml.dump(data, **OPTIONS)


LOADERS = [yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)]


def assert_loaded_as_read(data: dict) -> None:
    found = yamlcopy.loaded(data)
    if found is None:
        return
    text = yamlcopy.dump(data)
    for loader in LOADERS:
        assert_same(found, yaml.load(text, loader))


TZ = timezone(timedelta(hours=2))
CASES = [
    {"title": "Harbour opens", "date": {"created": datetime(2025, 1, 2, 3, 4, 5, tzinfo=TZ)},
     "slug": "harbour-opens", "authors": ["ana", "ben"], "categories": ["News"], "tags": [],
     "draft": False, "pin": True, "jekyll": {"source": "_posts/2025-01-02-x.md", "url": "/x/",
                                             "excerpt": None, "image": None}},
    {"title": "It's here: a \"quote\"", "n": 3, "f": 1.5, "d": date(2020, 1, 2), "empty": {},
     "yes": "yes", "null": "null", "blank": "", "num": "123", "lead": " space", "multi": "a\nb",
     "list": [{"a": 1, "b": [1, 2]}, {}, [], "x"], "deep": {"a": {"b": {"c": ["d"]}}}},
    {"nested": [[1, 2]], "tuple": (1, 2)},
    {"source": "_posts/2025-01-02-x.md", "url": "/news/2025/01/02/x.html", "u": "_", "s": "/"},
    {"é": "ünïcode ok", "emoji": "😀", "tab": "a\tb", "hash": "a #b", "colon": "a: b"},
]


@pytest.mark.parametrize("data", CASES)
def test_dump_equals_pyyaml(data: dict) -> None:
    assert yamlcopy.dump(data) == pyyaml(data)


@pytest.mark.parametrize("data", CASES)
def test_loaded_is_what_reading_the_text_gives(data: dict) -> None:
    assert_loaded_as_read(data)


def test_loaded_knows_a_post_and_gives_up_where_only_reading_would_tell() -> None:
    berlin = datetime(2025, 7, 1, 12, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    found = yamlcopy.loaded({**CASES[0], "d": {"created": berlin}})
    assert found is not None
    assert found["d"]["created"].tzinfo == timezone(timedelta(hours=2))
    assert_loaded_as_read({**CASES[0], "d": {"created": berlin}})
    assert yamlcopy.loaded(CASES[0]) is not None
    # Amsterdam's offset in 1900 was +00:19:32: written so, it reads back as text
    old = datetime(1900, 1, 1, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert yaml.safe_load(yamlcopy.dump({"d": old}))["d"] == old.isoformat(" ")
    assert yamlcopy.loaded({"d": old}) is None
    assert yamlcopy.loaded({"f": 1.5}) is None
    assert yamlcopy.loaded({"t": (1, 2)}) is None
    assert yamlcopy.loaded({1: "a"}) is None
    shared = ["a"]
    assert yamlcopy.loaded({"x": shared, "y": shared}) is None


def test_a_shared_object_is_anchored_as_pyyaml_does() -> None:
    shared = ["a"]
    data = {"x": shared, "y": shared}
    assert yamlcopy.dump(data) == pyyaml(data)
    assert "&id001" in yamlcopy.dump(data)


def test_golden_posts_copies_equal_pyyaml() -> None:
    from mkdocs_jekyll.jekyll.mapping import material_front_matter
    from mkdocs_jekyll.jekyll.post import read_post
    from mkdocs_jekyll.jekyll.site import SiteSettings

    folder = Path(__file__).parent / "fixtures" / "front_matter"
    checked = 0
    for path in sorted(folder.glob("*.md")):
        try:
            post = read_post(f"_posts/{path.name}", path.read_text("utf-8"), SiteSettings())
        except Exception:  # the error cases of the golden set
            continue
        meta = material_front_matter(post)
        assert yamlcopy.dump(meta) == pyyaml(meta), path.name
        assert yamlcopy.loaded(meta) is not None, path.name
        assert_loaded_as_read(meta)
        checked += 1
    assert checked > 5


TEXT = st.text(alphabet=st.sampled_from(
    [*list("aZ09 ,;:#()/!?.'\"_+=-*&%@`|>{}[]~\n\t\\"), "é", "ü", "—", "\u2028", "\xa0", "😀"]),
    max_size=12)
WORDS = st.sampled_from(["yes", "No", "null", "true", "OFF", "y", "n", "~", "1e3", ".inf", "0x1F",
                         "2020-01-02", "12:30", "a b", "a  b", "A.", "x-y", "it's", "<<", "="])
SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT | WORDS
           | st.dates() | st.datetimes() | st.datetimes(timezones=st.just(TZ)))
KEYS = TEXT | WORDS
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(KEYS, inner, max_size=3), max_leaves=10)


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(KEYS, VALUES, max_size=6))
def test_dump_equals_pyyaml_on_generated_data(data: dict) -> None:
    assert yamlcopy.dump(data) == pyyaml(data)


ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=12) | TEXT | WORDS
ZONES = st.sampled_from([timezone.utc, TZ, timezone(timedelta(hours=-3, minutes=-30)),
                         ZoneInfo("America/Chicago"), ZoneInfo("Asia/Kathmandu"),
                         ZoneInfo("Europe/Amsterdam"), ZoneInfo("Pacific/Chatham")])
READ_SCALARS = (st.none() | st.booleans() | st.integers() | ANY_TEXT | st.dates()
                | st.datetimes() | st.datetimes(timezones=ZONES))
READ_VALUES = st.recursive(READ_SCALARS, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(KEYS, inner, max_size=3), max_leaves=10)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(KEYS, READ_VALUES, max_size=6))
def test_loaded_is_what_reading_the_text_gives_on_generated_data(data: dict) -> None:
    assert_loaded_as_read(data)
