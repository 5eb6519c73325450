"""Partials whose HTML is the same on every page of a build, rendered once for all of them.

Material includes its search dialog (partials/search.html) in every page's header, and renders
it anew each time, though nothing in it depends on the page: its strings follow the site's
language, its icons and options the theme's configuration. This package's copy of that partial
is wrapped in the `jekyll_same_html(name)` call block, which keeps the first rendering per
name and language for the build. Material's `config` block (the JSON its scripts read) and
`styles` block depend on the page only through `base_url`, the way back to the site's root:
this package's main.html wraps them in `jekyll_same_html(name, base_url)`. With the speed-ups
off they render every time. A site's own partials/search.html or main.html in its custom_dir
replaces this package's.
"""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup


class SameHtml:
    """The `jekyll_same_html(name)` call block, for one build."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.entries: dict[tuple[str, ...], str] = {}
        self.renders = 0

    @pass_context
    def __call__(self, context: Context, name: str, *parts: str, caller: Any) -> Markup:
        """`parts`: what else the HTML depends on (`base_url` for relative links)."""
        if not self.enabled:
            return Markup(caller())
        config = context.get("config")
        key = (name, str(config.theme["language"]) if config is not None else "", *parts)
        found = self.entries.get(key)
        if found is None:
            self.renders += 1
            found = self.entries[key] = str(caller())
        return Markup(found)
