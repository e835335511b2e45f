"""Archive timestamps as a Polish reader says them: "5 października 2018, 08:39", in Warsaw time."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

WARSAW = ZoneInfo("Europe/Warsaw")
# A date is said with its month in the genitive: "5 października", not "5 październik".
MONTHS_GENITIVE = (
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
)


def polish_datetime(value: str) -> str:
    """`value` (ISO 8601) in Polish, in Warsaw time: "5 października 2018, 08:39"; a bare date has no time.

    Times without an offset are taken as Warsaw time (as a site shows them);
    "Z" and other offsets are converted. Raises ValueError for text that is not ISO 8601.
    """
    text = value.strip()
    if len(text) == 10:
        day = date.fromisoformat(text)
        return f"{day.day} {MONTHS_GENITIVE[day.month - 1]} {day.year}"
    moment = datetime.fromisoformat(text)
    moment = moment.replace(tzinfo=WARSAW) if moment.tzinfo is None else moment.astimezone(WARSAW)
    return f"{moment.day} {MONTHS_GENITIVE[moment.month - 1]} {moment.year}, {moment:%H:%M}"
