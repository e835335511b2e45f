"""Attachment download outcomes on `attachments` rows, and `documents` rows, keyed by URL and sha256."""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from scraper.archive.document_search import index_document
from scraper.archive.files import store_file
from scraper.extract.documents.result import DocumentResult, document_row

OK, NOT_MODIFIED, TOO_LARGE, WRONG_TYPE, NOT_FOUND, OFFSITE, FAILED = (
    "ok",
    "not_modified",
    "too_large",
    "wrong_type",
    "not_found",
    "offsite",
    "failed",
)
DOWNLOAD_STATUSES = (OK, NOT_MODIFIED, TOO_LARGE, WRONG_TYPE, NOT_FOUND, OFFSITE, FAILED)
# Statuses whose bytes are stored (`files`) and extracted (`documents`).
HELD = (OK, NOT_MODIFIED)
OUTCOME_COLUMNS = (
    "download_status",
    "sha256",
    "fetched_size",
    "detected_type",
    "fetched_at",
    "http_status",
    "declared_size",
    "etag",
    "last_modified",
    "download_error",
)
# What every outcome states afresh; the rest describe the stored bytes and survive a 304 or a failed re-check.
ALWAYS_SET = ("download_status", "fetched_at", "http_status", "declared_size", "download_error")


def record_download(db: sqlite_utils.Database, urls: Iterable[str], outcome: dict) -> int:
    """Set the download outcome on every attachment row linking one of `urls`; returns rows updated.

    `outcome` holds OUTCOME_COLUMNS; those it leaves out keep their stored value
    except ALWAYS_SET (null when missing): a `not_modified` or `failed` re-check
    keeps the sha256, size and type of the bytes stored before.
    """
    status = outcome.get("download_status")
    if status not in DOWNLOAD_STATUSES:
        raise ValueError(f"unknown download status {status!r}")
    columns = [column for column in OUTCOME_COLUMNS if column in outcome or column in ALWAYS_SET]
    urls = list(dict.fromkeys(urls))
    sql = (
        f"UPDATE attachments SET {', '.join(f'[{column}] = ?' for column in columns)} "
        f"WHERE url IN ({', '.join('?' * len(urls))})"
    )
    return db.execute(sql, [outcome.get(column) for column in columns] + urls).rowcount


def outcomes_of(db: sqlite_utils.Database, article_id: str) -> dict[str, dict]:
    """url -> download outcome of the article's current attachments that have one."""
    rows = db.query(
        f"SELECT url, {', '.join(OUTCOME_COLUMNS)} FROM attachments "
        "WHERE article_id = ? AND download_status IS NOT NULL",
        [article_id],
    )
    return {row.pop("url"): row for row in rows}


def carry_outcomes(db: sqlite_utils.Database, article_id: str, urls: Iterable[str], previous: dict[str, dict]) -> None:
    """Give the article's attachments at `urls` the download outcome their URL already has.

    From `previous` (the article's rows before a new version replaced them),
    else from any other article linking the same URL: the same URL is not
    fetched again for a new version or a second article.
    """
    urls = list(dict.fromkeys(urls))
    outcomes = {url: previous[url] for url in urls if url in previous}
    missing = [url for url in urls if url not in previous]
    if missing:  # one indexed look-up; most stored articles link nothing downloaded yet
        rows = db.query(
            f"SELECT url, {', '.join(OUTCOME_COLUMNS)} FROM attachments WHERE url IN "
            f"({', '.join('?' * len(missing))}) AND article_id != ? AND download_status IS NOT NULL "
            "ORDER BY fetched_at",
            [*missing, article_id],
        )
        outcomes.update((row.pop("url"), row) for row in rows)  # the latest outcome wins
    assignments = ", ".join(f"[{column}] = ?" for column in OUTCOME_COLUMNS)
    for url, outcome in outcomes.items():
        db.execute(
            f"UPDATE attachments SET {assignments} WHERE article_id = ? AND url = ?",
            [outcome[column] for column in OUTCOME_COLUMNS] + [article_id, url],
        )


def known_downloads(db: sqlite_utils.Database) -> dict[str, dict]:
    """url -> its latest download outcome, for every attachment URL fetched (or judged offsite) before."""
    rows = db.query(
        f"SELECT url, {', '.join(OUTCOME_COLUMNS)} FROM attachments "
        "WHERE download_status IS NOT NULL ORDER BY fetched_at"
    )
    return {row.pop("url"): row for row in rows}


def store_download(
    db: sqlite_utils.Database,
    urls: Iterable[str],
    outcome: dict,
    *,
    data: bytes | None = None,
    document: DocumentResult | None = None,
) -> None:
    """One download as the crawl and the WARC import keep it: its bytes (files), its extraction, its outcome.

    `data` is stored under outcome["sha256"] with outcome["detected_type"];
    the outcome goes on every attachment row linking one of `urls`.
    """
    if data is not None:
        store_file(db, outcome["sha256"], data, outcome["detected_type"])
    if document is not None:
        store_document(db, document)
    record_download(db, urls, outcome)


def store_document(db: sqlite_utils.Database, result: DocumentResult) -> None:
    """Upsert the `documents` row of one extraction (primary key sha256) and (re)index its pages for search."""
    db["documents"].upsert(document_row(result), pk="sha256")
    index_document(db, result.sha256)


def document_of(db: sqlite_utils.Database, sha256: str | None) -> dict | None:
    """The `documents` row for `sha256`, or None."""
    if not sha256:
        return None
    return next(iter(db.query("SELECT * FROM documents WHERE sha256 = ?", [sha256])), None)
