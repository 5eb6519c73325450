"""A post as a plain MkDocs page, for themes without Material's blog (mkdocs-blog-plugin).

Such themes show the title in the navigation and the body, so the headline, byline, dateline and
(on `mkdocs serve`) the draft status are written into the top of the body, escaped.
"""

from __future__ import annotations

import posixpath
from html import escape
from typing import Any

import yaml

from .post import JekyllPost

STATUS_TEXT = {"draft": "Draft", "future": "Scheduled: not yet published",
               "unpublished": "Unpublished (published: false)"}


def nav_blog_uri(post: JekyllPost, folder: str) -> str:
    """`blog/YYYY/MM/DD/slug.md`: the layout mkdocs-blog-plugin reads dates and order from."""
    return posixpath.join(folder.strip("/"), f"{post.date:%Y/%m/%d}", f"{post.slug}.md")


def plain_front_matter(post: JekyllPost) -> dict[str, Any]:
    meta: dict[str, Any] = dict(post.extra)
    meta["title"] = post.title
    meta["date"] = post.date.isoformat()
    for key, value in (("authors", post.authors), ("categories", post.categories),
                       ("tags", post.tags), ("description", post.description)):
        if value:
            meta[key] = value
    meta["jekyll"] = {"source": post.source, "url": post.url, "draft_reason": post.draft_reason}
    return meta


def render_plain_copy(post: JekyllPost, author_names: dict[str, str]) -> str:
    front = yaml.safe_dump(plain_front_matter(post), sort_keys=False, allow_unicode=True,
                           width=1 << 16)
    return f"---\n{front}---\n\n{_header(post, author_names)}\n\n{post.body}"


def _header(post: JekyllPost, author_names: dict[str, str]) -> str:
    parts = [f'<h1 class="jekyll-headline">{escape(post.title)}</h1>']
    if post.draft_reason:
        reason = post.draft_reason
        parts.append(f'<p class="jekyll-status jekyll-status--{reason}" data-jekyll-status="{reason}">'
                     f"{escape(STATUS_TEXT.get(reason, reason))}</p>")
    names = [escape(author_names.get(a, a)) for a in post.authors]
    byline = f"By {', '.join(names)} · " if names else ""
    parts.append(f'<p class="jekyll-byline">{byline}<time datetime="{post.date.isoformat()}">'
                 f"{post.date.day} {post.date:%B %Y}</time></p>")
    return "\n".join(parts)
