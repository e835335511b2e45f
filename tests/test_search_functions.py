"""Unit tests for scraper.archive.search: folding, index text, safe match expressions, sync."""

import pytest
import sqlite_utils

from scraper.archive import Archive
from scraper.archive.search import (
    FTS_TABLE,
    INDEX_VERSION,
    INDEX_VERSION_TABLE,
    ensure_search_index,
    fold,
    index_text,
    match_expression,
    search,
)
from scraper.serve.app import warn_if_search_index_stale


@pytest.mark.parametrize("text,expected", [("Łódź", "lodz"), ("ŚWIĘTOJAŃSKA", "swietojanska"), ("żółć", "zolc")])
def test_fold_removes_polish_diacritics(text, expected):
    assert fold(text) == expected


def test_index_text_adds_lemma_after_form():
    assert index_text("parku") == "parku _park"


def test_index_text_marks_a_proper_name_lemma_apart():
    assert index_text("Gdyni") == "gdyni __gdynia"


def test_index_text_keeps_diacritics_in_lemmas():
    assert index_text("przemysłu") == "przemyslu _przemysł"


def test_index_text_gives_an_unknown_word_a_stem():
    assert index_text("Chylonii") == "chylonii chylon_"


def test_known_query_word_is_never_a_prefix():
    assert "*" not in match_expression("park")


def test_unknown_query_word_is_prefix_searched_by_stem():
    assert match_expression("chylonii") == '("chylonii"* OR "chylon"*)'


def test_short_unknown_query_word_is_not_prefix_searched():
    assert match_expression("qx") == '("qx")'


def test_query_without_diacritics_means_the_name():
    assert match_expression("przemysla") == '("__przemysł" OR "__przemyśl" OR "przemysl_")'


def test_index_text_of_nothing_is_null():
    assert index_text("") is None


@pytest.fixture
def one_article_db():
    db = sqlite_utils.Database(memory=True)
    Archive(db).store({"id": "t:1", "site": "t", "title": "Gdynia", "body_text": "Plac w Gdyni.", "fetched_at": "1"})
    return db


@pytest.mark.parametrize(
    "query", ['"Gdynia', 'Gdynia"', "Gdynia*", "-Gdynia", "(Gdynia", "'Gdynia'", "^Gdynia", "Gdynia)", "Gdynia:"]
)
def test_fts_syntax_around_a_word_still_finds_it(one_article_db, query):
    assert [hit[0] for hit in search(one_article_db, query)] == ["t:1"]


@pytest.mark.parametrize("query", ['"', "*", "(", ")", "''", "^", ":", "-"])
def test_fts_syntax_alone_matches_nothing_without_error(one_article_db, query):
    assert search(one_article_db, query) == []


def test_empty_query_matches_nothing():
    db = sqlite_utils.Database(memory=True)
    Archive(db).store({"id": "t:1", "site": "t", "title": "Gdynia"})
    assert search(db, "") == []


def test_match_expression_ands_words():
    assert match_expression("plac Gdyni").count(" AND ") == 1


def test_update_resyncs_index():
    db = sqlite_utils.Database(memory=True)
    archive = Archive(db)
    archive.store({"id": "t:1", "site": "t", "title": "Gdynia", "fetched_at": "1"})
    archive.store({"id": "t:1", "site": "t", "title": "Przemyśl", "fetched_at": "2"})
    assert [hit[0] for hit in search(db, "Przemyśla")] == ["t:1"] and search(db, "Gdynia") == []


def test_ensure_search_index_backfills_rows_written_without_it():
    db = sqlite_utils.Database(memory=True)
    Archive(db)
    db.execute("INSERT INTO articles (id, site, title) VALUES ('t:9', 't', 'Oksywie')")
    ensure_search_index(db)
    assert [hit[0] for hit in search(db, "Oksywiu")] == ["t:9"]


def test_title_hit_ranks_above_body_hit():
    db = sqlite_utils.Database(memory=True)
    archive = Archive(db)
    archive.store({"id": "t:body", "site": "t", "title": "Inne", "body_text": "Plac w Gdyni."})
    archive.store({"id": "t:title", "site": "t", "title": "Plac", "body_text": "Coś innego."})
    assert search(db, "placu")[0][0] == "t:title"


def _old_index(db):
    """An archive as issue 12 found them: folded tokens, diacritics removed by FTS5, no index version."""
    db["articles"].disable_fts()
    db[INDEX_VERSION_TABLE].drop()
    db.execute("UPDATE articles SET search_title = 'gdyni gdynia'")
    db["articles"].enable_fts(
        ["search_title", "search_lead", "search_body"], tokenize="unicode61 remove_diacritics 2", create_triggers=True
    )


def test_archive_indexed_under_an_old_version_is_reindexed_on_open():
    db = sqlite_utils.Database(memory=True)
    Archive(db).store({"id": "t:1", "site": "t", "title": "Gdyni", "fetched_at": "1"})
    _old_index(db)
    Archive(db)
    assert db["articles"].get("t:1")["search_title"] == "gdyni __gdynia"
    assert [hit[0] for hit in search(db, "Gdynia")] == ["t:1"]
    assert "remove_diacritics 0" in db[FTS_TABLE].schema


def test_reindex_records_the_index_version():
    db = sqlite_utils.Database(memory=True)
    Archive(db)
    assert list(db[INDEX_VERSION_TABLE].rows) == [{"id": 1, "version": INDEX_VERSION}]


def test_current_index_is_not_rebuilt_on_open():
    db = sqlite_utils.Database(memory=True)
    Archive(db).store({"id": "t:1", "site": "t", "title": "Gdyni", "fetched_at": "1"})
    db.execute("UPDATE articles SET search_title = 'kept'")
    ensure_search_index(db)
    assert db["articles"].get("t:1")["search_title"] == "kept"


def test_server_warns_about_an_index_it_cannot_rebuild(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)
    Archive(db)
    _old_index(db)
    db.close()
    assert warn_if_search_index_stale(path)


def test_server_is_quiet_about_a_current_index(tmp_path):
    path = tmp_path / "new.db"
    Archive(sqlite_utils.Database(path)).db.close()
    assert not warn_if_search_index_stale(path)


def _segments(db, fts_table: str) -> int:
    return db.execute(f"SELECT count(DISTINCT segid) FROM [{fts_table}_idx]").fetchone()[0]


def test_a_rebuilt_index_is_one_segment():
    # ~3 MB of index text: FTS5 flushes a one-pass fill as a segment per ~1 MB of pending terms.
    db = sqlite_utils.Database(memory=True)
    Archive(db)
    words = " ".join(f"słowo{number}" for number in range(400))
    db["articles"].insert_all(
        {"id": f"t:{number}", "site": "t", "title": f"Plac {number}", "body_text": words} for number in range(1500)
    )
    _old_index(db)
    Archive(db)
    assert _segments(db, FTS_TABLE) == 1
