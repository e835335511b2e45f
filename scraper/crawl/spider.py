"""The shared spider: walk a site's listings, fetch new articles, yield items."""

from __future__ import annotations

import logging

import scrapy
from scrapy import signals
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import threads

from scraper.crawl.accounting import record_failure
from scraper.crawl.archive_session import archive_session
from scraper.crawl.bounds import RunBounds
from scraper.crawl.downloads import FILE_META, FileAction, FileKeeper
from scraper.crawl.failures import failure_kind, failure_reason
from scraper.crawl.incremental import CrawlPlan, Decision, conditional_headers
from scraper.crawl.listing import parse_listing
from scraper.crawl.responses import counted, extracted
from scraper.sites import Site

logger = logging.getLogger(__name__)


class ArchiveSpider(scrapy.Spider):
    """Routes requests only: listings -> article pages -> items.

    Extraction lives in `scraper.extract`, listing parsing in `scraper.crawl.listing`,
    the incremental policy in `scraper.crawl.incremental`.
    """

    site: Site

    @classmethod
    def update_settings(cls, settings):
        super().update_settings(settings)
        # The site's declared settings, then KRONIKA_SITE_SETTINGS: one place to make one site slower, say.
        settings.update(cls.site.scrapy_settings, priority="spider")
        overrides = settings.getdict("KRONIKA_SITE_SETTINGS").get(cls.name, {})
        settings.update(overrides, priority="spider")

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.plan = crawl_plan(crawler.settings)
        spider.seen_ids = set()
        spider.consecutive_known = 0
        spider.bounds = RunBounds.from_crawler(crawler)
        # Article requests made and not yet ended, id -> URL: what is left here
        # when the spider closes is counted failed (accounting.CrawlRecorder).
        spider.pending = {}
        spider.files = FileKeeper.from_crawler(crawler, cls.site)
        # Connected before any extension's handler: the plan reads the archive
        # before CrawlRecorder opens this run's `crawls` row.
        crawler.signals.connect(spider.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(spider.item_stored, signal=signals.item_scraped)
        crawler.signals.connect(spider.item_lost, signal=signals.item_dropped)
        crawler.signals.connect(spider.item_lost, signal=signals.item_error)
        crawler.signals.connect(spider.callback_crashed, signal=signals.spider_error)
        crawler.signals.connect(spider.request_dropped, signal=signals.request_dropped)
        return spider

    def spider_opened(self, spider):
        session = archive_session(self.crawler)
        if session is not None:
            self.read_archive(session.archive)

    def read_archive(self, archive) -> None:
        """What the run needs from the archive before it starts: the plan's known articles, the known files."""
        plan_from_archive(self.plan, archive, self.name)
        self.files.use_archive(archive)

    async def start(self):
        # KRONIKA_START_URLS overrides a site's listing without a code change
        # (the live sites move their news pages now and then).
        override = self.settings.getdict("KRONIKA_START_URLS").get(self.name)
        for start_url in [override] if override else self.site.start_urls:
            self.bounds.follow_listing(start_url)
            yield scrapy.Request(start_url, callback=self.parse_listing, errback=self.listing_failed)

    def parse_listing(self, response):
        stats = self.crawler.stats
        stats.inc_value("kronika/listing_pages")
        listing = parse_listing(response.text, response.url, self.site)
        for warning in listing.warnings:
            logger.warning(warning)
            stats.inc_value("kronika/fallback/listing_links")
        if not listing.article_urls:
            logger.warning("listing %s yielded no articles", response.url)
            stats.inc_value("kronika/listing_empty")
        for url in listing.article_urls:
            request = self._article_request(url)
            if request is not None:
                yield request
        if (
            listing.next_url
            and self.plan.keep_paginating(self.consecutive_known)
            and not self.bounds.reached
            and self.bounds.follow_listing(listing.next_url)
        ):
            yield scrapy.Request(listing.next_url, callback=self.parse_listing, errback=self.listing_failed)

    def _article_request(self, url: str) -> scrapy.Request | None:
        article_id = f"{self.site.name}:{self.site.article_id(url)}"
        if article_id in self.seen_ids:  # same article under another slug, host or page
            return None
        self.seen_ids.add(article_id)
        decision = self.plan.decide(article_id)
        if decision is Decision.SKIP:
            self.consecutive_known += 1
            self.crawler.stats.inc_value("kronika/articles_skipped")
            return None
        self.consecutive_known = 0
        if decision is Decision.FETCH and not self.bounds.fetch_new_article():
            self.crawler.stats.inc_value("kronika/articles_deferred")  # left for the next run
            return None
        # Always the canonical URL: www./slabowidzacy. prefixes are the same
        # server, and a second host would get a second politeness slot.
        url = self.site.canonical_url(url) or url
        headers = conditional_headers(self.plan.known[article_id]) if decision is Decision.RECHECK else {}
        self.pending[article_id] = url
        self.crawler.stats.inc_value("kronika/articles_requested")
        return scrapy.Request(
            url,
            callback=self.parse_article,
            errback=self.article_failed,
            headers=headers,
            meta={"handle_httpstatus_list": [304], "kronika_article_id": article_id},
        )

    async def parse_article(self, response):
        if response.status == 304:
            self._ended(response.request)
            self.crawler.stats.inc_value("kronika/articles_not_modified")
            return
        # A hostile page may take up to the extractor's time budget (extract/bounds.py);
        # in a thread it does not stall the reactor and the other site's requests.
        outcome = await maybe_deferred_to_future(threads.deferToThread(extracted, response))
        item = counted(outcome, response.url, self.crawler.stats)
        self._ended(response.request)  # after extraction: a crash in it is callback_crashed's to count
        if item is not None:
            yield item  # ends as item_stored or item_lost
            for request in self._file_requests(item):  # (no `yield from` in an async generator)
                yield request

    def _file_requests(self, item):
        # Same downloader, same per-host slot: attachments get the pages' politeness.
        known = self.plan.known.get(item["id"])
        changed = known is not None and known.content_sha256 != item.get("content_sha256")
        for attachment in item.get("attachments") or []:
            url = attachment["url"]
            decision = self.files.decide(url, changed)
            if decision.action in (FileAction.FETCH, FileAction.RECHECK):
                yield scrapy.Request(
                    url,
                    callback=self.parse_file,
                    errback=self.file_failed,
                    headers=decision.headers,
                    meta=self.files.request_meta(url),
                )

    async def parse_file(self, response):
        await self.files.received(response)

    def file_failed(self, failure):
        self.files.failed(failure)

    def settle_unfinished_files(self, reason: str) -> None:
        """Record the file requests that never ended (called by accounting.CrawlRecorder at close)."""
        self.files.settle_unfinished(reason)

    def article_failed(self, failure):
        url = self._ended(failure.request) or failure.request.url
        kind, reason = failure_kind(failure), failure_reason(failure)
        # self.logger tags the record with this spider (see accounting.SpiderErrorCounter).
        self.logger.error("article %s failed: %s", url, reason)
        record_failure(self.crawler.stats, url, reason, kind)

    def item_stored(self, item, response, spider):
        self.crawler.stats.inc_value("kronika/articles_stored")

    def item_lost(self, item, response, spider, **kwargs):
        # item_dropped passes `exception`, item_error a `failure`; neither logs the item here.
        error = kwargs.get("exception") or kwargs["failure"].value
        record_failure(self.crawler.stats, item.get("url") or response.url, f"not archived: {error}"[:300])

    def callback_crashed(self, failure, response, spider):
        url = self._ended(response.request)
        if url is not None:
            record_failure(self.crawler.stats, url, f"extraction crashed: {failure.getErrorMessage()}"[:300])

    def request_dropped(self, request, spider):
        # The scheduler's duplicate filter calls no errback (a redirect to a URL already fetched).
        if FILE_META in request.meta:
            self.files.dropped(request)
            return
        url = self._ended(request)
        if url is not None:
            record_failure(self.crawler.stats, url, f"dropped as a duplicate of a request already made: {request.url}")

    def _ended(self, request) -> str | None:
        """The URL of the article `request` was for, now ended; None for other requests."""
        return self.pending.pop(request.meta.get("kronika_article_id"), None)

    def unfinished_articles(self) -> list[str]:
        """URLs of article requests that never ended; forgotten once asked for."""
        urls, self.pending = list(self.pending.values()), {}
        return urls

    def listing_failed(self, failure):
        self.logger.error("listing %s failed: %s", failure.request.url, failure.getErrorMessage())
        self.crawler.stats.inc_value("kronika/listing_failed")


def crawl_plan(settings) -> CrawlPlan:
    """The incremental plan from the settings; it knows no articles until `plan_from_archive`."""
    return CrawlPlan(
        full=settings.getbool("KRONIKA_FULL"),
        known_streak=settings.getint("KRONIKA_KNOWN_STREAK"),
        recheck_days=settings.getint("KRONIKA_RECHECK_DAYS"),
    )


def plan_from_archive(plan: CrawlPlan, archive, site_name: str) -> None:
    """Give `plan` the site's archived articles (none under --full) and whether the last run was cut short."""
    from scraper.crawl.accounting import previous_crawl_finished

    if plan.full:
        return
    plan.known = archive.known_articles(site_name)
    plan.resume = bool(plan.known) and not previous_crawl_finished(archive, site_name)
    if plan.resume:
        logger.warning("%s: the previous crawl did not finish; walking every listing page", site_name)
