"""The suspect rules: a re-fetch that looks like a different page, each rule on its own."""

import pytest

from factories import LONG_BODY, make_item
from scraper.archive.suspect import (
    BODY_OVERLAP_MIN,
    body_overlap,
    duplicate_reason,
    page_content_key,
    suspect_reasons,
)

OTHER_BODY = (
    "Trwają prace techniczne nad nową wersją serwisu. Za utrudnienia przepraszamy i zapraszamy "
    "ponownie wkrótce. W sprawach pilnych prosimy o kontakt z Biurem Obsługi Mieszkańców."
)
ARCHIVED = make_item(body_text=LONG_BODY + " Prace potrwają do końca roku, a koszt wyniesie 2 mln zł.")


def reasons(**overrides):
    return suspect_reasons(ARCHIVED, make_item(**overrides))


def test_title_and_body_replaced_is_suspect():
    assert reasons(title="Przepraszamy", body_text=OTHER_BODY, body_html=None) == [
        "title changed to 'Przepraszamy' and only 0% of the body matches the archived one"
    ]


def test_new_title_with_the_same_body_is_an_edit():
    assert reasons(title="Rewitalizacja Chylonii – aktualizacja") == []


def test_new_body_under_the_same_title_is_an_edit():
    assert reasons(body_text=OTHER_BODY) == []


def test_new_title_with_a_reworded_paragraph_is_an_edit():
    edited = ARCHIVED["body_text"].replace("Prace potrwają do końca roku", "Prace potrwają do wiosny")
    assert reasons(title="Podwórka Chylonii gotowe", body_text=edited) == []


def test_title_case_change_is_no_title_change():
    assert reasons(title="REWITALIZACJA CHYLONII", body_text=OTHER_BODY) == []


@pytest.mark.parametrize(
    "moved, suspect",
    [
        ("2021-12-10T12:50:00+02:00", False),  # an offset fix
        ("2021-12-11T09:00:00+01:00", False),  # within a day
        ("2021-12-12T12:50:00+01:00", True),
        ("2026-12-01T00:00:00+01:00", True),  # a date label of today
    ],
)
def test_published_date_moved_beyond_a_day_is_suspect(moved, suspect):
    assert bool(reasons(published_at=moved)) is suspect


def test_lost_published_date_is_degraded_not_suspect():
    assert reasons(published_at=None) == []


def test_vanished_author_is_suspect():
    assert reasons(author=None) == ["author 'Aleksandra Dylejko' vanished"]


def test_new_author_is_an_edit():
    assert reasons(author="Jan Nowak") == []


def test_overlap_threshold_separates_another_page():
    assert body_overlap(LONG_BODY, OTHER_BODY) < BODY_OVERLAP_MIN <= body_overlap(LONG_BODY, LONG_BODY + OTHER_BODY)


def test_overlap_of_two_empty_bodies_is_full():
    assert (body_overlap(None, ""), body_overlap("tekst", None)) == (1.0, 0.0)


@pytest.mark.parametrize("others, suspect", [(0, False), (1, False), (2, True), (10, True)])
def test_same_content_for_three_articles_is_suspect(others, suspect):
    assert bool(duplicate_reason(others)) is suspect


def test_content_key_ignores_everything_but_title_and_body():
    assert page_content_key(make_item("gdynia:1")) == page_content_key(make_item("gdynia:2", author=None))
    assert page_content_key(make_item(title="Inny")) != page_content_key(make_item())
