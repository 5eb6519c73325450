"""kramdown-isms for Python-Markdown, rendered the way Jekyll's kramdown (GFM input) renders them.

Python-Markdown already has most of kramdown's syntax as extensions: `attr_list` (span and block
IALs `{: .class #id key="v"}`), `footnotes`, `abbr` (`*[HTML]: ...`), `def_list`, `md_in_html`
(`markdown="1"`), `toc`, `fenced_code` (``` and `~~~`), `smarty` (kramdown's typography). This
extension makes sure they are on and adds what is missing:

* `{::options ... /}`, `{::comment}...{:/comment}` and ALDs (`{:name: .class}`) are dropped,
  `{::nomarkdown}...{:/nomarkdown}` is output as it is;
* `* TOC` + `{:toc}` (a one-item list marked `{:toc}`) becomes the table of contents, and
  headings marked `.no_toc` are left out of it, as kramdown does;
* a block IAL on a line of its own applies to the block before it (or after it, when it comes
  first), not shown as text; `{: .language-x}` after a fenced block sets its language;
* `~~text~~` is struck through (GFM);
* headings without an id get kramdown-parser-gfm's id (`generate_gfm_header_id`), so links to
  `post.html#a-heading` keep working (option `gfm_ids`, on by default).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListTreeprocessor
from markdown.inlinepatterns import SimpleTagInlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

# What kramdown needs from Python-Markdown, with the settings that match kramdown's output.
REQUIRED: dict[str, dict[str, Any]] = {
    "attr_list": {},
    "footnotes": {},
    "abbr": {},
    "def_list": {},
    "md_in_html": {},
    "smarty": {"smart_angled_quotes": True},
}

_OPTIONS = re.compile(r"^\s*\{::options\b[^}]*/\}\s*$")
_EXTENSION_START = re.compile(r"^\s*\{::(?P<name>comment|nomarkdown)\}\s*$")
_EXTENSION_END = re.compile(r"^\s*\{:/(?:comment|nomarkdown)?\}\s*$")
_ALD = re.compile(r"^\s{0,3}\{:[\w-]+:[^}]*\}\s*$")
_TOC_ITEM = re.compile(r"^\s{0,3}(?:[*+-]|\d+\.)\s+\S.*$")
_TOC_IAL = re.compile(r"^\s{0,3}\{:\s*toc\s*\}\s*$")
_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})\s*(?P<lang>[^\s`{]*)\s*$")
_LANGUAGE_IAL = re.compile(r"^\s{0,3}\{:\s*\.language-(?P<lang>[\w#+.-]+)\s*\}\s*$")
IAL_ONLY = re.compile(r"^\{:(?P<next>\^)?(?!:)\s*(?P<attrs>[^}]*)\}$")
_QUOTE_OR_ITEM = re.compile(r"^\s*(?:>|[*+-]\s|\d+\.\s)")
_BLOCK_IAL_LINE = re.compile(r"^\s{0,3}\{:(?![:^])\s*(?P<attrs>[^}]*)\}\s*$")
TOC_MARKER = "[TOC]"


class KramdownPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if any("{:" in line for line in lines):  # every pass but the last reads only such lines
            lines = _drop_extensions(lines, self.md.htmlStash.store)
            lines = _leading_ials(_fence_languages(_toc_markers(lines)))
        return list_indents(lines, self.md.tab_length)


def _drop_extensions(lines: list[str], stash: Callable[[str], str]) -> list[str]:
    """Drop `{::options /}`, attribute definitions and `{::comment}` blocks; a `{::nomarkdown}`
    block is kept as it is, not read as Markdown (`stash` keeps raw HTML for the output)."""
    out: list[str] = []
    block: str | None = None  # the extension block being read
    raw: list[str] = []
    for line in lines:
        if block is not None:
            if not _EXTENSION_END.match(line):
                raw.append(line)
                continue
            if block == "nomarkdown":
                out.extend(["", stash("\n".join(raw)), ""])
            block, raw = None, []
            continue
        start = _EXTENSION_START.match(line)
        if start:
            block = start.group("name")
            continue
        if _OPTIONS.match(line) or _ALD.match(line):
            continue
        out.append(line)
    return out


def _toc_markers(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if _TOC_IAL.match(line) and out and _TOC_ITEM.match(out[-1]):
            out[-1] = TOC_MARKER
            continue
        out.append(line)
    return out


def _fence_languages(lines: list[str]) -> list[str]:
    """`~~~` ... `~~~` followed by `{: .language-ruby}`: the language moves onto the fence."""
    out: list[str] = []
    opening: int | None = None  # index in `out` of the open fence
    closed: int | None = None  # index of the opening fence of a block that just closed
    fence = ""
    for line in lines:
        language = _LANGUAGE_IAL.match(line)
        if language and closed is not None:
            head = _FENCE.match(out[closed])
            if head and not head.group("lang"):
                out[closed] = f"{head.group('fence')} {language.group('lang')}"
                closed = None
                continue
        closed = None
        match = _FENCE.match(line)
        if opening is None and match:
            opening, fence = len(out), match.group("fence")
        elif opening is not None and line.strip() == fence:
            closed, opening = opening, None
        out.append(line)
    return out


def _leading_ials(lines: list[str]) -> list[str]:
    """An IAL line after a blank line and before a block belongs to that block: it becomes a
    paragraph of its own, marked `{:^ ...}` for BlockIalTreeprocessor."""
    out: list[str] = []
    for index, line in enumerate(lines):
        match = _BLOCK_IAL_LINE.match(line)
        after = lines[index + 1] if index + 1 < len(lines) else ""
        if match and (not out or not out[-1].strip()) and after.strip():
            out.extend([f"{{:^ {match.group('attrs')}}}", ""])
            continue
        if match and out and _QUOTE_OR_ITEM.match(out[-1]):
            out.append("")  # ends the quote or list, so the IAL is for all of it
        out.append(line)
    return out


_LIST_MARKER = re.compile(r"^(?P<indent> *)(?P<marker>[*+-]|\d{1,9}[.)])(?P<gap> {1,4}|$)")
_FENCE_LINE = re.compile(r"^ *(`{3,}|~{3,})")


def list_indents(lines: list[str], tab: int = 4) -> list[str]:
    """kramdown nests a list item's content at the column of its text (`- ` → 2, `1. ` → 3),
    Python-Markdown at multiples of `tab`: lines inside lists indented less than Python-Markdown
    needs are moved to the depth kramdown gives them (a fenced block moves as a whole); lines
    already indented enough are left alone, so Python-Markdown's own pages do not change.
    As in kramdown's GFM input, a list may start right after a paragraph line."""
    out: list[str] = []
    stack: list[int] = []  # the text column of each open list item, outermost first
    fence: str | None = None
    shift = 0  # how far the open fenced block moved
    blank = True
    for raw in lines:
        line = _expand_indent(raw, tab)
        text = line.lstrip(" ")
        indent = len(line) - len(text)
        if fence is not None:  # inside a fenced block: it moves as a whole
            out.append(" " * max(0, indent + shift) + text if shift else raw)
            fence = None if text.startswith(fence) else fence
            blank = False
            continue
        if not text:
            out.append("" if stack else raw)
            blank = True
            continue
        marker = _LIST_MARKER.match(line)
        if stack and blank and not marker and indent < stack[0]:
            stack = []  # the list ended
        if not stack:
            if marker and indent <= 3:
                if not blank:
                    out.append("")  # GFM: a list interrupts a paragraph
                stack = [_text_column(marker, indent)]
                out.append(text)
            else:
                out.append(raw)
                fence, shift = (_fence_of(text) if indent <= 3 else None), 0
            blank = False
            continue
        if marker:
            while stack and indent < stack[-1]:
                stack.pop()
            new = _depth_indent(indent, len(stack), tab)
            out.append(" " * new + text)
            stack.append(_text_column(marker, indent))
        else:
            while blank and len(stack) > 1 and indent < stack[-1]:
                stack.pop()
            new = indent if indent >= tab * len(stack) else tab * len(stack)
            out.append(" " * new + text)
            fence, shift = _fence_of(text), new - indent
        blank = False
    return out


