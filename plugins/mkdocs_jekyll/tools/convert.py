"""`mkdocs-jekyll convert SRC DEST`: a Jekyll site as a plain MkDocs + Material blog project.

The translator's work, written to a project instead of a cache: posts get Material's native
front matter, authors go to `.authors.yml`, `mkdocs.yml` is made from `_config.yml`, and every
post whose URL Material cannot reproduce gets a redirect (mkdocs-redirects) from its Jekyll URL.
"""

from __future__ import annotations

import posixpath
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..jekyll.authors import Author
from ..jekyll.errors import ContentError
from ..jekyll.names import slugify
from ..jekyll.post import JekyllPost, decode_post, is_draft_file, read_post
from ..jekyll.sitefiles import POST_EXTENSIONS, SkippedFiles, find_posts, is_jekyll_internal
from .sitecontext import JekyllSite, has_liquid, liquid_module, load_site

POST_DIR = "posts"
MARKDOWN_EXTENSIONS: list[Any] = ["smarty", "attr_list", "footnotes", "def_list", "abbr",
                                  {"toc": {"permalink": True}}]


@dataclass
class Conversion:
    converted: list[str] = field(default_factory=list)  # original paths, relative to SRC
    incomplete: list[str] = field(default_factory=list)  # "path: why" for each file not fully done
    redirects: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # changes a reader would not notice


@dataclass(frozen=True)
class UrlScheme:
    """How Material's blog will name post URLs in the converted project."""

    directory_urls: bool
    with_categories: bool
    max_categories: int

    def url(self, post: JekyllPost) -> str:
        parts = [slugify(c) for c in post.categories[: self.max_categories]] if self.with_categories else []
        path = posixpath.normpath("/".join([*parts, f"{post.date:%Y/%m/%d}", post.slug]))
        return f"/{path}/" if self.directory_urls else f"/{path}.html"


def convert_site(src: Path, dest: Path) -> Conversion:
    if dest.exists() and any(dest.iterdir()):
        raise FileExistsError(f"'{dest}' is not empty: convert writes a new project (pick an empty folder)")
    site = load_site(src)
    posts, report = _read_posts(src, site)
    scheme = _scheme(posts)
    docs = dest / "docs"
    _copy_other_files(src, docs, report, SkippedFiles(src, site.config))
    authors = dict(site.authors)
    _one_spelling_per_category(posts, report)
    for post, _ in posts:
        target = f"{POST_DIR}/{_flat_name(post.source)}"
        for author_id in post.authors:
            if author_id not in authors:
                inline = {a.id: a for a in post.inline_authors}
                authors[author_id] = inline.get(author_id, Author(author_id, author_id))
                if author_id not in inline:
                    report.incomplete.append(f"{post.source}: author '{author_id}' is not in "
                                             "_data/authors.yml, added with its id as name")
        problem = _render_liquid(src, post) if has_liquid(post.body) else None
        if problem:
            report.incomplete.append(f"{post.source}: {problem}")
        else:
            report.converted.append(post.source)
        _write(docs / target, _native_post(post))
        expected = scheme.url(post)
        if expected != post.url and not post.draft:
            report.redirects[_redirect_key(post.url)] = target
    _write(docs / ".authors.yml", _dump({"authors": {k: a.as_material() for k, a in authors.items()}}))
    if not (docs / "index.md").exists():
        _write(docs / "index.md", f"# {site.config.get('title') or 'Blog'}\n")
    _write(dest / "mkdocs.yml", _dump(_mkdocs_config(site, scheme, report.redirects)))
    return report


def _read_posts(src: Path, site: JekyllSite) -> tuple[list[tuple[JekyllPost, str]], Conversion]:
    report = Conversion()
    posts = []
    # drafts: _drafts() below
    dated = [s for s in find_posts(src, jekyll=site.config) if not is_draft_file(s)]
    for source in [*dated, *_drafts(src)]:
        try:
            text = decode_post(source, (src / source).read_bytes())
            post = read_post(_dated(src, source), text, site.settings)
        except ContentError as error:
            report.incomplete.append(f"{source}: not converted: {error}")
            continue
        if source.startswith("_drafts/"):
            post.source, post.draft_reason = source, "draft"
        posts.append((post, text))
    return posts, report


def _drafts(src: Path) -> list[str]:
    folder = src / "_drafts"
    return sorted(f"_drafts/{p.name}" for p in folder.glob("*") if p.suffix in POST_EXTENSIONS) \
        if folder.is_dir() else []


def _dated(src: Path, source: str) -> str:
    """Jekyll dates an undated draft by its file's modification time."""
    if not source.startswith("_drafts/"):
        return source
    from datetime import datetime

    stamp = datetime.fromtimestamp((src / source).stat().st_mtime)
    return f"_drafts/{stamp:%Y-%m-%d}-{source.split('/', 1)[1]}"


