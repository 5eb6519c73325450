"""'More in <section>': the stories closest to a post by shared section and tags.

A shared section weighs more than a shared tag; a tag few stories carry weighs more than a
common one (as inverse document frequency does). Ties go to the newer story. Stories that
share nothing are never offered, so the list is related, not merely recent.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

SECTION_WEIGHT = 3.0


@dataclass(frozen=True)
class Story:
    key: str
    date: datetime
    categories: tuple[str, ...]
    tags: tuple[str, ...]


def related_stories(stories: Sequence[Story], limit: int = 4) -> dict[str, list[str]]:
    """For each story's key, the keys of up to `limit` related stories, best first."""
    tag_counts = Counter(tag for story in stories for tag in set(story.tags))
    total = max(len(stories), 1)

    def tag_weight(tag: str) -> float:
        return 1.0 + math.log(total / tag_counts[tag])

    result: dict[str, list[str]] = {}
    for story in stories:
        scored = []
        for other in stories:
            if other.key == story.key:
                continue
            score = SECTION_WEIGHT * len(set(story.categories) & set(other.categories))
            score += sum(tag_weight(tag) for tag in set(story.tags) & set(other.tags))
            if score > 0:
                scored.append((-score, -other.date.timestamp(), other.key))
        result[story.key] = [key for _, _, key in sorted(scored)[:limit]]
    return result
