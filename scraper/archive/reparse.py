"""Re-extract every archived page with the current extractor, without touching the network."""

from __future__ import annotations

import logging
from collections import Counter
from datetime import datetime
from typing import Callable

from scraper.archive.downloads import store_document
from scraper.archive.files import read_file, stored_hashes
from scraper.archive.store import Archive
from scraper.extract.documents.worker import extract_in_worker

logger = logging.getLogger(__name__)

COMMIT_EVERY = 200


def _default_extractor() -> Callable:
    from scraper.extract import extract_article

    return extract_article


def _fetched_at(page: dict) -> datetime | None:
    # The extractor stamps the item with this moment, so reparsed items keep the original fetch time.
    return datetime.fromisoformat(page["fetched_at"]) if page.get("fetched_at") else None


def _flat_headers(headers: dict) -> dict[str, str]:
    return {name: value[0] if isinstance(value, list) and value else value for name, value in headers.items()}


def extract_page(page: dict, extract: Callable | None = None) -> dict:
    """The item `extract` (default: scraper.extract.extract_article) makes of one stored page."""
    extract = extract or _default_extractor()
    return extract(
        page["body"], page["final_url"] or page["url"],
        headers=_flat_headers(page["headers"]), status=page["status"], fetched_at=_fetched_at(page),
    )


def reparse_page(archive: Archive, page: dict, extract: Callable) -> str:
    """Extract one stored page and store the result under the usual rules; returns the outcome status."""
    return archive.store(extract_page(page, extract), page).status


def reparse_archive(archive: Archive, extract: Callable | None = None) -> Counter:
    """Re-run `extract` (default: scraper.extract.extract_article) over every stored page.

    Counts outcomes by status; a page the extractor fails on is logged and
    counted as "failed", and the rest carry on.
    """
    extract = extract or _default_extractor()
    counts: Counter = Counter()
    pages = archive.stored_pages()
    while True:
        with archive.batch():
            for _ in range(COMMIT_EVERY):
                page = next(pages, None)
                if page is None:
                    return counts
                try:
                    counts[reparse_page(archive, page, extract)] += 1
                except Exception:  # one bad page must not stop the re-extraction of the rest
                    logger.exception("reparse of %s failed", page["url"])
                    counts["failed"] += 1


def reparse_documents(archive: Archive, extract: Callable = extract_in_worker) -> Counter:
    """Re-extract every stored attachment file into its `documents` row, each in the limited worker.

    Counts "ok" and "error" (the document's recorded error, e.g. password_protected);
    each document is committed on its own, so an interrupted run keeps what it did.
    """
    counts: Counter = Counter()
    for sha256 in stored_hashes(archive.db):
        result = extract(read_file(archive.db, sha256))
        with archive.batch():
            store_document(archive.db, result)
        counts["error" if result.error else "ok"] += 1
    return counts
