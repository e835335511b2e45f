"""Degraded re-fetches never erase archived values."""

import pytest
import sqlite_utils

from factories import LONG_BODY, make_item, make_page
from scraper.archive import Archive

REFETCH = "2024-03-01T10:00:00Z"

# name -> overrides of a re-fetch that must be recognised as degraded
DEGRADED_FETCHES = {
    "http 404": {"http_status": 404, "title": "Strona", "body_text": "Brak strony", "tags": []},
    "http 500": {"http_status": 500},
    "title 404": {"title": "404 - Przemyśl", "body_text": "Strona, której szukasz, nie istnieje."},
    "title nie znaleziono": {"title": "Nie znaleziono strony", "body_text": None},
    "title błąd": {"title": "Błąd serwera", "body_text": "Spróbuj później."},
    "tiny body": {"body_text": "Zaloguj się.", "body_html": "<p>Zaloguj się.</p>"},
    "empty body": {"body_text": None, "body_html": None},
    "body shrank": {"body_text": LONG_BODY[:100], "body_html": "<p>x</p>"},
    "author lost": {"author": None},
    "tags lost": {"tags": []},
    "attachments lost": {"attachments": []},
    "published_at lost": {"published_at": None},
}


@pytest.fixture
def archive():
    archive = Archive(sqlite_utils.Database(memory=True))
    archive.store(make_item(), make_page(make_item()))
    return archive


def refetch(archive, **overrides):
    item = make_item(fetched_at=REFETCH, **overrides)
    return archive.store(item, make_page(item, body=b"<html>degraded</html>"))


@pytest.mark.parametrize("overrides", DEGRADED_FETCHES.values(), ids=DEGRADED_FETCHES.keys())
def test_degraded_fetch_outcome(archive, overrides):
    assert refetch(archive, **overrides).status == "degraded"


@pytest.mark.parametrize("overrides", DEGRADED_FETCHES.values(), ids=DEGRADED_FETCHES.keys())
def test_degraded_fetch_keeps_archived_values(archive, overrides):
    refetch(archive, **overrides)
    row = archive.db["articles"].get("gdynia:1")
    kept = {field: row[field] for field in ("title", "body_text", "author", "published_at")}
    assert kept == {
        "title": "Rewitalizacja Chylonii",
        "body_text": LONG_BODY,
        "author": "Aleksandra Dylejko",
        "published_at": "2021-12-10T12:50:00+01:00",
    }


@pytest.mark.parametrize("field,table", [("tags", "articles_tags"), ("attachments", "attachments")])
def test_lost_list_keeps_child_rows(archive, field, table):
    refetch(archive, **{field: []})
    assert archive.db[table].count == 2


@pytest.mark.parametrize("overrides", DEGRADED_FETCHES.values(), ids=DEGRADED_FETCHES.keys())
def test_degraded_page_is_flagged(archive, overrides):
    refetch(archive, **overrides)
    assert archive.db.execute("SELECT degraded FROM pages ORDER BY fetched_at").fetchall() == [(0,), (1,)]


def test_degraded_fetch_records_warning(archive):
    refetch(archive, http_status=404)
    assert [row["warning"] for row in archive.db["fetch_warnings"].rows] == [
        "error page kept out of the archive: http_status 404"
    ]


def test_repeated_degraded_fetch_adds_nothing(archive):
    refetch(archive, author=None)
    counts = {table: archive.db[table].count for table in archive.db.table_names()}
    refetch(archive, author=None)
    assert {table: archive.db[table].count for table in archive.db.table_names()} == counts


def test_error_page_keeps_reparse_on_good_page(archive):
    refetch(archive, http_status=404)
    assert [page["degraded"] for page in archive.stored_pages()] == [False]


def test_degraded_fetch_with_new_values_merges_them(archive):
    outcome = refetch(archive, subtitle=None, lead=None, title="Rewitalizacja Chylonii – aktualizacja")
    row = archive.db["articles"].get("gdynia:1")
    assert (outcome.version, row["title"], row["lead"]) == (
        2,
        "Rewitalizacja Chylonii – aktualizacja",
        "Nowe podwórka.",
    )


def test_degraded_fetch_that_loses_the_author_and_changes_is_held(archive):
    # Since issue 9 a vanished author makes a change suspect: held, not merged.
    outcome = refetch(archive, author=None, title="Rewitalizacja Chylonii – aktualizacja")
    row = archive.db["articles"].get("gdynia:1")
    assert (outcome.status, outcome.version, row["title"]) == ("suspect", 1, "Rewitalizacja Chylonii")


def test_error_page_with_new_title_is_not_merged(archive):
    refetch(archive, http_status=404, title="Inny tytuł")
    assert archive.db["articles"].get("gdynia:1")["title"] == "Rewitalizacja Chylonii"


def test_moderate_shrink_is_a_change(archive):
    assert refetch(archive, body_text=LONG_BODY[: len(LONG_BODY) // 2]).status == "changed"


def test_article_with_error_title_archived_is_not_degraded():
    archive = Archive(sqlite_utils.Database(memory=True))
    archive.store(make_item(title="Błąd w rozkładzie jazdy"))
    assert refetch(archive, title="Błąd w rozkładzie jazdy", lead="Poprawiony.").status == "changed"
