"""Stored attachment files, documents rows, download outcomes across versions, export nesting and reparse."""

from __future__ import annotations

import csv
import io
import json

import pytest
import sqlite_utils

from factories import make_item
from scraper.archive import Archive
from scraper.archive.downloads import record_download, store_document
from scraper.archive.export import export
from scraper.archive.files import read_file, store_file
from scraper.archive.reparse import reparse_documents
from scraper.extract.documents.result import DocumentResult, sha256_of

PDF = b"%PDF-1.4\n" + b"plan " * 100
SHA = sha256_of(PDF)
PDF_URL = "https://www.gdynia.pl/storage/a.pdf"
OK = {
    "download_status": "ok",
    "sha256": SHA,
    "fetched_size": len(PDF),
    "detected_type": "pdf",
    "fetched_at": "2024-01-02T00:00:00+00:00",
    "http_status": 200,
    "etag": '"e1"',
}


@pytest.fixture
def archive():
    return Archive(sqlite_utils.Database(memory=True))


def downloads(archive, article_id="gdynia:1"):
    return {
        row["url"]: row["download_status"]
        for row in archive.db.query("SELECT url, download_status FROM attachments WHERE article_id = ?", [article_id])
    }


def test_a_file_reads_back_as_stored(archive):
    assert store_file(archive.db, SHA, PDF, "pdf") is True
    assert read_file(archive.db, SHA) == PDF


def test_a_file_is_stored_once(archive):
    store_file(archive.db, SHA, PDF, "pdf")
    assert store_file(archive.db, SHA, PDF, "pdf") is False
    assert archive.db["files"].count == 1


def test_bytes_are_stored_compressed(archive):
    store_file(archive.db, SHA, PDF, "pdf")
    assert len(archive.db.execute("SELECT data FROM files").fetchone()[0]) < len(PDF) / 10


def test_a_wrong_sha256_is_refused(archive):
    with pytest.raises(ValueError, match="sha256"):
        store_file(archive.db, "0" * 64, PDF, "pdf")


def test_an_unknown_file_reads_as_none(archive):
    assert read_file(archive.db, SHA) is None


def test_a_new_version_keeps_the_outcome_of_unchanged_attachments(archive):
    item = make_item("gdynia:1")
    archive.store(item)
    record_download(archive.db, [PDF_URL], OK)
    changed = make_item(
        "gdynia:1",
        title="Nowy tytuł",
        attachments=[item["attachments"][0], {**item["attachments"][1], "url": "https://www.gdynia.pl/storage/c.jpg"}],
    )
    assert archive.store(changed).status == "changed"
    assert downloads(archive) == {PDF_URL: "ok", "https://www.gdynia.pl/storage/c.jpg": None}
    assert archive.db.execute("SELECT sha256 FROM attachments WHERE url = ?", [PDF_URL]).fetchone()[0] == SHA


def test_a_second_article_linking_a_downloaded_url_gets_its_outcome(archive):
    archive.store(make_item("gdynia:1"))
    record_download(archive.db, [PDF_URL], OK)
    archive.store(make_item("gdynia:2"))
    assert downloads(archive, "gdynia:2")[PDF_URL] == "ok"


def test_a_not_modified_recheck_keeps_the_stored_sha256(archive):
    archive.store(make_item("gdynia:1"))
    record_download(archive.db, [PDF_URL], OK)
    record_download(archive.db, [PDF_URL], {"download_status": "not_modified", "http_status": 304})
    row = next(archive.db.query("SELECT * FROM attachments WHERE url = ?", [PDF_URL]))
    assert (row["download_status"], row["sha256"], row["etag"], row["http_status"]) == (
        "not_modified",
        SHA,
        '"e1"',
        304,
    )


def test_an_unknown_status_is_refused(archive):
    with pytest.raises(ValueError, match="download status"):
        record_download(archive.db, [PDF_URL], {"download_status": "maybe"})


def test_documents_are_upserted_by_sha256(archive):
    store_document(archive.db, DocumentResult(sha256=SHA, type="pdf", text="stary"))
    store_document(archive.db, DocumentResult(sha256=SHA, type="pdf", text="nowy", characters=4))
    assert [row["text"] for row in archive.db.query("SELECT text FROM documents")] == ["nowy"]


@pytest.fixture
def exported(archive):
    archive.store(make_item("gdynia:1"))
    record_download(archive.db, [PDF_URL], OK)
    store_document(
        archive.db,
        DocumentResult(sha256=SHA, type="pdf", pages=2, language="pl", characters=9, method="text", text="Plan prac"),
    )
    return archive


def exported_attachments(archive, **options):
    out = io.StringIO()
    export(archive.db, out, "json", **options)
    return json.loads(out.getvalue())[0]["attachments"]


def test_export_nests_the_download_and_the_document(exported):
    pdf, jpg = exported_attachments(exported)
    assert {key: pdf[key] for key in ("download_status", "sha256", "detected_type", "fetched_size")} == {
        "download_status": "ok",
        "sha256": SHA,
        "detected_type": "pdf",
        "fetched_size": len(PDF),
    }
    assert pdf["document"] == {
        "type": "pdf",
        "pages": 2,
        "method": "text",
        "language": "pl",
        "characters": 9,
        "error": None,
    }
    assert jpg["download_status"] is None and jpg["document"] is None


def test_export_with_text_adds_the_document_text(exported):
    assert exported_attachments(exported, with_text=True)[0]["document"]["text"] == "Plan prac"


def test_csv_lists_download_statuses_and_sha256s_in_url_order(exported):
    out = io.StringIO()
    export(exported.db, out, "csv", with_text=True)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["attachment_download_statuses"] == "ok -"
    assert row["attachment_sha256s"] == f"{SHA} -"
    assert "Plan prac" not in out.getvalue()


def test_reparse_re_extracts_every_stored_file(archive):
    store_file(archive.db, SHA, PDF, "pdf")
    store_document(archive.db, DocumentResult(sha256=SHA, type="pdf", text="stara wersja"))
    counts = reparse_documents(
        archive, extract=lambda data: DocumentResult(sha256=sha256_of(data), type="pdf", text=f"{len(data)} bajtów")
    )
    assert counts == {"ok": 1}
    assert archive.db.execute("SELECT text FROM documents").fetchone()[0] == f"{len(PDF)} bajtów"


def test_reparse_counts_documents_that_cannot_be_read(archive):
    store_file(archive.db, SHA, PDF, "pdf")
    counts = reparse_documents(archive, extract=lambda data: DocumentResult.failed(data, "corrupt", "no xref"))
    assert counts == {"error": 1}


def test_an_archive_from_before_downloads_gains_the_columns_and_tables():
    db = sqlite_utils.Database(memory=True)
    db["attachments"].create(
        {
            "id": str,
            "article_id": str,
            "position": int,
            "url": str,
            "filename": str,
            "title": str,
            "type": str,
            "size_bytes": int,
        },
        pk="id",
    )
    Archive(db)
    assert {"download_status", "sha256", "fetched_size", "detected_type", "declared_size", "etag"} <= set(
        db["attachments"].columns_dict
    )
    assert db["files"].exists() and db["documents"].exists()
