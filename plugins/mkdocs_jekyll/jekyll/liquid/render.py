"""Render the Liquid in post bodies, as Jekyll does before Markdown, and say where it broke.

A body without `{{` or `{%` is returned as it is (no Liquid work at all). Rendered bodies are
remembered across `mkdocs serve` rebuilds (and, through `remembered`/`remember`, across builds),
keyed by the body and by a fingerprint of everything its render read (includes, linked posts,
`site.posts`, `site.data`, ...).
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from liquid.exceptions import LiquidError, ResourceLimitError, UnknownFilterError

from ..errors import ContentError, Problem
from ..frontmatter import split_front_matter
from ..post import JekyllPost
from . import drops, links, sandbox
from .environment import (
    INCLUDE_DEPTH,
    LOOP_ITERATIONS,
    OUTPUT_BYTES,
    TOTAL_ITERATIONS,
    JekyllEnvironment,
    LiquidSite,
    RenderBudget,
)
from .errors import JekyllError
from .sandbox import read_inside

UNKNOWN_TAG = re.compile(r"unexpected tag '([^']+)'|unknown tag '([^']+)'")
UNCLOSED = re.compile(r"expected tag end(\w+), found end of")
MAX_FIXES = 20  # in warn mode: unknown tags/filters left as text, per post


def has_liquid(body: str) -> bool:
    return "{{" in body or "{%" in body


@dataclass
class Rendered:
    text: str
    warnings: list[Problem] = field(default_factory=list)


@dataclass
class _Memo:
    body: str  # its SHA-1
    own: str  # the post file and what Jekyll worked out from it (url, date, ...)
    deps: dict[str, str]
    result: Rendered


class PostRenderer:
    """Renders one site's posts; keep the object across builds to reuse unchanged renders."""

    def __init__(self, keep: bool = True) -> None:
        self._memo: dict[str, _Memo] = {}
        self.keep = keep  # False: every body is rendered, and nothing is remembered
        self.rendered = 0  # renders done by the last build (the rest came from the memo)

    def remembered(self, sources: Iterable[str]) -> dict[str, _Memo]:
        """The memo's entries for these posts, to keep for a later build."""
        return {source: self._memo[source] for source in sources if source in self._memo}

    def remember(self, entries: dict[str, Any]) -> None:
        """Entries an earlier build kept; each is checked before use, as the memo's own are."""
        for source, entry in entries.items():
            if isinstance(entry, _Memo):
                self._memo.setdefault(source, entry)

    def start(self, site: LiquidSite, on_error: str = "error") -> None:
        """A new build: the site as it is now."""
        self.site, self.on_error, self.rendered = site, on_error, 0
        self.env: JekyllEnvironment | None = None
        self._site_drop: dict[str, Any] | None = None
        self._current: dict[str, str] = {}
        self._config_key = (drops.fingerprint(site.config) + on_error + site.fence
                            + site.markdown_key)

    # -- what a render read, now ---------------------------------------------------------

    def _now_value(self, key: str) -> str:
        if key not in self._current:
            self._current[key] = self._compute(key)
        return self._current[key]

    def _compute(self, key: str) -> str:
        kind, _, name = key.partition(":")
        site = self.site
        if kind == "site":
            if name == "time":
                return site.now.isoformat()
            if name == "data":
                return drops.fingerprint(drops.read_data(site.site_root or site.docs_dir))
            if name in ("posts", "categories", "tags", "related_posts"):
                return drops.fingerprint([drops.post_drop(p) for p in self._published()])
            return ""
        if kind == "config":
            return self._config_key
        env = self.environment()
        saved = dict(env.deps)
        try:
            if kind == "file":
                base, _, label = name.partition(":")
                folder, _, file = label.rpartition("/")
                try:
                    _, text = read_inside(sandbox.base_dir(site, base == "docs"), folder, file,
                                          "include", None)  # type: ignore[arg-type]
                except LiquidError:
                    return "missing"
                return hashlib.sha1(text.encode()).hexdigest()
            if kind == "post":
                if env.post_names is None:
                    env.post_names = links.post_index(site.posts)
                found = links.find_post(site.posts, name, env.post_names)
                return found.url if found and not found.draft else ""
            if kind == "link":
                try:
                    return links.file_url(env, name, None)  # type: ignore[arg-type]
                except LiquidError:
                    return ""
            return "?"
        finally:
            env.deps = saved

    def _published(self) -> list[JekyllPost]:
        posts = [p for p in self.site.posts if not p.draft]
        return sorted(posts, key=lambda p: (p.date, p.source), reverse=True)

    # -- the environment and `site` ------------------------------------------------------

    def environment(self) -> JekyllEnvironment:
        if self.env is None:
            self.env = JekyllEnvironment(self.site)
        return self.env

    def site_drop(self) -> dict[str, Any]:
        if self._site_drop is None:
            posts: list[dict[str, Any]] = [drops.listed_drop(p, self.site.markdownify)
                                           for p in self._published()]
            self._site_drop = drops.site_values(self.site.config, posts,
                                                drops.read_data(self.site.site_root
                                                                or self.site.docs_dir),
                                                self.site.now)
        return self._site_drop

    # -- rendering -----------------------------------------------------------------------

    def render(self, post: JekyllPost, body: str, original: Callable[[], str],
               read_from: str | None = None) -> Rendered:
        """`body` with its Liquid rendered; `original` gives the post file's text (for lines).
        `read_from` names what the post was read from (its file's bytes and the settings), when
        the caller knows it: then the file is not read again to tell whether `page` changed."""
        if not has_liquid(body):
            return Rendered(body)
        if not self.keep:
            self.rendered += 1
            self.environment().deps = {}
            return self._render_text(post, body, original)
        memo = self._memo.get(post.source)
        # `page` comes from the post's own file
        own = f"read {read_from}" if read_from is not None else _own_key(post, original())
        body_key = hashlib.sha1(body.encode()).hexdigest()
        if memo and memo.body == body_key and memo.own == own and all(
                self._now_value(key) == value for key, value in memo.deps.items()):
            return memo.result
        env = self.environment()
        env.deps = {"config:": self._config_key}
        result = self._render_text(post, body, original)
        self._memo[post.source] = _Memo(body_key, own, dict(env.deps), result)
        self.rendered += 1
        return result

    def _render_text(self, post: JekyllPost, body: str, original: Callable[[], str]) -> Rendered:
        warnings: list[Problem] = []
        for _ in range(MAX_FIXES):
            try:
                return Rendered(self._render_once(post, body, original), warnings)
            except LiquidError as error:
                problem = self._problem(post, body, original, error)
                kept = self._keep_as_text(body, error) if self.on_error == "warn" else None
                if kept is None:
                    raise ContentError(problem) from None
                warnings.append(problem)
                body = kept
        raise ContentError(Problem(post.source, None, "too many Liquid problems",
                                   "fix the unknown tags and filters"))

    def _render_once(self, post: JekyllPost, body: str, original: Callable[[], str]) -> str:
        env = self.environment()
        env.current_source = post.source
        env.budget = RenderBudget()
        site = drops.TrackedSite(self.site_drop(),
                                 lambda key: env.depends_on(f"site:{key}", self._now_value(
                                     f"site:{key}")))
        values = drops.post_drop(post)
        del values["excerpt"]
        page = drops.PageDrop(values, lambda: split_front_matter(post.source, original()).data,
                              drops.excerpt_html(post, self.site.markdownify))
        template = env.from_string(body, name=post.source)
        try:
            return template.render(site=site, page=page)
        finally:
            env.budget = None

    # -- errors --------------------------------------------------------------------------

    def _problem(self, post: JekyllPost, body: str, original: Callable[[], str],
                 error: LiquidError) -> Problem:
        """The problem, with its line in the ORIGINAL file (`body` may carry an excerpt marker)."""
        text = original()
        raw = split_front_matter(post.source, text).body
        offset = text[: len(text) - len(raw)].count("\n") if text.endswith(raw) else 0
        chain = error.__dict__.get("include_chain", [])
        message = _message(error)
        token = chain[-1][1] if chain else error.token
        line = _line(token) if token is not None and token.source == body else None
        if chain:
            name = chain[0][2]
            inner = _line(error.token) if error.token is not None else None
            where = f", line {inner}" if inner and error.token.source != body else ""  # type: ignore[union-attr]
            message = f"{message} (in the include '{name}'{where})"
        unclosed = UNCLOSED.search(message)
        if unclosed and not chain:
            line = unclosed_line(body, unclosed.group(1))
            message = (f"'{unclosed.group(1)}' is opened here but never closed "
                       f"(add {{% end{unclosed.group(1)} %}})")
        if line is not None:
            line = _original_line(body, raw, line)
        return Problem(post.source, None, f"Liquid: {message}", _fix(error),
                       offset + line if line else None)

    def _keep_as_text(self, body: str, error: LiquidError) -> str | None:
        """In warn mode: the body with the unknown tag or filter wrapped in `raw`."""
        unknown = isinstance(error, UnknownFilterError) or bool(UNKNOWN_TAG.search(str(error.message)))
        token = error.token
        if not unknown or token is None or token.source != body:
            return None
        start = max(body.rfind("{{", 0, token.start_index + 2),
                    body.rfind("{%", 0, token.start_index + 2))
        if start < 0:
            return None
        closer = "}}" if body.startswith("{{", start) else "%}"
        end = body.find(closer, start)
        if end < 0:
            return None
        end += 2
        return body[:start] + "{% raw %}" + body[start:end] + "{% endraw %}" + body[end:]


