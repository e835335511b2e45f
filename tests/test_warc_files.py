"""Attachment files in `kronika warc`: exported as response/revisit records at their URLs, imported back into files."""

from __future__ import annotations

import hashlib
import json
import os

import pytest
import sqlite_utils
from warcio.archiveiterator import ArchiveIterator

from export_memory import export_peak_bytes
from factories import make_item, make_page
from scraper.archive import Archive
from scraper.archive.downloads import record_download, store_download
from scraper.archive.files import read_file
from scraper.archive.warc import export_warc
from scraper.archive.warc_import import import_warc
from scraper.extract.documents.result import DocumentResult

PDF_URL = "https://www.gdynia.pl/storage/a.pdf"  # make_item's first attachment
OTHER_URL = "https://www.gdynia.pl/storage/kopia-a.pdf"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nplan rewitalizacji Chylonii\n%%EOF\n"
T1, T2 = "2024-01-01T10:00:00+00:00", "2024-02-01T10:00:00+00:00"


def reading(data: bytes) -> DocumentResult:
    """A deterministic stand-in for the limited worker: the bytes' text."""
    return DocumentResult(
        sha256=hashlib.sha256(data).hexdigest(),
        type="pdf",
        pages=1,
        characters=len(data),
        method="text",
        text=data.decode("latin-1"),
    )


def downloaded(archive, item, url: str, fetched_at: str, data: bytes = PDF, **outcome):
    """Store `item` and the crawl's download of `url` for it."""
    archive.store(item, make_page(item, body=f"<p>{item['id']}</p>".encode()))
    store_download(
        archive.db,
        [url],
        {
            "download_status": "ok",
            "sha256": hashlib.sha256(data).hexdigest(),
            "fetched_size": len(data),
            "detected_type": "pdf",
            "fetched_at": fetched_at,
            "http_status": 200,
            **outcome,
        },
        data=data,
        document=reading(data),
    )


def downloaded_copy(archive, title: str = "Kopia"):
    """A second article, archived later, whose attachment at OTHER_URL has the same bytes as the first's."""
    item = make_item(
        "gdynia:2",
        title=title,
        fetched_at="2024-02-01T09:00:00Z",
        attachments=[{"url": OTHER_URL, "filename": "kopia-a.pdf", "title": None, "type": "pdf", "size_bytes": None}],
    )
    downloaded(archive, item, OTHER_URL, T2)


@pytest.fixture
def archive():
    archive = Archive(sqlite_utils.Database(memory=True))
    downloaded(
        archive,
        make_item("gdynia:1", fetched_at="2024-01-01T09:00:00Z"),
        PDF_URL,
        T1,
        etag='"pdf-1"',
        last_modified="Mon, 01 Jan 2024 09:00:00 GMT",
    )
    return archive


def export(archive, path):
    with open(path, "wb") as out:
        export_warc(archive.db, out, path.name)
    return path


def file_records(path) -> list[tuple[str, dict, object, bytes]]:
    """(type, WARC headers, HTTP head, payload) of each record whose URL is not an article's."""
    with open(path, "rb") as stream:
        return [
            (record.rec_type, dict(record.rec_headers.headers), record.http_headers, record.content_stream().read())
            for record in ArchiveIterator(stream)
            if "/storage/" in (record.rec_headers.get_header("WARC-Target-URI") or "")
        ]


def test_a_stored_file_is_a_response_at_its_attachment_url_with_its_download(archive, tmp_path):
    ((kind, headers, head, body),) = file_records(export(archive, tmp_path / "a.warc.gz"))
    assert (kind, headers["WARC-Target-URI"], headers["WARC-Date"], body) == (
        "response",
        PDF_URL,
        "2024-01-01T10:00:00Z",
        PDF,
    )
    assert (
        head.statusline,
        head.get_header("Content-Type"),
        head.get_header("ETag"),
        head.get_header("Last-Modified"),
        head.get_header("Content-Length"),
    ) == ("200 OK", "application/pdf", '"pdf-1"', "Mon, 01 Jan 2024 09:00:00 GMT", str(len(PDF)))


def test_the_same_bytes_at_a_later_url_are_a_revisit_of_the_first(archive, tmp_path):
    downloaded_copy(archive)
    (first, first_headers, _, _), (kind, headers, _, body) = file_records(export(archive, tmp_path / "a.warc.gz"))
    assert (first, kind, headers["WARC-Target-URI"], headers["WARC-Refers-To-Target-URI"], body) == (
        "response",
        "revisit",
        OTHER_URL,
        PDF_URL,
        b"",
    )
    assert headers["WARC-Payload-Digest"] == first_headers["WARC-Payload-Digest"]


