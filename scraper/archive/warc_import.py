"""WARC import: captures of the known sites' articles and of their attachments, archived through the usual rules."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from scraper.archive.downloads import OK, WRONG_TYPE, document_of, store_download
from scraper.archive.reparse import extracted, store_extracted
from scraper.archive.store import Archive
from scraper.extract import extract_article
from scraper.extract.documents.detect import detect_type
from scraper.extract.documents.result import DocumentResult
from scraper.extract.documents.worker import extract_in_worker
from scraper.extract.page import page_record
from scraper.sites import site_for_url

CAPTURE_TYPES = ("response", "revisit")


def article_url(url: str) -> bool:
    """Whether `url` is an article of a known site (scraper.sites)."""
    site = site_for_url(url)
    return bool(site and site.article_id(url))


def _target(record) -> str:
    return record.rec_headers.get_header("WARC-Target-URI") or ""


def _is_html_ok(record) -> bool:
    headers = record.http_headers
    return (
        bool(headers)
        and headers.get_statuscode() == "200"
        and (headers.get_header("Content-Type") or "").lower().startswith("text/html")
    )


def _page(record, body: bytes) -> dict:
    """The page dict the archive stores, from a capture: its URL, status, kept headers, body, WARC-Date."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    headers = {}
    for name, value in record.http_headers.headers:
        headers.setdefault(name.lower(), value)
    page = page_record(body, url, headers, 200, record.rec_headers.get_header("WARC-Date"))
    return {**page, "final_url": None}


def _original_body(lookup: BinaryIO, offset: int) -> bytes:
    lookup.seek(offset)
    return next(iter(ArchiveIterator(lookup))).content_stream().read()


def warc_pages(path: Path, counts: Counter) -> Iterator[dict]:
    """Pages of the article captures in the WARC at `path`, in file order; what is skipped is counted.

    Only 200 text/html response records of known sites' article URLs are
    pages. A revisit (identical payload) is the capture it refers to seen
    again, at its own time and URL: its body is read back from that record
    in the same file (only article responses are remembered, by digest).
    Other URLs are left to warc_files, which counts them.
    """
    originals: dict[str, int] = {}
    with open(path, "rb") as stream, open(path, "rb") as lookup:
        records = ArchiveIterator(stream)
        for record in records:
            if record.rec_type not in CAPTURE_TYPES:
                counts["skipped: not a capture"] += 1
                continue
            if not article_url(_target(record)):
                continue
            if not _is_html_ok(record):
                counts["skipped: not a 200 HTML response"] += 1
                continue
            digest = record.rec_headers.get_header("WARC-Payload-Digest")
            if record.rec_type == "response":
                body = record.content_stream().read()  # before the offset: asking for it skips the record
                if digest:
                    originals.setdefault(digest, records.get_record_offset())
                yield _page(record, body)
            elif digest in originals:
                yield _page(record, _original_body(lookup, originals[digest]))
            else:
                counts["skipped: revisit of a capture not in the file"] += 1


def _is_attachment(archive: Archive, url: str) -> bool:
    return archive.db.execute("SELECT 1 FROM attachments WHERE url = ? LIMIT 1", [url]).fetchone() is not None


def warc_files(archive: Archive, path: Path, counts: Counter) -> Iterator[tuple[str, str, bytes]]:
    """(URL, WARC-Date, body) of each 200 capture of an attachment URL the archive holds, in file order.

    Run after the pages are stored, so their attachment rows exist. Revisits
    read their body back as warc_pages does (only file responses remembered);
    the other non-article captures are counted as skipped.
    """
    originals: dict[str, int] = {}
    with open(path, "rb") as stream, open(path, "rb") as lookup:
        records = ArchiveIterator(stream)
        for record in records:
            url = _target(record)
            if record.rec_type not in CAPTURE_TYPES or article_url(url):
                continue  # counted by warc_pages
            if not _is_attachment(archive, url):
                counts["skipped: not an article URL"] += 1
                continue
            if not record.http_headers or record.http_headers.get_statuscode() != "200":
                counts["skipped: not a 200 file response"] += 1
                continue
            date, digest = (
                record.rec_headers.get_header("WARC-Date"),
                record.rec_headers.get_header("WARC-Payload-Digest"),
            )
            if record.rec_type == "response":
                body = record.content_stream().read()
                if digest:
                    originals.setdefault(digest, records.get_record_offset())
                yield url, date, body
            elif digest in originals:
                yield url, date, _original_body(lookup, originals[digest])
            else:
                counts["skipped: revisit of a capture not in the file"] += 1


def _fetched_at(warc_date: str) -> str:
    """A WARC-Date in the form the crawl records download times (UTC, whole seconds)."""
    moment = datetime.fromisoformat(warc_date.replace("Z", "+00:00"))
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def store_file_capture(
    archive: Archive, url: str, date: str, data: bytes, extract_document: Callable = extract_in_worker
) -> str:
    """Keep one attachment capture as the crawl keeps a download; returns its download status.

    The bytes go into files (once per sha256) and are extracted into
    documents unless already extracted; bytes that are no document we read
    are recorded `wrong_type` and not kept. Every attachment row linking
    `url` gets the outcome, fetched at the capture's WARC-Date.
    """
    sha256 = hashlib.sha256(data).hexdigest()
    detected = detect_type(data)
    outcome = {
        "fetched_at": _fetched_at(date),
        "http_status": 200,
        "sha256": sha256,
        "fetched_size": len(data),
        "detected_type": detected,
    }
    if detected == WRONG_TYPE:
        document = DocumentResult.failed(data, "wrong_type", "the bytes are no document we read", WRONG_TYPE)
        with archive.db.atomic():
            store_download(archive.db, [url], {**outcome, "download_status": WRONG_TYPE}, document=document)
        return WRONG_TYPE
    document = None if document_of(archive.db, sha256) else extract_document(data)
    with archive.db.atomic():
        store_download(archive.db, [url], {**outcome, "download_status": OK}, data=data, document=document)
    return OK


def import_warc(
    archive: Archive, path: Path, extract: Callable | None = None, extract_document: Callable = extract_in_worker
) -> Counter:
    """Archive every article and attachment capture in the WARC at `path`; counts outcomes, and skips by reason.

    `fetched_at` is each record's WARC-Date, so versions and first-seen times
    are those of the original crawl. Attachment captures are read in a
    second pass over the file, once the articles linking them are stored;
    each document is extracted in the limited worker (`extract_document`).
    """
    counts: Counter = Counter()
    pages = warc_pages(Path(path), counts)
    counts.update(store_extracted(archive, extracted(pages, extract or extract_article)))
    for url, date, data in warc_files(archive, Path(path), counts):
        counts[f"files {store_file_capture(archive, url, date, data, extract_document)}"] += 1
    return counts