def _fix(error: LiquidError) -> str:
    if isinstance(error, ResourceLimitError):
        return (f"a post may loop {LOOP_ITERATIONS} times in one loop and {TOTAL_ITERATIONS} "
                f"times in all, print {OUTPUT_BYTES // 1_000_000} MB and nest {INCLUDE_DEPTH} "
                "includes: make the loop or include smaller")
    if isinstance(error, JekyllError):
        return ""
    return "fix the Liquid, or wrap text that only looks like Liquid in {% raw %}...{% endraw %}"


def unclosed_line(body: str, name: str) -> int | None:
    """The line of the first `{% name %}` that no `{% endname %}` closes."""
    stack: list[int] = []
    for match in re.finditer(rf"{{%-?\s*(end)?{name}\b", body):
        if match.group(1):
            if stack:
                stack.pop()
        else:
            stack.append(match.start())
    return body.count("\n", 0, stack[0]) + 1 if stack else None


def _original_line(body: str, raw: str, line: int) -> int:
    """Line `line` of `body` as a line of `raw`, the text it was made from."""
    if body == raw:
        return line
    matcher = difflib.SequenceMatcher(None, raw.splitlines(), body.splitlines(), autojunk=False)
    for raw_start, body_start, size in matcher.get_matching_blocks():
        if body_start <= line - 1 < body_start + size:
            return raw_start + (line - 1 - body_start) + 1
    return line


def _own_key(post: JekyllPost, text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest() + drops.fingerprint(drops.post_drop(post))


def _line(token: Any) -> int | None:
    if token is None or token.start_index < 0:
        return None
    return int(token.source.count("\n", 0, token.start_index)) + 1


def _message(error: LiquidError) -> str:
    text = str(error.message or type(error).__name__)
    return text.replace("\n", " ")
