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
"""

from __future__ import annotations

import functools
import html
import json
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
from mkdocs_jekyll.jekyll.dates import site_timezone
from mkdocs_jekyll.jekyll.frontmatter import split_front_matter
from mkdocs_jekyll.jekyll.permalink import permalink_template
from mkdocs_jekyll.jekyll.post import JekyllPost, read_post
from mkdocs_jekyll.jekyll.site import SiteSettings

CONFORMANCE = Path(__file__).parent / "conformance"
SITES_DIR = CONFORMANCE / "sites"
EXPLAINED_FILE = CONFORMANCE / "explained_differences.yml"
SITES = sorted(path.name for path in SITES_DIR.iterdir() if (path / "_config.yml").is_file())
# `dest` is where the post's file is written (relative to the site directory).
FIELDS = ("url", "dest", "title", "date", "categories", "tags", "excerpt")
ENTRY_KEYS = {"site", "post", "field", "ours", "jekyll", "why"}
NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)
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


def _jekyll_executable() -> str:
    executable = shutil.which("jekyll")
    if executable is None:
        reason = "real Jekyll is not installed (apt-get install jekyll): no conformance oracle"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}, and CI=true requires it", pytrace=False)
        pytest.skip(reason)
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
    for path in sorted(destination.rglob("*")):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        try:
            record = json.loads(text)
        except json.JSONDecodeError as error:
            pytest.fail(f"{path} is not the JSON the layout prints ({error}):\n{text}",
                        pytrace=False)
        record["dest"] = path.relative_to(destination).as_posix()
        if record["path"] in posts:
            pytest.fail(f"Jekyll wrote {record['path']} twice", pytrace=False)
        posts[record["path"]] = record
    return JekyllOutput(posts)


@pytest.fixture(scope="module")
def jekyll_site(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], JekyllOutput]:
    """Build each site with real Jekyll once per session, on first use."""
    executable = _jekyll_executable()
    built: dict[str, JekyllOutput] = {}

    def get(site: str) -> JekyllOutput:
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
    settings = SiteSettings(
        timezone=site_timezone(config.get("timezone")),
        permalink=permalink_template(config.get("permalink")),
        now=NOW,
    )
    posts: dict[str, OurPost] = {}
    for path in sorted(root.rglob("*")):
        source = path.relative_to(root).as_posix()
        if path.is_file() and path.suffix in POST_SUFFIXES and "_posts" in source.split("/")[:-1]:
            text = path.read_text(encoding="utf-8")
            posts[source] = OurPost(read_post(source, text, settings),
                                    split_front_matter(source, text).data)
    return posts


def our_value(ours: OurPost, field: str) -> Any:
    """Our value for `field`, as Jekyll's layout prints it; None when it is not comparable."""
    post = ours.post
    if field == "date":
        return post.date.strftime(DATE_FORMAT)
    if field == "excerpt":
        if "excerpt" in ours.front:
            return post.excerpt
        if "description" in ours.front:  # then our description is not Jekyll's excerpt
            return None
        return " ".join(post.description.split())
    return getattr(post, field)


def jekyll_value(record: dict[str, Any], field: str) -> Any:
    value = record[field]
    if field == "excerpt":
        return " ".join(html.unescape(value or "").split())
    return value


# -- differences -----------------------------------------------------------------------------


def _explained() -> list[dict[str, Any]]:
    return yaml.safe_load(EXPLAINED_FILE.read_text(encoding="utf-8")) or []


def differences(site: str, field: str, jekyll: JekyllOutput) -> dict[str, tuple[Any, Any]]:
    found = {}
    for source, ours in our_site(site).items():
        record = jekyll.posts.get(source)
        mine = our_value(ours, field)
        if record is None or mine is None:  # unpublished posts: see test_same_posts_published
            continue
        theirs = jekyll_value(record, field)
        if mine != theirs:
            found[source] = (mine, theirs)
    return found


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("site", SITES)
def test_field_matches_jekyll(
    site: str, field: str, jekyll_site: Callable[[str], JekyllOutput]
) -> None:
    found = differences(site, field, jekyll_site(site))
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
def test_same_posts_published(site: str, jekyll_site: Callable[[str], JekyllOutput]) -> None:
    jekyll = jekyll_site(site)
    ours = our_site(site)
    problems = [f"{source}: Jekyll built it, but our draft_reason is {o.post.draft_reason!r}"
                for source, o in ours.items() if source in jekyll.posts and o.post.draft]
    problems += [f"{source}: Jekyll did not build it, but our draft_reason is None"
                 for source, o in ours.items() if source not in jekyll.posts and not o.post.draft]
    problems += [f"{source}: Jekyll built it, but we did not read it as a post"
                 for source in jekyll.posts if source not in ours]
    if problems:
        pytest.fail("\n".join([f"site {site}:", *problems, reproduce(site)]), pytrace=False)


def test_sites_cover_enough_posts() -> None:
    posts = [o for site in SITES for o in our_site(site).values()]
    assert len(posts) >= 20
    assert {o.post.draft_reason for o in posts} >= {"unpublished", "future", None}


def test_explained_differences_are_well_formed() -> None:
    for entry in _explained():
        assert set(entry) == ENTRY_KEYS, entry
        assert entry["site"] in SITES, entry
        assert entry["field"] in FIELDS, entry
        assert (SITES_DIR / entry["site"] / entry["post"]).is_file(), entry
        assert str(entry["why"]).strip() not in ("", "..."), entry
