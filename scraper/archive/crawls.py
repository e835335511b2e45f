"""Crawl bookkeeping (`crawls` rows) and per-field fill rates for crawl reports."""

from __future__ import annotations

import json
from collections.abc import Iterable

import sqlite_utils

from scraper.archive.downloads import DOWNLOAD_STATUSES

# Attachment downloads per run: requested, and how each ended (scraper/archive/downloads.py).
FILE_COUNTS = ("files_requested", *(f"files_{status}" for status in DOWNLOAD_STATUSES))
CRAWL_COUNTS = (
    "finished_at",
    "requests",
    "articles_new",
    "articles_changed",
    "articles_unchanged",
    "articles_failed",
    "articles_suspect",
    "warnings",
    "finish_reason",
    "exit_status",
    "articles_requested",
    "articles_too_large",
    "failures",
    "source_mode",
    *FILE_COUNTS,
)
# Columns added to `crawls` after schema.TABLES was written (additive; added on
# first use so that archives made before them keep working).
# failures: JSON list of {"url", "reason"}, one per failed or too-large article.
ADDED_COLUMNS = {
    "articles_requested": int,
    "articles_too_large": int,
    "failures": str,
    **dict.fromkeys(FILE_COUNTS, int),
}
JSON_COLUMNS = ("warnings", "failures")
# Item list fields kept in child tables: filled means at least one child row.
CHILD_TABLES = {"tags": "articles_tags", "attachments": "attachments", "images": "images"}
EMPTY_JSON = ("", "[]", "{}")


def start_crawl(db: sqlite_utils.Database, site: str, started_at: str) -> int:
    """Insert a `crawls` row for a run that has just started; returns its id."""
    with db.atomic():
        _ensure_added_columns(db)
        return db["crawls"].insert({"site": site, "started_at": started_at}).last_pk


def _ensure_added_columns(db: sqlite_utils.Database) -> None:
    existing = db["crawls"].columns_dict
    for column, column_type in ADDED_COLUMNS.items():
        if column not in existing:
            db["crawls"].add_column(column, column_type)


def finish_crawl(db: sqlite_utils.Database, crawl_id: int, **counts) -> None:
    """Record the end of a crawl: keyword arguments are the CRAWL_COUNTS columns."""
    unknown = set(counts) - set(CRAWL_COUNTS)
    if unknown:
        raise TypeError(f"finish_crawl: unknown fields {sorted(unknown)}")
    row = dict(counts)
    for column in JSON_COLUMNS:
        if column in row:
            row[column] = json.dumps(list(row[column] or []), ensure_ascii=False)
    with db.atomic():
        _ensure_added_columns(db)
        db["crawls"].update(crawl_id, row)


def _filled_count(db: sqlite_utils.Database, site: str, field: str, columns: set[str]) -> int:
    if field in CHILD_TABLES:
        sql = (
            f"SELECT count(*) FROM articles a WHERE a.site = ? AND EXISTS "
            f"(SELECT 1 FROM {CHILD_TABLES[field]} c WHERE c.article_id = a.id)"
        )
        return db.execute(sql, [site]).fetchone()[0]
    if field not in columns:
        raise ValueError(f"fill_rates: no such article field {field!r}")
    placeholders = ", ".join("?" for _ in EMPTY_JSON)
    sql = (
        f'SELECT count(*) FROM articles WHERE site = ? AND "{field}" IS NOT NULL AND "{field}" NOT IN ({placeholders})'
    )
    return db.execute(sql, [site, *EMPTY_JSON]).fetchone()[0]


def fill_rates(db: sqlite_utils.Database, site: str, fields: Iterable[str]) -> dict[str, float]:
    """Share (0.0-1.0) of `site`'s archived articles where each field is filled; 0.0 for no articles."""
    total = db.execute("SELECT count(*) FROM articles WHERE site = ?", [site]).fetchone()[0]
    columns = set(db["articles"].columns_dict)
    # Counted even for an empty site so that a misspelt field fails loudly.
    return {field: _filled_count(db, site, field, columns) / max(total, 1) for field in fields}
