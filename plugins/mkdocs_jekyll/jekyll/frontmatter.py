"""Split a Jekyll file into front matter and body, and load the YAML safely."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from .errors import ContentError, Problem

# Jekyll's YAML_FRONT_MATTER_REGEXP: `---` on the first line, closed by `---` or `...`.
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)??(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
MAX_FRONT_MATTER_BYTES = 64 * 1024
MAX_ALIASES = 100


@dataclass(frozen=True)
class SplitFile:
    data: dict[str, Any]
    body: str
    body_line: int  # 1-based line number of the first body line in the original file


class _NoDuplicateKeys:
    """Refuse a key given twice in one mapping (PyYAML would keep the last silently)."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)  # type: ignore[attr-defined]
            if isinstance(key, (str, int, float, bool)) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key '{key}'", key_node.start_mark
                )
            seen.add(key) if isinstance(key, (str, int, float, bool)) else None
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc]


class _Loader(_NoDuplicateKeys, yaml.SafeLoader):
    """SafeLoader that refuses alias bombs ("billion laughs") and duplicate keys."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._aliases = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise yaml.constructor.ConstructorError(
                    None, None, f"more than {MAX_ALIASES} YAML aliases", event.start_mark
                )
        return super().compose_node(parent, index)


def _timestamp_or_text(loader: _Loader, node: Any) -> Any:
    """An impossible timestamp (month 13) stays text, so the date rules can explain it."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(loader: _Loader, node: Any) -> Any:
    """YAML's `"\\ud83d\\ude00"` escapes give UTF-16 halves: join pairs, refuse a lone half
    (it cannot be written as UTF-8, so the page could not be written)."""
    value = loader.construct_scalar(node)
    if not _SURROGATE.search(value):
        return value
    try:
        return value.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeDecodeError:
        raise yaml.constructor.ConstructorError(
            None, None, "a '\\uD800'-'\\uDFFF' escape without its pair is not a character",
            node.start_mark) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)
_Loader.add_constructor("tag:yaml.org,2002:str", _text)

_CLoader: Any = None
if getattr(yaml, "__with_libyaml__", False):

    class _CLoader(_NoDuplicateKeys, yaml.CSafeLoader):  # type: ignore[no-redef]
        """libyaml's parser (10x faster) with the same constructors, for YAML without aliases."""

    _CLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)
    _CLoader.add_constructor("tag:yaml.org,2002:str", _text)


def _may_have_aliases(source: str) -> bool:
    """Whether the YAML may hold anchors or aliases (only the pure-Python loader caps them);
    a `*` or `&` inside quoted text (`"*new* ferry"`) is told apart by libyaml's scanner."""
    if "*" not in source and "&" not in source:
        return False
    try:
        return any(isinstance(token, (yaml.AliasToken, yaml.AnchorToken))
                   for token in yaml.scan(source, Loader=_CLoader))
    except yaml.YAMLError:
        return True  # the pure-Python loader words the error


def _parse(source: str) -> Any:
    """The YAML's value; libyaml's when it cannot hold aliases, and never its error messages."""
    if _CLoader is not None and not _may_have_aliases(source):
        try:
            return yaml.load(source, Loader=_CLoader)
        except (yaml.YAMLError, ValueError, TypeError, RecursionError):
            pass  # the pure-Python loader words the error as the messages users are shown
    return yaml.load(source, Loader=_Loader)


def split_front_matter(path: str, text: str) -> SplitFile:
    """Return the parsed front matter and the body, or raise a ContentError naming `path`."""
    text = text.removeprefix("\ufeff")
    match = FRONT_MATTER.match(text)
    if not match:
        fix = "start the file with a line '---', then the YAML keys, then a closing '---'"
        if text.startswith("---"):
            raise ContentError(Problem(path, None, "the front matter is never closed", fix, 1))
        raise ContentError(Problem(path, None, "the file has no front matter", fix, 1))
    source = match.group(1) or ""
    if len(source.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        raise ContentError(
            Problem(path, None, f"the front matter is larger than {MAX_FRONT_MATTER_BYTES} bytes",
                    "move long text into the body of the post", 1)
        )
    data = _front_matter_mapping(path, load_yaml(path, source, first_line=2))
    body_line = text.count("\n", 0, match.end()) + 1
    return SplitFile(data, text[match.end():], body_line)


def load_yaml(path: str, source: str, first_line: int = 1) -> Any:
    """Safe YAML with the alias cap and duplicate-key check; `first_line` is the file line of the
    text's first line (2 for front matter, below its opening '---'). Raises ContentError."""
    try:
        return _parse(source)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + first_line if mark else None
        reason = error.problem or str(error)
        fix = "check the quoting and indentation; quote values that contain ': ' or start with '['"
        if "\t" in source and ("tab" in reason.lower() or "'\\t'" in reason):
            fix = "indent with spaces, YAML does not allow tabs"
        elif "YAML aliases" in reason:
            fix = f"write the values out: at most {MAX_ALIASES} '*' aliases are allowed"
        elif "duplicate key" in reason:
            fix = "keep one of the two values: YAML would silently drop the other"
        raise ContentError(Problem(path, None, f"invalid YAML: {reason}", fix, line)) from None
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        raise ContentError(Problem(path, None, f"invalid YAML: {error}", "fix the YAML", 1)) from None


def _front_matter_mapping(path: str, data: Any) -> dict[str, Any]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ContentError(
            Problem(path, None, "the front matter is not a mapping of keys to values",
                    "write one 'key: value' per line", 2)
        )
    return {str(key): value for key, value in data.items()}


def key_line(text: str, key: str) -> int | None:
    """The 1-based line of a top-level `key:` in the front matter of `text`, if it is there."""
    pattern = re.compile(rf"{re.escape(key)}[ \t]*:")
    for number, line in enumerate(text.removeprefix("\ufeff").splitlines()[1:], start=2):
        if line.rstrip() in ("---", "..."):
            return None
        if pattern.match(line):
            return number
    return None
