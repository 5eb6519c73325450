"""_config.yml keys, drafts, defaults, redirects and kramdown, in sites built by the plugin."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from conftest import Site, copy_site, text_of, tool_missing
from mkdocs.exceptions import Abort

FIRST = "/town/2025/03/04/first-story.html"


def _config(site: Site, text: str) -> None:
    site.write("_config.yml", "timezone: UTC\n" + text)


# -- _config.yml keys --------------------------------------------------------------------------


def test_key_that_changes_output_warns_once_by_name(minimal_site: Site) -> None:
    _config(minimal_site, "limit_posts: 5\nmarkdown: kramdown\ntheme: minima\n")
    minimal_site.build(strict=False)
    warned = [w for w in minimal_site.warnings() if "limit_posts" in w]
    assert len(warned) == 1, minimal_site.warnings()
    assert "_config.yml 'limit_posts'" in warned[0]
    with pytest.raises(Abort):
        minimal_site.build(strict=True)


def test_keys_without_effect_on_posts_are_info_and_pass_strict(minimal_site: Site) -> None:
    _config(minimal_site, "markdown: kramdown\ntheme: minima\nplugins: [jekyll-feed]\n"
                          "exclude: [Gemfile]\ntwitter_username: news\n")
    minimal_site.build(strict=True)
    assert minimal_site.warnings() == []
    infos = minimal_site.infos()
    for key in ("markdown", "theme", "plugins"):
        assert len([m for m in infos if f"_config.yml '{key}'" in m]) == 1, key
    assert not [m for m in infos if "twitter_username" in m]  # a site variable, not a setting
    assert not [m for m in infos if "_config.yml 'exclude'" in m]  # honoured, as Jekyll does


def test_url_baseurl_and_description_fill_what_mkdocs_yml_leaves_unset(minimal_site: Site) -> None:
    config = minimal_site.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_url: https://news.example.org/\n", ""))
    _config(minimal_site, "url: https://paper.example.com\nbaseurl: /news\n"
                          "description: All the news that fits\n")
    page = minimal_site.build().page(FIRST)
    assert page.select_one('link[rel="canonical"]')["href"] == (
        "https://paper.example.com/news" + FIRST)
    home = minimal_site.page("/")
    assert home.select_one('meta[name="description"]')["content"] == "All the news that fits"


def test_mkdocs_yml_site_url_wins_over_url(minimal_site: Site) -> None:
    _config(minimal_site, "url: https://paper.example.com\n")
    page = minimal_site.build().page(FIRST)
    assert page.select_one('link[rel="canonical"]')["href"] == "https://news.example.org" + FIRST


# -- defaults --------------------------------------------------------------------------------


def test_defaults_by_path_glob_and_type_front_matter_wins(minimal_site: Site) -> None:
    _config(minimal_site, """\
defaults:
  - scope: {path: "", type: posts}
    values: {permalink: "/:categories/:title/", author: desk}
  - scope: {path: "opinion/**"}
    values: {categories: [views], author: columnist}
  - scope: {path: "opinion/_posts/*-own-*", type: posts}
    values: {permalink: "/columns/:title.html"}
