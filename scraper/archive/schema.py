"""The archive's tables and indexes, created or migrated idempotently."""

from __future__ import annotations

import logging

import sqlite_utils

from scraper.archive.document_search import ensure_documents_index
from scraper.archive.search import ensure_search_index

logger = logging.getLogger(__name__)

# PRAGMA user_version of an archive with these tables. Raised when a change
# would mislead an older Kronika reading (or merging) the file; archives from
# before versioning read 0 and are version 1 once opened.
SCHEMA_VERSION = 1

# table -> (columns, primary key, foreign keys). New columns added here are
# added to existing archives on open; nothing is ever dropped.
TABLES: dict[str, tuple[dict, object, list]] = {
    "articles": (
        {
            "id": str,
            "site": str,
            "city": str,
            "url": str,
            "title": str,
            "subtitle": str,
            "lead": str,
            "body_text": str,
            "body_html": str,
            "language": str,
            "published_at": str,
            "modified_at": str,
            "publisher": str,
            "author": str,
            "modified_by": str,
            "revitalisation": int,
            "topics": str,
            "fetched_at": str,
            "http_status": int,
            "content_sha256": str,
            "extraction": str,
            "first_seen_at": str,
            "last_changed_at": str,
            "version": int,
            "content_hash": str,
        },
        "id",
        [],
    ),
    "attachments": (
        {
            "id": str,
            "article_id": str,
            "position": int,
            "url": str,
            "filename": str,
            "title": str,
            "type": str,
            "size_bytes": int,
            # The download's outcome (scraper/archive/downloads.py); null until the crawl fetched the file.
            "download_status": str,
            "sha256": str,
            "fetched_size": int,
            "detected_type": str,
            "fetched_at": str,
            "http_status": int,
            "declared_size": int,
            "etag": str,
            "last_modified": str,
            "download_error": str,
        },
        "id",
        [("article_id", "articles", "id")],
    ),
    "images": (
        {"id": str, "article_id": str, "position": int, "url": str, "caption": str, "credit": str},
        "id",
        [("article_id", "articles", "id")],
    ),
    "tags": ({"id": int, "name": str}, "id", []),
    "articles_tags": (
        {"article_id": str, "tag_id": int},
        ("article_id", "tag_id"),
        [("article_id", "articles", "id"), ("tag_id", "tags", "id")],
    ),
    "article_versions": (
        {
            "article_id": str,
            "version": int,
            "content_hash": str,
            "item": str,
            "first_seen_at": str,
            "superseded_at": str,
        },
        ("article_id", "version"),
        [("article_id", "articles", "id")],
    ),
    "pages": (
        {
            "article_id": str,
            "sha256": str,
            "url": str,
            "final_url": str,
            "status": int,
            "headers": str,
            "fetched_at": str,
            "body": bytes,
            "degraded": int,
            "version": int,
            "etag": str,
            "last_modified": str,
            "suspect": str,
            "review": str,
            "crawl_id": int,
            "content_key": str,
        },
        ("article_id", "sha256"),
        [("article_id", "articles", "id")],
    ),
    "fetch_warnings": (
        {"article_id": str, "fetch_key": str, "warning": str, "fetched_at": str},
        ("article_id", "fetch_key", "warning"),
        [("article_id", "articles", "id")],
    ),
    # The same story on two sites (scraper/archive/related.py): both directions are stored.
    "related_articles": (
        {"article_id": str, "related_id": str, "score": float, "method": str},
        ("article_id", "related_id"),
        [("article_id", "articles", "id"), ("related_id", "articles", "id")],
    ),
    # MinHash LSH band keys of each article's body: the related-article candidates index.
    "related_bands": (
        {"band": int, "article_id": str},
        ("band", "article_id"),
        [("article_id", "articles", "id")],
    ),
    # Attachment bytes, once per sha256, zstd-compressed (scraper/archive/files.py). `data` last: SQLite
    # then reads a row's other columns without walking the BLOB's overflow pages (Datasette listings).
    "files": (
        {"sha256": str, "media_type": str, "size": int, "compression": str, "stored_at": str, "data": bytes},
        "sha256",
        [],
    ),
    # One extracted document per stored file: scraper.extract.documents.result.document_row.
    "documents": (
        {
            "sha256": str,
            "type": str,
            "pages": int,
            "language": str,
            "characters": int,
            "method": str,
            "text": str,
            "page_offsets": str,
            "warnings": str,
            "error": str,
            "ocr_confidence": float,
        },
        "sha256",
        [],
    ),
    "crawls": (
        {
            "id": int,
            "site": str,
            "started_at": str,
            "finished_at": str,
            "requests": int,
            "articles_new": int,
            "articles_changed": int,
            "articles_unchanged": int,
            "articles_failed": int,
            "articles_suspect": int,
            "warnings": str,
            "finish_reason": str,
            "exit_status": int,
            "source_mode": str,
        },
        "id",
        [],
    ),
}

INDEXES: dict[str, list[tuple[str, ...]]] = {
    "articles": [
        ("site",),
        ("published_at",),
        ("author",),
        ("publisher",),
        ("site", "published_at"),
        ("revitalisation",),
    ],
    "attachments": [("type",), ("article_id",), ("url",), ("sha256",)],
    "images": [("article_id",)],
    "tags": [("name",)],
    "articles_tags": [("tag_id",)],
    "pages": [("article_id", "fetched_at"), ("content_key", "crawl_id"), ("review",)],
    "related_articles": [("related_id",)],
    "related_bands": [("article_id",)],
}
UNIQUE_INDEXES = {("tags", ("name",))}
# Indexes on expressions, which sqlite-utils' create_index cannot declare: name -> what it indexes.
# Each covers a served query so SQLite reads the index alone, not the wide article rows (bench/pages.py).
EXPRESSION_INDEXES = {
    # The year facet (serve/facets.py YearFacet) and the dashboard's articles per month and site.
    "idx_articles_year": "articles(substr(published_at, 1, 4), published_at)",
    "idx_articles_month_site": "articles(substr(published_at, 1, 7), site, published_at)",
    # Quiet edits and their feed read only later versions, newest first.
    "idx_article_versions_later": "article_versions(first_seen_at) where version > 1",
}


def _ensure_table(db: sqlite_utils.Database, name: str) -> None:
    columns, pk, foreign_keys = TABLES[name]
    table = db[name]
    if not table.exists():
        table.create(columns, pk=pk, foreign_keys=foreign_keys)
        return
    existing = table.columns_dict
    for column, column_type in columns.items():
        if column not in existing:
            logger.info("archive schema: adding %s.%s", name, column)
            table.add_column(column, column_type)


def _ensure_indexes(db: sqlite_utils.Database) -> None:
    for table, indexes in INDEXES.items():
        for columns in indexes:
            db[table].create_index(list(columns), unique=(table, columns) in UNIQUE_INDEXES, if_not_exists=True)
    for name, indexed in EXPRESSION_INDEXES.items():
        db.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {indexed}")


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create every archive table, index and the search index; add columns that are missing."""
    for name in TABLES:
        _ensure_table(db, name)
    _ensure_indexes(db)
    ensure_search_index(db)
    ensure_documents_index(db)
    if db.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def configure_connection(db: sqlite_utils.Database) -> None:
    """Foreign keys on; WAL for file databases so Datasette can read while a crawl writes."""
    db.execute("PRAGMA foreign_keys=ON")
    if not db.memory:
        db.enable_wal()
        # In WAL mode NORMAL still survives a killed process intact (only an
        # OS crash may lose the last commits), without an fsync per commit.
        db.execute("PRAGMA synchronous=NORMAL")
