"""The plugin never writes into docs/, and YAML is loaded safely: no tags run, sizes are capped."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import Site
from mkdocs.exceptions import Abort
from mkdocs_jekyll.jekyll.errors import ContentError
from mkdocs_jekyll.jekyll.frontmatter import MAX_ALIASES, MAX_FRONT_MATTER_BYTES, split_front_matter


def tree(root: Path) -> dict[str, str]:
    """Every file and folder under root, with the bytes' hash and the mode (folders: 'dir')."""
    return {
        p.relative_to(root).as_posix():
            "dir" if p.is_dir() else f"{hashlib.sha256(p.read_bytes()).hexdigest()} {p.stat().st_mode:o}"
        for p in sorted(root.rglob("*"))
    }


@pytest.mark.parametrize("fails", [False, True], ids=["successful-build", "failed-build"])
def test_docs_are_byte_for_byte_the_same_after_a_build(minimal_site: Site, fails: bool) -> None:
    minimal_site.write("_posts/2025-03-05-second.md", "---\ntitle: Second\n---\nBody.\n")
    minimal_site.write("_posts/2025-03-06-crlf.md", "---\r\ntitle: CRLF\r\n---\r\nBody.\r\n")
    (minimal_site.docs / "_posts/2025-03-07-bom.md").write_bytes(
        b"\xef\xbb\xbf---\ntitle: BOM\n---\nBody.\n")
    if fails:
        minimal_site.write("_posts/2025-03-08-broken.md", "---\ntitle: [open\n---\nBody.\n")
    before = tree(minimal_site.docs)
    if fails:
        with pytest.raises(Abort):
            minimal_site.build()
    else:
        minimal_site.build()
        assert minimal_site.page("/2025/03/06/crlf.html").select_one("h1").get_text() == "CRLF"
    assert tree(minimal_site.docs) == before
    if not fails:  # the copies went to the cache (a failed build may stop before writing them)
        copies = minimal_site.root / ".cache/mkdocs-jekyll/posts"
        assert [p.name for p in copies.rglob("*second.md")] == ["2025-03-05-second.md"]


# -- YAML safety ------------------------------------------------------------------------------


def test_python_tags_are_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\n---\nBody.\n"
    with pytest.raises(ContentError) as error:
        split_front_matter("_posts/2025-01-01-x.md", text)
    assert "could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply" \
        in str(error.value)
    assert error.value.problem.path == "_posts/2025-01-01-x.md"
    assert not marker.exists()


def test_front_matter_size_limit_is_64_kib() -> None:
    padding = MAX_FRONT_MATTER_BYTES - len("note: ''\n")
    at_limit = "---\nnote: '" + "x" * padding + "'\n---\nBody.\n"
    assert len(split_front_matter("a.md", at_limit).data["note"]) == padding
    over = "---\nnote: '" + "x" * (padding + 1) + "'\n---\nBody.\n"
    with pytest.raises(ContentError, match="larger than 65536 bytes"):
        split_front_matter("a.md", over)


def test_billion_laughs_is_a_clean_error() -> None:
    levels = "a: &a ['lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol']\n"
    for parent, child in zip("abcdefgh", "bcdefghi", strict=True):
        levels += f"{child}: &{child} [" + ", ".join([f"*{parent}"] * 20) + "]\n"
    bomb = f"---\n{levels}---\nBody.\n"  # 10 * 20^8: 25.6 billion lols
    with pytest.raises(ContentError) as error:
        split_front_matter("_posts/2025-01-01-lol.md", bomb)
    assert f"more than {MAX_ALIASES} YAML aliases" in str(error.value)
    assert "write the values out" in str(error.value)
    assert "'_posts/2025-01-01-lol.md' (line 8)" in str(error.value)


def test_aliases_under_the_cap_are_shared_not_copied() -> None:
    """80 aliases can still name 10^9 strings; the loader shares them (bounded memory), and
    messages print such values cut short (see tests/bad_input/yaml-laughs-under-the-cap)."""
    levels = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for parent, child in zip("abcdefgh", "bcdefghi", strict=True):
        levels += f"{child}: &{child} [" + ", ".join([f"*{parent}"] * 10) + "]\n"
    data = split_front_matter("a.md", f"---\n{levels}---\n").data
    assert data["i"][0] is data["i"][9]
    assert data["i"][0][0] is data["h"][0]
