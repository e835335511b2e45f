"""Scrapy item pipeline that stores every scraped article in the archive, in batched transactions."""

from __future__ import annotations

import logging

from scrapy.exceptions import NotConfigured

from scraper.archive.store import Archive
from scraper.extract.items import PAGE_KEY

logger = logging.getLogger(__name__)

DEFAULT_BATCH = 50


class ArchivePipeline:
    """Pops the raw page off each item, stores both, commits every KRONIKA_DB_BATCH items and at close.

    The transaction is the shared connection's (see Archive): a commit by one
    spider's pipeline commits the other's pending items too, which is harmless;
    each article is still all-or-nothing through store()'s savepoint.
    """

    def __init__(self, db_path: str, batch_size: int, stats):
        self.db_path = db_path
        self.batch_size = max(batch_size, 1)
        self.stats = stats
        self.archive: Archive | None = None
        self._pending = 0

    @classmethod
    def from_crawler(cls, crawler):
        db_path = crawler.settings.get("KRONIKA_DB")
        if not db_path:
            raise NotConfigured("KRONIKA_DB is empty: archive pipeline disabled")
        return cls(db_path, crawler.settings.getint("KRONIKA_DB_BATCH", DEFAULT_BATCH), crawler.stats)

    def open_spider(self):
        self.archive = Archive(self.db_path)
        logger.info("archiving into %s (commit every %d items)", self.db_path, self.batch_size)

    def close_spider(self):
        self._commit()

    def process_item(self, item):
        page = item.pop(PAGE_KEY, None)
        if not self.archive.db.conn.in_transaction:
            self.archive.db.begin()
        self._pending += 1
        outcome = self.archive.store(dict(item), page)
        self.stats.inc_value(f"kronika/articles_{outcome.status}")
        if self._pending >= self.batch_size:
            self._commit()
        return item

    def _commit(self):
        self.archive.db.commit()
        self._pending = 0
