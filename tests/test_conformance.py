"""Conformance: our port of Jekyll's post rules against the real Jekyll.

Every site under tests/conformance/sites is built by real Jekyll with a layout that prints each
post's facts as JSON (`_layouts/post.html`), and read by our `read_post`; the two are compared
post by post and field by field. Differences we accept are listed, each with its reason, in
tests/conformance/explained_differences.yml: a difference not listed there fails, and so does a
listed difference that no longer occurs.

Normalisations before comparing (everything else is compared exactly):

* excerpt: Jekyll's `strip_html` leaves HTML entities, so Jekyll's excerpt is HTML-unescaped;
  both excerpts are whitespace-normalised (Jekyll's side already is, by `normalize_whitespace`).
* Jekyll runs with TZ=UTC: without `timezone:` in `_config.yml` Jekyll uses the machine's zone,
  our port uses UTC.
* author: Jekyll's `page.authors` if set, else `[page.author]` (what themes show); ours is the
  list of author ids the plugin gives Material.
* body (sites in BODY_SITES only): the text of the rendered post, whitespace-normalised: Jekyll's
  `content` against the article body of the page the real plugin builds with MkDocs + Material;
  heading_ids: the ids of its headings, in order (links to `post.html#a-heading`);
  list_depths: how deep each list item is nested, in order.
"""

from __future__ import annotations

import functools
import html
import json
import logging
import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import Site, tool_missing
from mkdocs_jekyll.jekyll.defaults import merged_defaults, with_defaults
from mkdocs_jekyll.jekyll.frontmatter import split_front_matter
from mkdocs_jekyll.jekyll.post import JekyllPost, read_post
from mkdocs_jekyll.jekyll.redirects import find_redirects, redirects_json
from mkdocs_jekyll.jekyll.site import settings_from_config
from mkdocs_jekyll.jekyll.sitefiles import draft_mtime, find_posts

CONFORMANCE = Path(__file__).parent / "conformance"
SITES_DIR = CONFORMANCE / "sites"
EXPLAINED_FILE = CONFORMANCE / "explained_differences.yml"
OWN_RUNNER = {"liquid"}  # compared by its own test file (the Liquid half of issue 3)
SITES = sorted(path.name for path in SITES_DIR.iterdir()
               if (path / "_config.yml").is_file() and path.name not in OWN_RUNNER)
# `dest` is where the post's file is written (relative to the site directory).
FIELDS = ("url", "dest", "title", "date", "categories", "tags", "excerpt", "author", "body",
          "heading_ids", "list_depths")
BUILT_FIELDS = ("body", "heading_ids", "list_depths")  # compared on the page the real plugin builds
BODY_SITES = ("kramdown",)  # sites whose rendered body text is compared (built by the plugin)
ENTRY_KEYS = {"site", "post", "field", "ours", "jekyll", "why"}
NOW = datetime.now(timezone.utc)  # Jekyll's too: fixture dates stay far from it
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"  # the same format as the `date` filter in the layouts
POST_SUFFIXES = {".md", ".markdown"}
JEKYLL_ENV = {"JEKYLL_ENV": "production", "TZ": "UTC", "LC_ALL": "C.UTF-8"}


def reproduce(site: str) -> str:
    return (
        f"reproduce: TZ=UTC JEKYLL_ENV=production jekyll build --source "
        f"tests/conformance/sites/{site} --destination /tmp/{site}-site && "
        f"find /tmp/{site}-site -type f -exec cat {{}} +"
    )


# -- real Jekyll -----------------------------------------------------------------------------


@dataclass(frozen=True)
class JekyllOutput:
    posts: dict[str, dict[str, Any]]  # by source path relative to the site root
    redirects: dict[str, str]  # jekyll-redirect-from's pages: file -> where it leads
    redirects_json: dict[str, str] | None  # its redirects.json


def _jekyll_executable() -> str:
    executable = shutil.which("jekyll")
    if executable is None:
        tool_missing("real Jekyll is not installed (apt-get install jekyll): no conformance oracle")
    return executable


def _build(executable: str, site: str, destination: Path) -> JekyllOutput:
    command = [
        executable, "build", "--source", str(SITES_DIR / site), "--destination", str(destination),
        "--quiet", "--disable-disk-cache",
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, **JEKYLL_ENV},
    )
    if result.returncode != 0:
        pytest.fail(f"jekyll build failed for site {site!r} (exit {result.returncode}):\n"
                    f"{result.stdout}\n{result.stderr}\n{reproduce(site)}", pytrace=False)
    posts: dict[str, dict[str, Any]] = {}
    redirects: dict[str, str] = {}
    listing = None
    for path in sorted(destination.rglob("*")):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        dest = path.relative_to(destination).as_posix()
        if dest == "redirects.json":
            listing = json.loads(text)
            continue
        if text.startswith("<!DOCTYPE html>"):  # jekyll-redirect-from's redirect.html
            redirects[dest] = _redirect_target(text)
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as error:
            pytest.fail(f"{path} is not the JSON the layout prints ({error}):\n{text}",
                        pytrace=False)
        record["dest"] = path.relative_to(destination).as_posix()
        if record["path"] in posts:
            pytest.fail(f"Jekyll wrote {record['path']} twice", pytrace=False)
        posts[record["path"]] = record
    return JekyllOutput(posts, redirects, listing)


