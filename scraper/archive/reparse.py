"""Re-extract every archived page with the current extractor, without touching the network."""

from __future__ import annotations

import itertools
import logging
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime

from scraper.archive.downloads import store_document
from scraper.archive.files import read_file, stored_hashes
from scraper.archive.related import link_article
from scraper.archive.store import CHANGED, Archive
from scraper.extract.documents.worker import extract_in_worker
from scraper.extract.wordpress.posts import extract_post_page, is_post_page

logger = logging.getLogger(__name__)

COMMIT_EVERY = 200
# Pages per task sent to a worker process: large enough that pickling is not the cost, small enough to spread.
CHUNK_PAGES = 50
# Chunks in flight per worker: keeps every worker busy while bounding the pages held in memory.
CHUNKS_AHEAD = 2


def _default_extractor() -> Callable:
    from scraper.extract import extract_article

    return extract_article


def _fetched_at(page: dict) -> datetime | None:
    # The extractor stamps the item with this moment, so reparsed items keep the original fetch time.
    return datetime.fromisoformat(page["fetched_at"]) if page.get("fetched_at") else None


def _flat_headers(headers: dict) -> dict[str, str]:
    return {name: value[0] if isinstance(value, list) and value else value for name, value in headers.items()}


def extract_page(page: dict, extract: Callable | None = None) -> dict | None:
    """The item `extract` (default: scraper.extract.extract_article) makes of one stored page, or None (logged)."""
    headers = _flat_headers(page["headers"])
    # A WordPress REST post is stored as its JSON: the post converter reads it.
    extract = extract_post_page if is_post_page(headers) else extract or _default_extractor()
    try:
        return extract(
            page["body"],
            page["final_url"] or page["url"],
            headers=headers,
            status=page["status"],
            fetched_at=_fetched_at(page),
        )
    except Exception:  # one bad page must not stop the re-extraction of the rest
        logger.exception("extraction of %s failed", page["url"])
        return None


def _extract_chunk(pages: list[dict], extract: Callable) -> list[dict | None]:
    return [extract_page(page, extract) for page in pages]


def extracted(pages: Iterable[dict], extract: Callable, workers: int = 1) -> Iterator[tuple[dict, dict | None]]:
    """(page, item or None) for every page, in page order; extraction spread over `workers` processes."""
    if workers <= 1:
        for page in pages:
            yield page, extract_page(page, extract)
        return
    chunks = iter(lambda: list(itertools.islice(pages, CHUNK_PAGES)), [])
    with ProcessPoolExecutor(workers) as pool:
        pending = deque()
        for chunk in itertools.chain(chunks, [None]):
            if chunk is not None:
                pending.append((chunk, pool.submit(_extract_chunk, chunk, extract)))
            while pending and (chunk is None or len(pending) > workers * CHUNKS_AHEAD):
                done, future = pending.popleft()
                yield from zip(done, future.result())


def store_extracted(archive: Archive, results: Iterable[tuple[dict, dict | None]]) -> Counter:
    """Store each (page, item) under the usual rules, one writer, a commit every COMMIT_EVERY; counts by status.

    A page without an item (its extraction failed) or whose item the archive refuses counts as "failed".
    """
    counts: Counter = Counter()
    results = iter(results)
    while True:
        stored = 0
        with archive.batch():
            for page, item in itertools.islice(results, COMMIT_EVERY):
                stored += 1
                counts[_store(archive, page, item)] += 1
        if stored < COMMIT_EVERY:
            return counts


def _store(archive: Archive, page: dict, item: dict | None) -> str:
    if item is None:
        return "failed"
    try:
        status = archive.store(item, page).status
    except Exception:  # store() rolled this item back whole; the rest carry on
        logger.exception("storing %s failed", page["url"])
        return "failed"
    if status == CHANGED:  # re-linked to its cross-site twins
        link_article(archive.db, item["id"])
    return status


def reparse_archive(archive: Archive, extract: Callable | None = None, workers: int = 1) -> Counter:
    """Re-run `extract` (default: scraper.extract.extract_article) over every stored page.

    Extraction runs in `workers` processes (1: in this one); storing stays in
    this process, so the archive ends the same whatever the number. Counts
    outcomes by status; a page the extractor fails on is logged and counted
    as "failed", and the rest carry on.
    """
    return store_extracted(archive, extracted(archive.stored_pages(), extract or _default_extractor(), workers))


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
