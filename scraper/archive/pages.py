"""Raw fetched pages: zlib-compressed rows with their provenance, and reading them back."""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterator

import sqlite_utils

COMPRESSION_LEVEL = 6
# pages.review: null for an ordinary fetch; a suspect one (see scraper.archive.suspect)
# is "held", "confirming" while a later run that fetched it again is still running,
# then "confirmed" (by that run) or "accepted" (by `kronika suspects --accept`).
HELD, CONFIRMING, CONFIRMED, ACCEPTED = "held", "confirming", "confirmed", "accepted"
# SQL: the reviews of a page still waiting, and a page `p` that is not (its content is or was current).
PENDING = f"('{HELD}', '{CONFIRMING}')"
NOT_PENDING = f"(p.review IS NULL OR p.review NOT IN {PENDING})"


def header(headers: dict | None, name: str) -> str | None:
    """A response header by case-insensitive name; a list value gives its first element."""
    for key, value in (headers or {}).items():
        if key.lower() == name.lower():
            value = value[0] if isinstance(value, (list, tuple)) and value else value
            return value.decode("latin-1") if isinstance(value, bytes) else value
    return None


def _text_headers(headers: dict | None) -> dict:
    # Scrapy hands bytes keys and lists of bytes values; JSON needs text.
    def text(value):
        return value.decode("latin-1") if isinstance(value, bytes) else str(value)

    return {
        text(key): [text(v) for v in value] if isinstance(value, (list, tuple)) else text(value)
        for key, value in (headers or {}).items()
    }


def page_sha256(page: dict) -> str:
    """The page's declared sha256, else the sha256 of its body."""
    return page.get("sha256") or hashlib.sha256(page["body"]).hexdigest()


def page_row(
    article_id: str,
    page: dict,
    *,
    version: int,
    degraded: bool,
    suspect: str | None = None,
    review: str | None = None,
    crawl_id: int | None = None,
    content_key: str | None = None,
) -> dict:
    """A `pages` row: body compressed, headers as JSON, validators pulled out for conditional GETs.

    `suspect` is the warning of a suspect fetch, `review` its state (HELD, ...),
    `crawl_id` the run that fetched it, `content_key` its title-and-body hash.
    """
    headers = _text_headers(page.get("headers"))
    return {
        "article_id": article_id,
        "sha256": page_sha256(page),
        "url": page.get("url"),
        "final_url": page.get("final_url"),
        "status": page.get("status"),
        "headers": json.dumps(headers, ensure_ascii=False, sort_keys=True),
        "fetched_at": page.get("fetched_at"),
        "body": zlib.compress(page["body"], COMPRESSION_LEVEL),
        "degraded": int(degraded),
        "version": version,
        "etag": header(headers, "ETag"),
        "last_modified": header(headers, "Last-Modified"),
        "suspect": suspect,
        "review": review,
        "crawl_id": crawl_id,
        "content_key": content_key,
    }


def page_from_row(row: dict) -> dict:
    """The page dict (as the spider passes it) back from a `pages` row, body decompressed."""
    return {
        "article_id": row["article_id"],
        "url": row["url"],
        "final_url": row["final_url"],
        "status": row["status"],
        "headers": json.loads(row["headers"] or "{}"),
        "body": zlib.decompress(row["body"]),
        "fetched_at": row["fetched_at"],
        "sha256": row["sha256"],
        "degraded": bool(row["degraded"]),
        "review": row["review"],
        "content_key": row["content_key"],
        "crawl_id": row["crawl_id"],
    }


def has_page(db: sqlite_utils.Database, article_id: str, sha256: str | None = None) -> bool:
    """Whether the archive holds a page for the article (with that sha256, if given)."""
    sql = "SELECT 1 FROM pages WHERE article_id = ?" + (" AND sha256 = ?" if sha256 else "") + " LIMIT 1"
    params = [article_id, sha256] if sha256 else [article_id]
    return db.execute(sql, params).fetchone() is not None


def best_page(db: sqlite_utils.Database, article_id: str) -> dict | None:
    """The page to re-extract: the latest good one behind the current content, else the latest good one.

    Degraded pages and suspect pages still waiting for review come last; they
    are only used when nothing else is stored.
    """
    rows = db.query(
        f"""
        SELECT p.* FROM pages p JOIN articles a ON a.id = p.article_id
        WHERE p.article_id = ?
        ORDER BY p.degraded, {NOT_PENDING} DESC, p.version = a.version DESC, p.fetched_at DESC, p.rowid DESC
        LIMIT 1
        """,
        [article_id],
    )
    row = next(iter(rows), None)
    return page_from_row(row) if row else None


def stored_pages(db: sqlite_utils.Database) -> Iterator[dict]:
    """One page per archived article (see best_page), body decompressed, in article id order."""
    # Ids first: callers store while iterating, which must not disturb an open cursor.
    article_ids = [row[0] for row in db.execute("SELECT DISTINCT article_id FROM pages ORDER BY article_id")]
    for article_id in article_ids:
        page = best_page(db, article_id)
        if page:
            yield page