def test_a_url_two_articles_link_is_written_once(archive, tmp_path):
    downloaded(archive, make_item("gdynia:2", title="Drugi", fetched_at="2024-02-01T09:00:00Z"), PDF_URL, T1)
    assert [kind for kind, *_ in file_records(export(archive, tmp_path / "a.warc.gz"))] == ["response"]


def test_a_not_modified_recheck_is_the_stored_bytes_served_as_200(archive, tmp_path):
    record_download(archive.db, [PDF_URL], {"download_status": "not_modified", "fetched_at": T2, "http_status": 304})
    ((_, headers, head, body),) = file_records(export(archive, tmp_path / "a.warc.gz"))
    assert (head.get_statuscode(), headers["WARC-Date"], body) == ("200", "2024-02-01T10:00:00Z", PDF)


def test_files_of_filtered_out_articles_are_not_exported(archive, tmp_path):
    with open(tmp_path / "a.warc.gz", "wb") as out:
        export_warc(archive.db, out, site="przemysl")
    assert file_records(tmp_path / "a.warc.gz") == []


def peak_export_bytes(files: int) -> int:
    archive = Archive(sqlite_utils.Database(memory=True))
    for number in range(files):
        url = f"https://www.gdynia.pl/storage/{number}.pdf"
        item = make_item(
            f"gdynia:{number}",
            attachments=[{"url": url, "filename": f"{number}.pdf", "title": None, "type": "pdf", "size_bytes": None}],
        )
        data = b"%PDF-1.4\n" + os.urandom(64 * 1024)  # incompressible: 64 KB stored as 64 KB
        downloaded(archive, item, url, T1, data)
    return export_peak_bytes(archive.db)


def test_export_memory_flat_in_number_of_files():
    # 100 files of 64 KB are 6.4 MB of BLOBs; reading one at a time holds about one.
    assert peak_export_bytes(100) < peak_export_bytes(1) + 512 * 1024


def rows(db, table) -> list[dict]:
    """The table's rows, `stored_at` (when this archive stored the bytes) left out."""
    return [
        {key: value for key, value in row.items() if key != "stored_at"}
        for row in db.query(f"SELECT * FROM [{table}] ORDER BY sha256")
    ]


DOWNLOAD = (
    "SELECT url, download_status, sha256, fetched_size, detected_type, fetched_at, http_status "
    "FROM attachments ORDER BY url, article_id"
)


def reimport(archive, tmp_path, extract_document=reading):
    """A fresh archive importing `archive`'s export; its pages extract to the items `archive` stored for them."""

    def stored_item(body, url, **_):
        return json.loads(
            archive.db.execute(
                "SELECT v.item FROM article_versions v JOIN articles a ON a.id = v.article_id WHERE a.url = ? "
                "ORDER BY v.version DESC",
                [url],
            ).fetchone()[0]
        )

    fresh = Archive(sqlite_utils.Database(memory=True))
    counts = import_warc(fresh, export(archive, tmp_path / "a.warc.gz"), stored_item, extract_document)
    return fresh, counts


def test_export_then_import_gives_the_same_files_documents_and_downloads(archive, tmp_path):
    downloaded_copy(archive)
    fresh, counts = reimport(archive, tmp_path)
    assert (rows(fresh.db, "files"), rows(fresh.db, "documents")) == (
        rows(archive.db, "files"),
        rows(archive.db, "documents"),
    )
    assert fresh.db.execute(DOWNLOAD).fetchall() == archive.db.execute(DOWNLOAD).fetchall()
    assert counts["files ok"] == 2 and read_file(fresh.db, hashlib.sha256(PDF).hexdigest()) == PDF


def test_a_file_already_extracted_is_not_extracted_again(archive, tmp_path):
    downloaded_copy(archive, title="Drugi")
    extracted = []
    reimport(archive, tmp_path, lambda data: extracted.append(data) or reading(data))
    assert extracted == [PDF]


def test_a_captured_attachment_that_is_no_document_is_recorded_wrong_type_not_kept(tmp_path):
    archive = Archive(sqlite_utils.Database(memory=True))
    downloaded(archive, make_item("gdynia:1"), PDF_URL, T1, data=b"<html>404</html>", detected_type="wrong_type")
    fresh, counts = reimport(archive, tmp_path)
    assert (counts["files wrong_type"], fresh.db["files"].count) == (1, 0)
    assert fresh.db.execute("SELECT download_status FROM attachments WHERE url = ?", [PDF_URL]).fetchone() == (
        "wrong_type",
    )