def _depth_indent(indent: int, depth: int, tab: int) -> int:
    """A nested item's indentation: Python-Markdown's for its depth, unless it already has it."""
    return indent if depth and tab * depth <= indent < tab * (depth + 1) else tab * depth


def _text_column(marker: re.Match[str], indent: int) -> int:
    return indent + len(marker.group("marker")) + max(1, len(marker.group("gap")))


def _fence_of(text: str) -> str | None:
    match = _FENCE_LINE.match(text)
    return match.group(1) if match else None


def _expand_indent(line: str, tab: int) -> str:
    stripped = line.lstrip(" \t")
    return line[: len(line) - len(stripped)].expandtabs(tab) + stripped


class BlockIalTreeprocessor(Treeprocessor):
    """A paragraph that is only `{: ...}` gives its attributes to its neighbour block."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.assigner = AttrListTreeprocessor(md)

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            children = list(parent)
            for index, child in enumerate(children):
                match = IAL_ONLY.match((child.text or "").strip()) if child.tag == "p" else None
                if match is None or len(child):
                    continue
                before = children[index - 1] if index > 0 else None
                after = children[index + 1] if index + 1 < len(children) else None
                target = after if match.group("next") or before is None else before
                if target is not None and not _is_placeholder(target):
                    self.assigner.assign_attrs(target, match.group("attrs"))
                parent.remove(child)


def _is_placeholder(element: etree.Element) -> bool:
    return element.tag == "p" and "\x02" in (element.text or "")


class NoTocTreeprocessor(Treeprocessor):
    """kramdown leaves headings with class `no_toc` out of the table of contents, and gives the
    table's list the id `markdown-toc` (which Jekyll themes style)."""

    def run(self, root: etree.Element) -> None:
        for toc in root.iter("div"):
            if "toc" in (toc.get("class") or "").split() and len(toc) and toc[-1].tag == "ul":
                toc[-1].set("id", "markdown-toc")
        hidden = {h.get("id") for h in root.iter() if h.tag in _HEADINGS
                  and "no_toc" in (h.get("class") or "").split()}
        if not hidden:
            return
        for parent in list(root.iter()):
            for item in list(parent):
                link = item.find("a") if item.tag == "li" else None
                if link is not None and (link.get("href") or "")[1:] in hidden:
                    nested = [child for child in item if child.tag in ("ul", "ol")]
                    position = list(parent).index(item)
                    parent.remove(item)
                    for sub in nested:  # keep the sub-headings, one level up
                        for sub_item in list(sub):
                            parent.insert(position, sub_item)
                            position += 1


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_STASHED = re.compile("\x02[^\x03]*\x03")  # Python-Markdown's placeholders (smarty, entities)
_GFM_NON_WORD = re.compile(r"[^\w\- \t]")


