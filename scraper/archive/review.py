"""Held suspect fetches: listing them, and making them current once confirmed by a later run or accepted."""

from __future__ import annotations

import logging
from collections.abc import Callable

from scraper.archive.held_duplicates import confirming_pages
from scraper.archive.pages import ACCEPTED, CONFIRMED, CONFIRMING, HELD, PENDING, page_from_row
from scraper.archive.reparse import extract_page
from scraper.archive.store import Archive, StoreOutcome

logger = logging.getLogger(__name__)


def promote(archive: Archive, page: dict, review: str, extract: Callable | None = None) -> StoreOutcome:
    """Re-extract a held page (as reparse does) and store it as trusted; its held twins are marked `review` too."""
    item = extract_page(page, extract)
    if item is None:
        raise ValueError(f"the stored page of {page['article_id']} no longer extracts (see the log)")
    with archive.db.atomic():
        outcome = archive.store(item, page, crawl_id=page["crawl_id"], review=review)
        archive.db.execute(
            f"UPDATE pages SET review = ? WHERE article_id = ? AND content_key = ? AND review IN {PENDING}",
            [review, page["article_id"], page["content_key"]],
        )
    logger.info("%s suspect fetch of %s made current: %s", review, page["article_id"], outcome.status)
    return outcome


def promote_confirmed(archive: Archive, crawl_id: int, extract: Callable | None = None) -> int:
    """Make current every fetch of run `crawl_id` that confirmed an earlier run's held fetch; returns how many.

    A page the extractor fails on is logged and stays held; the rest carry on.
    """
    promoted = 0
    for row in confirming_pages(archive.db, crawl_id):
        try:
            promote(archive, page_from_row(row), CONFIRMED, extract)
            promoted += 1
        except Exception:  # one bad page must not keep the run from settling the others
            logger.exception("confirmed suspect fetch of %s could not be made current", row["article_id"])
    return promoted


def keep_held(archive: Archive, crawl_id: int) -> int:
    """A run that concluded "site looks changed" confirms nothing: its confirming fetches stay held."""
    with archive.db.atomic():
        cursor = archive.db.execute(
            "UPDATE pages SET review = ? WHERE crawl_id = ? AND review = ?", [HELD, crawl_id, CONFIRMING]
        )
    return cursor.rowcount


def held_fetches(archive: Archive) -> list[dict]:
    """The latest held fetch of every article that has one: article_id, fetched_at, url, suspect."""
    return list(
        archive.db.query(
            f"""
        SELECT article_id, fetched_at, url, suspect FROM pages p
        WHERE review IN {PENDING} AND rowid = (
            SELECT rowid FROM pages WHERE article_id = p.article_id AND review IN {PENDING}
            ORDER BY fetched_at DESC, rowid DESC LIMIT 1)
        ORDER BY article_id
        """
        )
    )


def accept(archive: Archive, article_id: str, extract: Callable | None = None) -> StoreOutcome:
    """Make the latest held fetch of `article_id` current; LookupError if it has none."""
    rows = list(
        archive.db.query(
            f"SELECT * FROM pages WHERE article_id = ? AND review IN {PENDING} ORDER BY fetched_at DESC, rowid DESC "
            "LIMIT 1",
            [article_id],
        )
    )
    if not rows:
        raise LookupError(f"no held suspect fetch of {article_id}")
    return promote(archive, page_from_row(rows[0]), ACCEPTED, extract)
