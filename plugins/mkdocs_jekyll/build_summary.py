"""One summary line per build: posts found, published, drafts, future, unpublished, redirected,
and the build's errors and warnings (MkDocs counts them only with --strict, so count here)."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import CountHandler

from .jekyll.post import JekyllPost
from .jekyll.summary import summarize

log = get_plugin_logger(__name__)


class BuildSummary:
    def __init__(self) -> None:
        self.counter: CountHandler | None = None
        self.done = False

    def start(self) -> None:
        """Count this build's warnings and errors, from on_config on."""
        logger = logging.getLogger("mkdocs")
        if self.counter is not None:
            logger.removeHandler(self.counter)
        self.counter = CountHandler(level=logging.WARNING)
        logger.addHandler(self.counter)
        self.done = False

    def finish(self, posts: Iterable[JekyllPost], redirected: int, failed: bool) -> None:
        """Log the line once, from on_post_build or, when the build stops, on_build_error."""
        if self.done or self.counter is None:
            return
        self.done = True
        counts = dict(self.counter.get_counts())
        errors = counts.get("ERROR", 0) + counts.get("CRITICAL", 0) + int(failed)  # logged after
        log.info("%s", summarize(posts, redirected=redirected).line(errors,
                                                                     counts.get("WARNING", 0)))
        logging.getLogger("mkdocs").removeHandler(self.counter)
        self.counter = None
