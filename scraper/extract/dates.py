"""Polish date strings (footer labels, body date lines, meta/JSON-LD ISO) to Europe/Warsaw datetimes."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

logger = logging.getLogger(__name__)

WARSAW = ZoneInfo("Europe/Warsaw")
EARLIEST = datetime(1995, 1, 1, tzinfo=WARSAW)  # no Polish municipal website is older
FUTURE_TOLERANCE = timedelta(days=1)

# Genitive and nominative month names share a stem; matching the stem also
# accepts text typed without diacritics ("pazdziernika").
MONTH_STEMS = (
    ("stycz", 1),
    ("lut", 2),
    ("mar", 3),
    ("kwie", 4),
    ("maj", 5),
    ("czerw", 6),
    ("lip", 7),
    ("sierp", 8),
    ("wrze", 9),
    ("paźdz", 10),
    ("pazdz", 10),
    ("listop", 11),
    ("grud", 12),
)
TIME = r"(?:\s*,?\s*(?:r\.)?\s*,?\s*(?:o\s+)?(?:godz(?:ina|\.)?\s*)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.](?P<second>\d{2}))?)?"
NUMERIC = re.compile(r"(?<!\d)(?P<day>\d{1,2})[-./](?P<month>\d{1,2})[-./](?P<year>\d{4})(?!\d)" + TIME)
NAMED = re.compile(r"(?<!\d)(?P<day>\d{1,2})\s+(?P<month_name>[^\W\d_]{3,12})\s+(?P<year>\d{4})(?!\d)" + TIME)
ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")


def parse_polish_datetime(
    text: str | None, *, now: datetime | None = None, warnings: list[str] | None = None
) -> datetime | None:
    """The first date in `text` as an aware Europe/Warsaw datetime, or None.

    Error policy: never raises. Text without a date gives None silently; a
    date that is found but impossible (day 31 of a short month, year 1 or
    9999 pushed out of range by its offset) or implausible (before 1995, or
    more than a day after `now`) gives None and, when the caller passes a
    `warnings` list, one message appended to it.
    """
    if not text:
        return None
    try:
        found = find_datetime(text)
    except (ValueError, OverflowError) as error:
        note(warnings, f"invalid date {text.strip()!r}: {error}")
        return None
    if found is None:
        return None
    reason = implausible(found, now or datetime.now(UTC))
    if reason:
        note(warnings, f"implausible date {text.strip()!r}: {reason}")
        return None
    return found


def to_iso_warsaw(value: datetime | None) -> str | None:
    """ISO 8601 with the Europe/Warsaw offset valid at that moment (naive = Warsaw wall time)."""
    if value is None:
        return None
    return as_warsaw(value).isoformat()


def as_warsaw(value: datetime) -> datetime:
    """An aware Warsaw datetime for `value`.

    DST policy, deterministic: an ambiguous wall time (the autumn hour that
    happens twice) is the first occurrence, summer time (fold=0); a wall time
    that does not exist (the spring-forward gap) is read with the offset in
    force before the jump and shown as the real Warsaw time, an hour later
    (2021-03-28 02:30 -> 03:30+02:00).
    """
    if value.tzinfo is None:
        value = value.replace(tzinfo=WARSAW, fold=0)
    return value.astimezone(UTC).astimezone(WARSAW)


def find_datetime(text: str) -> datetime | None:
    for parse in (parse_iso, parse_numeric, parse_named):
        found = parse(text)
        if found is not None:
            return found
    return None


def parse_iso(text: str) -> datetime | None:
    match = ISO.search(text)
    if not match:
        return None
    return as_warsaw(datetime.fromisoformat(match.group(0)))


def parse_numeric(text: str) -> datetime | None:
    match = NUMERIC.search(text)
    if not match:
        return None
    return wall_time(match, int(match.group("month")))


def parse_named(text: str) -> datetime | None:
    for match in NAMED.finditer(text):
        month = month_number(match.group("month_name"))
        if month:
            return wall_time(match, month)
    return None


def month_number(name: str) -> int | None:
    name = name.casefold()
    return next((number for stem, number in MONTH_STEMS if name.startswith(stem)), None)


def wall_time(match: re.Match, month: int) -> datetime:
    """Warsaw wall time from a match with day/year and optional hour/minute/second groups."""
    return as_warsaw(
        datetime(
            int(match.group("year")),
            month,
            int(match.group("day")),
            int(match.group("hour") or 0),
            int(match.group("minute") or 0),
            int(match.group("second") or 0),
        )
    )


def implausible(value: datetime, now: datetime) -> str | None:
    if value < EARLIEST:
        return "before 1995"
    if value > now + FUTURE_TOLERANCE:
        return "in the future"
    return None


def note(warnings: list[str] | None, message: str) -> None:
    logger.debug(message)
    if warnings is not None:
        warnings.append(message)
