"""Polish date strings to Europe/Warsaw ISO: layouts, month names, DST edges, implausible dates."""

from datetime import UTC, datetime

import pytest

from scraper.extract.dates import parse_polish_datetime, to_iso_warsaw

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


def iso(text: str) -> str | None:
    return to_iso_warsaw(parse_polish_datetime(text, now=NOW))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("05-10-2018 08:39", "2018-10-05T08:39:00+02:00"),
        ("10.12.2021 12:50", "2021-12-10T12:50:00+01:00"),
        ("Data publikacji: 05-10-2018 08:39", "2018-10-05T08:39:00+02:00"),
        ("29.03.2021 r.", "2021-03-29T00:00:00+02:00"),
        ("1.2.2020", "2020-02-01T00:00:00+01:00"),
        ("5 października 2018", "2018-10-05T00:00:00+02:00"),
        ("5 październik 2018", "2018-10-05T00:00:00+02:00"),
        ("5 października 2018 r., godz. 10:15", "2018-10-05T10:15:00+02:00"),
        ("12 stycznia 2019 r. godz. 9.30", "2019-01-12T09:30:00+01:00"),
        ("3 maja 2017", "2017-05-03T00:00:00+02:00"),
        ("1 grudzień 2016", "2016-12-01T00:00:00+01:00"),
        ("15 lutego 2015", "2015-02-15T00:00:00+01:00"),
        ("2021-12-10T12:50:00+01:00", "2021-12-10T12:50:00+01:00"),
        ("2021-12-10T11:50:00Z", "2021-12-10T12:50:00+01:00"),
        ("2018-10-05 08:39", "2018-10-05T08:39:00+02:00"),
    ],
)
def test_layouts_and_month_names(text, expected):
    assert iso(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Spring forward 2017-03-26: 01:30 is winter time, 03:30 summer time.
        ("26-03-2017 01:30", "2017-03-26T01:30:00+01:00"),
        ("26-03-2017 03:30", "2017-03-26T03:30:00+02:00"),
        # The nonexistent 02:30 is read with the winter offset: real time 03:30 summer time.
        ("26-03-2017 02:30", "2017-03-26T03:30:00+02:00"),
        # Fall back 2017-10-29: 02:30 happens twice; the first (summer) occurrence wins.
        ("29-10-2017 02:30", "2017-10-29T02:30:00+02:00"),
        ("28-10-2017 22:15", "2017-10-28T22:15:00+02:00"),
        ("30-10-2017 08:05", "2017-10-30T08:05:00+01:00"),
    ],
)
def test_dst_edges_are_deterministic(text, expected):
    assert iso(text) == expected


@pytest.mark.parametrize("text", ["01.01.1990 10:00", "03-06-2024 12:00", "2050-01-01"])
def test_implausible_dates_are_none(text):
    assert parse_polish_datetime(text, now=NOW) is None


@pytest.mark.parametrize(
    "text, reason",
    [
        ("01.01.1990", "before 1995"),
        ("03-06-2024 12:00", "in the future"),
        ("32.13.2020", "invalid date"),
    ],
)
def test_implausible_dates_report_a_warning(text, reason):
    warnings: list[str] = []
    parse_polish_datetime(text, now=NOW, warnings=warnings)
    assert len(warnings) == 1 and reason in warnings[0]


def test_tomorrow_is_still_plausible():
    assert iso("02-06-2024 10:00") == "2024-06-02T10:00:00+02:00"


@pytest.mark.parametrize("text", ["", None, "brak daty", "Autor: Jan Kowalski"])
def test_text_without_a_date_is_none_without_warning(text):
    warnings: list[str] = []
    assert parse_polish_datetime(text, now=NOW, warnings=warnings) is None and warnings == []


def test_naive_datetime_is_warsaw_wall_time():
    assert to_iso_warsaw(datetime(2021, 7, 1, 9, 0)) == "2021-07-01T09:00:00+02:00"
