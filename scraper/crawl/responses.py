"""Turn a Scrapy response into an archive item (extraction plus the raw page)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from scraper.crawl.accounting import record_failure
from scraper.extract import ExtractionError, extract_article, page_record
from scraper.extract.items import PAGE_KEY

logger = logging.getLogger(__name__)


def response_headers(response) -> dict[str, str]:
    """Scrapy's bytes headers as a plain str dict (first value of each)."""
    return {key.decode("latin-1"): values[0].decode("latin-1") for key, values in response.headers.items() if values}


def extracted(response) -> dict | ExtractionError:
    """The article item with its raw page, or the reason there is none.

    Touches nothing shared (no stats), so the crawl runs it in a thread.
    """
    fetched_at = datetime.now(UTC)
    headers = response_headers(response)
    try:
        item = extract_article(
            response.body, response.url, headers=headers, status=response.status, fetched_at=fetched_at
        )
    except ExtractionError as error:
        return error
    item[PAGE_KEY] = page_record(response.body, response.url, headers, response.status, fetched_at)
    return item


def counted(outcome: dict | ExtractionError, url: str, stats) -> dict | None:
    """The item, or None for an unparseable page (logged, counted); on the reactor thread, where stats live."""
    if isinstance(outcome, ExtractionError):
        logger.error("cannot extract %s: %s", url, outcome)
        record_failure(stats, url, f"extraction failed: {outcome}")
        return None
    for field in outcome["extraction"].get("fallbacks", []):
        stats.inc_value(f"kronika/fallback/{field}")
    return outcome
