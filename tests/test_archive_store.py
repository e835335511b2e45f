"""Archive.store: idempotency, versioning, children, pages, crash safety, bookkeeping."""

import json
import zlib

import pytest
import sqlite_utils

from factories import dump, make_item, make_page
from scraper.archive import Archive, children


@pytest.fixture
def db():
    return sqlite_utils.Database(memory=True)


@pytest.fixture
def archive(db):
    return Archive(db)


def test_first_store_is_new(archive):
    item = make_item()
    assert archive.store(item, make_page(item)).status == "new"


def test_restoring_same_content_changes_no_table(archive, db):
    item = make_item()
    archive.store(item, make_page(item))
    before = dump(db)
    again = make_item(fetched_at="2024-02-01T10:00:00Z")
    archive.store(again, make_page(again))
    assert dump(db) == before


def test_restoring_same_content_is_unchanged(archive):
    item = make_item()
    archive.store(item, make_page(item))
    assert archive.store(make_item(fetched_at="2024-02-01T10:00:00Z")).status == "unchanged"


def test_chrome_only_page_change_stores_no_new_page(archive, db):
    item = make_item()
    archive.store(item, make_page(item))
    archive.store(item, make_page(item, body=b"<html>10 C</html>"))
    assert db["pages"].count == 1


def test_reopening_archive_changes_nothing(tmp_path):
    path = tmp_path / "a.db"
    Archive(path).store(make_item())
    before = dump(sqlite_utils.Database(path))
    Archive(path)
    assert dump(sqlite_utils.Database(path)) == before


@pytest.fixture
def three_versions(archive, db):
    for number, title in enumerate(("Pierwszy", "Drugi", "Trzeci"), start=1):
        archive.store(make_item(title=title, fetched_at=f"2024-0{number}-01T00:00:00Z"))
    return db


def test_three_contents_make_three_versions(three_versions):
    assert three_versions["article_versions"].count == 3


def test_old_versions_keep_their_content(three_versions):
    first = three_versions["article_versions"].get(("gdynia:1", 1))
    assert json.loads(first["item"])["title"] == "Pierwszy"


def test_superseded_versions_record_when(three_versions):
    rows = three_versions.query("SELECT superseded_at FROM article_versions ORDER BY version")
    assert [row["superseded_at"] for row in rows] == ["2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z", None]


def test_article_row_shows_latest_version(three_versions):
    row = three_versions["articles"].get("gdynia:1")
    assert (row["title"], row["version"], row["first_seen_at"]) == ("Trzeci", 3, "2024-01-01T00:00:00Z")


def test_changed_content_is_changed(archive):
    archive.store(make_item())
    assert archive.store(make_item(title="Nowy tytuł", fetched_at="2")).status == "changed"


def test_scalar_columns_are_typed(archive, db):
    archive.store(make_item())
    row = db["articles"].get("gdynia:1")
    assert (row["revitalisation"], row["http_status"], json.loads(row["topics"])) == (1, 200, ["rewitalizacja"])


def test_tags_are_shared_rows(archive, db):
    archive.store(make_item("gdynia:1", tags=["projekt", "FFW"]))
    archive.store(make_item("gdynia:2", tags=["projekt"]))
    assert (db["tags"].count, db["articles_tags"].count) == (2, 3)


def test_attachments_keep_page_order(archive, db):
    archive.store(make_item())
    rows = db.query("SELECT filename FROM attachments WHERE article_id = 'gdynia:1' ORDER BY position")
    assert [row["filename"] for row in rows] == ["a.pdf", "b.jpg"]


def test_children_follow_changed_content(archive, db):
    archive.store(make_item())
    archive.store(
        make_item(
            attachments=[{"url": "u", "filename": "c.docx", "title": None, "type": "docx", "size_bytes": 5}],
            tags=["nowy"],
            fetched_at="2",
        )
    )
    tags, attachments, _ = children.children_of(db, "gdynia:1")
    assert (tags, [row["filename"] for row in attachments]) == (["nowy"], ["c.docx"])


def test_page_body_is_compressed(archive, db):
    item = make_item()
    body = b"<html>" + b"Przemysl " * 500 + b"</html>"
    archive.store(item, make_page(item, body=body))
    stored = db.execute("SELECT body FROM pages").fetchone()[0]
    assert len(stored) < len(body) and zlib.decompress(stored) == body


def test_stored_pages_give_body_back(archive):
    item = make_item()
    archive.store(item, make_page(item, body=b"<html>x</html>"))
    assert [page["body"] for page in archive.stored_pages()] == [b"<html>x</html>"]


def test_failure_mid_store_leaves_no_rows(archive, db, monkeypatch):
    def explode(*args):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(children, "attachment_rows", explode)
    before = dump(db)
    item = make_item()
    with pytest.raises(RuntimeError):
        archive.store(item, make_page(item))
    assert dump(db) == before


def test_failure_inside_batch_rolls_back_only_that_article(archive, db, monkeypatch):
    with archive.batch():
        archive.store(make_item("gdynia:1"))
        monkeypatch.setattr(children, "attachment_rows", lambda *args: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            archive.store(make_item("gdynia:2"))
    assert [row["id"] for row in db.query("SELECT id FROM articles")] == ["gdynia:1"]


def test_exception_out_of_batch_rolls_back_batch(archive, db):
    with pytest.raises(KeyError):
        with archive.batch():
            archive.store(make_item("gdynia:1"))
            raise KeyError("crawl aborted")
    assert db["articles"].count == 0


def test_file_database_uses_wal(tmp_path):
    archive = Archive(tmp_path / "a.db")
    assert archive.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_foreign_keys_enforced(archive):
    assert archive.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_item_without_id_is_refused(archive):
    with pytest.raises(ValueError):
        archive.store(make_item(id=None))


def test_known_articles_carry_validators(archive):
    item = make_item()
    archive.store(item, make_page(item))
    known = archive.known_articles("gdynia")["gdynia:1"]
    assert (known.etag, known.last_fetched_at) == ('"v1"', "2024-01-01T10:00:00Z")


def test_known_articles_of_other_site_empty(archive):
    archive.store(make_item())
    assert archive.known_articles("przemysl") == {}


def test_fill_rates(archive):
    archive.store(make_item("gdynia:1"))
    archive.store(make_item("gdynia:2", author=None, tags=[]))
    assert archive.fill_rates("gdynia", ["title", "author", "tags"]) == {"title": 1.0, "author": 0.5, "tags": 0.5}


def test_fill_rates_refuses_unknown_field(archive):
    with pytest.raises(ValueError):
        archive.fill_rates("gdynia", ["colour"])


def test_crawl_row_round_trip(archive, db):
    crawl_id = archive.start_crawl("gdynia", "2024-01-01T00:00:00Z")
    archive.finish_crawl(
        crawl_id,
        finished_at="2024-01-01T00:05:00Z",
        requests=12,
        articles_new=3,
        articles_changed=1,
        articles_unchanged=8,
        articles_failed=0,
        warnings=["slow"],
        finish_reason="finished",
        exit_status=0,
    )
    row = db["crawls"].get(crawl_id)
    assert (row["articles_new"], json.loads(row["warnings"]), row["exit_status"]) == (3, ["slow"], 0)
