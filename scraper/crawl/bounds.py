"""Per-site limits of one run: listing pages, new articles, wall time; each its own finish reason."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from scrapy import signals
from scrapy.exceptions import CloseSpider
from scrapy.utils.asyncio import call_later
from scrapy.utils.defer import deferred_from_coro
from w3lib.url import canonicalize_url

logger = logging.getLogger(__name__)

BOUND_LISTING_PAGES = "bound_listing_pages"
BOUND_NEW_ARTICLES = "bound_new_articles"
DEADLINE = "deadline"
# Sent when a site's deadline passes, before its spider closes: the transport
# cancels the downloads in flight (a closing engine would wait for each of them).
deadline_reached = object()


@dataclass
class RunBounds:
    """What one site's run may still follow; `reached` names the first bound it hit.

    A bound stops new requests but lets those already made finish, so what
    they bring is stored; the spider then closes with `reached` as its reason.
    """

    max_listing_pages: int
    max_new_articles: int
    listing_pages: int = 0
    new_articles: int = 0
    reached: str | None = None
    seen_listings: set[str] = field(default_factory=set)
    # Counts kronika/listing_loops and kronika/bound/<reason> in crawler.stats
    # (read late: a crawler has no stats before its crawl starts).
    crawler: object = None

    @classmethod
    def from_crawler(cls, crawler) -> RunBounds:
        settings = crawler.settings
        return cls(
            settings.getint("KRONIKA_MAX_LISTING_PAGES"), settings.getint("KRONIKA_MAX_NEW_ARTICLES"), crawler=crawler
        )

    def follow_listing(self, url: str) -> bool:
        """True (and counted) for a listing page not yet followed this run and within the bound."""
        key = canonicalize_url(url)
        if key in self.seen_listings:
            logger.warning("listing %s was already followed in this run: pagination loops", url)
            self._count("kronika/listing_loops")
            return False
        if self.listing_pages >= self.max_listing_pages:
            return self._reach(BOUND_LISTING_PAGES, f"{self.max_listing_pages} listing pages")
        self.seen_listings.add(key)
        self.listing_pages += 1
        return True

    def fetch_new_article(self) -> bool:
        """True (and counted) while this run may still fetch another new article."""
        if self.new_articles >= self.max_new_articles:
            return self._reach(BOUND_NEW_ARTICLES, f"{self.max_new_articles} new articles")
        self.new_articles += 1
        return True

    def _reach(self, reason: str, what: str) -> bool:
        if self.reached is None:
            logger.warning("run bound reached: %s (%s); the next run continues from here", what, reason)
            self.reached = reason
            self._count(f"kronika/bound/{reason}")
        return False

    def _count(self, key: str) -> None:
        if self.crawler is not None:
            self.crawler.stats.inc_value(key)


class SiteBounds:
    """Extension: closes a spider at its deadline, or when idle after a bound, with that reason.

    The deadline is per site and per run (`KRONIKA_SITE_DEADLINE` seconds, 0 =
    none): one hostile or slow site cannot keep a cron run going for days.
    """

    def __init__(self, crawler, deadline: float):
        self.crawler = crawler
        self.deadline = deadline
        self.timer = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler, crawler.settings.getfloat("KRONIKA_SITE_DEADLINE"))

    def spider_opened(self, spider):
        if self.deadline > 0:
            self.timer = call_later(self.deadline, self._deadline_passed, spider)

    def _deadline_passed(self, spider):
        self.timer = None
        logger.warning("%s: deadline of %.0f s reached; stopping this site's run", spider.name, self.deadline)
        self.crawler.signals.send_catch_log(deadline_reached, spider=spider)
        deferred_from_coro(self.crawler.engine.close_spider_async(reason=DEADLINE))

    def spider_idle(self, spider):
        bounds = getattr(spider, "bounds", None)
        if bounds is not None and bounds.reached:
            raise CloseSpider(bounds.reached)

    def spider_closed(self, spider):
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
