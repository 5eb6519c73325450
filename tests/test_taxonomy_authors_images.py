"""Categories, tags, authors and images: what a post's front matter makes of them."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any
from urllib.parse import unquote

import pytest
from mkdocs_jekyll.jekyll.authors import (
    Author,
    AuthorError,
    author_from_entry,
    initials_avatar,
    post_authors,
    read_authors,
)
from mkdocs_jekyll.jekyll.errors import ContentError
from mkdocs_jekyll.jekyll.images import Image, ImageError, read_image
from mkdocs_jekyll.jekyll.post import read_post
from mkdocs_jekyll.jekyll.site import SiteSettings
from mkdocs_jekyll.jekyll.taxonomy import (
    TaxonomyError,
    categories,
    respelled,
    shared_spellings,
    tags,
)

# -- categories (Document#populate_categories, checked against Jekyll 4.3.1) ------------------


@pytest.mark.parametrize(("front", "path_categories", "expected"), [
    pytest.param({}, (), [], id="none"),
    pytest.param({"categories": None}, (), [], id="empty-key"),
    pytest.param({"categories": "Foo Bar"}, (), ["Foo", "Bar"], id="space-separated-string"),
    pytest.param({"categories": "a, b"}, (), ["a,", "b"], id="comma-string-splits-on-spaces"),
    pytest.param({"categories": ""}, (), [], id="empty-string"),
    pytest.param({"category": "Big News"}, (), ["Big News"], id="singular-keeps-spaces"),
    pytest.param({"category": ["X", "Y"]}, (), ["X", "Y"], id="singular-list"),
    pytest.param({"categories": ["a b", "c"]}, (), ["a b", "c"], id="list-items-not-split"),
    pytest.param({"categories": ["Alpha", "alpha"]}, (), ["Alpha", "alpha"],
                 id="case-sensitive-duplicates-kept"),
    pytest.param({"categories": ["news", "news"]}, (), ["news"], id="exact-duplicates-dropped"),
    pytest.param({"categories": ["A"], "category": "B"}, (), ["A", "B"],
                 id="plural-then-singular"),
    pytest.param({"categories": ["World", "Extra"]}, ("world", "asia"),
                 ["world", "asia", "World", "Extra"], id="path-folders-first"),
    pytest.param({"categories": "sport Football", "category": "Big News"}, ("sport",),
                 ["sport", "Football", "Big News"], id="path-plural-singular"),
    pytest.param({"categories": ["news"]}, ("news",), ["news"], id="path-duplicate-dropped"),
    pytest.param({}, ("world",), ["world"], id="path-only"),
    pytest.param({"categories": ["news", None, 7]}, (), ["news", "7"], id="null-skipped-int-kept"),
    pytest.param({"categories": 2025}, (), ["2025"], id="single-number"),
    pytest.param({"categories": [" padded "]}, (), ["padded"], id="spaces-trimmed"),
    pytest.param({"categories": [date(2025, 8, 28)]}, (), ["2025-08-28"], id="date-name"),
])
def test_categories(front: dict[str, Any], path_categories: tuple[str, ...],
                    expected: list[str]) -> None:
    assert categories(front, path_categories) == expected


@pytest.mark.parametrize(("front", "expected"), [
    pytest.param({}, [], id="none"),
    pytest.param({"tags": "a b"}, ["a", "b"], id="space-separated-string"),
    pytest.param({"tags": ["x", "y"]}, ["x", "y"], id="list"),
    pytest.param({"tags": ["x", "x", "y"]}, ["x", "y"], id="duplicates-dropped"),
    pytest.param({"tag": "solo tag"}, ["solo tag"], id="singular-keeps-spaces"),
    pytest.param({"tag": ["a", "b"], "tags": "c"}, ["a", "b"], id="singular-wins"),
    pytest.param({"tags": [3, "three"]}, ["3", "three"], id="number"),
    pytest.param({"tag": None, "tags": ["a", "b"]}, ["a", "b"], id="empty-singular-falls-back"),
])
def test_tags(front: dict[str, Any], expected: list[str]) -> None:
    assert tags(front) == expected


def _categories(front: dict[str, Any]) -> list[str]:
    return categories(front, ())


@pytest.mark.parametrize(("rule", "front", "key", "message"), [
    pytest.param(_categories, {"categories": {"world": "asia"}}, "categories",
                 "a mapping, not a name", id="categories-mapping"),
    pytest.param(_categories, {"categories": [["nested"]]}, "categories",
                 "a list, not a name", id="categories-nested-list"),
    pytest.param(_categories, {"category": True}, "category", "a bool, not a name",
                 id="category-bool"),
    pytest.param(_categories, {"categories": ["ok", "  "]}, "categories", "empty, not a name",
                 id="categories-blank-name"),
    pytest.param(tags, {"tags": [{"name": "x"}]}, "tags", "a mapping, not a name",
                 id="tags-mapping-item"),
    pytest.param(tags, {"tag": {"a": 1}}, "tag", "a mapping, not a name", id="tag-mapping"),
    pytest.param(tags, {"tags": [False]}, "tags", "a bool, not a name", id="tags-bool"),
])
def test_taxonomy_wrong_types(rule: Any, front: dict[str, Any], key: str, message: str) -> None:
    with pytest.raises(TaxonomyError) as error:
        rule(front)
    assert error.value.key == key
    assert str(error.value) == message


@pytest.mark.parametrize(("posts", "expected"), [
    pytest.param([["News"], ["Sport"]], {}, id="distinct-names-untouched"),
    pytest.param([["Business"], ["business"], ["Business"]], {"business": "Business"},
                 id="most-used-spelling-wins"),
    pytest.param([["business"], ["Business"]], {"Business": "business"}, id="tie-first-seen-wins"),
    pytest.param([["Big News", "big news"], ["BIG NEWS"], ["BIG NEWS"]],
                 {"Big News": "BIG NEWS", "big news": "BIG NEWS"}, id="counted-per-post"),
])
def test_shared_spellings_pick_one_name_per_listing(posts: list[list[str]],
                                                    expected: dict[str, str]) -> None:
    assert shared_spellings(posts, key=str.lower) == expected


def test_respelled_keeps_order_and_drops_the_merged_duplicate() -> None:
    assert respelled(["business", "Business", "markets"], {"business": "Business"}) == [
        "Business", "markets"]


def test_taxonomy_error_reads_as_one_sentence() -> None:
    with pytest.raises(ContentError) as error:
        read_post("_posts/2025-08-28-x.md", "---\ncategories:\n  world: asia\n---\nx\n",
                  SiteSettings(now=datetime(2025, 9, 1, tzinfo=timezone.utc)))
    message = str(error.value)
    assert "front matter 'categories' of '_posts/2025-08-28-x.md'" in message
    assert "is a mapping is not" not in message


# -- authors named by a post ------------------------------------------------------------------


@pytest.mark.parametrize(("front", "ids"), [
    pytest.param({}, [], id="none"),
    pytest.param({"author": None}, [], id="empty-key"),
    pytest.param({"author": "jane"}, ["jane"], id="string"),
    pytest.param({"author": " jane "}, ["jane"], id="string-trimmed"),
    pytest.param({"authors": ["jane", "bob"]}, ["jane", "bob"], id="list"),
    pytest.param({"authors": "jane"}, ["jane"], id="plural-string"),
    pytest.param({"author": "jane, bob"}, ["jane", "bob"], id="comma-string"),
    pytest.param({"authors": "jane,bob, jane"}, ["jane", "bob"], id="comma-string-duplicate"),
    pytest.param({"authors": ["jane", "jane"]}, ["jane"], id="list-duplicate"),
    pytest.param({"author": 42}, ["42"], id="number-id"),
    pytest.param({"authors": ["a"], "author": "b"}, ["a"], id="plural-wins"),
    pytest.param({"authors": None, "author": "b"}, ["b"], id="empty-plural-falls-back"),
    pytest.param({"author": {"name": "Jane Doe"}}, ["jane-doe"], id="inline-mapping"),
    pytest.param({"authors": [{"name": "Zoë Ålund"}, "bob"]}, ["zoë-ålund", "bob"],
                 id="inline-and-id"),
    pytest.param({"author": {"display_name": "Jane Doe"}}, ["jane-doe"], id="display-name"),
    pytest.param({"author": ""}, [], id="blank-string-is-no-author"),
])
def test_post_author_ids(front: dict[str, Any], ids: list[str]) -> None:
    found = post_authors(front)
    assert found.ids == ids
    assert found.warnings == []


def test_inline_author_keeps_its_details() -> None:
    found = post_authors({"author": {"name": "Jane Doe", "bio": "Reporter",
                                     "url": "https://jane.example"}})
    assert found.inline == [Author("jane-doe", "Jane Doe", "Reporter", "", "https://jane.example")]


def test_inline_author_without_name_warns() -> None:
    found = post_authors({"author": {"email": "a@b.c"}})
    assert found.ids == []
    assert found.warnings == [
        "front matter 'author' has an author without a name: {'email': 'a@b.c'} "
        "(add 'name:' to it, or use an author id from _data/authors.yml)"
    ]


def test_author_without_name_is_skipped_others_kept() -> None:
    found = post_authors({"authors": ["jane", {"twitter": "@x"}, "bob"]})
    assert found.ids == ["jane", "bob"]
    assert len(found.warnings) == 1
    assert found.warnings[0].startswith("front matter 'authors' has an author without a name")


@pytest.mark.parametrize(("front", "key"), [
    pytest.param({"author": True}, "author", id="bool"),
    pytest.param({"author": 1.5}, "author", id="float"),
    pytest.param({"authors": [["jane"]]}, "authors", id="nested-list"),
    pytest.param({"authors": ["jane", None]}, "authors", id="null-in-list"),
])
def test_post_author_wrong_types(front: dict[str, Any], key: str) -> None:
    with pytest.raises(AuthorError) as error:
        post_authors(front)
    assert error.value.key == key
    assert str(error.value) == "an author must be an id or a mapping with a 'name'"


# -- authors files ----------------------------------------------------------------------------


def test_read_authors() -> None:
    found = read_authors({
        "jane": {"name": "Jane Doe", "bio": "Reporter"},
        "bob": "Bob Smith",
        "ghost": None,
        7: {"name": "Seven"},
    }, "_data/authors.yml")
    assert found == {
        "jane": Author("jane", "Jane Doe", "Reporter"),
        "bob": Author("bob", "Bob Smith"),
        "ghost": Author("ghost", "ghost"),
        "7": Author("7", "Seven"),
    }


def test_read_authors_nothing() -> None:
    assert read_authors(None, "_data/authors.yml") == {}


def test_read_authors_must_be_a_mapping() -> None:
    with pytest.raises(ContentError) as error:
        read_authors(["jane", "bob"], "_data/authors.yml")
    assert error.value.problem.path == "_data/authors.yml"
    assert "mapping of author ids to entries, not ['jane', 'bob']" in str(error.value)


def test_read_authors_entry_must_be_a_mapping() -> None:
    with pytest.raises(ContentError) as error:
        read_authors({"jane": ["Jane", "Doe"]}, "_data/authors.yml")
    assert error.value.problem.path == "_data/authors.yml"
    assert "author 'jane': ['Jane', 'Doe']: an author entry must be a mapping" in str(error.value)


@pytest.mark.parametrize(("entry", "words"), [
    pytest.param({"name": True}, "'name' is not text", id="bool-name"),
    pytest.param({"name": ["Jane", "Doe"]}, "'name' is not text", id="list-name"),
    pytest.param({"name": "J", "bio": {"a": 1}}, "'bio' is not text", id="mapping-bio"),
    pytest.param({"name": "J", "avatar": 42}, "'avatar' is not an image path", id="number-avatar"),
    pytest.param({"name": "J", "url": "javascript:alert(1)"}, "'javascript:' URL", id="js-url"),
    pytest.param({"name": "J", "url": " JavaScript:alert(1)"}, "'javascript:' URL", id="js-url-case"),
    pytest.param({"name": "J", "avatar": "javascript:alert(1)"}, "'javascript:' URL", id="js-avatar"),
    pytest.param({"name": "J", "url": "data:text/html,<script>"}, "'data:' URL", id="data-url"),
])
def test_author_entry_wrong_values_are_refused(entry: dict[str, Any], words: str) -> None:
    with pytest.raises(AuthorError) as error:
        author_from_entry("jane", entry)
    assert words in str(error.value)


GRAVATAR = "https://www.gravatar.com/avatar/9e26471d35a78862c17e467d87cddedf?s=128&d=identicon"


@pytest.mark.parametrize(("entry", "expected"), [
    pytest.param({"name": "Jane Doe"}, Author("jane", "Jane Doe"), id="name"),
    pytest.param({"name": "  Jane Doe  "}, Author("jane", "Jane Doe"), id="name-trimmed"),
    pytest.param({"display_name": "Jane D."}, Author("jane", "Jane D."), id="display-name"),
    pytest.param({}, Author("jane", "jane"), id="no-name-uses-id"),
    pytest.param({"name": "J", "bio": "Reporter"}, Author("jane", "J", "Reporter"), id="bio"),
    pytest.param({"name": "J", "description": "Editor"}, Author("jane", "J", "Editor"),
                 id="description"),
    pytest.param({"name": "J", "about": "Writer"}, Author("jane", "J", "Writer"), id="about"),
    pytest.param({"name": "J", "avatar": "/img/jane.png"}, Author("jane", "J", "", "img/jane.png"),
                 id="avatar-leading-slash"),
    pytest.param({"name": "J", "picture": "assets/p.jpg"}, Author("jane", "J", "", "assets/p.jpg"),
                 id="picture"),
    pytest.param({"name": "J", "avatar": "https://example.com/a.png"},
                 Author("jane", "J", "", "https://example.com/a.png"), id="avatar-url"),
    pytest.param({"name": "J", "avatar": {"path": "/a.png"}}, Author("jane", "J", "", "a.png"),
                 id="avatar-mapping"),
    pytest.param({"name": "J", "gravatar": " Jane@Example.com "}, Author("jane", "J", "", GRAVATAR),
                 id="gravatar-email"),
    pytest.param({"name": "J", "gravatar": "9e26471d35a78862c17e467d87cddedf"},
                 Author("jane", "J", "", GRAVATAR), id="gravatar-hash"),
    pytest.param({"name": "J", "avatar": "me.png", "gravatar": "jane@example.com"},
                 Author("jane", "J", "", "me.png"), id="avatar-before-gravatar"),
    pytest.param({"name": "J", "url": "https://jane.example"},
                 Author("jane", "J", url="https://jane.example"), id="url"),
    pytest.param({"name": "J", "web": "https://jane.example"},
                 Author("jane", "J", url="https://jane.example"), id="web"),
    pytest.param({"name": "J", "url": ""}, Author("jane", "J"), id="blank-url"),
])
def test_author_from_entry(entry: dict[str, Any], expected: Author) -> None:
    assert author_from_entry("jane", entry) == expected


def test_author_from_string_and_nothing() -> None:
    assert author_from_entry("bob", "Bob Smith") == Author("bob", "Bob Smith")
    assert author_from_entry("bob", None) == Author("bob", "bob")


def test_author_for_material() -> None:
    jane = Author("jane", "Jane Doe", "Reporter", "img/jane.png", "https://jane.example")
    assert jane.as_material() == {"name": "Jane Doe", "description": "Reporter",
                                  "avatar": "img/jane.png", "url": "https://jane.example"}


def test_author_for_material_without_avatar_gets_initials() -> None:
    entry = Author("bob", "Bob Smith").as_material()
    assert entry["avatar"] == initials_avatar("Bob Smith")
    assert "url" not in entry


@pytest.mark.parametrize(("name", "initials"), [
    ("Jane Doe", "JD"),
    ("jane", "J"),
    ("Mary-Jane Watson", "MJ"),
    ("Émile zola", "ÉZ"),
    ("Ada & Co", "AC"),
    ("", "?"),
    ("<b>", "?"),
])
def test_initials_avatar(name: str, initials: str) -> None:
    url = initials_avatar(name)
    assert url.startswith("data:image/svg+xml,")
    svg = unquote(url.removeprefix("data:image/svg+xml,"))
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert f'text-anchor="middle">{initials}</text></svg>' in svg


def test_initials_avatar_colour_is_stable() -> None:
    assert initials_avatar("Jane Doe") == initials_avatar("Jane Doe")


# -- images -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("front", "expected"), [
    pytest.param({}, None, id="none"),
    pytest.param({"image": None}, None, id="empty-key"),
    pytest.param({"image": ""}, None, id="empty-string"),
    pytest.param({"image": "assets/images/x.jpg"}, Image("assets/images/x.jpg", True),
                 id="path"),
    pytest.param({"image": "/assets/images/x.jpg"}, Image("assets/images/x.jpg", True),
                 id="leading-slash"),
    pytest.param({"image": "  /assets/x.jpg  "}, Image("assets/x.jpg", True), id="spaces"),
    pytest.param({"image": "assets/./img/../x.jpg"}, Image("assets/x.jpg", True),
                 id="dot-segments-inside"),
    pytest.param({"image": "assets/x.jpg?v=2"}, Image("assets/x.jpg", True), id="query-dropped"),
    pytest.param({"image": "https://cdn.example.com/x.jpg"},
                 Image("https://cdn.example.com/x.jpg", False), id="https-kept"),
    pytest.param({"image": "http://cdn.example.com/x.jpg"},
                 Image("http://cdn.example.com/x.jpg", False), id="http-kept"),
    pytest.param({"image": "//cdn.example.com/x.jpg"},
                 Image("https://cdn.example.com/x.jpg", False), id="scheme-relative"),
    pytest.param({"image": {"path": "/a.jpg", "alt": "A cat", "caption": "Photo: Jane"}},
                 Image("a.jpg", True, "A cat", "Photo: Jane"), id="mapping"),
    pytest.param({"image": {"feature": "a.jpg"}}, Image("a.jpg", True), id="mapping-feature"),
    pytest.param({"image": {"thumbnail": "https://x.example/t.jpg"}},
                 Image("https://x.example/t.jpg", False), id="mapping-thumbnail"),
    pytest.param({"image": "a.jpg", "image_alt": "Alt", "image_caption": "Cap"},
                 Image("a.jpg", True, "Alt", "Cap"), id="sibling-alt-caption"),
    pytest.param({"image": {"path": "a.jpg", "alt": "Own"}, "image_alt": "Sibling"},
                 Image("a.jpg", True, "Own"), id="mapping-alt-wins"),
])
def test_read_image(front: dict[str, Any], expected: Image | None) -> None:
    assert read_image(front) == expected


@pytest.mark.parametrize(("value", "message", "fix"), [
    pytest.param("javascript:alert(1)", "'javascript:' URLs are not allowed for images",
                 "use a path under docs/ or an https:// URL", id="javascript"),
    pytest.param("JavaScript:alert(1)", "'javascript:' URLs are not allowed for images",
                 "use a path under docs/ or an https:// URL", id="javascript-mixed-case"),
    pytest.param(" javascript:alert(1)", "'javascript:' URLs are not allowed for images",
                 "use a path under docs/ or an https:// URL", id="javascript-leading-space"),
    pytest.param("java\tscript:alert(1)", "'javascript:' URLs are not allowed for images",
                 "use a path under docs/ or an https:// URL", id="javascript-with-tab"),
    pytest.param("data:image/png;base64,AAAA", "'data:' URLs are not allowed for images",
                 "use a path under docs/ or an https:// URL", id="data"),
    pytest.param("file:///etc/passwd", "'file:' URLs are not allowed for images",
                 "use a path under docs/ or an https:// URL", id="file"),
    pytest.param("../secret.jpg", "points outside the site", "write the path from the site root",
                 id="parent"),
    pytest.param("/../secret.jpg", "points outside the site", "write the path from the site root",
                 id="root-parent"),
    pytest.param("assets/../../secret.jpg", "points outside the site",
                 "write the path from the site root", id="climbs-out"),
    pytest.param(".", "points outside the site", "write the path from the site root",
                 id="dot"),
    pytest.param("C:\\Users\\me\\photo.jpg", "is a file path on a computer, not a site path",
                 "copy the image under docs/ and write its path, e.g. assets/images/x.jpg",
                 id="windows-backslashes"),
    pytest.param("C:/Users/me/photo.jpg", "is a file path on a computer, not a site path",
                 "copy the image under docs/ and write its path, e.g. assets/images/x.jpg",
                 id="windows-drive"),
    pytest.param("\\\\server\\share\\photo.jpg", "is a file path on a computer, not a site path",
                 "copy the image under docs/ and write its path, e.g. assets/images/x.jpg",
                 id="windows-share"),
    pytest.param({"alt": "no path"}, "the image mapping has no 'path'",
                 "write 'image: {path: assets/images/photo.jpg, alt: ...}'", id="mapping-no-path"),
    pytest.param({"path": 5}, "int is not an image path",
                 "write a path such as assets/images/photo.jpg or an https:// URL",
                 id="mapping-number-path"),
    pytest.param(5, "int is not an image path",
                 "write a path such as assets/images/photo.jpg or an https:// URL", id="number"),
    pytest.param(["a.jpg"], "list is not an image path",
                 "write a path such as assets/images/photo.jpg or an https:// URL", id="list"),
])
def test_read_image_refuses(value: object, message: str, fix: str) -> None:
    with pytest.raises(ImageError) as error:
        read_image({"image": value})
    assert str(error.value) == message
    assert error.value.fix == fix
