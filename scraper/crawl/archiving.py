"""Scrapy item pipeline that stores every scraped article in the archive, each committed on its own."""

from __future__ import annotations

import logging

from scrapy.exceptions import NotConfigured

from scraper.archive.store import SUSPECT, Archive
from scraper.extract.items import PAGE_KEY

logger = logging.getLogger(__name__)


class ArchivePipeline:
    """Pops the raw page off each item and stores both, one transaction (and commit) per article.

    A SIGKILL loses at most the article in flight. The commit is the shared
    connection's (see Archive), so nothing may hold a transaction open across
    items. Fetches are tagged with the run's `crawls` id (set on the crawler by
    scraper.crawl.accounting.CrawlRecorder before the first item) so that a held
    suspect fetch can be confirmed by a later run.
    """

    def __init__(self, db_path: str, stats, crawler=None):
        self.db_path = db_path
        self.stats = stats
        self.crawler = crawler
        self.archive: Archive | None = None

    @classmethod
    def from_crawler(cls, crawler):
        db_path = crawler.settings.get("KRONIKA_DB")
        if not db_path:
            raise NotConfigured("KRONIKA_DB is empty: archive pipeline disabled")
        return cls(db_path, crawler.stats, crawler)

    def open_spider(self):
        self.archive = Archive(self.db_path)
        logger.info("archiving into %s (one commit per article)", self.db_path)

    def process_item(self, item):
        page = item.pop(PAGE_KEY, None)
        outcome = self.archive.store(dict(item), page, crawl_id=getattr(self.crawler, "kronika_crawl_id", None))
        self.stats.inc_value(f"kronika/articles_{outcome.status}")
        if outcome.reverted:
            # Counted as changed when stored; held back since (many-URLs duplicates).
            self.stats.inc_value(f"kronika/articles_{SUSPECT}", len(outcome.reverted))
            self.stats.inc_value("kronika/articles_changed", -len(outcome.reverted))
        return item
