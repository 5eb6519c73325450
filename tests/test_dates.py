"""Post dates as Jekyll 4.3.1 shows them, for each form a contributor can write.

Expected values are what `jekyll build` printed for the same front matter (ISO form: the wall
time and offset a reader sees). Python values stand for what YAML hands over: an unquoted
timestamp becomes a `datetime`, an unquoted date a `date`, anything quoted a `str`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from mkdocs_jekyll.jekyll.dates import (
    DATE_FORMS,
    DateParseError,
    parse_date,
    parse_date_string,
    site_timezone,
)

UTC = "UTC"
CHICAGO = "America/Chicago"
TOKYO = "Asia/Tokyo"


def shown(value: datetime) -> str:
    return value.isoformat()


# -- values YAML gives for unquoted scalars ---------------------------------------------------

YAML_VALUES = [
    # unquoted timestamp without offset: a UTC instant, shown in the site timezone
    pytest.param(datetime(2025, 8, 28, 5, 2, 43), UTC, "2025-08-28T05:02:43+00:00",
                 id="utc-instant-in-utc"),
    pytest.param(datetime(2025, 8, 28, 5, 2, 43), CHICAGO, "2025-08-28T00:02:43-05:00",
                 id="utc-instant-in-chicago"),
    pytest.param(datetime(2025, 8, 28, 5, 2, 43), TOKYO, "2025-08-28T14:02:43+09:00",
                 id="utc-instant-in-tokyo"),
    pytest.param(datetime(2025, 8, 28, 3, 0), CHICAGO, "2025-08-27T22:00:00-05:00",
                 id="utc-instant-previous-day-in-chicago"),
    pytest.param(datetime(2025, 8, 28, 20, 0), TOKYO, "2025-08-29T05:00:00+09:00",
                 id="utc-instant-next-day-in-tokyo"),
    pytest.param(datetime(2025, 8, 28, 14, 59, 59), TOKYO, "2025-08-28T23:59:59+09:00",
                 id="utc-instant-just-before-tokyo-midnight"),
    pytest.param(datetime(2025, 8, 28, 15, 0), TOKYO, "2025-08-29T00:00:00+09:00",
                 id="utc-instant-at-tokyo-midnight"),
    pytest.param(datetime(2025, 1, 15, 5, 0), CHICAGO, "2025-01-14T23:00:00-06:00",
                 id="utc-instant-in-chicago-winter"),
    pytest.param(datetime(2025, 8, 28, 5, 2, 43, 750000), CHICAGO,
                 "2025-08-28T00:02:43.750000-05:00", id="utc-instant-fractional-seconds"),
    # the two UTC instants that both read 01:30 in Chicago on the night clocks go back
    pytest.param(datetime(2025, 11, 2, 6, 30), CHICAGO, "2025-11-02T01:30:00-05:00",
                 id="utc-instant-first-0130-on-fall-back-night"),
    pytest.param(datetime(2025, 11, 2, 7, 30), CHICAGO, "2025-11-02T01:30:00-06:00",
                 id="utc-instant-second-0130-on-fall-back-night"),
    # unquoted timestamp with an offset names its own instant
    pytest.param(datetime(2025, 8, 28, 5, 2, 43, tzinfo=timezone(timedelta(hours=9))), CHICAGO,
                 "2025-08-27T15:02:43-05:00", id="offset-timestamp-in-chicago"),
    pytest.param(datetime(2025, 8, 28, 5, 2, 43, tzinfo=timezone.utc), TOKYO,
                 "2025-08-28T14:02:43+09:00", id="z-timestamp-in-tokyo"),
    # unquoted date: local midnight
    pytest.param(date(2025, 8, 28), UTC, "2025-08-28T00:00:00+00:00", id="date-in-utc"),
    pytest.param(date(2025, 8, 28), CHICAGO, "2025-08-28T00:00:00-05:00", id="date-in-chicago"),
    pytest.param(date(2025, 1, 15), CHICAGO, "2025-01-15T00:00:00-06:00",
                 id="date-in-chicago-winter"),
    pytest.param(date(2025, 8, 28), TOKYO, "2025-08-28T00:00:00+09:00", id="date-in-tokyo"),
    pytest.param(date(2024, 2, 29), TOKYO, "2024-02-29T00:00:00+09:00", id="leap-day"),
    # quoted values reach parse_date as strings
    pytest.param("2025-08-28T05:02:43", CHICAGO, "2025-08-28T05:02:43-05:00",
                 id="quoted-timestamp-is-local"),
]


@pytest.mark.parametrize(("value", "zone", "expected"), YAML_VALUES)
def test_parse_date_shows_yaml_values_in_site_timezone(value: object, zone: str,
                                                        expected: str) -> None:
    assert shown(parse_date(value, site_timezone(zone))) == expected


# -- strings: quoted front matter values and filename dates -----------------------------------

STRINGS = [
    # no offset: site-local time
    pytest.param("2025-08-28", UTC, "2025-08-28T00:00:00+00:00", id="date-utc"),
    pytest.param("2025-08-28", CHICAGO, "2025-08-28T00:00:00-05:00", id="date-chicago"),
    pytest.param("2025-08-28", TOKYO, "2025-08-28T00:00:00+09:00", id="date-tokyo"),
    pytest.param("2025-08-28T05:02:43", UTC, "2025-08-28T05:02:43+00:00", id="t-utc"),
    pytest.param("2025-08-28T05:02:43", CHICAGO, "2025-08-28T05:02:43-05:00", id="t-chicago"),
    pytest.param("2025-08-28T05:02:43", TOKYO, "2025-08-28T05:02:43+09:00", id="t-tokyo"),
    pytest.param("2025-08-28 05:02:43", CHICAGO, "2025-08-28T05:02:43-05:00", id="space-chicago"),
    pytest.param("2025-08-28 05:02", CHICAGO, "2025-08-28T05:02:00-05:00", id="no-seconds"),
    pytest.param("2025-08-28 23:59:59", TOKYO, "2025-08-28T23:59:59+09:00",
                 id="local-just-before-midnight"),
    pytest.param("2025-8-5", CHICAGO, "2025-08-05T00:00:00-05:00", id="one-digit-month-and-day"),
    # fractional seconds (Ruby keeps nanoseconds; microseconds are what Python holds)
    pytest.param("2025-08-28 05:02:43.75", CHICAGO, "2025-08-28T05:02:43.750000-05:00",
                 id="fraction-local"),
    pytest.param("2025-08-28T05:02:43.123456789Z", CHICAGO, "2025-08-28T00:02:43.123456-05:00",
                 id="fraction-nanoseconds-z"),
    # explicit offsets and zones: their own instant, shown in the site timezone
    pytest.param("2025-08-28 23:30:00 -0600", CHICAGO, "2025-08-29T00:30:00-05:00",
                 id="minus-0600-chicago-next-day"),
    pytest.param("2025-08-28 23:30:00 -0600", UTC, "2025-08-29T05:30:00+00:00",
                 id="minus-0600-utc"),
    pytest.param("2025-08-28 23:30:00 -0600", TOKYO, "2025-08-29T14:30:00+09:00",
                 id="minus-0600-tokyo"),
    pytest.param("2025-08-28 23:30:00 -06:00", CHICAGO, "2025-08-29T00:30:00-05:00",
                 id="minus-06-colon-00"),
    pytest.param("2025-08-28 23:30:00 -06", CHICAGO, "2025-08-29T00:30:00-05:00",
                 id="minus-06-hours-only"),
    pytest.param("2025-08-28T23:30:00Z", CHICAGO, "2025-08-28T18:30:00-05:00", id="z-chicago"),
    pytest.param("2025-08-28T23:30:00Z", TOKYO, "2025-08-29T08:30:00+09:00", id="z-tokyo"),
    pytest.param("2025-08-28 23:30:00 UTC", CHICAGO, "2025-08-28T18:30:00-05:00",
                 id="utc-word-chicago"),
    pytest.param("2025-08-28 23:30:00 UTC", UTC, "2025-08-28T23:30:00+00:00", id="utc-word-utc"),
    pytest.param("2025-08-28 00:30:00 +02:00", CHICAGO, "2025-08-27T17:30:00-05:00",
                 id="plus-02-colon-00-chicago-previous-day"),
    pytest.param("2025-08-28 00:30:00 +0200", UTC, "2025-08-27T22:30:00+00:00",
                 id="plus-0200-utc-previous-day"),
    pytest.param("2025-08-28 00:30:00 +0200", TOKYO, "2025-08-28T07:30:00+09:00",
                 id="plus-0200-tokyo"),
    pytest.param("2025-08-28T05:02:43+09:00", CHICAGO, "2025-08-27T15:02:43-05:00",
                 id="plus-09-colon-00-chicago"),
    pytest.param("2025-08-28 10:00 +0530", UTC, "2025-08-28T04:30:00+00:00",
                 id="half-hour-offset"),
    # daylight saving time in Chicago, both sides of each change
    pytest.param("2025-03-08 12:00", CHICAGO, "2025-03-08T12:00:00-06:00", id="before-spring"),
    pytest.param("2025-03-10 12:00", CHICAGO, "2025-03-10T12:00:00-05:00", id="after-spring"),
    pytest.param("2025-11-01 12:00", CHICAGO, "2025-11-01T12:00:00-05:00", id="before-fall"),
    pytest.param("2025-11-03 12:00", CHICAGO, "2025-11-03T12:00:00-06:00", id="after-fall"),
    pytest.param("2025-03-09 12:00 -0600", CHICAGO, "2025-03-09T13:00:00-05:00",
                 id="winter-offset-on-spring-day"),
    # Jekyll 4.3.1 (Ruby's Time.local) for wall times the clock change skips or repeats
    pytest.param("2025-03-09 02:30", CHICAGO, "2025-03-09T03:30:00-05:00",
                 id="skipped-hour-moves-forward"),
    pytest.param("2025-11-02 01:30", CHICAGO, "2025-11-02T01:30:00-06:00",
                 id="repeated-hour-takes-standard-time"),
]


@pytest.mark.parametrize(("text", "zone", "expected"), STRINGS)
def test_parse_date_string(text: str, zone: str, expected: str) -> None:
    assert shown(parse_date_string(text, site_timezone(zone))) == expected


@pytest.mark.parametrize(("text", "zone", "expected"), STRINGS)
def test_parse_date_treats_strings_like_parse_date_string(text: str, zone: str,
                                                          expected: str) -> None:
    assert shown(parse_date(text, site_timezone(zone))) == expected


@pytest.mark.parametrize(("text", "expected_day"), [
    ("2025-08-28 23:30:00 -0600", 29),  # Jekyll's URL day for this post is 29
    ("2025-08-28 23:30:00", 28),
    ("2025-08-29 04:59:59 UTC", 28),
    ("2025-08-29 05:00:00 UTC", 29),
])
def test_calendar_day_is_the_site_timezone_day(text: str, expected_day: int) -> None:
    assert parse_date_string(text, site_timezone(CHICAGO)).day == expected_day


def test_surrounding_whitespace_is_ignored() -> None:
    assert shown(parse_date_string("  2025-08-28 05:02  ", site_timezone(UTC))) == (
        "2025-08-28T05:02:00+00:00"
    )


@given(
    moment=st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2100, 1, 1),
                        timezones=st.sampled_from([timezone.utc,
                                                   timezone(timedelta(hours=-6)),
                                                   timezone(timedelta(hours=5, minutes=30))])),
    zone=st.sampled_from([UTC, CHICAGO, TOKYO]),
)
@example(moment=datetime(2000, 10, 29, 11, 30, tzinfo=timezone(timedelta(hours=5, minutes=30))),
         zone=CHICAGO)
def test_a_written_offset_always_names_the_same_instant(moment: datetime, zone: str) -> None:
    written = moment.replace(microsecond=0).strftime("%Y-%m-%d %H:%M:%S %z")
    parsed = parse_date_string(written, site_timezone(zone))
    # timestamps, not ==: PEP 495 makes a time in a repeated hour (2000-10-29 01:00 in Chicago)
    # unequal to every datetime of another zone, even the same instant
    assert parsed.timestamp() == moment.replace(microsecond=0).timestamp()
    assert parsed.isoformat() == moment.replace(microsecond=0).astimezone(ZoneInfo(zone)).isoformat()


# -- refused values ---------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "message"), [
    pytest.param(20250828, "int is not a date", id="int"),
    pytest.param(2025.8, "float is not a date", id="float"),
    pytest.param(True, "bool is not a date", id="bool"),
    pytest.param(None, "NoneType is not a date", id="none"),
    pytest.param(["2025-08-28"], "list is not a date", id="list"),
    pytest.param({"year": 2025}, "dict is not a date", id="mapping"),
])
def test_parse_date_refuses_non_dates(value: object, message: str) -> None:
    with pytest.raises(DateParseError) as error:
        parse_date(value, site_timezone(CHICAGO))
    assert str(error.value) == message


REFUSED_STRINGS = [
    # formats outside YYYY-MM-DD[ HH:MM[:SS]][ offset]
    pytest.param("28/08/2025", "is not a date", id="day-first"),
    pytest.param("08/28/2025", "is not a date", id="month-first"),
    pytest.param("August 28, 2025", "is not a date", id="words"),
    pytest.param("28 Aug 2025", "is not a date", id="rfc-style"),
    pytest.param("yesterday", "is not a date", id="relative"),
    pytest.param("", "is not a date", id="empty"),
    pytest.param("   ", "is not a date", id="blank"),
    pytest.param("20250828", "is not a date", id="no-separators"),
    pytest.param("25-08-28", "is not a date", id="two-digit-year"),
    pytest.param("2025-08-28 10", "is not a date", id="hour-without-minutes"),
    pytest.param("2025-08-28 5pm", "is not a date", id="am-pm"),
    pytest.param("2025-08-28T10:00:00 CEST", "is not a date", id="zone-abbreviation"),
    pytest.param("2025-08-28T10:00:00 America/Chicago", "is not a date", id="zone-name"),
    pytest.param("2025-08-28 10:00 +2", "is not a date", id="one-digit-offset"),
    # the right shape, but not a moment in time
    pytest.param("2025-08-28 24:00", "is not a valid date (hour must be in 0..23)",
                 id="hour-24"),
    pytest.param("2025-08-28 10:60", "is not a valid date (minute must be in 0..59)",
                 id="minute-60"),
    pytest.param("2025-08-28 10:00:61", "is not a valid date (second must be in 0..59)",
                 id="second-61"),
    pytest.param("2025-08-28 10:00 +2400", "is not a valid date (offset +2400 out of range)",
                 id="offset-hours"),
    pytest.param("2025-08-28 10:00 -0575", "is not a valid date (offset -0575 out of range)",
                 id="offset-minutes"),
    pytest.param("2025-02-30 10:00 +0100", "is not a valid date (day is out of range for month)",
                 id="feb-30-with-offset"),
    pytest.param("2025-13-01 10:00 Z", "is not a valid date (month must be in 1..12)",
                 id="month-13-with-zone"),
]

REFUSED_LOCAL_DATES = [
    pytest.param("2025-02-30", "is not a valid date (day is out of range for month)",
                 id="feb-30"),
    pytest.param("2025-02-29", "is not a valid date (day is out of range for month)",
                 id="feb-29-not-leap"),
    pytest.param("2025-04-31 10:00", "is not a valid date (day is out of range for month)",
                 id="april-31-local-time"),
    pytest.param("2025-13-01", "is not a valid date (month must be in 1..12)", id="month-13"),
    pytest.param("2025-00-10", "is not a valid date (month must be in 1..12)", id="month-0"),
    pytest.param("0000-01-01", "is not a valid date (year 0 is out of range)", id="year-0"),
]


@pytest.mark.parametrize(("text", "message"), REFUSED_STRINGS)
def test_parse_date_string_refuses_with_message(text: str, message: str) -> None:
    with pytest.raises(DateParseError) as error:
        parse_date_string(text, site_timezone(CHICAGO))
    assert str(error.value) == message


@pytest.mark.parametrize(
    "text", [pytest.param(case.values[0], id=case.id) for case in REFUSED_LOCAL_DATES]
)
def test_impossible_local_dates_are_refused(text: str) -> None:
    # Ruby would roll Feb 30 over to Mar 2; this port stops instead.
    with pytest.raises(DateParseError, match="is not a valid date"):
        parse_date_string(text, site_timezone(CHICAGO))


@pytest.mark.parametrize(
    ("text", "message"),
    [pytest.param(*case.values, id=case.id) for case in REFUSED_LOCAL_DATES],
)
def test_impossible_local_dates_message(text: str, message: str) -> None:
    with pytest.raises(DateParseError) as error:
        parse_date_string(text, site_timezone(CHICAGO))
    assert str(error.value) == message


def test_accepted_forms_are_spelled_out_for_the_fix() -> None:
    assert DATE_FORMS == "YYYY-MM-DD, YYYY-MM-DD HH:MM:SS or YYYY-MM-DD HH:MM:SS +/-HHMM"


# -- site_timezone ----------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "summer_offset"), [
    (None, "+00:00"),
    ("", "+00:00"),
    ("UTC", "+00:00"),
    ("America/Chicago", "-05:00"),
    ("Asia/Tokyo", "+09:00"),
    ("Europe/London", "+01:00"),
    ("Asia/Kolkata", "+05:30"),
])
def test_site_timezone(name: str | None, summer_offset: str) -> None:
    noon = parse_date_string("2025-07-01 12:00", site_timezone(name))
    assert noon.isoformat() == f"2025-07-01T12:00:00{summer_offset}"


@pytest.mark.parametrize("name", [
    "Mars/Olympus_Mons",
    "Chicago",
    "utc+2",
    "../../etc/passwd",
    "/usr/share/zoneinfo/UTC",
    "Europe/London/",
])
def test_site_timezone_refuses_unknown_names(name: str) -> None:
    with pytest.raises(DateParseError) as error:
        site_timezone(name)
    assert str(error.value) == (
        f"unknown timezone '{name}' (use an IANA name such as Europe/London or America/Chicago)"
    )


def test_site_timezone_refuses_a_region_folder() -> None:
    with pytest.raises(DateParseError, match="unknown timezone 'America'"):
        site_timezone("America")
