"""The per-archive crawl lock: held by `kronika crawl` around its run and by the ArchiveLock extension per spider."""

from __future__ import annotations

import errno
import fcntl
import logging
import os
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from scrapy import signals
from scrapy.exceptions import CloseSpider, NotConfigured

logger = logging.getLogger(__name__)

# The finish reason (Scrapy's "Spider closed (...)" line, the job log) of a
# spider that did not run because another crawl holds the archive.
LOCKED = "locked"


class CrawlLocked(RuntimeError):
    """Another crawl of the same archive is running."""


# lock file -> (open handle, holders in this process). flock conflicts
# between two handles of one process too, and `kronika crawl` holds the lock
# around several spiders whose extensions each ask for it again.
_HELD: dict[str, tuple[IO, int]] = {}


def acquire(db_path: str) -> None:
    """Take the archive's lock (again, if this process holds it); CrawlLocked if another process does.

    flock is released by the kernel when the holder dies, even by SIGKILL, so
    a crashed run never leaves a stale lock behind.
    """
    lock_path = os.path.realpath(f"{db_path}.lock")
    if lock_path in _HELD:
        handle, holders = _HELD[lock_path]
        _HELD[lock_path] = (handle, holders + 1)
        return
    handle = open(lock_path, "a+")  # noqa: SIM115 (held open while locked, closed by release)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        handle.seek(0)
        holder = handle.read().strip() or "unknown pid"
        handle.close()
        if error.errno not in (errno.EAGAIN, errno.EACCES):
            raise
        raise CrawlLocked(f"another crawl of {db_path} is running (pid {holder}); nothing done") from None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    _HELD[lock_path] = (handle, 1)


def release(db_path: str) -> None:
    """Give back one hold of the lock; the last one unlocks."""
    lock_path = os.path.realpath(f"{db_path}.lock")
    handle, holders = _HELD.pop(lock_path)
    if holders > 1:
        _HELD[lock_path] = (handle, holders - 1)
    else:
        handle.close()


@contextmanager
def crawl_lock(db_path: str):
    """An exclusive lock next to the archive (`ARCHIVE.lock`), held for the block."""
    Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    acquire(db_path)
    try:
        yield
    finally:
        release(db_path)


class ArchiveLock:
    """Extension: the spider runs only while it holds its archive's lock, so `scrapy crawl` and
    a Scrapyd job are as safe as `kronika crawl`; a locked spider closes at once as LOCKED."""

    def __init__(self, crawler, db_path: str):
        self.db_path = db_path
        self.held = False
        # Why this spider may not run (another crawl holds the archive), or None; CrawlRecorder reads it.
        self.refusal: str | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        db_path = crawler.settings.get("KRONIKA_DB")
        if not db_path:
            raise NotConfigured("no archive: nothing to lock")
        return cls(crawler, db_path)

    def spider_opened(self, spider):
        try:
            acquire(self.db_path)
        except CrawlLocked as locked:
            # CrawlRecorder (connected after this) sees it and records nothing.
            self.refusal = str(locked)
            raise CloseSpider(LOCKED) from None
        self.held = True

    def spider_closed(self, spider, reason):
        if self.held:
            release(self.db_path)
            self.held = False
        else:
            logger.error("kronika: %s not run: %s", spider.name, self.refusal or reason)
