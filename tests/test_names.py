"""Post filenames, titles and slugs, compared with Jekyll 4.3.1 (`Document`, `Utils.slugify`)."""

from __future__ import annotations

import pytest
from mkdocs_jekyll.jekyll.names import (
    PostPath,
    categories_from_path,
    parse_post_path,
    slugify,
    titleize_slug,
)


@pytest.mark.parametrize(("rel_path", "expected"), [
    pytest.param("_posts/2025-08-28-big-news.md",
                 PostPath("2025-08-28", "big-news", ".md", ()), id="plain"),
    pytest.param("_posts/2025-08-30-hello-world_and.more..md",
                 PostPath("2025-08-30", "hello-world_and.more", ".md", ()),
                 id="trailing-dot-dropped"),
    pytest.param("_posts/2025-08-30-dots....md",
                 PostPath("2025-08-30", "dots", ".md", ()), id="all-trailing-dots-dropped"),
    pytest.param("_posts/2025-08-28-v1.2-release.markdown",
                 PostPath("2025-08-28", "v1.2-release", ".markdown", ()), id="dot-inside-slug"),
    pytest.param("_posts/2025-8-5-short.md",
                 PostPath("2025-8-5", "short", ".md", ()), id="one-digit-month-and-day"),
    pytest.param("_posts/2025-08-28-café-crème.md",
                 PostPath("2025-08-28", "café-crème", ".md", ()), id="unicode-slug"),
    pytest.param("_posts/2025-08-28-UPPER-Case.md",
                 PostPath("2025-08-28", "UPPER-Case", ".md", ()), id="case-kept"),
    pytest.param("_posts/undated-post.md",
                 PostPath(None, "undated-post", ".md", ()), id="no-date"),
    pytest.param("_posts/2025-08-28.md",
                 PostPath(None, "2025-08-28", ".md", ()), id="date-without-slug"),
    pytest.param("_posts/README",
                 PostPath(None, "README", "", ()), id="no-extension"),
    pytest.param("world/asia/_posts/2025-08-29-nested.md",
                 PostPath("2025-08-29", "nested", ".md", ("world", "asia")),
                 id="folders-above-posts-are-categories"),
    pytest.param("_posts/travel/2025-08-29-trip.md",
                 PostPath("2025-08-29", "trip", ".md", ()),
                 id="folders-inside-posts-are-not"),
    pytest.param("world/_posts/europe/2025-08-29-trip.md",
                 PostPath("2025-08-29", "trip", ".md", ("world",)),
                 id="only-folders-above-count"),
])
def test_parse_post_path(rel_path: str, expected: PostPath) -> None:
    assert parse_post_path(rel_path) == expected


def test_parse_post_path_for_drafts() -> None:
    assert parse_post_path("news/_drafts/idea.md", special_dir="_drafts") == PostPath(
        None, "idea", ".md", ("news",)
    )


@pytest.mark.parametrize(("rel_path", "special_dir", "expected"), [
    ("_posts/x.md", "_posts", ()),
    ("world/_posts/x.md", "_posts", ("world",)),
    ("world/asia/_posts/x.md", "_posts", ("world", "asia")),
    ("World/Asia/_posts/x.md", "_posts", ("World", "Asia")),  # case kept; URLs lowercase it
    ("world/asia/_posts/2025/x.md", "_posts", ("world", "asia")),
    ("world//_posts/x.md", "_posts", ("world",)),
    ("posts/x.md", "_posts", ()),  # not a posts folder at all
    ("world/_posts", "_posts", ()),  # a file named _posts is not the folder
    ("news/_drafts/x.md", "_drafts", ("news",)),
    ("news/_posts/x.md", "_drafts", ()),
])
def test_categories_from_path(rel_path: str, special_dir: str,
                              expected: tuple[str, ...]) -> None:
    assert categories_from_path(rel_path, special_dir) == expected


