"""`mkdocs-jekyll check`: every rule the build applies to posts, without building.

Checks front matter and dates (the post reader), authors against the authors files, categories
that would share one listing, local images, two posts at one URL, and Liquid syntax when this
installation has Liquid support (`mkdocs_jekyll.jekyll.liquid.check_syntax`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from ..jekyll.errors import ContentError, Problem
from ..jekyll.frontmatter import key_line
from ..jekyll.names import slugify
from ..jekyll.post import JekyllPost, decode_post, read_post
from ..jekyll.sitefiles import draft_mtime, find_posts
from .sitecontext import JekyllSite, liquid_module, load_site


@dataclass(frozen=True)
class Finding:
    file: str  # as the contributor typed the folder, e.g. docs/_posts/x.md
    line: int
    level: str  # "error" or "warning"
    message: str


@dataclass
class Report:
    checked: int
    findings: list[Finding]

    def count(self, level: str) -> int:
        return sum(1 for f in self.findings if f.level == level)


def check_site(docs_dir: Path, only: Iterable[str] = ()) -> Report:
    """Check the posts under `docs_dir` (all, or only the relative paths in `only`)."""
    findings: list[Finding] = []
    try:
        site = load_site(docs_dir)
    except ContentError as error:
        return Report(0, [_finding(docs_dir, error.problem, "error", "")])
    wanted = set(only)
    sources = [s for s in find_posts(docs_dir, jekyll=site.config) if not wanted or s in wanted]
    posts: list[tuple[JekyllPost, str]] = []
    for source in sources:
        text = ""
        try:
            text = decode_post(source, (docs_dir / source).read_bytes())
            post = read_post(source, text, site.settings, draft_mtime(docs_dir, source))
        except ContentError as error:
            findings.append(_finding(docs_dir, error.problem, "error", text))
            continue
        posts.append((post, text))
        findings += [_finding(docs_dir, p, "warning", text) for p in post.warnings]
        findings += _post_findings(docs_dir, site, post, text)
    findings += _duplicate_urls(docs_dir, posts)
    findings += _category_clashes(docs_dir, posts)
    return Report(len(sources), findings)


def _post_findings(docs_dir: Path, site: JekyllSite, post: JekyllPost, text: str) -> list[Finding]:
    found: list[Problem] = []
    for author in post.authors:
        if author not in site.authors and author not in {a.id for a in post.inline_authors}:
            found.append(Problem(post.source, "author" if "author:" in text else "authors",
                                 f"'{author}' is not in _data/authors.yml",
                                 "add it there with a name, bio and avatar, or fix the id"))
    image = post.image
    if image and image.local and not (docs_dir / image.url).is_file():
        found.append(Problem(post.source, "image", f"'{image.url}' does not exist in {docs_dir}",
                             "add the file or fix the path"))
    result = [_finding(docs_dir, p, "warning", text) for p in found]
    liquid = liquid_module()
    check_syntax = getattr(liquid, "check_syntax", None) if liquid else None
    if check_syntax is not None:
        for problem in _liquid_problems(check_syntax, post.source, text):
            result.append(_finding(docs_dir, problem, "error", text))
    return result


def _liquid_problems(check_syntax: object, source: str, text: str) -> list[Problem]:
    """Run the Liquid module's syntax check; it may return problems or raise ContentError."""
    try:
        returned = check_syntax(source, text)  # type: ignore[operator]
    except ContentError as error:
        return [error.problem]
    problems: list[Problem] = []
    for item in returned or ():
        problems.append(item if isinstance(item, Problem) else Problem(source, None, str(item)))
    return problems


def _duplicate_urls(docs_dir: Path, posts: list[tuple[JekyllPost, str]]) -> list[Finding]:
    seen: dict[str, str] = {}
    found = []
    for post, _ in posts:
        if post.draft:
            continue
        if post.url in seen:
            found.append(Finding(str(docs_dir / post.source), 1, "error",
                                 f"'{post.source}' and '{seen[post.url]}' would both be published at "
                                 f"'{post.url}' (give one of them another 'slug', 'permalink' or date)"))
        seen.setdefault(post.url, post.source)
    return found


def _category_clashes(docs_dir: Path, posts: list[tuple[JekyllPost, str]]) -> list[Finding]:
    """`News` and `news` are two categories in Jekyll but one listing page in Material."""
    spelled: dict[str, str] = {}
    found = []
    for post, text in posts:
        for category in post.categories:
            first = spelled.setdefault(slugify(category), category)
            if first != category:
                line = key_line(text, "categories") or key_line(text, "category") or 1
                found.append(Finding(str(docs_dir / post.source), line, "warning",
                                     f"category '{category}' shares one listing with '{first}' "
                                     f"(spell it '{first}' everywhere)"))
    return found


def _finding(docs_dir: Path, problem: Problem, level: str, text: str) -> Finding:
    line = problem.line or (key_line(text, problem.key) if problem.key and text else None) or 1
    return Finding(str(docs_dir / problem.path), line, level, str(problem))


# -- output ------------------------------------------------------------------------------------

def format_report(report: Report, style: str) -> str:
    errors, warnings = report.count("error"), report.count("warning")
    summary = f"{report.checked} posts checked: {errors} errors, {warnings} warnings"
    if style == "json":
        return json.dumps({"checked": report.checked, "errors": errors, "warnings": warnings,
                           "problems": [asdict(f) for f in report.findings]}, indent=2)
    if style == "github":
        lines = [f"::{f.level} file={_gh(f.file, True)},line={f.line}::{_gh(f.message, False)}"
                 for f in report.findings]
        return "\n".join([*lines, summary])
    return "\n".join([*(f"{f.file}:{f.line}: {f.level}: {f.message}" for f in report.findings),
                      summary])


def _gh(text: str, is_property: bool) -> str:
    """Escape a workflow-command value (GitHub's toolkit rules)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if is_property else text
