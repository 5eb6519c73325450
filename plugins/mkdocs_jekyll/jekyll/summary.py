"""The one line every build logs: what happened to the posts, and how many problems there were."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .post import JekyllPost

REDIRECT_KEYS = ("redirect_from", "redirect_to")  # jekyll-redirect-from's keys


@dataclass
class BuildSummary:
    found: int = 0
    published: int = 0
    drafts: int = 0
    future: int = 0
    unpublished: int = 0
    redirected: int = 0  # redirect pages made for posts (`redirect_from` entries, `redirect_to`)

    def line(self, errors: int, warnings: int) -> str:
        return (
            f"{_count(self.found, 'post')} found: {self.published} published, "
            f"{_count(self.drafts, 'draft')}, {self.future} future, {self.unpublished} unpublished, "
            f"{self.redirected} redirected; {_count(errors, 'error')}, {_count(warnings, 'warning')}"
        )


def summarize(posts: Iterable[JekyllPost]) -> BuildSummary:
    summary = BuildSummary()
    for post in posts:
        summary.found += 1
        reason = post.draft_reason
        if reason is None:
            summary.published += 1
            summary.redirected += redirects_of(post)
        elif reason == "draft":
            summary.drafts += 1
        elif reason == "future":
            summary.future += 1
        else:
            summary.unpublished += 1
    return summary


def redirects_of(post: JekyllPost) -> int:
    """How many redirect pages a published post asks for. The keys stay in `post.extra` until
    redirect support reads them; then this counts what it made, from the same keys."""
    count = 0
    for key in REDIRECT_KEYS:
        value = post.extra.get(key)
        if isinstance(value, str) and value.strip():
            count += 1
        elif isinstance(value, list):
            count += sum(1 for item in value if isinstance(item, str) and item.strip())
    return count


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
