"""The crawl's side of related articles: link what a site's run archived to its cross-site twins."""

from __future__ import annotations

import logging

from scrapy import signals
from scrapy.exceptions import NotConfigured

from scraper.archive.related import link_articles
from scraper.crawl.archive_session import archive_session

logger = logging.getLogger(__name__)


class RelatedLinker:
    """Extension: at the end of a site's crawl, link the articles it scraped to their cross-site twins.

    At spider close every item of the run is archived (pipelines close
    first), and linking is symmetric, so sites finishing in any order end
    with the same pairs.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.scraped: list[str] = []
        self.stats = crawler.stats
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.get("KRONIKA_DB"):
            raise NotConfigured("no archive: nothing to link")
        return cls(crawler)

    def item_scraped(self, item, spider):
        self.scraped.append(item["id"])

    def spider_closed(self, spider, reason):
        pairs = link_articles(archive_session(self.crawler).archive.db, dict.fromkeys(self.scraped))
        self.stats.set_value("kronika/related_pairs", pairs)
        if pairs:
            logger.info("%s: %d cross-site related pairs", spider.name, pairs)
