"""Reparse: stored pages re-extracted through the store rules, without network."""

import json

import pytest
import sqlite_utils
from click.testing import CliRunner

from factories import dump, make_item, make_page
from scraper.archive import Archive
from scraper.archive.reparse import CHUNK_PAGES, reparse_archive
from scraper.cli.archive import reparse as reparse_command


def page_for(item):
    # The fake extractor below reads the item back out of the page body.
    return make_page(item, body=json.dumps(item).encode("utf-8"))


def echo_extractor(body, url, *, headers=None, status=200, fetched_at=None):
    return dict(json.loads(body), fetched_at=fetched_at.isoformat().replace("+00:00", "Z"))


def shouting_extractor(body, url, **kwargs):
    item = echo_extractor(body, url, **kwargs)
    return dict(item, title=item["title"].upper())


@pytest.fixture
def archive():
    archive = Archive(sqlite_utils.Database(memory=True))
    for number in range(3):
        item = make_item(f"gdynia:{number}")
        archive.store(item, page_for(item))
    return archive


def test_reparse_with_same_extractor_changes_nothing(archive):
    before = dump(archive.db)
    reparse_archive(archive, echo_extractor)
    assert dump(archive.db) == before


def test_reparse_counts_outcomes(archive):
    assert reparse_archive(archive, echo_extractor) == {"unchanged": 3}


def test_reparse_with_better_extractor_makes_versions(archive):
    reparse_archive(archive, shouting_extractor)
    assert archive.db["articles"].get("gdynia:1")["title"] == "REWITALIZACJA CHYLONII"


def test_reparse_keeps_previous_version(archive):
    reparse_archive(archive, shouting_extractor)
    assert archive.db["article_versions"].count == 6


def test_reparse_failure_is_counted_not_fatal(archive):
    def flaky(body, url, **kwargs):
        if json.loads(body)["id"] == "gdynia:1":
            raise ValueError("unparseable")
        return echo_extractor(body, url, **kwargs)

    assert reparse_archive(archive, flaky) == {"unchanged": 2, "failed": 1}


def test_reparse_passes_page_provenance(archive):
    seen = []

    def recording(body, url, **kwargs):
        seen.append((url, kwargs["status"], kwargs["headers"]["ETag"]))
        return echo_extractor(body, url, **kwargs)

    reparse_archive(archive, recording)
    assert seen[0] == (make_item("gdynia:0")["url"], 200, '"v1"')


def test_reparse_command_prints_counts(tmp_path, monkeypatch):
    path = tmp_path / "a.db"
    item = make_item()
    Archive(path).store(item, page_for(item))
    monkeypatch.setattr("scraper.archive.reparse._default_extractor", lambda: echo_extractor)
    result = CliRunner().invoke(reparse_command, ["--db", str(path)])
    assert result.output.startswith("reparsed 1 pages: new 0, changed 0, unchanged 1")


@pytest.fixture
def larger_archive():
    # More pages than one chunk per worker, so the pool really spreads them and results come back interleaved.
    archive = Archive(sqlite_utils.Database(memory=True))
    with archive.batch():
        for number in range(3 * CHUNK_PAGES + 7):
            item = make_item(f"gdynia:{number}")
            archive.store(item, page_for(item))
    return archive


def failing_on_odd(body, url, **kwargs):
    item = echo_extractor(body, url, **kwargs)
    if int(item["id"].split(":")[1]) % 2:
        raise ValueError("unparseable")
    return dict(item, title=item["title"].upper())


@pytest.mark.parametrize("extractor", [shouting_extractor, failing_on_odd], ids=["changes", "failures"])
def test_pool_leaves_the_same_archive_as_one_process(larger_archive, extractor):
    single = Archive(sqlite_utils.Database(memory=True))
    larger_archive.db.conn.backup(single.db.conn)
    assert (reparse_archive(larger_archive, extractor, workers=2), dump(larger_archive.db)) == (
        reparse_archive(single, extractor, workers=1),
        dump(single.db),
    )


def test_pool_counts_every_page(larger_archive):
    assert reparse_archive(larger_archive, failing_on_odd, workers=2) == {"changed": 79, "failed": 78}


def test_reparse_command_takes_workers(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr("scraper.cli.archive.reparse_archive", lambda archive, workers: seen.append(workers) or {})
    path = tmp_path / "a.db"
    Archive(path)
    CliRunner().invoke(reparse_command, ["--db", str(path), "--workers", "3"])
    assert seen == [3]
