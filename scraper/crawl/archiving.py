"""Scrapy item pipeline that stores every scraped article in the archive, each committed on its own."""

from __future__ import annotations

import logging

from scrapy.exceptions import NotConfigured

from scraper.archive.store import SUSPECT
from scraper.crawl.archive_session import archive_session
from scraper.extract.items import PAGE_KEY

logger = logging.getLogger(__name__)


class ArchivePipeline:
    """Pops the raw page off each item and stores both, one transaction (and commit) per article.

    A SIGKILL loses at most the article in flight. The archive and the run's
    `crawls` id are the crawl's ArchiveSession's (scraper.crawl.archive_session),
    its connection this site's own; fetches are tagged with the id so that a
    held suspect fetch can be confirmed by a later run.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.session = None

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.get("KRONIKA_DB"):
            raise NotConfigured("KRONIKA_DB is empty: archive pipeline disabled")
        return cls(crawler)

    def open_spider(self):
        self.session = archive_session(self.crawler)
        logger.info("archiving into %s (one commit per article)", self.session.db_path)

    def process_item(self, item):
        page = item.pop(PAGE_KEY, None)
        outcome = self.session.archive.store(dict(item), page, crawl_id=self.session.crawl_id)
        self.stats.inc_value(f"kronika/articles_{outcome.status}")
        if outcome.reverted:
            # Counted as changed when stored; held back since (many-URLs duplicates).
            self.stats.inc_value(f"kronika/articles_{SUSPECT}", len(outcome.reverted))
            self.stats.inc_value("kronika/articles_changed", -len(outcome.reverted))
        return item
