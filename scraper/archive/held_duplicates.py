"""Suspect pages in the `pages` table: this run's duplicates, holding them back, earlier runs' held fetches."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

import sqlite_utils

from scraper.archive.pages import CONFIRMING, HELD, PENDING
from scraper.archive.suspect import page_content_key

logger = logging.getLogger(__name__)


def others_this_run(db: sqlite_utils.Database, article_id: str, content_key: str, crawl_id: int | None) -> list[dict]:
    """Pages of other articles fetched in run `crawl_id` with the same title and body (none outside a run)."""
    if crawl_id is None:
        return []
    return list(
        db.query(
            "SELECT article_id, sha256, version, review, suspect, content_key FROM pages "
            "WHERE content_key = ? AND crawl_id = ? AND article_id != ?",
            [content_key, crawl_id, article_id],
        )
    )


def _made_current(db: sqlite_utils.Database, page: dict) -> bool:
    """Did this ordinary page of a re-fetch write the article's current version (so it can be undone)?"""
    if page["review"] is not None or page["version"] < 2:
        return False  # held already, or a new article: nothing older to go back to
    row = db.execute(
        "SELECT v.item FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.version = a.version "
        "WHERE a.id = ? AND a.version = ?",
        [page["article_id"], page["version"]],
    ).fetchone()
    return row is not None and page_content_key(json.loads(row[0])) == page["content_key"]


def hold_all(
    db: sqlite_utils.Database, pages: list[dict], reason: str, revert: Callable[[str, int], None]
) -> list[str]:
    """Hold this run's other pages with the duplicate content; undo the versions they made. Returns undone ids.

    New articles keep their only version: there is nothing older to show.
    """
    reverted = []
    for page in pages:
        version = page["version"]
        if _made_current(db, page):
            revert(page["article_id"], version)
            reverted.append(page["article_id"])
            version -= 1
        elif page["review"] is None:
            continue
        warning = "; ".join(filter(None, (page["suspect"], reason)))
        db["pages"].update(
            (page["article_id"], page["sha256"]), {"review": HELD, "suspect": warning, "version": version}
        )
        logger.warning("fetch of %s held back after all: %s", page["article_id"], reason)
    return reverted


def held_by_earlier_run(db: sqlite_utils.Database, article_id: str, content_key: str, crawl_id: int | None) -> bool:
    """Whether another, earlier run already fetched this content for the article and held it."""
    if crawl_id is None:
        return False
    row = db.execute(
        f"SELECT 1 FROM pages WHERE article_id = ? AND content_key = ? AND review IN {PENDING} "
        "AND crawl_id IS NOT NULL AND crawl_id != ? LIMIT 1",
        [article_id, content_key, crawl_id],
    ).fetchone()
    return row is not None


def confirming_pages(db: sqlite_utils.Database, crawl_id: int) -> list[dict]:
    """Pages run `crawl_id` fetched that confirm an earlier run's held fetch."""
    return list(db.query("SELECT * FROM pages WHERE crawl_id = ? AND review = ?", [crawl_id, CONFIRMING]))
