"""related_stories keeps its ranking while scoring faster: same result as the plain
score-everything-then-sort reference on generated sites."""

from __future__ import annotations

import math
import random
from bisect import bisect_left
from collections import defaultdict
from datetime import datetime, timedelta, timezone

import pytest
from mkdocs_jekyll.jekyll.related import SECTION_WEIGHT, WINDOW, Story, related_stories


def reference(stories: list[Story], limit: int) -> dict[str, list[str]]:
    ordered = sorted(stories, key=lambda s: (s.date, s.key))
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, story in enumerate(ordered):
        for name in set(story.categories):
            postings["category", name].append(index)
        for name in set(story.tags):
            postings["tag", name].append(index)
    total = max(len(ordered), 1)
    result = {}
    for index, story in enumerate(ordered):
        scores: dict[int, float] = defaultdict(float)
        keys = ([("category", n) for n in sorted(set(story.categories))]
                + [("tag", n) for n in sorted(set(story.tags))])
        for kind, name in keys:
            posting = postings[kind, name]
            at = bisect_left(posting, index)
            for other in posting[max(0, at - WINDOW):at + WINDOW + 1]:
                if other != index:
                    scores[other] += (SECTION_WEIGHT if kind == "category"
                                      else 1.0 + math.log(total / len(posting)))
        best = sorted(scores, key=lambda o: (-scores[o], -ordered[o].date.timestamp(), ordered[o].key))
        result[story.key] = [ordered[o].key for o in best[:limit]]
    return result


@pytest.mark.parametrize(("count", "limit"), [(0, 4), (1, 4), (30, 4), (400, 4), (400, 0), (300, 9)])
def test_same_ranking_as_a_full_sort(count: int, limit: int) -> None:
    rng = random.Random(count * 31 + limit)
    start = datetime(2020, 1, 1, tzinfo=timezone.utc)
    stories = [Story(f"s{i}", start + timedelta(hours=rng.randrange(3000)),
                     tuple(rng.sample("ABCDE", rng.randint(0, 2))),
                     tuple(rng.sample("abcdefghijkl", rng.randint(0, 4)))) for i in range(count)]
    assert related_stories(stories, limit) == reference(stories, limit)
