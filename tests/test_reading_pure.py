"""The reading room's pure parts: Polish dates, word-level diffs, versions compared field by field."""

from __future__ import annotations

import json
import re

import pytest

from scraper.serve.filters import facet_label, file_size, polish_time
from scraper.serve.polish_dates import polish_datetime
from scraper.serve.versions import changed_labels, changes, versions
from scraper.serve.worddiff import tokens, word_diff

# --- Polish dates ---


def test_date_with_offset_is_said_in_polish():
    assert polish_datetime("2018-10-05T08:39:00+02:00") == "5 października 2018, 08:39"


def test_utc_time_is_shown_in_warsaw_time():
    # 23:30 UTC on 31 December is already New Year in Warsaw.
    assert polish_datetime("2019-12-31T23:30:00Z") == "1 stycznia 2020, 00:30"


def test_summer_time_is_warsaw_summer_time():
    assert polish_datetime("2024-05-01T10:00:00Z") == "1 maja 2024, 12:00"


def test_time_without_offset_is_taken_as_warsaw_time():
    assert polish_datetime("2021-06-19T18:00:00") == "19 czerwca 2021, 18:00"


def test_bare_date_has_no_time():
    assert polish_datetime("2023-02-14") == "14 lutego 2023"


def test_text_that_is_not_a_date_is_an_error():
    with pytest.raises(ValueError):
        polish_datetime("wczoraj")


# --- word diff ---


def test_tokens_join_back_into_the_text():
    text = "Spacer  badawczy, po Chylonii!\n\nRelacja."
    assert "".join(tokens(text)) == text


def test_added_words_are_inserted():
    assert word_diff("Spacer po Chylonii", "Spacer badawczy po Chylonii") == "Spacer<ins> badawczy</ins> po Chylonii"


def test_replaced_word_is_deleted_then_inserted():
    assert word_diff("do jesieni", "do zimy") == "do<del> jesieni</del><ins> zimy</ins>"


def test_removed_words_are_deleted():
    assert word_diff("Wstęp wolny dla wszystkich.", "Wstęp wolny.") == "Wstęp wolny<del> dla wszystkich</del>."


def test_only_the_changed_line_is_compared_word_by_word():
    old = "Pierwszy akapit bez zmian.\n\nDrugi akapit."
    assert (
        word_diff(old, old.replace("Drugi", "Trzeci"))
        == "Pierwszy akapit bez zmian.\n\n<del>Drugi</del><ins>Trzeci</ins> akapit."
    )


def test_diff_escapes_every_piece():
    html = str(word_diff("<b>a</b>", "<script>alert(1)</script> a"))
    # The only elements are the diff's own; the old and new markup is text.
    assert set(re.findall(r"<(\w+)", html)) == {"ins", "del"} and "&lt;/" in html


def test_diff_from_nothing_inserts_everything():
    assert word_diff(None, "Nowy lead") == "<ins>Nowy lead</ins>"


# --- versions ---

FIRST = {
    "title": "Spacer badawczy po Chylonii",
    "lead": "Mieszkańcy spotkali się.",
    "body_text": "Tekst.",
    "published_at": "2023-05-10T17:00:00+02:00",
    "modified_at": None,
    "author": "A. Dylejko",
    "attachments": [{"url": "https://x.pl/a.pdf", "title": "Plan", "filename": "a.pdf"}],
}
SECOND = {
    **FIRST,
    "title": "Spacer badawczy po Chylonii — relacja",
    "modified_at": "2023-05-12T08:00:00+02:00",
    "attachments": [{"url": "https://x.pl/b.pdf", "title": None, "filename": "b.pdf"}],
}


def test_changes_name_each_changed_field_in_reading_order():
    assert [change.field for change in changes(FIRST, SECOND)] == ["title", "modified_at", "attachments"]


def test_title_change_is_a_word_diff():
    assert changes(FIRST, SECOND)[0].html == "Spacer badawczy po Chylonii<ins> — relacja</ins>"


def test_date_change_is_said_in_polish():
    assert changes(FIRST, SECOND)[1].html == "<del>brak</del><ins>12 maja 2023, 08:00</ins>"


def test_attachments_added_and_removed_by_url():
    html = str(changes(FIRST, SECOND)[2].html)
    assert "<ins>dodano: b.pdf</ins>" in html and "<del>usunięto: Plan</del>" in html


def test_unchanged_fields_are_not_changes():
    assert changes(FIRST, dict(FIRST)) == []


def test_changed_labels_are_polish():
    assert changed_labels(json.dumps(FIRST), json.dumps(SECOND)) == "tytuł, data modyfikacji, załączniki"


def test_change_outside_the_compared_fields_is_other_fields():
    assert changed_labels(json.dumps(FIRST), json.dumps({**FIRST, "tags": ["nowy"]})) == "inne pola"


def test_first_version_has_no_previous_to_compare():
    assert changed_labels(None, json.dumps(FIRST)) is None


def test_versions_are_listed_oldest_first_each_against_the_one_before():
    rows = [
        {"version": 2, "first_seen_at": "2024-05-02T10:00:00Z", "superseded_at": None, "item": json.dumps(SECOND)},
        {
            "version": 1,
            "first_seen_at": "2024-05-01T10:00:00Z",
            "superseded_at": "2024-05-02T10:00:00Z",
            "item": json.dumps(FIRST),
        },
    ]
    found = versions(rows)
    assert [(version.number, len(version.changes)) for version in found] == [(1, 0), (2, 3)]


# --- template filters ---


@pytest.mark.parametrize(
    "size, said", [(1730150, "1,65 MB"), (168120, "164 KB"), (2 * 1024**2, "2 MB"), (512, "512 B"), (None, "")]
)
def test_file_size_is_written_the_polish_way(size, said):
    assert file_size(size) == said


def test_polish_time_keeps_the_iso_value_in_the_element():
    assert polish_time("2018-10-05T08:39:00+02:00") == (
        '<time datetime="2018-10-05T08:39:00+02:00">5 października 2018, 08:39</time>'
    )


def test_polish_time_of_text_that_is_no_date_shows_it_escaped():
    assert polish_time("<b>wczoraj</b>") == "<span>&lt;b&gt;wczoraj&lt;/b&gt;</span>"


@pytest.mark.parametrize(
    "label, name, said",
    [
        (1, "revitalisation", "tak"),
        (0, "revitalisation", "nie"),
        ("gdynia", "site", "Gdynia"),
        ("Jan", "author", "Jan"),
    ],
)
def test_facet_labels_are_polish(label, name, said):
    assert facet_label(label, name, {"gdynia": "Gdynia"}) == said
