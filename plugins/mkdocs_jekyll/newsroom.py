"""What the news layouts need beyond Material's own context: which listing a page is, related
stories, author profiles, tag pages and image sizes. Called from plugin.py; no Jekyll rules here.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from .jekyll.archives import ListingUrls
from .jekyll.authors import Author
from .jekyll.imagesize import image_size
from .jekyll.names import slugify
from .jekyll.related import Story, related_stories
from .jekyll.text import markup_safe_text
from .post_store import Store
from .translator import Translation

log = get_plugin_logger(__name__)
TAG_TEMPLATE = "jekyll-tag.html"

# Material's defaults for the options this plugin sets: a value a site changed is left alone.
_MATERIAL_DEFAULTS = {
    "archive_url_format": "archive/{date}",
    "archive_url_date_format": "yyyy",
    "categories_url_format": "category/{slug}",
    "pagination_url_format": "page/{page}",
    "pagination_per_page": 10,
}


def apply_listing_urls(blog: Any, urls: ListingUrls, author_pages: bool) -> None:
    """Set Material's listing options to jekyll-archives' URLs where the site left them alone."""
    wanted: dict[str, Any] = {
        "archive_url_format": urls.archive_url_format,
        "categories_url_format": urls.categories_url_format,
        "pagination_url_format": urls.pagination_url_format,
        "pagination_per_page": urls.pagination_per_page,
    }
    for key, value in wanted.items():
        if value is not None and blog.config[key] == _MATERIAL_DEFAULTS[key]:
            blog.config[key] = value
    if author_pages:
        blog.config.authors_profiles = True
    for problem in urls.problems:
        log.warning("Error reading _config.yml: %s", problem)


def front_page_at_root(blog: Any, docs_dir: Path) -> None:
    """A Jekyll site's home page is its root: put Material's blog index there, unless the site
    chose a `blog_dir` or keeps pages in a `blog/` folder."""
    if blog.config.blog_dir == "blog" and not (docs_dir / "blog").exists():
        blog.config.blog_dir = "."


@dataclass
class TagPage:
    name: str
    posts: list[str]  # src_uri of the posts, newest first
    page: int
    pages: int
    urls: list[str] = field(default_factory=list)  # src_uri of every page of this tag


def add_tag_pages(translations: dict[str, Translation], files: Files, config: MkDocsConfig,
                  blog: Any, url_format: str) -> dict[str, TagPage]:
    """One listing per tag (and per page of it) at `url_format`, like jekyll-archives' tag pages."""
    by_tag: dict[str, list[Translation]] = {}
    names: dict[str, str] = {}
    for translation in translations.values():
        post = translation.post
        if post.draft or post.hidden:
            continue
        for tag in post.tags:
            slug = slugify(tag)  # jekyll-archives slugs tags with Jekyll's Utils.slugify
            if not slug:
                log.warning("Tag '%s' of '%s' has no letters or digits for its URL: no tag page",
                            tag, post.source)
                continue
            names.setdefault(slug, tag)
            by_tag.setdefault(slug, []).append(translation)
    step = max(int(blog.config.pagination_per_page), 1)
    root = posixpath.normpath(blog.config.blog_dir)
    pages: dict[str, TagPage] = {}
    for slug, tagged in sorted(by_tag.items()):
        tagged.sort(key=lambda t: t.post.date, reverse=True)
        base = posixpath.normpath(posixpath.join(root, url_format.format(slug=slug).strip("/")))
        count = (len(tagged) + step - 1) // step
        uris = [f"{base}.md"] + [
            posixpath.join(base, blog.config.pagination_url_format.format(page=n).strip("/"),
                           "index.md")
            for n in range(2, count + 1)
        ]
        for number, uri in enumerate(uris, start=1):
            if files.get_file_from_path(uri):
                log.warning("Tag page '%s' is not built: '%s' already exists", names[slug], uri)
                continue
            # Markdown keeps raw HTML and reads `{: onclick=...}` (attr_list), `*`, `` ` ``...
            title = markup_safe_text(names[slug].replace("\n", " "))
            content = f"---\ntemplate: {TAG_TEMPLATE}\nsearch:\n  exclude: true\n---\n\n# {title}\n"
            file = File.generated(config, uri, content=content)
            file.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(file)
            chunk = tagged[(number - 1) * step:number * step]
            pages[uri] = TagPage(names[slug], [t.copy_uri for t in chunk], number, count, uris)
    return pages


