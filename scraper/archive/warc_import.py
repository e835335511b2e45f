"""WARC import: another crawler's captures of the known sites, extracted and archived through the usual rules."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from scraper.archive.reparse import extracted, store_extracted
from scraper.archive.store import Archive
from scraper.extract import extract_article
from scraper.extract.page import page_record
from scraper.sites import site_for_url

CAPTURE_TYPES = ("response", "revisit")


def article_url(url: str) -> bool:
    """Whether `url` is an article of a known site (scraper.sites)."""
    site = site_for_url(url)
    return bool(site and site.article_id(url))


def _is_html_ok(record) -> bool:
    headers = record.http_headers
    return bool(headers) and headers.get_statuscode() == "200" and \
        (headers.get_header("Content-Type") or "").lower().startswith("text/html")


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
    """
    originals: dict[str, int] = {}
    with open(path, "rb") as stream, open(path, "rb") as lookup:
        records = ArchiveIterator(stream)
        for record in records:
            if record.rec_type not in CAPTURE_TYPES:
                counts["skipped: not a capture"] += 1
                continue
            if not article_url(record.rec_headers.get_header("WARC-Target-URI") or ""):
                counts["skipped: not an article URL"] += 1
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


def import_warc(archive: Archive, path: Path, extract: Callable | None = None) -> Counter:
    """Archive every article capture in the WARC at `path`; counts outcomes by status and skips by reason.

    `fetched_at` is each record's WARC-Date, so versions and first-seen times
    are those of the original crawl.
    """
    counts: Counter = Counter()
    pages = warc_pages(Path(path), counts)
    counts.update(store_extracted(archive, extracted(pages, extract or extract_article)))
    return counts
