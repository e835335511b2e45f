"""The one owner of the archive during a site's crawl: one connection, the run's `crawls` id, closed last."""

from __future__ import annotations

from datetime import UTC, datetime

from scrapy import signals
from scrapy.exceptions import NotConfigured


class ArchiveSession:
    """Extension: the site's archive, opened once on a connection of its own; others get it via `archive_session`.

    One crawler crawls one site, so each site has its own session and its own
    SQLite connection: one site's commit never commits another's writes.
    Opened on first use (the spider's plan, or the pipeline's first item);
    closed at spider_closed after every other handler of it has written: this
    extension is declared last in EXTENSIONS, and handlers run in the order
    they were connected. Everything is committed before (one commit per article).
    """

    def __init__(self, db_path: str):
        self.db_path = db_path
        # The run's `crawls` row (start_crawl); fetches stored by the pipeline are tagged with it.
        self.crawl_id: int | None = None
        self._archive = None
        self._closed = False

    @classmethod
    def from_crawler(cls, crawler):
        db_path = crawler.settings.get("KRONIKA_DB")
        if not db_path:
            raise NotConfigured("KRONIKA_DB is empty: no archive for this crawl")
        session = cls(db_path)
        crawler.signals.connect(session.spider_closed, signal=signals.spider_closed)
        return session

    @property
    def archive(self):
        """The archive (scraper.archive.Archive), opened on first use."""
        if self._closed:
            raise RuntimeError(f"the crawl's archive {self.db_path} is already closed")
        if self._archive is None:
            from scraper.archive import Archive  # late: plain `scrapy crawl -s KRONIKA_DB=` needs no archive

            self._archive = Archive(self.db_path)
        return self._archive

    def start_crawl(self, site: str) -> int:
        """Open this run's `crawls` row; its id is `crawl_id` from now on."""
        self.crawl_id = self.archive.start_crawl(site, datetime.now(UTC).isoformat(timespec="seconds"))
        return self.crawl_id

    def spider_closed(self, spider, reason):
        if self._archive is not None:
            self._archive.close()
        self._closed = True


def archive_session(crawler) -> ArchiveSession | None:
    """The crawler's ArchiveSession; None when it has no archive (`scrapy crawl -s KRONIKA_DB= -O items.jsonl`)."""
    session = crawler.get_extension(ArchiveSession)
    if session is None and crawler.settings.get("KRONIKA_DB"):
        # Without the owner the pipeline would have nowhere to store: say so, don't crawl for nothing.
        raise RuntimeError("KRONIKA_DB is set but EXTENSIONS lacks scraper.crawl.archive_session.ArchiveSession")
    return session
