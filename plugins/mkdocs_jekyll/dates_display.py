"""Dates as readers see them: Babel, in the site language, in the post's (site) timezone."""

from __future__ import annotations

from datetime import datetime

from babel.core import UnknownLocaleError
from babel.dates import format_datetime


def format_post_datetime(value: datetime | None, locale: str) -> str:
    if value is None:
        return ""
    try:
        return format_datetime(value, format="medium", tzinfo=value.tzinfo, locale=locale)
    except (UnknownLocaleError, ValueError):
        return format_datetime(value, format="medium", tzinfo=value.tzinfo, locale="en")
