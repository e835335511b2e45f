"""WARC/1.1 export of the archive's stored fetches and files: one gzipped record at a time, revisits for repeats."""

from __future__ import annotations

import itertools
import json
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from http import HTTPStatus
from io import BytesIO
from typing import BinaryIO

import sqlite_utils
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scraper import __version__
from scraper.archive.downloads import HELD
from scraper.archive.export import article_conditions
from scraper.archive.files import read_file
from scraper.extract.documents.detect import MEDIA_TYPES
from scraper.extract.page import utc_iso

WARC_VERSION = "1.1"
# The custom record header that marks a fetch the archive did not trust (docs/warc.md).
FETCH_MARK_HEADER = "WARC-Kronika-Fetch"
# pages columns that, when present and true, mark the fetch; columns added later are picked up by name.
FETCH_MARK_COLUMNS = ("degraded", "suspect")
# Rebuilt by us or meaningless for the decoded body the archive keeps (Scrapy undoes gzip and chunking).
DROPPED_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})


@dataclass(frozen=True)
class Capture:
    """One archived HTTP response as it goes into the WARC: the live URL, when, what came back."""

    uri: str
    date: str
    status: int
    headers: dict
    body: bytes
    sha256: str
    marks: tuple[str, ...] = ()


def page_captures(db: sqlite_utils.Database, *, site=None, since=None, until=None) -> Iterator[Capture]:
    """Every stored fetch of the filtered articles (filters as `kronika export`), oldest fetch first, streamed."""
    where, params = article_conditions(site=site, since=since, until=until)
    cursor = db.execute(
        f"SELECT p.* FROM pages p JOIN articles a ON a.id = p.article_id{where} ORDER BY p.fetched_at, p.rowid",
        params,
    )
    columns = [description[0] for description in cursor.description]
    for values in cursor:
        yield capture_from_page(dict(zip(columns, values)))


def capture_from_page(row: dict) -> Capture:
    """A `pages` row as a Capture: body decompressed, marks from the mark columns it has."""
    return Capture(
        uri=row["final_url"] or row["url"],
        date=utc_iso(row["fetched_at"]),
        status=row["status"] or 200,
        headers=json.loads(row["headers"] or "{}"),
        body=zlib.decompress(row["body"]),
        sha256=row["sha256"],
        marks=tuple(column for column in FETCH_MARK_COLUMNS if row.get(column)),
    )


def file_captures(db: sqlite_utils.Database, *, site=None, since=None, until=None) -> Iterator[Capture]:
    """Every stored file the filtered articles link, at each URL it was downloaded from; one BLOB read at a time.

    Files come in the order they were first fetched; a file's URLs in the
    order they fetched it, so its first URL is written as the response and
    the others (the same bytes elsewhere) as revisits. A `not_modified`
    download is the stored bytes served again: written as a 200.
    """
    where, params = article_conditions(site=site, since=since, until=until)
    held = ", ".join("?" * len(HELD))
    cursor = db.execute(
        f"SELECT t.sha256, t.url, t.fetched_at, t.http_status, t.etag, t.last_modified, f.media_type "
        f"FROM attachments t JOIN files f ON f.sha256 = t.sha256 "
        f"JOIN (SELECT sha256, min(fetched_at) AS first FROM attachments WHERE download_status IN ({held}) "
        f"GROUP BY sha256) o ON o.sha256 = t.sha256 "
        f"WHERE t.download_status IN ({held}) AND t.article_id IN (SELECT a.id FROM articles a{where}) "
        f"ORDER BY o.first, t.sha256, t.fetched_at, t.rowid",
        [*HELD, *HELD, *params],
    )
    sha256, body, urls = None, b"", set()
    for file_sha256, url, fetched_at, status, etag, last_modified, media_type in cursor:
        if file_sha256 != sha256:
            sha256, body, urls = file_sha256, read_file(db, file_sha256), set()
        if url in urls:
            continue  # two articles (or versions) linking the same URL: one download
        urls.add(url)
        headers = {
            "Content-Type": MEDIA_TYPES.get(media_type, "application/octet-stream"),
            "ETag": etag,
            "Last-Modified": last_modified,
        }
        yield Capture(
            uri=url,
            date=utc_iso(fetched_at),
            status=200 if status in (None, 304) else status,
            headers={name: value for name, value in headers.items() if value},
            body=body,
            sha256=sha256,
        )


