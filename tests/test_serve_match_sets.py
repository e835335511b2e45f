"""A search's FTS pass shared by its page's queries: the temp match sets, their rewrite, rebuild and eviction."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
import sqlite_utils

from factories import make_item
from scraper.archive import Archive
from scraper.archive.document_search import matching_article_rowids_sql
from scraper.archive.search import match_expression
from scraper.serve import match_sets
from scraper.serve.app import datasette_instance
from scraper.serve.match_sets import MatchSet, ensure_match_set, shared_match_sql


def _archive(path) -> str:
    archive = Archive(sqlite_utils.Database(path))
    archive.store(make_item("gdynia:1", title="Park na Oksywiu", body_text="Nowe ławki w parku."))
    archive.store(make_item("gdynia:2", title="Plac w Chyloni", body_text="Nowy plac zabaw."))
    archive.db.close()
    return str(path)


@pytest.fixture
def archive_path(tmp_path):
    return _archive(tmp_path / "archive.db")


def _ledger(ds) -> list[str]:
    # The match sets' own connection (check_same_thread off, as Datasette opens them), read while its thread idles.
    connection = ds.get_database("archive")._match_set_connection
    return [name for (name,) in connection.execute("select name from temp.kronika_match_sets")]


def _reader(path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def test_search_page_builds_one_match_set_for_all_its_queries(archive_path):
    ds = datasette_instance(archive_path)
    asyncio.run(ds.client.get("/archive/articles?_search=parku"))
    assert len(_ledger(ds)) == 1


def test_search_through_the_match_set_finds_what_the_index_finds(archive_path):
    ds = datasette_instance(archive_path)
    rows = asyncio.run(ds.client.get("/archive/articles.json?_search=parku&_shape=array")).json()
    assert [row["id"] for row in rows] == ["gdynia:1"]


def test_shown_sql_keeps_the_fts_subquery(archive_path):
    ds = datasette_instance(archive_path)
    data = asyncio.run(ds.client.get("/archive/articles.json?_search=parku&_extra=query")).json()
    assert "articles_fts match" in data["query"]["sql"] and "kronika_match_" not in data["query"]["sql"]


def test_only_the_search_subquery_of_its_parameter_is_rewritten():
    subquery = matching_article_rowids_sql(match_sets.SEARCH_PARAMETER)
    sql = f"select id from articles where rowid in ({subquery})"
    shared, match_set = shared_match_sql(sql, {match_sets.SEARCH_PARAMETER: '"_park"'})
    assert shared == f"select id from articles where rowid in ({match_set.rowids_sql()})"
    assert shared_match_sql(sql, {"other": "x"}) == (sql, None)
    assert shared_match_sql("select 1", {match_sets.SEARCH_PARAMETER: '"_park"'}) == ("select 1", None)


def test_a_commit_by_another_connection_rebuilds_the_set(archive_path):
    reader = _reader(archive_path)
    match_set = MatchSet(match_expression("plac"), with_documents=False)
    ensure_match_set(reader, match_set)
    Archive(sqlite_utils.Database(archive_path)).store(make_item("gdynia:3", title="Plac Kaszubski"))
    ensure_match_set(reader, match_set)
    assert len(reader.execute(match_set.rowids_sql()).fetchall()) == 2


def test_the_least_recently_used_set_goes_past_the_limit(archive_path, monkeypatch):
    monkeypatch.setattr(match_sets, "MAX_MATCH_SETS", 2)
    reader = _reader(archive_path)
    first, second, third = (MatchSet(match_expression(word), False) for word in ("park", "plac", "ławka"))
    for match_set in (first, second, first, third):
        ensure_match_set(reader, match_set)
    kept = {name for (name,) in reader.execute("select name from temp.kronika_match_sets")}
    assert kept == {first.table, third.table}
    assert not reader.execute("select 1 from sqlite_temp_master where name = ?", [second.table[5:]]).fetchone()


def test_served_search_sees_articles_archived_after_it(archive_path):
    ds = datasette_instance(archive_path)

    def found():
        return len(asyncio.run(ds.client.get("/archive/articles.json?_search=plac&_shape=array")).json())

    before = found()
    Archive(sqlite_utils.Database(archive_path)).store(make_item("gdynia:3", title="Plac Kaszubski"))
    assert (before, found()) == (1, 2)


def test_a_set_reports_its_share_of_the_articles(archive_path):
    share = ensure_match_set(_reader(archive_path), MatchSet(match_expression("parku"), with_documents=False))
    assert share == 0.5


def test_a_rare_search_is_read_from_its_set_a_common_one_along_the_date_index(archive_path, monkeypatch):
    ds = datasette_instance(archive_path)
    executed = []
    original = match_sets.Database.execute

    async def recording(self, sql, *args, **kwargs):
        executed.append(sql)
        return await original(self, sql, *args, **kwargs)

    monkeypatch.setattr(match_sets.Database, "execute", recording)
    for share, query in ((0.5, "plac"), (0.4, "park")):
        monkeypatch.setattr(match_sets, "DRIVEN_BY_SET_SHARE", share)
        asyncio.run(ds.client.get(f"/archive/articles.json?_search={query}"))
    rows_queries = [sql for sql in executed if sql.startswith("select id,") and "kronika_match_" in sql]
    assert ["+rowid in" in sql for sql in rows_queries] == [False, True]
