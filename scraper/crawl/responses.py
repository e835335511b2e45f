"""Turn a Scrapy response into an archive item (extraction plus the raw page)."""

from __future__ import annotations

import logging
from datetime import datetime, timezone

from scraper.crawl.accounting import record_failure
from scraper.extract import ExtractionError, extract_article, page_record
from scraper.extract.items import PAGE_KEY

logger = logging.getLogger(__name__)


def response_headers(response) -> dict[str, str]:
    """Scrapy's bytes headers as a plain str dict (first value of each)."""
    return {
        key.decode("latin-1"): values[0].decode("latin-1")
        for key, values in response.headers.items()
        if values
    }


def item_from_response(response, stats) -> dict | None:
    """The article item with its raw page, or None (logged, counted) if unparseable."""
    fetched_at = datetime.now(timezone.utc)
    headers = response_headers(response)
    try:
        item = extract_article(
            response.body, response.url, headers=headers, status=response.status, fetched_at=fetched_at
        )
    except ExtractionError as error:
        logger.error("cannot extract %s: %s", response.url, error)
        record_failure(stats, response.url, f"extraction failed: {error}")
        return None
    for field in item["extraction"].get("fallbacks", []):
        stats.inc_value(f"kronika/fallback/{field}")
    item[PAGE_KEY] = page_record(response.body, response.url, headers, response.status, fetched_at)
    return item
