"""Politeness middlewares: honour robots.txt Crawl-delay and Retry-After."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from scrapy import signals

logger = logging.getLogger(__name__)


def _raise_slot_delay(crawler, request, delay: float) -> None:
    downloader = crawler.engine.downloader
    slot = downloader.slots.get(downloader.get_slot_key(request))
    if slot is not None and slot.delay < delay:
        slot.delay = delay


class CrawlDelayMiddleware:
    """Scrapy parses robots.txt but ignores Crawl-delay; keep each site's slot at least that slow.

    Re-applied on every request because AutoThrottle lowers slot delays as
    responses come back fast.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.user_agent = crawler.settings.get("USER_AGENT")
        self.delays: dict[str, float] = {}
        crawler.signals.connect(self.robots_parsed, signal=signals.robots_parsed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def robots_parsed(self, robotparser, request):
        delay = robotparser.crawl_delay(self.user_agent)
        if delay:
            host = urlsplit(request.url).hostname
            logger.info("%s asks for Crawl-delay %.1f s", host, delay)
            self.delays[host] = delay

    def process_request(self, request):
        delay = self.delays.get(urlsplit(request.url).hostname)
        if delay:
            _raise_slot_delay(self.crawler, request, delay)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP date); None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    now = now or datetime.now(UTC)
    return max(0.0, (when - now).total_seconds())


class RetryAfterMiddleware:
    """On 429/503 with Retry-After, slow the site's slot before RetryMiddleware retries.

    The wait is capped (`KRONIKA_MAX_RETRY_AFTER`) so one hostile header cannot
    stall a cron run for hours; beyond the cap the retry is simply given up.
    """

    STATUSES = (429, 503)

    def __init__(self, crawler):
        self.crawler = crawler
        self.max_wait = crawler.settings.getfloat("KRONIKA_MAX_RETRY_AFTER")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request, response):
        if response.status not in self.STATUSES:
            return response
        header = response.headers.get(b"Retry-After")
        wait = retry_after_seconds(header.decode("latin-1") if header else None)
        if wait is None:
            return response
        self.crawler.stats.inc_value("kronika/retry_after")
        if wait > self.max_wait:
            logger.warning("%s asks to wait %.0f s (cap %.0f s): not retrying", request.url, wait, self.max_wait)
            request.meta["dont_retry"] = True
            return response
        logger.info("%s: Retry-After %.1f s", request.url, wait)
        _raise_slot_delay(self.crawler, request, wait)
        return response