""")
    minimal_site.write("opinion/_posts/2025-03-05-a-view.md", "---\ntitle: A view\n---\nText.\n")
    minimal_site.write("opinion/_posts/2025-03-06-my-own-url.md",
                       "---\ntitle: Own\nauthor: editor\n---\nText.\n")
    minimal_site.build(strict=False)
    view = minimal_site.page("/opinion/views/a-view/")
    assert "columnist" in text_of(view.select_one(".jekyll-byline"))
    own = minimal_site.page("/columns/my-own-url.html")
    assert text_of(own.select_one(".jekyll-headline")) == "Own"
    assert "editor" in text_of(own.select_one(".jekyll-byline"))
    assert "columnist" not in text_of(own.select_one(".jekyll-byline"))


# -- drafts ----------------------------------------------------------------------------------


def _draft(site: Site) -> None:
    path = site.write("_drafts/an-idea.md", "---\ntitle: An idea\n---\nNot yet.\n")
    stamp = time.mktime((2025, 3, 7, 15, 0, 0, 0, 0, -1))
    os.utime(path, (stamp, stamp))


def test_drafts_are_not_published_without_show_drafts(minimal_site: Site) -> None:
    _draft(minimal_site)
    minimal_site.build()
    assert not list(minimal_site.out.rglob("an-idea*"))
    assert any(" 1 draft, " in m for m in minimal_site.infos())  # the build summary


def test_show_drafts_publishes_them_dated_by_their_mtime(minimal_site: Site) -> None:
    _draft(minimal_site)
    _config(minimal_site, "show_drafts: true\n")
    page = minimal_site.build().page("/2025/03/07/an-idea.html")
    assert text_of(page.select_one(".jekyll-headline")) == "An idea"


# -- redirects -------------------------------------------------------------------------------


def _redirect_target(page: object) -> tuple[str, str, str]:
    refresh = page.select_one('meta[http-equiv="refresh"]')["content"]  # type: ignore[attr-defined]
    canonical = page.select_one('link[rel="canonical"]')["href"]  # type: ignore[attr-defined]
    robots = page.select_one('meta[name="robots"]')["content"]  # type: ignore[attr-defined]
    return refresh, canonical, robots


def test_redirect_from_writes_pages_that_lead_to_the_post(minimal_site: Site) -> None:
    minimal_site.write("_posts/2025-03-08-moved.md",
                       "---\nredirect_from: [/old/moved/, /older.html]\n---\nBody.\n")
    minimal_site.build()
    target = "https://news.example.org/2025/03/08/moved.html"
    for old in ("/old/moved/", "/older.html"):
        assert _redirect_target(minimal_site.page(old)) == (f"0; url={target}", target, "noindex")
    assert any("redirect_from of '_posts/2025-03-08-moved.md'" in m for m in minimal_site.infos())


def test_redirect_to_makes_the_post_a_redirect_kept_off_listings(minimal_site: Site) -> None:
    minimal_site.write("_posts/2025-03-09-gone.md",
                       "---\ntitle: Gone\nredirect_to: https://elsewhere.example/x?a=1&b=2\n---\nB.\n")
    minimal_site.build()
    page = minimal_site.page("/2025/03/09/gone.html")
    target = "https://elsewhere.example/x?a=1&b=2"
    assert _redirect_target(page) == (f"0; url={target}", target, "noindex")
    assert "Gone" not in text_of(minimal_site.page("/").select_one(".md-content"))


def test_redirect_onto_a_page_is_an_error_naming_both(minimal_site: Site) -> None:
    minimal_site.write("about.md", "# About\n")
    minimal_site.write("_posts/2025-03-08-moved.md", "---\nredirect_from: /about/\n---\nBody.\n")
    with pytest.raises(Abort):
        minimal_site.build()
    message = minimal_site.errors()
    assert "'_posts/2025-03-08-moved.md'" in message
    assert "'about.md'" in message
    assert "redirect_from" in message


def test_redirect_to_javascript_is_refused(minimal_site: Site) -> None:
    minimal_site.write("_posts/2025-03-08-bad.md", "---\nredirect_to: 'javascript:alert(1)'\n---\nB.\n")
    with pytest.raises(Abort):
        minimal_site.build()
    assert "front matter 'redirect_to' of '_posts/2025-03-08-bad.md'" in minimal_site.errors()


# -- kramdown --------------------------------------------------------------------------------


KRAMDOWN_POST = """\
---
title: Kramdown
---
* TOC
{:toc}

{::options parse_block_html="true" /}

