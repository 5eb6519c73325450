"""Jekyll's own Liquid filters (lib/jekyll/filters.rb, url_filters.rb, date_filters.rb), one
function per filter, registered by name in FILTERS. Values are plain: str, numbers, lists, dicts
and datetimes; nothing else reaches a template."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date, datetime, timezone
from html import escape
from typing import Any
from urllib.parse import quote, quote_plus, urlsplit

from liquid import RenderContext
from liquid.builtin.expressions import BooleanExpression
from liquid.builtin.expressions._tokenize import tokenize
from liquid.exceptions import FilterArgumentError
from liquid.filter import with_context
from liquid.stream import TokenStream
from liquid.token import TOKEN_EXPRESSION, Token
from liquid.undefined import Undefined

from ..dates import DateParseError, parse_date

ORDINAL_TEENS = range(11, 14)
ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd"}
SLUG_MODES = frozenset({"raw", "default", "pretty", "ascii", "latin"})
PRETTY_KEPT = frozenset("._~!$&'()+,;=@")
CJK = r"\u4e00-\u9fff\u3400-\u4dbf\u30a0-\u30ff\u3040-\u309f\uac00-\ud7af"


def _site(context: RenderContext) -> Mapping[str, Any]:
    """The site's _config.yml values (not the `site` variable a template may have shadowed)."""
    site = getattr(context.env, "site", None)
    return site.config if site is not None else {}


def _blank(value: object) -> bool:
    return value is None or isinstance(value, Undefined) or str(value) == ""


# -- URLs -------------------------------------------------------------------------------------


def _is_absolute(url: str) -> bool:
    return bool(urlsplit(url).scheme)


def _leading_slash(part: str) -> str:
    return part if not part or part.startswith("/") else "/" + part


def _normalize(url: str) -> str:
    return quote(url, safe="/:?#[]@!$&'()*+,;=%~")


def site_relative_url(config: Mapping[str, Any], url: str) -> str:
    if _is_absolute(url):
        return url
    baseurl = str(config.get("baseurl") or "").rstrip("/")
    return _normalize(_leading_slash(baseurl) + _leading_slash(url))


@with_context
def relative_url(value: object, *, context: RenderContext) -> object:
    if value is None or isinstance(value, Undefined):
        return None
    return site_relative_url(_site(context), str(value))


@with_context
def absolute_url(value: object, *, context: RenderContext) -> object:
    if value is None or isinstance(value, Undefined):
        return None
    text = str(value)
    if _is_absolute(text):
        return text
    relative = relative_url(text, context=context)
    site_url = str(_site(context).get("url") or "")
    return f"{site_url}{relative}" if site_url else relative


# -- dates ------------------------------------------------------------------------------------


def _time(value: object, context: RenderContext) -> datetime:
    """Jekyll's `time`: any date, in the site's time zone (Jekyll sets TZ to it)."""
    zone = getattr(context.env, "timezone", timezone.utc)
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    else:
        text = str(value)
        try:
            moment = datetime.now(zone) if text in ("now", "today") else parse_date(text, zone)
        except DateParseError:
            raise FilterArgumentError(
                f"Invalid Date: '{text}' is not a valid datetime", token=None) from None
    return moment.astimezone(zone) if moment.tzinfo else moment


def _ordinal(day: int) -> str:
    return "th" if day in ORDINAL_TEENS else ORDINAL_SUFFIX.get(day % 10, "th")


def _stringify_date(value: object, month: str, kind: object, style: object,
                    context: RenderContext) -> object:
    if _blank(value):
        return value
    moment = _time(value, context)
    if kind == "ordinal":
        day = f"{moment.day}{_ordinal(moment.day)}"
        if style == "US":
            return moment.strftime(f"{month} {day}, %Y")
        return moment.strftime(f"{day} {month} %Y")
    return moment.strftime(f"%d {month} %Y")