def _redirect_target(text: str) -> str:
    page = BeautifulSoup(text, "html5lib")
    refresh = page.select_one('meta[http-equiv="refresh"]')["content"]
    canonical = page.select_one('link[rel="canonical"]')["href"]
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    assert refresh == f"0; url={canonical}"
    return str(canonical)


@functools.cache
def _needs_plugins(site: str) -> None:
    """Sites that list Jekyll plugins need them installed (Debian ruby-jekyll-*)."""
    config = yaml.safe_load((SITES_DIR / site / "_config.yml").read_text(encoding="utf-8")) or {}
    for plugin in config.get("plugins") or []:
        found = subprocess.run(["ruby", "-e", f"require {plugin!r}"], capture_output=True,
                               check=False, timeout=60)
        if found.returncode != 0:
            tool_missing(f"Jekyll plugin {plugin} is not installed (apt-get install ruby-{plugin})")


@pytest.fixture(scope="module")
def jekyll_site(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], JekyllOutput]:
    """Build each site with real Jekyll once per session, on first use."""
    executable = _jekyll_executable()
    built: dict[str, JekyllOutput] = {}

    def get(site: str) -> JekyllOutput:
        _needs_plugins(site)
        if site not in built:
            built[site] = _build(executable, site, tmp_path_factory.mktemp(f"jekyll-{site}"))
        return built[site]

    return get


# -- our port --------------------------------------------------------------------------------


@dataclass(frozen=True)
class OurPost:
    post: JekyllPost
    front: dict[str, Any]


@functools.cache
def our_site(site: str) -> dict[str, OurPost]:
    root = SITES_DIR / site
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")) or {}
    settings = settings_from_config(config)
    settings.now = NOW
    posts: dict[str, OurPost] = {}
    for source in find_posts(root, jekyll=config):  # the files Jekyll reads as posts
        path = root / source
        if path.suffix in POST_SUFFIXES:
            text = path.read_text(encoding="utf-8")
            mtime = draft_mtime(root, source)
            front = with_defaults(split_front_matter(source, text).data,
                                  merged_defaults(settings.defaults, source))
            posts[source] = OurPost(read_post(source, text, settings, mtime), front)
    return posts


@functools.cache
def our_bodies(site: str, root: Path) -> dict[str, dict[str, Any]]:
    """The body text of each post as the real plugin renders it with MkDocs and Material."""
    shutil.copytree(SITES_DIR / site, root / "docs")
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        f"site_name: {site}\ntheme:\n  name: material\n"
        "plugins:\n  - jekyll\n  - blog:\n      blog_dir: .\n", encoding="utf-8")
    built = Site(root).build(strict=False)
    errors = [r.getMessage() for r in built.messages if r.levelno >= logging.ERROR]
    if errors:
        pytest.fail(f"the plugin failed to build site {site!r}: {errors}", pytrace=False)
    bodies = {}
    for source, ours in our_site(site).items():
        page = built.out / ours.post.dest
        if page.is_file():
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html5lib")
            body = soup.select_one(".jekyll-article__body")
            bodies[source] = {"body": body_text(body), "heading_ids": heading_ids(body),
                              "list_depths": list_depths(body)}
    return bodies


def heading_ids(node: Any) -> list[str]:
    return [h.get("id", "") for h in node.select("h1, h2, h3, h4, h5, h6")] if node else []


def list_depths(node: Any) -> list[int]:
    if node is None:
        return []
    return [len(li.find_parents(["ul", "ol"])) - len(node.find_parents(["ul", "ol"]))
            for li in node.select("li") if not li.find_parent(id="markdown-toc")
            and not li.find_parent(class_=["toc", "footnote", "footnotes"])]


def body_text(node: Any) -> str:
    return " ".join(node.get_text().split()) if node is not None else ""


def our_value(ours: OurPost, field: str) -> Any:
    """Our value for `field`, as Jekyll's layout prints it; None when it is not comparable."""
    post = ours.post
    if field == "author":
        return post.authors
    if field == "date":
        return post.date.strftime(DATE_FORMAT)
    if field == "excerpt":  # our description is the excerpt's plain text
        if "description" in ours.front:  # then our description is not Jekyll's excerpt
            return None
        return " ".join(post.description.split())
    return getattr(post, field)


def jekyll_value(record: dict[str, Any], field: str) -> Any:
    if field == "author":
        value = record.get("authors") or record.get("author")
        return [] if value is None else value if isinstance(value, list) else [value]
    if field == "body":
        return body_text(BeautifulSoup(record["content"], "html5lib"))
    if field == "heading_ids":
        return heading_ids(BeautifulSoup(record["content"], "html5lib"))
    if field == "list_depths":
        return list_depths(BeautifulSoup(record["content"], "html5lib").body)
    value = record[field]
    if field == "excerpt":
        return " ".join(html.unescape(value or "").split())
    return value


