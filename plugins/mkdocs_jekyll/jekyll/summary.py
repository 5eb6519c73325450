"""The one line every build logs: what happened to the posts, and how many problems there were."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .post import JekyllPost


@dataclass
class BuildSummary:
    found: int = 0
    published: int = 0
    drafts: int = 0
    future: int = 0
    unpublished: int = 0
    redirected: int = 0  # redirect pages written (`redirect_from`, `redirect_to`, moved URLs)

    def line(self, errors: int, warnings: int) -> str:
        return (
            f"{_count(self.found, 'post')} found: {self.published} published, "
            f"{_count(self.drafts, 'draft')}, {self.future} future, {self.unpublished} unpublished, "
            f"{self.redirected} redirected; {_count(errors, 'error')}, {_count(warnings, 'warning')}"
        )


def summarize(posts: Iterable[JekyllPost], redirected: int = 0) -> BuildSummary:
    """Count the posts by what happened to them; `redirected` is the number of redirect pages
    the build writes (jekyll-redirect-from's, see redirects.py)."""
    summary = BuildSummary(redirected=redirected)
    for post in posts:
        summary.found += 1
        reason = post.draft_reason
        if reason is None:
            summary.published += 1
        elif reason == "draft":
            summary.drafts += 1
        elif reason == "future":
            summary.future += 1
        else:
            summary.unpublished += 1
    return summary


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
