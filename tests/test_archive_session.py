"""One owner of the archive per crawl: one connection per site, separate transactions, the outcome by signal."""

from __future__ import annotations

import json
import subprocess
import sys
from types import SimpleNamespace

import pytest
import sqlite_utils
from scrapy.signalmanager import SignalManager
from scrapy.utils.test import get_crawler

from factories import make_item
from scraper.crawl.accounting import SiteOutcome
from scraper.crawl.archive_session import ArchiveSession, archive_session
from scraper.crawl.runner import OutcomeCollector
from scraper.crawl.signals import site_finished
from scraper.mirror import MirrorServer

# Counts every Archive opened and which connection stores each site's articles,
# in a real two-site crawl through `run_crawl` (what `kronika crawl` runs).
COUNTING_CRAWL = """
import json, sys
from scraper.archive import store
opened, connections = [], {}
open_archive, store_item = store.Archive.__init__, store.Archive.store
def counted_open(self, db):
    opened.append(str(db))
    open_archive(self, db)
def counted_store(self, item, *args, **kwargs):
    connections.setdefault(item["site"], set()).add(id(self.db.conn))
    return store_item(self, item, *args, **kwargs)
store.Archive.__init__, store.Archive.store = counted_open, counted_store
from scraper.crawl.runner import crawl_settings, run_crawl
outcomes = run_crawl(["gdynia", "przemysl"], crawl_settings(sys.argv[1], mirror=sys.argv[2]))
print(json.dumps({"opened": len(opened), "connections": {site: len(ids) for site, ids in connections.items()},
                  "distinct": len(set().union(*connections.values())),
                  "outcomes": {o.site: [o.new, o.finish_reason] for o in outcomes}}))
"""


def session_on(path) -> ArchiveSession:
    return ArchiveSession.from_crawler(get_crawler(settings_dict={"KRONIKA_DB": str(path)}))


def stored_ids(path) -> list[str]:
    return [row["id"] for row in sqlite_utils.Database(path).query("select id from articles order by id")]


@pytest.mark.slow
def test_a_two_site_crawl_opens_the_archive_once_per_site_and_reports_through_the_signal(tmp_path):
    with MirrorServer() as mirror:
        result = subprocess.run(
            [sys.executable, "-c", COUNTING_CRAWL, str(tmp_path / "archive.db"), mirror.base_url],
            capture_output=True,
            text=True,
            timeout=240,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    counts = json.loads(result.stdout.strip().splitlines()[-1])
    assert counts["opened"] == 2
    assert counts["connections"] == {"gdynia": 1, "przemysl": 1} and counts["distinct"] == 2
    assert {site: reason for site, (new, reason) in counts["outcomes"].items() if new > 0} == {
        "gdynia": "finished",
        "przemysl": "finished",
    }


def test_each_sites_session_has_a_connection_of_its_own(tmp_path):
    gdynia, przemysl = session_on(tmp_path / "a.db"), session_on(tmp_path / "a.db")
    assert gdynia.archive.db.conn is not przemysl.archive.db.conn


def test_a_sites_uncommitted_writes_are_not_the_other_sites(tmp_path):
    gdynia, przemysl = session_on(tmp_path / "a.db"), session_on(tmp_path / "a.db")
    gdynia.archive.store(make_item("gdynia:1"))
    with pytest.raises(RuntimeError):
        with przemysl.archive.batch():
            przemysl.archive.store(make_item("przemysl:1"))
            # Another site's connection does not see (nor could commit) this open transaction.
            assert [row["id"] for row in gdynia.archive.db.query("select id from articles")] == ["gdynia:1"]
            raise RuntimeError("the przemysl run dies mid-transaction")
    assert stored_ids(tmp_path / "a.db") == ["gdynia:1"]


def test_start_crawl_gives_the_run_its_id(tmp_path):
    session = session_on(tmp_path / "a.db")
    crawl_id = session.start_crawl("gdynia")
    assert session.crawl_id == crawl_id
    assert sqlite_utils.Database(tmp_path / "a.db")["crawls"].get(crawl_id)["site"] == "gdynia"


def test_the_session_closes_the_archive_when_the_spider_closes(tmp_path):
    session = session_on(tmp_path / "a.db")
    connection = session.archive.db.conn
    session.spider_closed(spider=None, reason="finished")
    with pytest.raises(Exception, match="closed"):
        connection.execute("select 1")
    with pytest.raises(RuntimeError, match="already closed"):
        session.archive  # noqa: B018 (the property opens it)


def test_no_archive_setting_means_no_session():
    crawler = get_crawler(settings_dict={"KRONIKA_DB": "", "EXTENSIONS": {ArchiveSession: 0}})
    assert archive_session(crawler) is None


def test_an_archive_without_its_owner_is_a_clear_error(tmp_path):
    crawler = get_crawler(settings_dict={"KRONIKA_DB": str(tmp_path / "a.db")})
    with pytest.raises(RuntimeError, match="lacks scraper.crawl.archive_session.ArchiveSession"):
        archive_session(crawler)


def test_the_session_is_found_through_the_crawler(tmp_path):
    crawler = get_crawler(settings_dict={"KRONIKA_DB": str(tmp_path / "a.db"), "EXTENSIONS": {ArchiveSession: 0}})
    assert isinstance(archive_session(crawler), ArchiveSession)


def test_outcomes_reach_the_runner_through_site_finished():
    collector, signals = OutcomeCollector(), SignalManager()
    collector.listen_to(SimpleNamespace(signals=signals))
    signals.send_catch_log(site_finished, outcome=SiteOutcome(site="gdynia", new=3))
    assert collector.outcome_of("gdynia").new == 3


def test_a_site_that_sent_no_outcome_did_not_run_to_its_end():
    outcome = OutcomeCollector().outcome_of("przemysl")
    assert outcome.finish_reason == "not run" and outcome.exit_status == 1