@with_context
def date_to_string(value: object, kind: object = None, style: object = None, *,
                   context: RenderContext) -> object:
    return _stringify_date(value, "%b", kind, style, context)


@with_context
def date_to_long_string(value: object, kind: object = None, style: object = None, *,
                        context: RenderContext) -> object:
    return _stringify_date(value, "%B", kind, style, context)


@with_context
def date_to_xmlschema(value: object, *, context: RenderContext) -> object:
    if _blank(value):
        return value
    moment = _time(value, context)
    if moment.tzinfo is None:
        return moment.strftime("%Y-%m-%dT%H:%M:%S")
    text = moment.strftime("%Y-%m-%dT%H:%M:%S%z")
    return text[:-2] + ":" + text[-2:]


@with_context
def date_to_rfc822(value: object, *, context: RenderContext) -> object:
    if _blank(value):
        return value
    moment = _time(value, context)
    zone = moment.strftime("%z") or "+0000"
    return moment.strftime("%a, %d %b %Y %H:%M:%S ") + zone


# -- text -------------------------------------------------------------------------------------


def xml_escape(value: object) -> str:
    text = "" if _blank(value) else str(value)
    return escape(text, quote=True).replace("&#x27;", "&apos;")


def cgi_escape(value: object) -> str:
    return quote_plus(str(value), safe="")


def uri_escape(value: object) -> str:
    return quote(str(value), safe="/:?#[]@!$&'()*+,;=%~")


def _slug_pretty(ch: str) -> bool:
    return _slug_word(ch) or ch in PRETTY_KEPT


def _slug_word(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "LM" or category == "Nd"


def _latin(text: str) -> str:
    stripped = "".join(ch for ch in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(ch))
    return "".join(ch if ord(ch) < 128 else "?" for ch in stripped)


def slugify(value: object, mode: object = None) -> object:
    if value is None or isinstance(value, Undefined):
        return None
    text, kind = str(value), str(mode or "default")
    if kind not in SLUG_MODES:
        return text.lower()
    if kind == "latin":
        text = _latin(text)
    if kind == "raw":
        slug = re.sub(r"\s+", "-", text)
    elif kind == "ascii":
        slug = re.sub(r"[^A-Za-z0-9]+", "-", text)
    else:
        keep = _slug_pretty if kind == "pretty" else _slug_word
        slug = re.sub("\0+", "-", "".join(ch if keep(ch) else "\0" for ch in text))
    return re.sub(r"^-|-$", "", slug).lower()


def number_of_words(value: object, mode: object = None) -> int:
    text = str(value)
    words = len(re.findall(rf"[^{CJK}\s]+", text))
    cjk = len(re.findall(f"[{CJK}]", text))
    if mode == "cjk":
        return cjk + words
    if mode == "auto":
        return len(text.split()) if cjk == 0 else cjk + words
    return len(text.split())


def array_to_sentence_string(value: object, connector: object = "and") -> str:
    items = [_to_s(item) for item in _as_list(value)]
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {connector} {items[1]}"
    return f"{', '.join(items[:-1])}, {connector} {items[-1]}"


def _to_s(value: object) -> str:
    if value is None or isinstance(value, Undefined):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):  # Ruby's Array#to_s
        return "[" + ", ".join(json.dumps(item, ensure_ascii=False, default=str)
                               for item in value) + "]"
    return str(value)


def _json_default(value: object) -> object:
    if isinstance(value, datetime):
        text = value.strftime("%Y-%m-%d %H:%M:%S %z")
        return text.strip()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Undefined):
        return None
    return str(value)


def jsonify(value: object) -> str:
    if isinstance(value, Undefined):
        value = None
    return json.dumps(value, default=_json_default, ensure_ascii=False, separators=(",", ":"))


def markdownify_with(convert: Callable[[str], str]) -> Callable[[object], str]:
    def markdownify(value: object) -> str:
        return convert(_to_s(value))

    return markdownify


# -- arrays -----------------------------------------------------------------------------------


