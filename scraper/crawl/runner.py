"""Run the spiders in one process for `kronika crawl`: settings, progress, outcomes."""

from __future__ import annotations

import logging
import sys

from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from scraper.crawl.accounting import SiteOutcome
from scraper.crawl.signals import site_finished
from scraper.settings import user_agent

logger = logging.getLogger(__name__)

LOG_LEVELS = {0: "WARNING", 1: "INFO"}


def crawl_settings(
    db_path: str, mirror: str | None = None, full: bool = False, verbosity: int = 0, contact: str | None = None
) -> Settings:
    """Project settings plus this run's choices."""
    settings = Settings()
    settings.setmodule("scraper.settings", priority="project")
    if contact:
        settings.set("KRONIKA_CONTACT_URL", contact, priority="cmdline")
        settings.set("USER_AGENT", user_agent(contact), priority="cmdline")
    settings.set("KRONIKA_DB", db_path, priority="cmdline")
    settings.set("KRONIKA_FULL", full, priority="cmdline")
    settings.set("LOG_LEVEL", LOG_LEVELS.get(verbosity, "DEBUG"), priority="cmdline")
    if mirror:
        settings.set("KRONIKA_MIRROR", mirror, priority="cmdline")
        # The mirror is our own loopback server: politeness would only slow tests.
        settings.set("DOWNLOAD_DELAY", 0, priority="cmdline")
        settings.set("AUTOTHROTTLE_ENABLED", False, priority="cmdline")
        settings.set("CONCURRENT_REQUESTS_PER_DOMAIN", 4, priority="cmdline")
        settings.set("KRONIKA_REFUSE_PRIVATE_ADDRESSES", False, priority="cmdline")
    return settings


class ProgressDisplay:
    """One updating line on an interactive terminal; silent under cron."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.articles = 0
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)

    def item_scraped(self, item, spider):
        self.articles += 1
        sys.stderr.write(f"\r{spider.name}: {self.articles} articles ")
        sys.stderr.flush()


class OutcomeCollector:
    """Keeps the SiteOutcome each crawler's CrawlRecorder sends with `site_finished`, by site."""

    def __init__(self):
        self.outcomes: dict[str, SiteOutcome] = {}

    def listen_to(self, crawler) -> None:
        crawler.signals.connect(self.site_finished, signal=site_finished)

    def site_finished(self, outcome: SiteOutcome):
        self.outcomes[outcome.site] = outcome

    def outcome_of(self, site: str) -> SiteOutcome:
        """The site's outcome; a failed one when its spider never got to record one."""
        return self.outcomes.get(site) or SiteOutcome(
            site=site, finish_reason="not run", problems=["the spider did not run to its end"]
        )


def run_crawl(site_names: list[str], settings: Settings) -> list[SiteOutcome]:
    """Crawl the sites side by side; one site failing never stops the others."""
    process = CrawlerProcess(settings)
    # Signal receivers are held weakly: the collector and the displays live in this frame.
    collector, displays = OutcomeCollector(), []
    for name in site_names:
        crawler = process.create_crawler(name)
        collector.listen_to(crawler)
        if sys.stderr.isatty():
            displays.append(ProgressDisplay(crawler))
        process.crawl(crawler)
    process.start()
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    return [collector.outcome_of(name) for name in site_names]
