"""Streaming export of archived articles as JSON, JSON Lines or CSV, with filters."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from datetime import datetime
from typing import IO

import sqlite_utils

from scraper.archive.children import children_of
from scraper.archive.content import item_from_row
from scraper.archive.downloads import document_of
from scraper.archive.search import FTS_TABLE, match_expression
from scraper.extract.items import ARTICLE_FIELDS

FORMATS = ("json", "jsonl", "csv")
DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
# CSV: list fields flattened; see docs/export.md.
CSV_LIST_SEPARATOR = ";"
CSV_COLUMNS = tuple(
    column
    for field in ARTICLE_FIELDS
    for column in (
        {
            "attachments": (
                "attachments_count",
                "attachment_urls",
                "attachment_download_statuses",
                "attachment_sha256s",
            ),
            "images": ("image_urls",),
        }.get(field, (field,))
    )
)
# What each exported attachment adds to the item's fields: its download and its document.
DOWNLOAD_KEYS = ("download_status", "sha256", "detected_type", "fetched_size")
DOCUMENT_KEYS = ("type", "pages", "method", "language", "characters", "error")


def date_bound(text: str, option: str) -> str:
    """Validate a --since/--until value: `YYYY-MM-DD` or a full ISO 8601 timestamp."""
    try:
        datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{option}: {text!r} is not a date (YYYY-MM-DD) or ISO 8601 timestamp") from None
    return text


def _date_condition(bound: str, operator: str) -> str:
    # A bare date compares with the article's own local date as written; a
    # timestamp compares instants, offsets included.
    if DATE_ONLY.fullmatch(bound):
        return f"substr(a.published_at, 1, 10) {operator} ?"
    return f"julianday(a.published_at) {operator} julianday(?)"


def article_conditions(*, site=None, since=None, until=None, search=None) -> tuple[str, list]:
    """The WHERE clause (empty when unfiltered) and its parameters over `articles a`."""
    conditions, params = [], []
    if site:
        conditions.append("a.site = ?")
        params.append(site)
    if since:
        conditions.append(_date_condition(since, ">="))
        params.append(since)
    if until:
        conditions.append(_date_condition(until, "<="))
        params.append(until)
    if search:
        conditions.append(f"a.rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?)")
        params.append(match_expression(search))
    return (" WHERE " + " AND ".join(conditions) if conditions else ""), params


def article_query(**filters) -> tuple[str, list]:
    """SQL and parameters selecting the filtered articles, newest first, then by id."""
    where, params = article_conditions(**filters)
    return f"SELECT a.* FROM articles a{where} ORDER BY a.published_at DESC, a.id", params


def export_items(db: sqlite_utils.Database, *, with_text: bool = False, **filters) -> Iterator[dict]:
    """Contract-shaped items (nested tags, attachments, images), one at a time.

    Each attachment adds DOWNLOAD_KEYS and `document` (DOCUMENT_KEYS, plus
    `text` with `with_text`; null when no document was extracted).
    """
    sql, params = article_query(**filters)
    cursor = db.execute(sql, params)
    columns = [description[0] for description in cursor.description]
    for values in cursor:
        row = dict(zip(columns, values))
        tags, attachments, images = children_of(db, row["id"])
        item = item_from_row(row, tags, attachments, images)
        for exported, stored in zip(item["attachments"], attachments):
            exported.update({key: stored.get(key) for key in DOWNLOAD_KEYS})
            exported["document"] = nested_document(document_of(db, stored.get("sha256")), with_text)
        yield item


def nested_document(document: dict | None, with_text: bool) -> dict | None:
    """An attachment's `document` in the export: DOCUMENT_KEYS (and `text`), or None."""
    if document is None:
        return None
    return {key: document[key] for key in DOCUMENT_KEYS + (("text",) if with_text else ())}


def write_json(items: Iterator[dict], out: IO[str]) -> int:
    """A JSON array, written item by item."""
    count = 0
    out.write("[")
    for count, item in enumerate(items, start=1):
        out.write(("\n" if count == 1 else ",\n") + json.dumps(item, ensure_ascii=False))
    out.write("\n]\n" if count else "]\n")
    return count


def write_jsonl(items: Iterator[dict], out: IO[str]) -> int:
    """One JSON object per line."""
    count = 0
    for count, item in enumerate(items, start=1):  # noqa: B007 -- the last count is the result
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return count


def csv_row(item: dict) -> dict:
    """Flatten one item for CSV: lists joined, attachments as a count and URLs, extraction as JSON."""
    row = {field: item.get(field) for field in CSV_COLUMNS if field in item}
    row["tags"] = CSV_LIST_SEPARATOR.join(item["tags"])
    row["topics"] = CSV_LIST_SEPARATOR.join(item["topics"] or [])
    row["attachments_count"] = len(item["attachments"])
    row["attachment_urls"] = " ".join(attachment["url"] for attachment in item["attachments"])
    # Same order as attachment_urls; "-" for an attachment not downloaded (yet).
    row["attachment_download_statuses"] = " ".join(
        attachment.get("download_status") or "-" for attachment in item["attachments"]
    )
    row["attachment_sha256s"] = " ".join(attachment.get("sha256") or "-" for attachment in item["attachments"])
    row["image_urls"] = " ".join(image["url"] for image in item["images"])
    row["extraction"] = json.dumps(item["extraction"], ensure_ascii=False) if item["extraction"] else None
    if item["revitalisation"] is not None:
        row["revitalisation"] = "true" if item["revitalisation"] else "false"
    return row


def write_csv(items: Iterator[dict], out: IO[str]) -> int:
    """CSV with a header row; see csv_row for the flattened columns."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    count = 0
    for count, item in enumerate(items, start=1):  # noqa: B007 -- the last count is the result
        writer.writerow(csv_row(item))
    return count


WRITERS = {"json": write_json, "jsonl": write_jsonl, "csv": write_csv}


def export(db: sqlite_utils.Database, out: IO[str], fmt: str = "json", *, with_text: bool = False, **filters) -> int:
    """Stream the filtered articles to `out` in `fmt`; returns how many were written.

    `with_text` adds each attachment's document text (JSON and JSONL; CSV has no text column).
    """
    if fmt not in WRITERS:
        raise ValueError(f"unknown format {fmt!r} (choose {', '.join(FORMATS)})")
    return WRITERS[fmt](export_items(db, with_text=with_text and fmt != "csv", **filters), out)