def escaped_view_heading(markdown: str, page: Any) -> str | None:
    """Material writes a section's or author's name as `# <name>` Markdown, which keeps raw HTML:
    escape it, on the pages Material generated (a site's own section page is left alone)."""
    if page.file.generated_by != "material/blog" or view_kind(page) not in ("category", "profile"):
        return None
    if not markdown.startswith("# ") or "\n" in markdown.strip():
        return None
    name = page.name.unescape() if isinstance(page.name, Markup) else str(page.name or "")
    # Markup-safe (HTML and Markdown characters as references), and the title as Markup, so
    # templates that escape (`| e`) do not escape it twice (see material_blog.py).
    page.meta["title"] = Markup(markup_safe_text(name))
    return f"# {page.meta['title']}"


def stories(translations: dict[str, Translation]) -> list[Story]:
    """What 'More in <section>' is worked out from: each listed post's date, sections and tags."""
    return [Story(uri, t.post.date, tuple(t.post.categories), tuple(t.post.tags))
            for uri, t in translations.items() if not (t.post.draft or t.post.hidden)]


def related_by_post(translations: dict[str, Translation], limit: int = 4,
                    store: Store | None = None) -> dict[str, list[str]]:
    """Each post's related stories; `store` keeps them for the next build, which works them
    out again only when some post's date, sections or tags changed."""
    told = stories(translations)
    if store is not None and store.get("stories") == told and store.get("limit") == limit:
        kept: dict[str, list[str]] = store.get("related")
        return kept
    related = related_stories(told, limit)
    if store is not None:
        store.save({"stories": told, "limit": limit, "related": related})
    return related


def image_sizes(translations: dict[str, Translation], docs_dir: Path) -> dict[str, list[int]]:
    """Width and height of each local post image, by its site path, where the file tells."""
    sizes: dict[str, list[int]] = {}
    for translation in translations.values():
        image = translation.post.image
        if image and image.local and image.url not in sizes:
            size = image_size(docs_dir / image.url)
            if size:
                sizes[image.url] = list(size)
    return sizes


def profile_author(page: Any, blog: Any, authors: dict[str, Author]) -> dict[str, Any] | None:
    """Name, bio, avatar and website of the author a Material profile page belongs to
    (Material gives the author the profile's URL)."""
    for author_id, material_author in blog.authors.items():
        if material_author.url == page.file.url:
            own = authors.get(author_id)
            return {"name": material_author.name, "description": material_author.description,
                    "avatar": material_author.avatar, "website": _web_url(own.url if own else None)}
    return None


def view_kind(page: Any) -> str | None:
    """'front', 'index', 'archive', 'category' or 'profile' for Material's listing pages."""
    from material.plugins.blog.structure import Archive, Category, Profile, View

    for kind, cls in (("archive", Archive), ("category", Category), ("profile", Profile)):
        if isinstance(page, cls):
            return kind
    if isinstance(page, View):
        return "front" if not page.pages or page.pages[0] is page else "index"
    return None


def section_blocks(blog: Any, per_section: int = 4) -> list[tuple[Any, list[Any]]]:
    """(category view, its latest listed posts) for the front page, busiest news first."""
    from material.plugins.blog.structure import Category

    blocks = []
    for view in blog.blog.views:
        if not isinstance(view, Category):
            continue
        listed = [post for post in view.posts if post.excerpt is not None]
        listed.sort(key=lambda post: post.config.date.created, reverse=True)
        if listed:
            blocks.append((view, listed[:per_section]))
    blocks.sort(key=lambda block: block[1][0].config.date.created, reverse=True)
    return blocks


def _web_url(url: str | None) -> str | None:
    """An author's website, only when it is an http(s) link (never `javascript:`)."""
    return url if url and url.lower().startswith(("https://", "http://")) else None


def neighbours(translations: dict[str, Translation]) -> dict[str, tuple[str | None, str | None]]:
    """Jekyll's `page.previous` and `page.next`: the published posts just older and newer
    (Material orders pinned posts first, which is not Jekyll's order)."""
    ordered = sorted((t for t in translations.values() if not t.post.draft),
                     key=lambda t: (t.post.date, t.post.source))
    uris = [t.copy_uri for t in ordered]
    return {uri: (uris[i - 1] if i else None, uris[i + 1] if i + 1 < len(uris) else None)
            for i, uri in enumerate(uris)}
