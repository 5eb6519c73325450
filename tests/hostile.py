"""A news site whose contributors typed hostile strings into every field, and its benign twin.

Shared by tests/test_hostile.py (parsers) and tests/test_hostile_browser.py (Chromium). Every
payload that could run sets `window.__pwned` or opens a dialog.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import FIXTURES, Site

HOSTILE = [
    "</script><script>window.__pwned=1;alert(1)</script>",
    '"><img src=x onerror="window.__pwned=2;alert(2)">',
    "'><svg onload=window.__pwned=3>",
    "javascript:window.__pwned=4",
    "{{ 7*7 }} {% if true %}49{% endif %} ${7*7}",
    "<!-- ]]> --> <![CDATA[ x ]]>",
    "\u202egnp.exe reversed",
    "ctrl\x01\x07\x1b\x1f chars",
    "</title><script>window.__pwned=5</script>",
    "[link](javascript:window.__pwned=6) ![i](x) *em* `code` {: onclick=window.__pwned=7 }",
    "&lt;script&gt;window.__pwned=8&lt;/script&gt; &amp; A & B",
]
BENIGN = [f"Plain words number {index}" for index in range(len(HOSTILE))]

MKDOCS_YML = """\
site_name: Hostile input
site_url: https://news.example.org/
theme:
  name: material
  features: [navigation.indexes]
markdown_extensions: [attr_list, toc, smarty]
plugins:
  - search
  - tags
  - jekyll
  - blog:
      blog_dir: .
      categories_toc: true
      pagination_per_page: 50
"""


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML, control characters escaped)."""
    return json.dumps(text)


def post_text(index: int, text: str) -> str:
    q = _quoted
    return (
        "---\n"
        f"title: {q(f'T{index} {text}')}\n"
        f"excerpt: {q(f'E{index} {text}')}\n"
        f"description: {q(f'D{index} {text}')}\n"
        f"author: writer{index}\n"
        f"categories: [{q(f'C{index} {text}')}]\n"
        f"tags: [{q(f'G{index} {text}')}]\n"
        f"image: {{path: 'https://img.example.org/{index}.jpg', alt: {q(f'A{index} {text}')}, "
        f"caption: {q(f'P{index} {text}')}}}\n"
        f"subtitle: {q(f'S{index} {text}')}\n"
        "---\n\n"
        f"Body of story {index}.\n"
    )


def authors_text(strings: list[str]) -> str:
    lines = []
    for index, text in enumerate(strings):
        lines += [f"writer{index}:", f"  name: {_quoted(f'N{index} {text}')}",
                  f"  bio: {_quoted(f'B{index} {text}')}"]
    return "\n".join(lines) + "\n"


def make_site(root: Path, strings: list[str]) -> Site:
    shutil.copytree(FIXTURES / "sites" / "minimal", root)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    site = Site(root)
    site.write("tags.md", "# Tags\n\n<!-- material/tags -->\n")
    site.write("_data/authors.yml", authors_text(strings))
    (site.docs / "_posts/2025-03-04-first-story.md").unlink()
    for index, text in enumerate(strings):
        path = site.docs / f"_posts/2025-03-{index + 10:02d}-story-{index}.md"
        path.write_text(post_text(index, text), encoding="utf-8")
    return site


def post_url(index: int, site: Site) -> Path:
    """The built file of post `index` (its URL has the category slug in it)."""
    matches = sorted(site.out.rglob(f"2025/03/{index + 10:02d}/story-{index}.html"))
    assert len(matches) == 1, matches
    return matches[0]
