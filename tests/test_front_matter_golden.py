"""Golden files: each `fixtures/front_matter/<case>.md` is read as a post and compared with
`<case>.expected.json` next to it.

A success case holds the post's `url`, what Material's blog is given (`front_matter`, dates as
ISO strings) and the `warnings` (key and message). An error case holds `error`: the words the
message must contain, plus the front matter `key` it names or the `line` it points at.
Optional keys: `source` (where the file sits, default `_posts/<case>.md`), `timezone` (default
America/Chicago) and `xfail` (a known bug: the JSON holds the correct behaviour).
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from mkdocs_jekyll.jekyll.errors import ContentError
from mkdocs_jekyll.jekyll.mapping import material_front_matter
from mkdocs_jekyll.jekyll.post import read_post
from mkdocs_jekyll.jekyll.site import SiteSettings

FIXTURES = Path(__file__).parent / "fixtures" / "front_matter"
NOW = datetime(2025, 9, 15, 12, 0, tzinfo=timezone.utc)  # the build time of every case
CASES = sorted(FIXTURES.glob("*.md"))


def _expected_file(case: Path) -> Path:
    return case.with_name(case.name.removesuffix(".md") + ".expected.json")


def _spec(case: Path) -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(_expected_file(case).read_text(encoding="utf-8"))
    return spec


def _cases(errors: bool) -> list[Any]:
    params = []
    for case in CASES:
        spec = _spec(case)
        if ("error" in spec) != errors:
            continue
        marks = [pytest.mark.xfail(reason=spec["xfail"], strict=True)] if "xfail" in spec else []
        params.append(pytest.param(case, spec, id=case.name.removesuffix(".md"), marks=marks))
    return params


def _iso(value: object) -> str:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} in front matter: {value!r}")


def _read(case: Path, spec: dict[str, Any]) -> tuple[str, Any]:
    source = spec.get("source", f"_posts/{case.name}")
    site = SiteSettings(timezone=ZoneInfo(spec.get("timezone", "America/Chicago")), now=NOW)
    return source, read_post(source, case.read_text(encoding="utf-8"), site)


def test_every_case_has_its_expected_json() -> None:
    missing = [case.name for case in CASES if not _expected_file(case).is_file()]
    assert missing == []
    orphans = [path.name for path in FIXTURES.glob("*.expected.json")
               if not path.with_name(path.name.removesuffix(".expected.json") + ".md").is_file()]
    assert orphans == []


def test_there_are_enough_cases() -> None:
    specs = [_spec(case) for case in CASES]
    assert sum("error" not in spec for spec in specs) >= 14
    assert sum("error" in spec for spec in specs) >= 8


@pytest.mark.parametrize(("case", "spec"), _cases(errors=False))
def test_post(case: Path, spec: dict[str, Any]) -> None:
    _, post = _read(case, spec)
    front_matter = json.loads(json.dumps(material_front_matter(post), default=_iso))
    warnings = [{"key": problem.key, "message": problem.message} for problem in post.warnings]
    assert post.url == spec["url"]
    assert front_matter == spec["front_matter"]
    assert warnings == spec["warnings"]


@pytest.mark.parametrize(("case", "spec"), _cases(errors=True))
def test_error(case: Path, spec: dict[str, Any]) -> None:
    source = spec.get("source", f"_posts/{case.name}")
    with pytest.raises(ContentError) as raised:
        _read(case, spec)
    message = str(raised.value)
    assert f"'{source}'" in message
    if "key" in spec:
        assert raised.value.problem.key == spec["key"]
        assert f"front matter '{spec['key']}' of '{source}'" in message
    if "line" in spec:
        assert f"'{source}' (line {spec['line']})" in message
    missing = [words for words in spec["error"] if words not in message]
    assert missing == [], message


def test_every_error_case_says_where() -> None:
    # each error names the key or the line to look at (or, for a filename date, the filename)
    vague = [case.name for case in CASES
             if "error" in (spec := _spec(case)) and "key" not in spec and "line" not in spec
             and not any("filename" in words for words in spec["error"])]
    assert vague == []