class GfmHeadingIdTreeprocessor(Treeprocessor):
    """kramdown-parser-gfm's automatic heading ids: the heading's text (entities and typographic
    symbols left out), lowercased, non-word characters dropped, each
    space or tab a hyphen; a repeated id gets `-1`, `-2`, ..."""

    def run(self, root: etree.Element) -> None:
        seen: dict[str, int] = {}
        for heading in root.iter():
            if heading.tag not in _HEADINGS or heading.get("id"):
                continue
            text = _GFM_NON_WORD.sub("", _raw_text(heading).lower())
            text = text.replace(" ", "-").replace("\t", "-")
            count = seen.get(text, -1) + 1
            seen[text] = count
            heading.set("id", f"{text}-{count}" if count else text)


def _raw_text(element: etree.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        parts.append(_raw_text(child))
        parts.append(child.tail or "")
    return _STASHED.sub("", "".join(parts))


class KramdownExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"gfm_ids": [True, "give headings kramdown-parser-gfm's ids"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(KramdownPreprocessor(md), "kramdown", 28)  # before fenced code
        md.treeprocessors.register(BlockIalTreeprocessor(md), "kramdown_block_ial", 9)
        if self.getConfig("gfm_ids"):  # after attr_list (8) set {: #id}, before toc (5)
            md.treeprocessors.register(GfmHeadingIdTreeprocessor(md), "kramdown_gfm_ids", 6)
        md.treeprocessors.register(NoTocTreeprocessor(md), "kramdown_no_toc", 4)
        md.inlinePatterns.register(
            SimpleTagInlineProcessor(r"(~{2})(?!~)(.+?)(?<!~)~{2}", "del"), "kramdown_del", 65)


def makeExtension(**kwargs: Any) -> KramdownExtension:
    return KramdownExtension(**kwargs)
