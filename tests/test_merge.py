"""`kronika merge`: shard archives combined idempotently, newest content current, bad shards refused."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from factories import dump, make_item, make_page
from scraper.archive import Archive
from scraper.archive.downloads import record_download, store_document
from scraper.archive.files import read_file, store_file
from scraper.archive.merge import MergeRefused, merge_archives
from scraper.archive.search import search
from scraper.cli import main
from scraper.extract.documents.result import DocumentResult

T1, T2, T3 = "2024-01-01T10:00:00Z", "2024-02-01T10:00:00Z", "2024-03-01T10:00:00Z"


def build(path, *fetches, crawl_started: str | None = None):
    """An archive file holding `fetches` (item, page body) stored in order, within one crawl if named."""
    archive = Archive(str(path))
    crawl_id = archive.start_crawl("gdynia", crawl_started) if crawl_started else None
    for item, body in fetches:
        archive.store(item, make_page(item, body=body), crawl_id=crawl_id)
    if crawl_id:
        archive.finish_crawl(crawl_id, finished_at=crawl_started, finish_reason="finished", exit_status=0)
    archive.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    archive.db.close()
    return str(path)


def fetch(title: str, fetched_at: str, article_id: str = "gdynia:1", **fields):
    return make_item(article_id, title=title, fetched_at=fetched_at, **fields), f"<p>{title}</p>".encode()


def merged(tmp_path, *shards, name="merged.db"):
    into = str(tmp_path / name)
    merge_archives(list(shards), into)
    return sqlite_utils.Database(into)


def versions(db, article_id="gdynia:1"):
    """(version, first_seen_at, superseded_at, title) of each stored version."""
    return [
        (row["version"], row["first_seen_at"], row["superseded_at"], json.loads(row["item"])["title"])
        for row in db.query("SELECT * FROM article_versions WHERE article_id = ? ORDER BY version", [article_id])
    ]


def test_articles_of_each_shard_arrive_with_versions_children_pages_and_search(tmp_path):
    a = build(tmp_path / "a.db", fetch("Rewitalizacja Chylonii", T1))
    b = build(tmp_path / "b.db", fetch("Remont Rynku", T1, "przemysl:2", tags=["rynek", "projekt"]))
    db = merged(tmp_path, a, b)
    assert [row[0] for row in db.execute("SELECT id FROM articles ORDER BY id")] == ["gdynia:1", "przemysl:2"]
    assert db["article_versions"].count == 2 and db["pages"].count == 2
    assert db["attachments"].count == 4 and db["images"].count == 2
    assert {
        tuple(row)
        for row in db.execute("SELECT at.article_id, t.name FROM articles_tags at JOIN tags t ON t.id = at.tag_id")
    } == {("gdynia:1", "projekt"), ("gdynia:1", "FFW"), ("przemysl:2", "rynek"), ("przemysl:2", "projekt")}
    assert [article_id for article_id, _ in search(db, "rynku")] == ["przemysl:2"]


def test_a_newer_version_in_the_shard_becomes_current(tmp_path):
    target = build(tmp_path / "target.db", fetch("Stary tytuł", T1))
    shard = build(tmp_path / "shard.db", fetch("Stary tytuł", T1), fetch("Nowy tytuł", T2))
    db = merged(tmp_path, shard, name=target.rsplit("/", 1)[1])
    article = db["articles"].get("gdynia:1")
    assert (article["title"], article["version"], article["last_changed_at"]) == ("Nowy tytuł", 2, T2)
    assert versions(db) == [(1, T1, T2, "Stary tytuł"), (2, T2, None, "Nowy tytuł")]
    # The search index follows the kept row (FTS triggers on articles).
    assert ([article_id for article_id, _ in search(db, "nowy")], search(db, "stary")) == (["gdynia:1"], [])


def test_an_older_shard_never_replaces_the_newer_version(tmp_path):
    build(tmp_path / "target.db", fetch("Stary tytuł", T1), fetch("Nowy tytuł", T2))
    shard = build(tmp_path / "shard.db", fetch("Stary tytuł", T1))
    before = dump(sqlite_utils.Database(str(tmp_path / "target.db")))
    db = merged(tmp_path, shard, name="target.db")
    assert db["articles"].get("gdynia:1")["title"] == "Nowy tytuł"
    assert dump(db) == before


def test_interleaved_histories_are_renumbered_in_time_order_with_their_pages(tmp_path):
    build(tmp_path / "target.db", fetch("Pierwszy", T1), fetch("Trzeci", T3))
    shard = build(tmp_path / "shard.db", fetch("Pierwszy", T1), fetch("Drugi", T2))
    db = merged(tmp_path, shard, name="target.db")
    assert versions(db) == [(1, T1, T2, "Pierwszy"), (2, T2, T3, "Drugi"), (3, T3, None, "Trzeci")]
    assert db["articles"].get("gdynia:1")["title"] == "Trzeci"
    pages = dict(db.execute("SELECT fetched_at, version FROM pages").fetchall())
    assert pages == {T1: 1, T2: 2, T3: 3}


def test_the_same_content_seen_by_two_shards_is_stored_once_from_its_first_sighting(tmp_path):
    a = build(tmp_path / "a.db", fetch("Ten sam", T2))
    b = build(tmp_path / "b.db", fetch("Ten sam", T1))
    db = merged(tmp_path, a, b)
    assert [row[:2] for row in versions(db)] == [(1, T1)]
    assert db["articles"].get("gdynia:1")["first_seen_at"] == T1


def test_the_shard_with_the_newest_content_brings_its_children(tmp_path):
    build(tmp_path / "target.db", fetch("Stary", T1, tags=["stary"]))
    shard = build(tmp_path / "shard.db", fetch("Nowy", T2, tags=["nowy"], attachments=[], images=[]))
    db = merged(tmp_path, shard, name="target.db")
    tags = [row[0] for row in db.execute("SELECT t.name FROM articles_tags at JOIN tags t ON t.id = at.tag_id")]
    assert (tags, db["attachments"].count, db["images"].count) == (["nowy"], 0, 0)


def test_merging_twice_changes_nothing(tmp_path):
    a = build(tmp_path / "a.db", fetch("Pierwszy", T1), fetch("Drugi", T2), crawl_started=T1)
    b = build(
        tmp_path / "b.db", fetch("Pierwszy", T1), fetch("Trzeci", T3), fetch("Inny", T1, "przemysl:5"), crawl_started=T3
    )
    once = dump(merged(tmp_path, a, b))
    assert dump(merged(tmp_path, a, b)) == once
    assert dump(merged(tmp_path, b, a)) == once


def test_crawl_rows_are_merged_by_site_and_start_and_pages_point_at_them(tmp_path):
    a = build(tmp_path / "a.db", fetch("Pierwszy", T1), crawl_started=T1)
    b = build(tmp_path / "b.db", fetch("Inny", T2, "przemysl:5"), crawl_started=T2)
    db = merged(tmp_path, a, b)
    db_again = merged(tmp_path, b)
    assert db_again["crawls"].count == 2
    crawls = dict(db.execute("SELECT started_at, id FROM crawls").fetchall())
    pages = dict(db.execute("SELECT article_id, crawl_id FROM pages").fetchall())
    assert pages == {"gdynia:1": crawls[T1], "przemysl:5": crawls[T2]}


def file_hash(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def newer_schema(path):
    build(path, fetch("Przyszłość", T1))
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 99")
    connection.close()


def corrupt(path):
    build(path, fetch("Zepsuty", T1))
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 6] = b"\xff" * (4096 * 4)
    path.write_bytes(bytes(data))


def foreign(path):
    sqlite_utils.Database(str(path))["things"].insert({"id": 1})


def not_sqlite(path):
    path.write_bytes(b"id,title\n1,Rewitalizacja\n")


@pytest.mark.parametrize(
    "make_bad, reason",
    [
        (newer_schema, "archive schema 99 is newer"),
        (corrupt, "corrupt"),
        (foreign, "not a Kronika archive"),
        (not_sqlite, "not an SQLite database"),
    ],
)
def test_a_bad_shard_is_refused_in_one_line_and_the_target_is_untouched(tmp_path, make_bad, reason):
    good = build(tmp_path / "good.db", fetch("Dobry", T1, "przemysl:7"))
    target = build(tmp_path / "target.db", fetch("Pierwszy", T1))
    bad = tmp_path / "bad.db"
    make_bad(bad)
    before = file_hash(target)
    result = CliRunner().invoke(main, ["merge", good, str(bad), "--into", target])
    assert result.exit_code == 1
    assert reason in result.output and len(result.output.strip().splitlines()) == 1
    assert file_hash(target) == before


def test_a_refused_merge_into_a_new_target_creates_nothing(tmp_path):
    bad = tmp_path / "bad.db"
    not_sqlite(bad)
    with pytest.raises(MergeRefused, match="not an SQLite database"):
        merge_archives([str(bad)], str(tmp_path / "new.db"))
    assert not (tmp_path / "new.db").exists()


def test_the_command_prints_a_summary_line_per_shard(tmp_path):
    a = build(tmp_path / "a.db", fetch("Pierwszy", T1), crawl_started=T1)
    result = CliRunner().invoke(main, ["merge", a, "--into", str(tmp_path / "merged.db")])
    assert result.exit_code == 0, result.output
    assert (
        result.output.strip()
        == f"{a}: 1 new articles, 0 updated, 1 versions added, 1 pages added, 1 crawls added, 0 files added"
    )


def test_an_archive_from_before_schema_versions_with_fewer_columns_merges(tmp_path):
    old = build(tmp_path / "old.db", fetch("Dawny", T1))
    connection = sqlite3.connect(old)
    connection.execute("DROP INDEX idx_pages_content_key_crawl_id")
    connection.execute("ALTER TABLE pages DROP COLUMN content_key")
    connection.execute("PRAGMA user_version = 0")
    connection.close()
    db = merged(tmp_path, old)
    assert db.execute("SELECT article_id, content_key FROM pages").fetchall() == [("gdynia:1", None)]
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1


def test_a_target_of_a_newer_schema_is_refused(tmp_path):
    shard = build(tmp_path / "shard.db", fetch("Pierwszy", T1))
    target = str(tmp_path / "target.db")
    newer_schema(target)
    before = file_hash(target)
    with pytest.raises(MergeRefused, match="newer than this Kronika"):
        merge_archives([shard], target)
    assert file_hash(target) == before


PDF_URL = "https://www.gdynia.pl/storage/a.pdf"
PDF = b"%PDF-1.4 plan rewitalizacji Chylonii"


def downloaded(path, fetched_at: str, data: bytes = PDF, url: str = PDF_URL):
    """Give the archive at `path` the file at `url` as the crawl would: bytes, document, attachment outcome."""
    db = sqlite_utils.Database(str(path))
    sha256 = hashlib.sha256(data).hexdigest()
    store_file(db, sha256, data, "application/pdf")
    store_document(
        db, DocumentResult(sha256=sha256, type="pdf", pages=1, characters=len(data), method="text", text=data.decode())
    )
    record_download(
        db,
        [url],
        {
            "download_status": "ok",
            "sha256": sha256,
            "fetched_size": len(data),
            "detected_type": "pdf",
            "fetched_at": fetched_at,
            "http_status": 200,
        },
    )
    db.close()
    return str(path)


def test_a_file_shared_by_two_shards_is_stored_once_with_its_document(tmp_path):
    a = downloaded(build(tmp_path / "a.db", fetch("Pierwszy", T1)), T1)
    b = downloaded(build(tmp_path / "b.db", fetch("Inny", T1, "gdynia:2")), T2)
    db = merged(tmp_path, a, b)
    sha256 = hashlib.sha256(PDF).hexdigest()
    assert (db["files"].count, db["documents"].count) == (1, 1)
    assert read_file(db, sha256) == PDF and db["documents"].get(sha256)["text"] == PDF.decode()
    assert db.execute("SELECT DISTINCT sha256 FROM attachments WHERE url = ?", [PDF_URL]).fetchall() == [(sha256,)]


def test_the_merge_summary_counts_the_files_a_shard_adds(tmp_path):
    a = downloaded(build(tmp_path / "a.db", fetch("Pierwszy", T1)), T1)
    result = CliRunner().invoke(main, ["merge", a, "--into", str(tmp_path / "merged.db")])
    assert result.output.strip().endswith(", 1 files added"), result.output


def test_a_download_made_by_the_shard_reaches_the_targets_own_attachment_row(tmp_path):
    build(tmp_path / "target.db", fetch("Nowy", T2))  # the target's content is newer: its rows stay
    shard = downloaded(build(tmp_path / "shard.db", fetch("Stary", T1)), T3)
    db = merged(tmp_path, shard, name="target.db")
    assert db["articles"].get("gdynia:1")["title"] == "Nowy"
    row = next(db.query("SELECT download_status, sha256, fetched_at FROM attachments WHERE url = ?", [PDF_URL]))
    assert row == {"download_status": "ok", "sha256": hashlib.sha256(PDF).hexdigest(), "fetched_at": T3}


def test_an_older_download_in_the_shard_never_replaces_the_targets_newer_one(tmp_path):
    newer = b"%PDF-1.4 plan rewitalizacji, wersja 2"
    downloaded(build(tmp_path / "target.db", fetch("Pierwszy", T1)), T3, newer)
    shard = downloaded(build(tmp_path / "shard.db", fetch("Pierwszy", T1)), T2)
    db = merged(tmp_path, shard, name="target.db")
    assert (
        db.execute("SELECT sha256 FROM attachments WHERE url = ?", [PDF_URL]).fetchone()[0]
        == hashlib.sha256(newer).hexdigest()
    )


def test_articles_of_two_shards_are_related_after_the_merge(tmp_path):
    a = build(tmp_path / "a.db", fetch("Rewitalizacja Chylonii", T1))
    b = build(tmp_path / "b.db", fetch("Rewitalizacja Chylonii", T1, "przemysl:2"))
    db = merged(tmp_path, a, b)
    assert db.execute("SELECT article_id, related_id FROM related_articles ORDER BY article_id").fetchall() == [
        ("gdynia:1", "przemysl:2"),
        ("przemysl:2", "gdynia:1"),
    ]


def test_merging_files_and_downloads_twice_changes_nothing(tmp_path):
    a = downloaded(build(tmp_path / "a.db", fetch("Pierwszy", T1)), T1)
    b = downloaded(build(tmp_path / "b.db", fetch("Drugi", T2), fetch("Inny", T1, "przemysl:5")), T3)
    once = dump(merged(tmp_path, a, b))
    assert dump(merged(tmp_path, a, b)) == once
    assert dump(merged(tmp_path, b, a)) == once