@pytest.mark.parametrize(("slug", "title"), [
    ("big-news", "Big News"),
    ("hello-world_and.more", "Hello World_and.more"),
    ("iPHONE-news", "Iphone News"),  # Ruby's capitalize lowercases the rest
    ("élan-vital", "Élan Vital"),
    ("foo--bar", "Foo  Bar"),
    ("-foo", " Foo"),
    ("2025-recap", "2025 Recap"),
    ("日本語", "日本語"),
    ("a", "A"),
    ("", ""),
    pytest.param("foo-", "Foo"),
    pytest.param("ßtraße", "Sstraße"),
    pytest.param("ǆungla", "ǅungla"),
])
def test_titleize_slug(slug: str, title: str) -> None:
    assert titleize_slug(slug) == title


# (text, default, pretty, pretty cased, raw): all five columns printed by Jekyll 4.3.1
SLUGS = [
    ("Hello, World!", "hello-world", "hello,-world!", "Hello,-World!", "hello,-world!"),
    ("The _config.yml file", "the-config-yml-file", "the-_config.yml-file",
     "The-_config.yml-file", "the-_config.yml-file"),
    ("  Spaces  around  ", "spaces-around", "spaces-around", "Spaces-around", "spaces-around"),
    ("Café crème", "café-crème", "café-crème", "Café-crème", "café-crème"),
    ("Ünïcödé Straße", "ünïcödé-straße", "ünïcödé-straße", "Ünïcödé-Straße", "ünïcödé-straße"),
    ("日本語のタイトル", "日本語のタイトル", "日本語のタイトル", "日本語のタイトル", "日本語のタイトル"),
    ("ÆØÅ", "æøå", "æøå", "ÆØÅ", "æøå"),
    ("ω-3", "ω-3", "ω-3", "ω-3", "ω-3"),
    ("hello-world_and.more", "hello-world-and-more", "hello-world_and.more",
     "hello-world_and.more", "hello-world_and.more"),
    ("trailing dots...", "trailing-dots", "trailing-dots...", "trailing-dots...",
     "trailing-dots..."),
    ("a/b\\c?d#e", "a-b-c-d-e", "a-b-c-d-e", "a-b-c-d-e", "a/b\\c?d#e"),
    ("Mixed CASE", "mixed-case", "mixed-case", "Mixed-CASE", "mixed-case"),
    ("---dashes---", "dashes", "dashes", "dashes", "--dashes--"),
    ("emoji 🎉 party", "emoji-party", "emoji-party", "emoji-party", "emoji-🎉-party"),
    ("100% sure", "100-sure", "100-sure", "100-sure", "100%-sure"),
    ("it's ok (really)", "it-s-ok-really", "it's-ok-(really)", "it's-ok-(really)",
     "it's-ok-(really)"),
    ("tab\there", "tab-here", "tab-here", "tab-here", "tab-here"),
]


def _slug_cases(column: int, mode: str, cased: bool) -> list[object]:
    cases: list[object] = [
        pytest.param(row[0], mode, cased, row[column], id=f"{mode}{'-cased' if cased else ''}-{row[0]}")
        for i, row in enumerate(SLUGS)
    ]
    name = f"{mode}{'-cased' if cased else ''}"
    if mode != "raw":
        cases.append(pytest.param("हिन्दी", mode, cased, "हिन्दी", id=f"{name}-devanagari"))
        cases.append(pytest.param("x²½", mode, cased, "x", id=f"{name}-other-numbers"))
    else:
        cases.append(pytest.param("हिन्दी", mode, cased, "हिन्दी", id="raw-devanagari"))
    return cases


@pytest.mark.parametrize(("text", "mode", "cased", "expected"), [
    *_slug_cases(1, "default", False),
    *_slug_cases(2, "pretty", False),
    *_slug_cases(3, "pretty", True),
    *_slug_cases(4, "raw", False),
])
def test_slugify(text: str, mode: str, cased: bool, expected: str) -> None:
    assert slugify(text, mode=mode, cased=cased) == expected


def test_slugify_default_mode_is_default() -> None:
    assert slugify("Hello, World!") == "hello-world"


def test_slugify_nothing_is_empty() -> None:
    assert slugify(None) == ""
    assert slugify("!!!") == ""

