"""The translated copy handed to Material's blog: native front matter plus the original body."""

from __future__ import annotations

from typing import Any

from . import yamlcopy
from .post import JekyllPost


def material_front_matter(post: JekyllPost) -> dict[str, Any]:
    """Front matter in the form Material's blog validates (`date`, `authors`, `categories`, ...).

    Unknown keys from the original stay, so templates can read them from `page.meta`; what this
    plugin worked out for the templates lives under `jekyll:`.
    """
    meta: dict[str, Any] = dict(post.extra)
    meta["title"] = post.title
    meta["date"] = {"created": post.date}
    if post.updated:
        meta["date"]["updated"] = post.updated
    meta["slug"] = post.slug
    if post.authors:
        meta["authors"] = post.authors
    if post.categories:
        meta["categories"] = post.categories
    if post.tags:
        meta["tags"] = post.tags
    if post.description:
        meta["description"] = post.description
    meta["draft"] = post.draft
    meta["pin"] = post.pin
    if post.template:
        meta["template"] = post.template
    meta["jekyll"] = {
        "source": post.source,
        "url": post.url,
        "date_source": post.date_source,
        "excerpt": post.excerpt,
        "hidden": post.hidden,
        "draft_reason": post.draft_reason,
        "image": (
            {"url": post.image.url, "local": post.image.local, "alt": post.image.alt,
             "caption": post.image.caption}
            if post.image else None
        ),
    }
    return meta


def render_copy(post: JekyllPost) -> str:
    front = yamlcopy.dump(material_front_matter(post))
    return f"---\n{front}---\n\n{post.body}"


def copy_front_matter(copy: str, post: JekyllPost) -> str | None:
    """The front matter text of `copy` (made from `post` by `render_copy`) as Material's blog
    reads it: the text up to the first line "---" or "..." (MkDocs' `YAML_RE`), so None when a
    line of the front matter starts so (never for what `yamlcopy.dump` writes)."""
    end = len(copy) - len(post.body) - 5
    front = copy[4:end]
    if (not copy.startswith("---\n") or copy[end:end + 5] != "---\n\n"
            or "\n---" in front or "\n..." in front):
        return None
    return front
