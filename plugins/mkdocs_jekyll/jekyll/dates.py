"""Jekyll's dates: what Ruby's YAML and `Utils.parse_date` make of each form, in the site timezone.

Jekyll converts every post date with `Time.parse(value.to_s).localtime`, so all dates end up in
the site timezone. What differs between forms is the instant they name:

* an unquoted YAML timestamp without offset (`date: 2025-08-28T05:02:43`) is UTC (Ruby's YAML);
* a quoted one, or any string without offset (`date: "2025-08-28 05:02"`), is site-local time;
* an unquoted date-only value (`date: 2025-08-28`) and the filename date are local midnight;
* an explicit offset or zone (`-0600`, `+02:00`, `Z`, `UTC`) names its own instant.

Ruby's parser also accepts nonsense (Feb 30 becomes Mar 2); this port refuses it instead, since
publishing the wrong date silently is worse than stopping the build.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DATE_FORMS = "YYYY-MM-DD, YYYY-MM-DD HH:MM:SS or YYYY-MM-DD HH:MM:SS +/-HHMM"

_STRING_DATE = re.compile(
    r"""^\s*
    (?P<year>\d{4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})
    (?:[Tt\s]+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,](?P<fraction>\d{1,9}))?)?)?
    \s*(?P<zone>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?
    \s*$""",
    re.VERBOSE | re.IGNORECASE,
)


class DateParseError(ValueError):
    """A value that is not a date Jekyll would accept (or would silently get wrong)."""


def site_timezone(name: str | None) -> tzinfo:
    """The zone named in `timezone:` (IANA name), UTC when unset."""
    if not name:
        return timezone.utc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as error:
        raise DateParseError(
            f"unknown timezone '{name}' (use an IANA name such as Europe/London or America/Chicago)"
        ) from error


def parse_date(value: object, tz: tzinfo) -> datetime:
    """Return the timezone-aware datetime Jekyll gives a front matter `date` value."""
    try:
        return _parse_value(value, tz)
    except OverflowError:  # year 1 or 9999 moved across midnight by an offset
        raise DateParseError("is out of range (years 1 to 9999 in every timezone)") from None


def _parse_value(value: object, tz: tzinfo) -> datetime:
    if isinstance(value, datetime):
        instant = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        return instant.astimezone(tz)
    if isinstance(value, date):
        return _local(value.year, value.month, value.day, time(), tz)
    if isinstance(value, str):
        return parse_date_string(value, tz)
    raise DateParseError(f"{type(value).__name__} is not a date")


def parse_date_string(text: str, tz: tzinfo) -> datetime:
    """Parse a date string as Jekyll does; local time unless the string names an offset."""
    match = _STRING_DATE.match(text)
    if not match:
        raise DateParseError("is not a date")
    try:
        return _parse_match(match, tz)
    except OverflowError:
        raise DateParseError("is out of range (years 1 to 9999 in every timezone)") from None
    except ValueError as error:
        raise DateParseError(f"is not a valid date ({error})") from None


def _parse_match(match: re.Match[str], tz: tzinfo) -> datetime:
    parts = match.groupdict()
    fraction = (parts["fraction"] or "0")[:6].ljust(6, "0")
    clock = time(
        int(parts["hour"] or 0), int(parts["minute"] or 0), int(parts["second"] or 0), int(fraction)
    )
    day = date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
    if parts["zone"] is None:
        return _local(day.year, day.month, day.day, clock, tz)
    return datetime.combine(day, clock, tzinfo=_offset(parts["zone"])).astimezone(tz)


def _local(year: int, month: int, day: int, clock: time, tz: tzinfo) -> datetime:
    """Wall-clock time in the site timezone, resolved as Ruby's Time.local resolves it:
    a time skipped by a clock change moves forward, a repeated one takes the later offset."""
    try:
        first = datetime.combine(date(year, month, day), clock, tzinfo=tz)
    except ValueError as error:
        raise DateParseError(f"is not a valid date ({error})") from None
    second = first.replace(fold=1)
    if first.utcoffset() == second.utcoffset():
        return first
    if first.astimezone(timezone.utc).astimezone(tz).replace(tzinfo=None) == first.replace(tzinfo=None):
        return second.astimezone(timezone.utc).astimezone(tz)  # repeated hour
    return first.astimezone(timezone.utc).astimezone(tz)  # skipped hour


def _offset(zone: str) -> tzinfo:
    if zone.upper() in ("Z", "UTC", "GMT"):
        return timezone.utc
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 23 or minutes > 59:
        raise ValueError(f"offset {zone} out of range")
    sign = -1 if zone[0] == "-" else 1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))
