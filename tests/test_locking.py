"""The archive lock: shared by the holders in one process, exclusive against other processes."""

from __future__ import annotations

import subprocess
import sys

from scraper.crawl.locking import crawl_lock

TRY_LOCK = (
    "import sys; from scraper.crawl.locking import CrawlLocked, crawl_lock\n"
    "try:\n    with crawl_lock(sys.argv[1]): print('got it')\n"
    "except CrawlLocked as locked: print(locked)"
)


def other_process_tries(db) -> str:
    return subprocess.run(
        [sys.executable, "-c", TRY_LOCK, str(db)], capture_output=True, text=True, timeout=60, check=False
    ).stdout.strip()


def test_the_holding_process_may_take_the_lock_again_and_others_may_not(tmp_path):
    db = tmp_path / "archive.db"
    with crawl_lock(str(db)), crawl_lock(str(db)):  # `kronika crawl` around its spiders' ArchiveLock
        assert other_process_tries(db).startswith(f"another crawl of {db} is running")


def test_the_lock_is_free_once_the_last_hold_ends(tmp_path):
    db = tmp_path / "archive.db"
    with crawl_lock(str(db)):
        with crawl_lock(str(db)):
            pass
        assert other_process_tries(db) != "got it"
    assert other_process_tries(db) == "got it"
