"""The Liquid environment a Jekyll site's posts are rendered in: python-liquid with Jekyll's tags
and filters, and the limits that keep a post from hanging the build or filling the disk."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from pathlib import Path
from typing import Any, ClassVar

from liquid import BoundTemplate, Environment, RenderContext
from liquid.exceptions import ResourceLimitError
from liquid.token import Token

from ..post import JekyllPost
from . import filters, tags
from .lexer import fast_tokenizer

# Limits (python-liquid's own, plus a budget over the whole render of one post).
LOOP_ITERATIONS = 100_000  # one loop, nested loops multiplied
TOTAL_ITERATIONS = 1_000_000  # every loop and include of one post added up
OUTPUT_BYTES = 5_000_000  # the rendered body of one post
NAMESPACE_BYTES = 5_000_000  # values assigned by one post
INCLUDE_DEPTH = 20  # includes inside includes
RENDER_SECONDS = 10.0  # wall clock for one post
FILTER_BYTES = 50_000_000  # text one filter may make
MULTIPLYING_FILTERS = frozenset({"replace", "replace_first", "replace_last"})


@dataclass
class LiquidSite:
    """What Liquid may see of a Jekyll site: plain data and a few injected callables."""

    docs_dir: Path
    config: dict[str, Any]  # _config.yml, with `url` and `baseurl` filled in
    posts: list[JekyllPost]  # every post read, published or not
    timezone: tzinfo = timezone.utc
    now: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    # The URL of a site file that is not a post (`{% link %}`), None when there is no such file.
    file_url: Callable[[str], str | None] = lambda path: None
    markdownify: Callable[[str], str] = lambda text: text
    markdown_key: str = ""  # what markdownify's output depends on (the Markdown settings)
    # Where `_includes/` and `_data/` are (the folder of _config.yml; None: docs_dir).
    site_root: Path | None = None
    # How `{% highlight %}` is written: "superfences" (pymdownx), "fenced_code" or "html".
    fence: str = "superfences"


class RenderBudget:
    """Loop iterations and includes left for one post, and the moment its time is up."""

    def __init__(self) -> None:
        self.steps = 0
        self.deadline = time.monotonic() + RENDER_SECONDS

    def spend(self, steps: int) -> None:
        self.steps += steps
        if self.steps > TOTAL_ITERATIONS:
            raise ResourceLimitError(
                f"more than {TOTAL_ITERATIONS} loop iterations and includes in one post",
                token=None)
        if time.monotonic() > self.deadline:
            raise ResourceLimitError(f"rendering took more than {RENDER_SECONDS:.0f} seconds",
                                     token=None)


class BudgetContext(RenderContext):
    def raise_for_loop_limit(self, length: int = 1) -> None:
        super().raise_for_loop_limit(length)
        budget = getattr(self.env, "budget", None)
        if budget is not None:
            budget.spend(max(length, 1))


class JekyllTemplate(BoundTemplate):
    context_class = BudgetContext


class JekyllEnvironment(Environment):
    loop_iteration_limit: ClassVar[int | None] = LOOP_ITERATIONS
    output_stream_limit: ClassVar[int | None] = OUTPUT_BYTES
    local_namespace_limit: ClassVar[int | None] = NAMESPACE_BYTES
    context_depth_limit: ClassVar[int] = INCLUDE_DEPTH
    template_class = JekyllTemplate

    def __init__(self, site: LiquidSite) -> None:
        super().__init__(strict_filters=True)
        self.site = site
        self.timezone = site.timezone
        self.budget: RenderBudget | None = None
        self.current_source = ""  # the post being rendered
        self.deps: dict[str, str] = {}  # what its render read, with a fingerprint of each
        self.parsed: dict[tuple[str, str], BoundTemplate] = {}  # markup in tags
        # includes read by this build, by (folder, name): (label, digest, template)
        self.includes: dict[tuple[str, str], tuple[str, str, BoundTemplate]] = {}
        self.post_names: dict[str, JekyllPost] | None = None  # see links.find_post
        for name, function in filters.FILTERS.items():
            self.add_filter(name, function)
        self.add_filter("markdownify", filters.markdownify_with(site.markdownify))
        for tag in tags.TAGS:
            self.add_tag(tag)
        for name, function in list(self.filters.items()):
            self.filters[name] = bounded(function, multiplies=name in MULTIPLYING_FILTERS)

    def tokenizer(self) -> Callable[[str], Iterator[Token]]:
        return fast_tokenizer() or super().tokenizer()

    def depends_on(self, key: str, fingerprint: str) -> None:
        self.deps[key] = fingerprint


def bounded(function: Callable[..., Any], multiplies: bool = False) -> Callable[..., Any]:
    """The filter, refused when text it could produce is larger than FILTER_BYTES (`replace`
    or `append` in a chain can grow a string without limit before anything is printed)."""

    @functools.wraps(function)
    def guarded(value: object, *args: object, **kwargs: object) -> Any:
        if isinstance(value, str) and value:
            longest = max((len(a) for a in args if isinstance(a, str)), default=0)
            extra = sum(len(a) for a in args if isinstance(a, str))
            growth = len(value) * max(1, longest) if multiplies else len(value)
            if growth + extra > FILTER_BYTES:
                raise ResourceLimitError(
                    f"filter result could exceed {FILTER_BYTES // 1_000_000} MB", token=None)
        result = function(value, *args, **kwargs)
        if isinstance(result, str) and len(result) > FILTER_BYTES:
            raise ResourceLimitError(f"filter result exceeds {FILTER_BYTES // 1_000_000} MB",
                                     token=None)
        return result

    return guarded


def new_environment(site: LiquidSite) -> JekyllEnvironment:
    return JekyllEnvironment(site)
