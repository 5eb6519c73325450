"""The pure parts of the news layouts: related stories, image sizes, listing URLs, strings."""

from __future__ import annotations

import struct
import zlib
from datetime import datetime, timezone
from pathlib import Path

import pytest
from mkdocs_jekyll.jekyll.archives import listing_urls
from mkdocs_jekyll.jekyll.imagesize import image_size
from mkdocs_jekyll.jekyll.related import Story, related_stories
from mkdocs_jekyll.strings import translator


def _day(n: int) -> datetime:
    return datetime(2025, 9, n, tzinfo=timezone.utc)


def test_related_prefers_section_and_rare_tags_over_recency() -> None:
    stories = [
        Story("a", _day(1), ("News",), ("ferries", "council")),
        Story("b", _day(2), ("News",), ("ferries",)),  # same section, shared rare tag
        Story("c", _day(3), ("News",), ()),  # same section only
        Story("d", _day(9), ("Culture",), ("council",)),  # a shared tag only, but newest
        Story("e", _day(8), ("Culture",), ()),  # nothing shared: never offered
    ]
    related = related_stories(stories, limit=4)
    assert related["a"] == ["b", "c", "d"]
    assert related["e"] == ["d"]


def test_related_ties_go_to_the_newer_story_and_limit_holds() -> None:
    stories = [Story(str(n), _day(n), ("News",), ()) for n in range(1, 8)]
    assert related_stories(stories, limit=3)["1"] == ["7", "6", "5"]


def _png(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + struct.pack(
        ">I", zlib.crc32(b"IHDR" + ihdr))


def _jpeg(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00" + bytes(9)
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + bytes(3)
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


@pytest.mark.parametrize(
    ("name", "data", "size"),
    [
        ("a.png", _png(640, 360), (640, 360)),
        ("a.gif", b"GIF89a" + struct.pack("<HH", 20, 10) + bytes(8), (20, 10)),
        ("a.jpg", _jpeg(1200, 675), (1200, 675)),
        ("a.webp", b"RIFF" + bytes(4) + b"WEBPVP8X" + bytes(8) + (99).to_bytes(3, "little")
         + (49).to_bytes(3, "little"), (100, 50)),
        ("broken.jpg", b"\xff\xd8\xff\xe0\x00", None),
        ("text.png", b"not an image at all", None),
    ],
)
def test_image_size_from_the_file_header(tmp_path: Path, name: str, data: bytes,
                                         size: tuple[int, int] | None) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert image_size(path) == size


def test_image_size_of_a_missing_file_is_unknown(tmp_path: Path) -> None:
    assert image_size(tmp_path / "nope.jpg") is None


def test_demo_images_have_their_real_size() -> None:
    demo = Path(__file__).parent.parent / "docs/assets/images"
    for path in demo.glob("*.jpg"):
        size = image_size(path)
        assert size is not None, path
        assert min(size) > 0, path


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ({}, ("{date}", "category/{slug}", "tag/{slug}", None, None)),
        ({"paginate": 5, "paginate_path": "/page:num/"},
         ("{date}", "category/{slug}", "tag/{slug}", "page{page}", 5)),
        ({"paginate_path": "/blog/page/:num/index.html"},
         ("{date}", "category/{slug}", "tag/{slug}", "blog/page/{page}", None)),
        ({"jekyll-archives": {"permalinks": {"year": "/archive/:year/", "category": "/s/:name/",
                                             "tag": "/topics/:name.html"}}},
         ("archive/{date}", "s/{slug}", "topics/{slug}", None, None)),
    ],
)
def test_listing_urls_follow_jekyll_archives_and_paginate_path(config: dict[str, object],
                                                               expected: tuple[object, ...]) -> None:
    urls = listing_urls(config)
    assert (urls.archive_url_format, urls.categories_url_format, urls.tag_url_format,
            urls.pagination_url_format, urls.pagination_per_page) == expected
    assert urls.problems == []


def test_listing_urls_report_what_material_cannot_build() -> None:
    urls = listing_urls({
        "paginate_path": "/pages/",
        "jekyll-archives": {"enabled": ["year", "month"],
                            "permalinks": {"month": "/:year/:month/", "year": "/:year/:month/x/"}},
    })
    assert urls.pagination_url_format is None
    assert urls.archive_url_format == "{date}"
    text = "\n".join(urls.problems)
    assert "'month' archives are not built" in text
    assert "/:year/:month/x/" in text
    assert "has no ':num'" in text


def test_strings_in_the_site_language_fall_back_to_english() -> None:
    assert translator("de")("more_in", section="Wirtschaft") == "Mehr aus Wirtschaft"
    assert translator("fr-CA")("updated") == "Mis à jour"
    assert translator("pt_BR")("updated") == "Updated"
    assert translator("en")("no-such-key") == "no-such-key"


def test_every_language_has_every_word() -> None:
    from mkdocs_jekyll.strings import STRINGS

    for language, table in STRINGS.items():
        assert set(table) == set(STRINGS["en"]), language


def test_related_in_a_huge_section_looks_only_near_the_story_in_time() -> None:
    stories = [Story(f"s{n}", datetime(2000, 1, 1, tzinfo=timezone.utc).replace(year=2000 + n // 400,
                     day=1 + n % 28), ("News",), ()) for n in range(4000)]
    related = related_stories(stories, limit=3)
    assert len(related) == 4000
    assert all(len(keys) == 3 for keys in related.values())