def _scheme(posts: list[tuple[JekyllPost, str]]) -> UrlScheme:
    urls = [post.url for post, _ in posts]
    html = sum(url.endswith(".html") for url in urls)
    most = max((len(post.categories) for post, _ in posts), default=0)
    return UrlScheme(directory_urls=html * 2 < len(urls) or not urls,
                     with_categories=most > 0, max_categories=max(most, 1))


def _one_spelling_per_category(posts: list[tuple[JekyllPost, str]], report: Conversion) -> None:
    """Jekyll keeps `business` and `Business` apart; Material and Zensical need one name per
    listing URL, so the first spelling met wins and every change is reported."""
    spelled: dict[str, str] = {}
    for post, _ in posts:
        renamed = []
        for category in post.categories:
            first = spelled.setdefault(slugify(category), category)
            if first != category:
                report.notes.append(f"{post.source}: category '{category}' written as '{first}'")
            renamed.append(first)
        post.categories = list(dict.fromkeys(renamed))


def _native_post(post: JekyllPost) -> str:
    meta: dict[str, Any] = {k: v for k, v in post.extra.items() if k not in ("layout", "permalink")}
    meta["title"] = post.title
    meta["date"] = {"created": post.date, **({"updated": post.updated} if post.updated else {})}
    meta["slug"] = post.slug
    for key, value in (("authors", post.authors), ("categories", post.categories),
                       ("tags", post.tags), ("description", post.description)):
        if value:
            meta[key] = value
    if post.draft:
        meta["draft"] = True
    if post.pin:
        meta["pin"] = True
    return f"---\n{_dump(meta)}---\n\n{post.body}"


def _mkdocs_config(site: JekyllSite, scheme: UrlScheme, redirects: dict[str, str]) -> dict[str, Any]:
    config = site.config
    url = str(config.get("url") or "").rstrip("/") + str(config.get("baseurl") or "").rstrip("/")
    blog: dict[str, Any] = {"blog_dir": ".", "post_url_format":
                            "{categories}/{date}/{slug}" if scheme.with_categories else "{date}/{slug}"}
    if scheme.with_categories:
        blog["post_url_max_categories"] = scheme.max_categories
    plugins: list[Any] = ["search", {"blog": blog}]
    if redirects:
        plugins.append({"redirects": {"redirect_maps": dict(sorted(redirects.items()))}})
    result: dict[str, Any] = {"site_name": str(config.get("title") or "News")}
    if config.get("description"):
        result["site_description"] = str(config["description"])
    if url:
        result["site_url"] = url + "/"
    result["use_directory_urls"] = scheme.directory_urls
    result["theme"] = {"name": "material"}
    result["markdown_extensions"] = MARKDOWN_EXTENSIONS
    result["plugins"] = plugins
    return result


def _copy_other_files(src: Path, docs: Path, report: Conversion, skipped: SkippedFiles) -> None:
    """Pages and assets: everything Jekyll would copy, except the posts (written separately)."""
    for path in sorted(src.rglob("*")):
        rel = path.relative_to(src).as_posix()
        if not path.is_file() or rel.startswith((".", "_site/")) or "/." in rel:
            continue
        if is_jekyll_internal(rel) or "_posts" in rel.split("/") or skipped(rel):
            continue
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
        if path.suffix in POST_EXTENSIONS and has_liquid(path.read_text("utf-8", errors="replace")):
            report.incomplete.append(f"{rel}: contains Liquid, copied unrendered ({_liquid_note()})")


def _redirect_key(url: str) -> str:
    path = url.lstrip("/")
    if not path or path.endswith("/"):
        return f"{path}index.md"
    return path[: -len(".html")] + ".md" if path.endswith(".html") else f"{path}/index.md"


def _flat_name(source: str) -> str:
    parts = source.split("/")
    return "/".join(p for p in parts if p not in ("_posts", "_drafts"))


def _render_liquid(src: Path, post: JekyllPost) -> str | None:
    """Render the post's Liquid with the package's Liquid support, when it has it and offers
    `render_post_text(site_root, source, body) -> str` (the body with its Liquid rendered; it
    may raise ContentError); else say why not."""
    render = getattr(liquid_module(), "render_post_text", None)
    if render is None:
        return f"contains Liquid, copied unrendered ({_liquid_note()})"
    try:
        body = render(src, post.source, post.body)
    except ContentError as error:
        return f"contains Liquid that does not render, copied unrendered: {error}"
    post.body = body if isinstance(body, str) else post.body
    return None


def _liquid_note() -> str:
    return ("render it by hand" if liquid_module() is None
            else "this installation's Liquid support cannot render for convert")


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1 << 16)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