def repeated_sha256s(db: sqlite_utils.Database) -> set[str]:
    """Payloads written more than once: the only ones whose first record must be remembered for revisits.

    A page stored twice, a file downloaded from two URLs, or a page and a file with the same bytes.
    """
    held = ", ".join("?" * len(HELD))
    return {
        row[0]
        for row in db.execute(
            "SELECT sha256 FROM (SELECT sha256 FROM pages UNION ALL SELECT sha256 FROM (SELECT DISTINCT sha256, url "
            f"FROM attachments WHERE download_status IN ({held}) AND sha256 IN (SELECT sha256 FROM files))) "
            "GROUP BY sha256 HAVING count(*) > 1",
            HELD,
        )
    }


def http_headers(capture: Capture) -> StatusAndHeaders:
    """The response head rebuilt from the stored status and headers, Content-Length matching the stored body."""
    try:
        reason = HTTPStatus(capture.status).phrase
    except ValueError:
        reason = "Unknown"
    headers = [
        (name, value)
        for name, values in capture.headers.items()
        if name.lower() not in DROPPED_HEADERS
        for value in (values if isinstance(values, list) else [values])
    ]
    headers.append(("Content-Length", str(len(capture.body))))
    return StatusAndHeaders(f"{capture.status} {reason}", headers, protocol="HTTP/1.1")


class KronikaWARCWriter:
    """Writes Captures as `response` records, or `revisit` records when the payload was written before."""

    def __init__(self, out: BinaryIO, repeated: set[str], filename: str | None = None):
        self.writer = WARCWriter(out, gzip=True, warc_version=WARC_VERSION)
        self.repeated = repeated
        self.first_records: dict[str, tuple[str, str, str]] = {}  # sha256 -> (uri, date, payload digest)
        self.counts: Counter = Counter()
        self.writer.write_record(
            self.writer.create_warcinfo_record(
                filename,
                {
                    "software": f"Kronika {__version__} (warcio)",
                    "format": f"WARC File Format {WARC_VERSION}",
                    "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
                    "description": "Raw fetches of Polish municipal revitalisation news archived by Kronika",
                    "kronika-fetch-marks": f"{FETCH_MARK_HEADER}: {', '.join(FETCH_MARK_COLUMNS)} (see docs/warc.md)",
                },
            )
        )

    def write(self, capture: Capture) -> None:
        """One record for `capture`; counted by type, marked captures counted too."""
        warc_headers = {"WARC-Date": capture.date}
        if capture.marks:
            warc_headers[FETCH_MARK_HEADER] = ", ".join(capture.marks)
            self.counts["marked"] += 1
        first = self.first_records.get(capture.sha256)
        if first:
            uri, date, digest = first
            record = self.writer.create_revisit_record(
                capture.uri, digest, uri, date, http_headers=http_headers(capture), warc_headers_dict=warc_headers
            )
        else:
            record = self.writer.create_warc_record(
                capture.uri,
                "response",
                payload=BytesIO(capture.body),
                length=len(capture.body),
                http_headers=http_headers(capture),
                warc_headers_dict=warc_headers,
            )
        self.writer.write_record(record)
        self.counts[record.rec_type] += 1
        if not first and capture.sha256 in self.repeated:
            self.first_records[capture.sha256] = (
                capture.uri,
                capture.date,
                record.rec_headers.get_header("WARC-Payload-Digest"),
            )


def write_warc(out: BinaryIO, captures: Iterable[Capture], repeated: set[str], filename: str | None = None) -> Counter:
    """Write a warcinfo record and then `captures` to `out`; returns counts by record type (and `marked`)."""
    writer = KronikaWARCWriter(out, repeated, filename)
    for capture in captures:
        writer.write(capture)
    return writer.counts


def export_warc(db: sqlite_utils.Database, out: BinaryIO, filename: str | None = None, **filters) -> Counter:
    """Stream the filtered archive's stored fetches, then its files, to `out` as WARC/1.1; counts as write_warc."""
    captures = itertools.chain(page_captures(db, **filters), file_captures(db, **filters))
    return write_warc(out, captures, repeated_sha256s(db), filename)
