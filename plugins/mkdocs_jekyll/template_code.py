"""The theme's compiled templates, kept across `mkdocs serve` rebuilds.

MkDocs makes a new Jinja environment for every build, so every rebuild compiled the theme's
templates again (3 % of a rebuild of a 1000-post site). Jinja's bytecode cache is made for
this: it keys code by template name and file and checks it against the template's source, so an
edited template is compiled again. The key here also holds the environment's settings that
change what the compiler writes.
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from jinja2.utils import LRUCache


def unbounded_cache(env: Environment) -> None:
    """The environment's loaded templates in a dict, as Jinja keeps them with `cache_size=-1`.

    Jinja's default LRU cache moves a template to the end of its queue on every lookup, a scan
    of the queue under a lock; a news page includes some thirty templates, so that was 1 % of a
    build. A theme has a few dozen templates, and MkDocs makes a new environment for each build,
    so nothing needs evicting."""
    if isinstance(env.cache, LRUCache):
        env.cache = dict(env.cache.items())


def _settings(env: Environment) -> str:
    return repr((sorted(env.extensions), env.block_start_string, env.block_end_string,
                 env.variable_start_string, env.variable_end_string,
                 env.comment_start_string, env.comment_end_string,
                 env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
                 env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
                 env.optimized, env.autoescape, type(env).__qualname__))


class TemplateCode(BytecodeCache):
    """In memory, for one `mkdocs serve`; entries no build asked for since are dropped."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}
        self.used: set[str] = set()
        self.settings = ""

    def attach(self, env: Environment) -> None:
        self.settings = _settings(env)
        env.bytecode_cache = self

    def load_bytecode(self, bucket: Bucket) -> None:
        key = f"{self.settings}\0{bucket.key}"
        found = self.code.get(key)
        if found is not None:
            bucket.bytecode_from_string(found)
        self.used.add(key)

    def dump_bytecode(self, bucket: Bucket) -> None:
        key = f"{self.settings}\0{bucket.key}"
        self.code[key] = bucket.bytecode_to_string()
        self.used.add(key)

    def end_build(self) -> None:
        self.code = {key: code for key, code in self.code.items() if key in self.used}
        self.used = set()

    def clear(self) -> None:
        self.code = {}