A lead paragraph.
{: .lead #intro}

## First
{: #custom}

## Hidden
{:.no_toc}

Some *stress*{: .strong} and ~~gone~~ text, HTML[^1].

~~~
x = 1
~~~
{: .language-python}

Term
: Definition.

[^1]: A footnote.

*[HTML]: Hyper Text Markup Language
"""


def test_kramdown_isms_render_out_of_the_box(minimal_site: Site) -> None:
    minimal_site.write("_posts/2025-03-08-kramdown.md", KRAMDOWN_POST)
    body = minimal_site.build().page("/2025/03/08/kramdown.html").select_one(
        ".jekyll-article__body")
    assert body.select_one("p.lead#intro") is not None
    assert body.select_one("h2#custom") is not None
    toc = [text_of(a) for a in body.select("#markdown-toc a")]
    assert toc == ["First"]
    assert "options" not in text_of(body)
    assert "{:" not in text_of(body)
    assert body.select_one("em.strong") is not None
    assert text_of(body.select_one("del")) == "gone"
    assert body.select_one("code.language-python") is not None
    assert text_of(body.select_one("dl dd")) == "Definition."
    assert body.select_one('abbr[title="Hyper Text Markup Language"]') is not None
    assert "A footnote." in text_of(body.select_one(".footnote"))


def test_material_marker_is_not_an_excerpt_end_unless_it_is_jekylls(minimal_site: Site) -> None:
    _config(minimal_site, "excerpt_separator: <!--more-->\n")
    minimal_site.write("_posts/2025-03-08-spaced.md",
                       "---\ntitle: Spaced\n---\nFirst part.\n\n<!-- more -->\n\nSecond part.\n")
    minimal_site.build()
    card = [c for c in minimal_site.page("/").select("article.jekyll-card")
            if "Spaced" in text_of(c)]
    assert len(card) == 1
    assert "Second part." in text_of(card[0])  # Jekyll's excerpt is the whole post


def test_mkdocs_blog_plugin_posts_get_a_redirect_at_their_jekyll_url(tmp_path: Path) -> None:
    site = copy_site("navblog", tmp_path)
    site.build()
    target = "https://nav.example.org/blog/2025/03/04/first-story/"
    old = site.page("/town/2025/03/04/first-story.html")  # where Jekyll published it
    assert _redirect_target(old) == (f"0; url={target}", target, "noindex")
    assert any("moved of '_posts/2025-03-04-first-story.md'" in m for m in site.infos())
    assert not (site.out / "2025/03/12").exists()  # unpublished: no redirect either


def test_posts_jekyll_would_not_read_are_not_published(minimal_site: Site) -> None:
    _config(minimal_site, "exclude: [_posts/embargo, archive]\n")
    story = "---\ntitle: {0}\n---\n\nText of {0}.\n"
    minimal_site.write("_posts/embargo/2025-06-02-embargoed.md", story.format("Embargoed"))
    minimal_site.write("archive/_posts/2025-06-03-archived.md", story.format("Archived"))
    minimal_site.write("_posts/_2025-06-04-template.md", story.format("Template"))
    minimal_site.write("_private/_posts/2025-06-05-private.md", story.format("Private"))
    minimal_site.write("world/_posts/2025-06-06-abroad.md", story.format("Abroad"))
    minimal_site.build()
    built = "\n".join(p.read_text(encoding="utf-8") for p in minimal_site.out.rglob("*.html"))
    for title in ("Embargoed", "Archived", "Template", "Private"):
        assert f"Text of {title}" not in built, title
    assert "Text of Abroad" in minimal_site.page("/world/2025/06/06/abroad.html").get_text()
    left_out = [m for m in minimal_site.infos() if "that Jekyll does not publish" in m]
    assert len(left_out) == 1
    assert "_posts/embargo/2025-06-02-embargoed.md" in left_out[0]


# Files beside the posts: which of them Jekyll publishes (`_config.yml` below names the excluded
# and included ones). Each is a plain file, copied as it is by both, at the same path.
OTHER_FILES = {
    "ok.txt": True,
    "reports/final.txt": True,
    "_redirects": True,  # included
    "_notes.txt": False,
    "notes.txt~": False,
    "#scratch.txt": False,
    "_private/plan.txt": False,
    "world/_hidden/a.txt": False,
    "_posts/photo.jpg": False,  # not a post: Jekyll reads only posts from _posts
    "world/_posts/chart.png": False,
    "assets/_vars.css": False,
    "secret.txt": False,  # excluded
    "reports/draft-1.txt": False,  # excluded by a glob
    "node_modules/pkg/index.js": False,  # Jekyll's default exclude
    "vendor/bundle/gem.rb": False,
}
OTHER_CONFIG = "include: [_redirects]\nexclude: [secret.txt, reports/draft-*]\n"


def _other_files(site: Site) -> None:
    _config(site, OTHER_CONFIG)
    for rel in OTHER_FILES:
        site.write(rel, f"{rel}\n")
    site.write("_private/plan.md", "# The plan\n\nNot for publication.\n")


def test_files_jekyll_would_not_publish_are_left_out_and_named(minimal_site: Site) -> None:
    _other_files(minimal_site)
    minimal_site.build()
    published = {rel for rel in OTHER_FILES if (minimal_site.out / rel).is_file()}
    assert published == {rel for rel, shown in OTHER_FILES.items() if shown}
    assert not (minimal_site.out / "_private").exists()  # nor the page in it
    built = "\n".join(p.read_text(encoding="utf-8") for p in minimal_site.out.rglob("*.html"))
    assert "Not for publication" not in built
    left_out = [m for m in minimal_site.infos() if "that Jekyll does not publish" in m]
    assert len(left_out) == 1, minimal_site.infos()
    for rel in ("_notes.txt", "_posts/photo.jpg", "_private/plan.md", "secret.txt"):
        assert rel in left_out[0], rel
    assert "'include'" in left_out[0]  # how to publish one
    assert "_config.yml" not in left_out[0].split(" (")[0]  # Jekyll's own files go unnamed


def test_exclude_paths_start_at_the_jekyll_source_above_docs_dir(minimal_site: Site) -> None:
    """`_config.yml` one folder up (`jekyll_config: ../_config.yml`): its `exclude` names
    paths from there, `docs/...`, as Jekyll built from that folder would. `docs/archiv?`
    matches the folder but no path inside it: only the folder's own test can leave it out."""
    root = minimal_site.root
    (minimal_site.docs / "_config.yml").unlink()
    (root / "_config.yml").write_text("timezone: UTC\nexclude: [docs/archiv?, docs/secret.txt]\n",
                                      encoding="utf-8")
    config_file = root / "mkdocs.yml"
    config_file.write_text(config_file.read_text().replace(
        "  - jekyll\n", "  - jekyll:\n      jekyll_config: ../_config.yml\n"))
    story = "---\ntitle: {0}\n---\n\nText of {0}.\n"
    minimal_site.write("archive/_posts/2025-06-03-archived.md", story.format("Archived"))
    minimal_site.write("archive/old.txt", "old\n")
    minimal_site.write("secret.txt", "secret\n")
    minimal_site.write("ok.txt", "ok\n")
    minimal_site.build()
    built = "\n".join(p.read_text(encoding="utf-8") for p in minimal_site.out.rglob("*.html"))
    assert "Text of Archived" not in built
    assert not (minimal_site.out / "archive").exists()
    assert not (minimal_site.out / "secret.txt").exists()
    assert (minimal_site.out / "ok.txt").is_file()


def test_convert_copies_only_the_other_files_jekyll_publishes(minimal_site: Site,
                                                              tmp_path: Path) -> None:
    from mkdocs_jekyll.tools.convert import convert_site

    _other_files(minimal_site)
    convert_site(minimal_site.docs, tmp_path / "converted")
    docs = tmp_path / "converted" / "docs"
    assert {rel for rel in OTHER_FILES if (docs / rel).is_file()} == {
        rel for rel, shown in OTHER_FILES.items() if shown}
    assert not (docs / "_private").exists()


def test_jekyll_publishes_the_same_other_files(minimal_site: Site, tmp_path: Path) -> None:
    """Real Jekyll on the same folder: the fixture above is what it publishes."""
    jekyll = shutil.which("jekyll")
    if jekyll is None:
        tool_missing("real Jekyll is not installed (apt-get install jekyll)")
    _other_files(minimal_site)
    out = tmp_path / "jekyll-site"
    result = subprocess.run(
        [jekyll, "build", "--quiet", "--disable-disk-cache", "--source", str(minimal_site.docs),
         "--destination", str(out)], capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "TZ": "UTC", "LC_ALL": "C.UTF-8"})
    assert result.returncode == 0, result.stdout + result.stderr
    published = {rel for rel in OTHER_FILES if (out / rel).is_file()}
    assert published == {rel for rel, shown in OTHER_FILES.items() if shown}
    assert not (out / "_private").exists()


def test_exclude_and_include_patterns_match_as_ruby_fnmatch_without_flags() -> None:
    from mkdocs_jekyll.jekyll.sitefiles import EntryFilter

    entries = EntryFilter(Path("/site"), {"exclude": ["drafts*", "_posts/[^a]*", "old?"],
                                          "include": ["_keep.md"]})
    assert entries.rejects("drafts-2024", "")
    assert entries.rejects("x/drafts", "") is False  # the pattern is anchored at the source
    assert entries.rejects("b.md", "_posts")  # `[^a]` negates, and `*` matches on past a `/`
    assert entries.rejects("b/deeper.md", "_posts")
    assert not entries.rejects("a.md", "_posts")
    assert entries.rejects("old1", "")
    assert not entries.rejects("old12", "")
    assert not entries.rejects("_keep.md", "")  # included, though it starts with `_`
    assert entries.rejects("_other.md", "")