# -- differences -----------------------------------------------------------------------------


def _explained() -> list[dict[str, Any]]:
    return yaml.safe_load(EXPLAINED_FILE.read_text(encoding="utf-8")) or []


def differences(site: str, field: str, jekyll: JekyllOutput,
                bodies: dict[str, dict[str, Any]] | None = None) -> dict[str, tuple[Any, Any]]:
    found = {}
    for source, ours in our_site(site).items():
        record = jekyll.posts.get(source)
        mine = ((bodies or {}).get(source) or {}).get(field) if field in BUILT_FIELDS else \
            our_value(ours, field)
        if record is None or mine is None:  # unpublished posts: see test_same_posts_published
            continue
        theirs = jekyll_value(record, field)
        if mine != theirs:
            found[source] = (mine, theirs)
    return found


FIELD_CASES = [(site, field) for site in SITES for field in FIELDS
               if field not in BUILT_FIELDS or site in BODY_SITES]


@pytest.mark.parametrize(("site", "field"), FIELD_CASES)
def test_field_matches_jekyll(
    site: str, field: str, jekyll_site: Callable[[str], JekyllOutput],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bodies = None
    if field in BUILT_FIELDS:
        jekyll_site(site)  # skips (or fails on CI) without Jekyll before building ours
        bodies = our_bodies(site, tmp_path_factory.mktemp(f"ours-{site}"))
    found = differences(site, field, jekyll_site(site), bodies)
    listed = [e for e in _explained() if e["site"] == site and e["field"] == field]
    explained = {(e["post"], _key(e["ours"]), _key(e["jekyll"])) for e in listed}
    report = []
    for source, (mine, theirs) in found.items():
        if (source, _key(mine), _key(theirs)) not in explained:
            entry = {"site": site, "post": source, "field": field, "ours": mine,
                     "jekyll": theirs, "why": "..."}
            report.append(
                f"{site}: {source}: {field} differs from Jekyll\n"
                f"  ours:   {mine!r}\n  jekyll: {theirs!r}\n"
                f"  if this is accepted, add to {EXPLAINED_FILE.name}:\n"
                f"    - {_flow(entry)}"
            )
    occurring = {(s, _key(m), _key(t)) for s, (m, t) in found.items()}
    for entry in listed:
        if (entry["post"], _key(entry["ours"]), _key(entry["jekyll"])) not in occurring:
            report.append(
                f"{site}: {entry['post']}: {field} is listed in {EXPLAINED_FILE.name} but no "
                f"longer differs that way (listed ours={entry['ours']!r}, "
                f"jekyll={entry['jekyll']!r}): remove the entry"
            )
    if report:
        pytest.fail("\n".join([*report, reproduce(site)]), pytrace=False)


def _flow(entry: dict[str, Any]) -> str:
    return yaml.safe_dump(entry, default_flow_style=True, sort_keys=False, allow_unicode=True,
                          width=10_000).strip()


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


@pytest.mark.parametrize("site", SITES)
def test_redirects_match_jekyll_redirect_from(
    site: str, jekyll_site: Callable[[str], JekyllOutput]
) -> None:
    jekyll = jekyll_site(site)
    config = yaml.safe_load((SITES_DIR / site / "_config.yml").read_text(encoding="utf-8")) or {}
    settings = settings_from_config(config)
    published = [o.post for o in our_site(site).values() if not o.post.draft]
    ours = find_redirects(published, {}, settings.url)
    assert {r.dest: r.to for r in ours} == jekyll.redirects, reproduce(site)
    if jekyll.redirects_json is not None:
        assert json.loads(redirects_json(ours)) == jekyll.redirects_json


@pytest.mark.parametrize("site", SITES)
def test_same_posts_published(site: str, jekyll_site: Callable[[str], JekyllOutput]) -> None:
    jekyll = jekyll_site(site)
    ours = our_site(site)
    problems = [f"{source}: Jekyll built it, but our draft_reason is {o.post.draft_reason!r}"
                for source, o in ours.items() if source in jekyll.posts and o.post.draft]
    problems += [f"{source}: Jekyll did not build it, but our draft_reason is None"
                 for source, o in ours.items() if source not in jekyll.posts and not o.post.draft
                 and not o.post.redirect_to]
    problems += [f"{source}: Jekyll built it, but we did not read it as a post"
                 for source in jekyll.posts if source not in ours]
    if problems:
        pytest.fail("\n".join([f"site {site}:", *problems, reproduce(site)]), pytrace=False)


def test_sites_cover_enough_posts() -> None:
    posts = [o for site in SITES for o in our_site(site).values()]
    assert len(posts) >= 80
    assert {o.post.draft_reason for o in posts} >= {"unpublished", "future", "draft", None}


def test_explained_differences_are_well_formed() -> None:
    for entry in _explained():
        assert set(entry) == ENTRY_KEYS, entry
        assert entry["site"] in SITES, entry
        assert entry["field"] in FIELDS, entry
        assert (SITES_DIR / entry["site"] / entry["post"]).is_file(), entry
        assert str(entry["why"]).strip() not in ("", "..."), entry