def _as_list(value: object) -> list[Any]:
    if value is None or isinstance(value, Undefined):
        return []
    if isinstance(value, Mapping):
        return list(value.values())
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def _property(item: object, name: object) -> Any:
    found: Any = item
    for key in str(name).split("."):
        found = found.get(key) if isinstance(found, Mapping) else None
    text = str(found)
    if found is not None and not isinstance(found, (list, dict)):
        if re.fullmatch(r"\s*-?\d+\s*", text):
            return int(text)
        if re.fullmatch(r"\s*-?(?:\d+\.?\d*|\.\d+)\s*", text):
            return float(text)
    return found


def _matches(found: object, target: object) -> bool:
    if target is None:
        return found is None
    wanted = _to_s(target)
    if isinstance(found, str):
        return found == wanted
    values = found if isinstance(found, list) else ([] if found is None else [found])
    return any(_to_s(value) == wanted for value in values)


def where(value: object, prop: object = None, target: object = None) -> object:
    if not prop or isinstance(target, (list, dict)) or not isinstance(value, (list, tuple, dict)):
        return value
    return [item for item in _as_list(value) if _matches(_property(item, prop), target)]


@with_context
def where_exp(value: object, variable: object, expression: object, *,
              context: RenderContext) -> object:
    if not isinstance(value, (list, tuple, dict)):
        return value
    token = Token(TOKEN_EXPRESSION, str(expression), 0, str(expression))
    condition = BooleanExpression.parse(context.env, TokenStream(tokenize(str(expression), token)))
    found = []
    for item in _as_list(value):
        context.raise_for_loop_limit(1)
        with context.extend({str(variable): item}):
            if condition.evaluate(context):
                found.append(item)
    return found


def group_by(value: object, prop: object) -> list[dict[str, Any]]:
    groups: dict[str, list[Any]] = {}
    for item in _as_list(value):
        groups.setdefault(_to_s(_property(item, prop)), []).append(item)
    return [{"name": name, "items": items, "size": len(items)} for name, items in groups.items()]


def _sort_key(value: object) -> tuple[int, Any]:
    if isinstance(value, bool):
        return (2, str(value))
    if isinstance(value, (int, float)):
        return (0, value)
    if isinstance(value, datetime):
        return (1, value.timestamp() if value.tzinfo else value.replace(tzinfo=timezone.utc)
                .timestamp())
    return (2, _to_s(value))


def sort(value: object, prop: object = None, nils: object = "first") -> list[Any]:
    if value is None or isinstance(value, Undefined):
        raise FilterArgumentError("Cannot sort a null object.", token=None)
    items = _as_list(value)
    if prop is None or isinstance(prop, Undefined):
        return sorted(items, key=_sort_key)
    if nils not in ("first", "last"):
        raise FilterArgumentError(
            f"Invalid nils order: '{nils}' is not a valid nils order. It must be 'first' or "
            "'last'.", token=None)
    keyed = [(_property(item, prop), item) for item in items]
    present = sorted((pair for pair in keyed if pair[0] is not None), key=lambda p: _sort_key(p[0]))
    missing = [pair for pair in keyed if pair[0] is None]
    ordered = missing + present if nils == "first" else present + missing
    return [item for _, item in ordered]


FILTERS: dict[str, Callable[..., Any]] = {
    "relative_url": relative_url,
    "absolute_url": absolute_url,
    "date_to_string": date_to_string,
    "date_to_long_string": date_to_long_string,
    "date_to_xmlschema": date_to_xmlschema,
    "date_to_rfc822": date_to_rfc822,
    "xml_escape": xml_escape,
    "cgi_escape": cgi_escape,
    "uri_escape": uri_escape,
    "slugify": slugify,
    "number_of_words": number_of_words,
    "array_to_sentence_string": array_to_sentence_string,
    "jsonify": jsonify,
    "where": where,
    "where_exp": where_exp,
    "group_by": group_by,
    "sort": sort,
}
