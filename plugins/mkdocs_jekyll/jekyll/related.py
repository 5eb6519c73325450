"""'More in <section>': the stories closest to a post by shared section and tags.

A shared section weighs more than a shared tag; a tag few stories carry weighs more than a
common one (as inverse document frequency does). Ties go to the newer story. Stories that
share nothing are never offered, so the list is related, not merely recent.

Each section or tag offers at most the `WINDOW` stories nearest in date on either side, so a
site with one section of 50,000 stories still scores in linear time.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

SECTION_WEIGHT = 3.0
WINDOW = 100


@dataclass(frozen=True)
class Story:
    key: str
    date: datetime
    categories: tuple[str, ...]
    tags: tuple[str, ...]


def related_stories(stories: Sequence[Story], limit: int = 4) -> dict[str, list[str]]:
    """For each story's key, the keys of up to `limit` related stories, best first."""
    ordered = sorted(stories, key=lambda s: (s.date, s.key))
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)  # (kind, name) -> indexes
    for index, story in enumerate(ordered):
        for name in set(story.categories):
            postings["category", name].append(index)
        for name in set(story.tags):
            postings["tag", name].append(index)
    total = max(len(ordered), 1)

    def weight(kind: str, name: str) -> float:
        if kind == "category":
            return SECTION_WEIGHT
        return 1.0 + math.log(total / len(postings[kind, name]))

    weights = {key: weight(*key) for key in postings}
    # ties go to the newer story, then to the smaller key: one precomputed rank for both
    rank = [0] * len(ordered)
    newest_first = sorted(range(len(ordered)),
                          key=lambda o: (-ordered[o].date.timestamp(), ordered[o].key))
    for position, other in enumerate(newest_first):
        rank[other] = position
    result: dict[str, list[str]] = {}
    for index, story in enumerate(ordered):
        # the same order of additions in every process (a set's order follows string hashing,
        # which differs between runs), so that equal scores tie the same way in every build
        keys = ([("category", n) for n in sorted(set(story.categories))]
                + [("tag", n) for n in sorted(set(story.tags))])
        scores: dict[int, float] = {}
        for key in keys:
            posting, gain = postings[key], weights[key]
            at = bisect_left(posting, index)
            window = posting[max(0, at - WINDOW):at + WINDOW + 1]
            if not scores:  # the first (often largest) window, set at C speed
                scores = dict.fromkeys(window, gain)
                continue
            get = scores.get
            for other in window:
                scores[other] = get(other, 0.0) + gain
        scores.pop(index, None)
        # nsmallest(n, ...) is sorted(...)[:n] without sorting every candidate
        best = heapq.nsmallest(limit, [(-score, rank[o], o) for o, score in scores.items()])
        result[story.key] = [ordered[o].key for _, _, o in best]
    return result
