"""Story cards rendered once per post and kind, for every listing they appear on.

A post's card (partials/jekyll-card.html) is the same HTML on the front page, its section
front, its author's page, its tags and the year archive, but for its links, which are relative
to the listing. The first listing renders it with its links marked (relative_links.py); the
others get that HTML with their own relative links. A card whose links could not be marked is
rendered on every listing, as it is with the speed-ups off.
"""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from .relative_links import MarkRelativeUrls, marked_template, rebase


class CardCache:
    """The `jekyll_card_cache(post, size, heading)` call block of the story cards, for one
    build."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        # by (id of the post, size, heading): the post (kept, so its id stays its own) and the
        # card's marked HTML, or None when its links could not be marked
        self.entries: dict[tuple[int, str, str], tuple[Any, str | None]] = {}
        self.hits = 0
        self.misses = 0

    @pass_context
    def __call__(self, context: Context, post: Any, size: str, heading: str,
                 caller: Any) -> Markup:
        page = context.get("page")
        url = getattr(page, "url", None)
        if not self.enabled or url is None:
            return Markup(caller())
        key = (id(post), size, heading)
        if key in self.entries:
            self.hits += 1
        else:
            self.misses += 1
            with MarkRelativeUrls(against=url) as marks:
                html = str(caller())
            self.entries[key] = (post, marked_template(html, marks.marked))
        found = self.entries[key][1]
        if found is None:
            return Markup(caller())
        return Markup(rebase(found, url))
