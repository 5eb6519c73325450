"""Dates as readers see them: Babel, in the site language, in the post's (site) timezone."""

from __future__ import annotations

from datetime import datetime, tzinfo
from functools import lru_cache

from babel.core import UnknownLocaleError
from babel.dates import format_datetime


def format_post_datetime(value: datetime | None, locale: str) -> str:
    if value is None:
        return ""
    # Keyed by wall time, fold and zone, not by the instant: the same instant in two zones
    # reads differently (aware datetimes compare equal across zones).
    return _formatted(value.replace(tzinfo=None), value.fold, value.tzinfo, locale)


@lru_cache(maxsize=4096)  # a listing shows the same posts' dates again and again
def _formatted(wall: datetime, fold: int, zone: tzinfo | None, locale: str) -> str:
    value = wall.replace(tzinfo=zone, fold=fold)
    try:
        return format_datetime(value, format="medium", tzinfo=zone, locale=locale)
    except (UnknownLocaleError, ValueError):
        return format_datetime(value, format="medium", tzinfo=zone, locale="en")
