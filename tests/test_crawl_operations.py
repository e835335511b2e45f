"""Cron safety with real processes: lock, SIGTERM, SIGKILL, misbehaving servers."""

from __future__ import annotations

import dataclasses
import re
import signal
import sqlite3
import subprocess
import time

import pytest
import sqlite_utils

from crawling import crawl_command, requests_per_host, run_crawl
from scraper.crawl.locking import crawl_lock
from scraper.mirror.server import MirrorServer
from scraper.mirror.site import build_routes, bundled_articles

pytestmark = pytest.mark.slow
ALL_IDS = sorted(spec.key for specs in bundled_articles().values() for spec in specs)


def start_crawl(db, mirror_url, *args):
    return subprocess.Popen(
        crawl_command(db, mirror_url, *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def archive_state(db) -> list[tuple]:
    """What an uninterrupted crawl must end with: ids, content versions, attachments."""
    database = sqlite_utils.Database(db)
    return list(
        database.execute(
            "select a.id, a.title, a.published_at, a.body_text, "
            "(select count(*) from attachments t where t.article_id = a.id) "
            "from articles a order by a.id"
        ).fetchall()
    )


def assert_consistent(db):
    connection = sqlite3.connect(db)
    assert connection.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert connection.execute("pragma foreign_key_check").fetchall() == []
    # No half-written article: every article has its current version stored.
    orphans = connection.execute(
        "select count(*) from articles a where not exists (select 1 from article_versions v where v.article_id = a.id)"
    ).fetchone()[0]
    assert orphans == 0
    connection.close()


@pytest.fixture(scope="module")
def reference(reference_crawl):
    assert reference_crawl.result.returncode == 0
    return archive_state(reference_crawl.db_path)


def test_second_run_exits_at_once_while_locked(tmp_path):
    db = tmp_path / "archive.db"
    with MirrorServer() as mirror, crawl_lock(str(db)):
        started = time.monotonic()
        result = run_crawl(db, mirror.base_url)
        assert (result.returncode, mirror.request_log) == (75, [])
    assert "another crawl" in result.stderr and time.monotonic() - started < 15
    assert not db.exists()


def test_sigterm_stops_gracefully_and_next_run_completes(tmp_path, reference):
    db = tmp_path / "archive.db"
    with MirrorServer() as mirror:
        # Slow article pages so the signal lands mid-crawl.
        mirror.faults = {"www.gdynia.pl/rewitalizacja/aktualnosci,3963/": "timeout"}
        mirror.fault_delay = 3
        process = start_crawl(db, mirror.base_url, "-s", "DOWNLOAD_TIMEOUT=2", "-s", "RETRY_TIMES=0")
        time.sleep(4)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
        assert process.returncode != 0
        assert_consistent(db)
        rows = list(sqlite_utils.Database(db).query("select finish_reason, exit_status from crawls"))
        assert {"finish_reason": "shutdown", "exit_status": 1} in rows
        assert "stopped early (shutdown)" in stderr
        mirror.faults = {}
        assert run_crawl(db, mirror.base_url).returncode == 0
    assert archive_state(db) == reference


@pytest.mark.parametrize("kill_after", [1.2, 1.8, 2.4, 3.0])
def test_sigkill_leaves_a_consistent_archive_that_the_next_run_completes(tmp_path, reference, kill_after):
    db = tmp_path / "archive.db"
    with MirrorServer() as mirror:
        process = start_crawl(db, mirror.base_url)
        time.sleep(kill_after)
        process.kill()
        process.wait(timeout=30)
        if db.exists():
            assert_consistent(db)
        result = run_crawl(db, mirror.base_url)
        assert result.returncode == 0, result.stderr[-2000:]
    assert_consistent(db)
    assert archive_state(db) == reference


def committed_ids(db) -> set[str]:
    """Article ids another connection sees committed (none before the archive exists)."""
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return {row[0] for row in connection.execute("select id from articles")}
        finally:
            connection.close()
    except sqlite3.OperationalError:
        return set()


def wait_for_commits(db, process, count: int, timeout: float = 60) -> set[str]:
    """Poll until at least `count` articles are committed; their ids."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        ids = committed_ids(db)
        if len(ids) >= count:
            return ids
        time.sleep(0.02)
    raise AssertionError(f"crawl ended or stalled before {count} articles were committed")


@pytest.mark.parametrize("commits_before_kill", [1, 5, 20])
def test_sigkill_after_the_first_commits_keeps_them_and_the_next_run_completes(
    tmp_path, reference, commits_before_kill
):
    db = tmp_path / "archive.db"
    with MirrorServer() as mirror:
        # A small delay per request keeps the crawl going long enough to kill it between commits.
        process = start_crawl(db, mirror.base_url, "-s", "DOWNLOAD_DELAY=0.1")
        committed = wait_for_commits(db, process, commits_before_kill)
        process.kill()
        process.wait(timeout=30)
        assert committed <= committed_ids(db)  # every article committed before the kill survived it
        assert_consistent(db)
        result = run_crawl(db, mirror.base_url)
        assert result.returncode == 0, result.stderr[-2000:]
    assert_consistent(db)
    assert archive_state(db) == reference


def test_failing_site_is_bounded_reported_and_does_not_stop_the_other(tmp_path):
    db = tmp_path / "archive.db"
    with MirrorServer() as mirror:
        mirror.faults = {"przemysl.pl/aktualnosci": "500"}
        started = time.monotonic()
        result = run_crawl(db, mirror.base_url)
        per_host = requests_per_host(mirror.request_log)
    assert result.returncode == 1
    assert "przemysl" in result.stderr and "listing unreachable" in result.stderr
    assert per_host["przemysl.pl"] <= 1 + 3  # robots.txt + the listing and its retries
    assert time.monotonic() - started < 60
    sites = {row["site"]: row for row in sqlite_utils.Database(db).query("select * from crawls")}
    assert sites["gdynia"]["exit_status"] == 0 and sites["gdynia"]["articles_new"] == len(bundled_articles()["gdynia"])
    assert sites["przemysl"]["exit_status"] == 1


@pytest.mark.parametrize("fault", ["timeout", "reset", "500"])
def test_misbehaving_article_pages_cost_bounded_requests(tmp_path, fault):
    db = tmp_path / "archive.db"
    with MirrorServer() as mirror:
        mirror.faults = {"www.gdynia.pl/rewitalizacja/aktualnosci,3963/": fault}
        mirror.fault_delay = 2
        started = time.monotonic()
        result = run_crawl(db, mirror.base_url, "gdynia", "-s", "DOWNLOAD_TIMEOUT=1", "-s", "RETRY_TIMES=1")
        per_host = requests_per_host(mirror.request_log)
    articles = len(bundled_articles()["gdynia"])
    assert result.returncode == 1 and "failed" in result.stderr
    # robots, listings, each article twice (RETRY_TIMES=1) plus at most one
    # transport-level retry that Twisted makes on a reset persistent connection.
    assert per_host["www.gdynia.pl"] <= 1 + 3 + 3 * articles
    assert time.monotonic() - started < 90


def test_retry_after_is_honoured_before_the_retry(tmp_path):
    db = tmp_path / "archive.db"
    article = "www.gdynia.pl/rewitalizacja/aktualnosci,3963/modelownia-dla-mlodziezy,562076"
    with MirrorServer() as mirror:
        mirror.faults = {article: "503-retry-after"}  # Retry-After: 1
        started = time.monotonic()
        result = run_crawl(db, mirror.base_url, "gdynia", "-s", "RETRY_TIMES=1")
        elapsed = time.monotonic() - started
        attempts = [path for _m, path, _s in mirror.request_log if path == article]
    assert len(attempts) == 2 and result.returncode == 1
    assert elapsed >= 1.0
    assert "gdynia:562076" not in {row["id"] for row in sqlite_utils.Database(db).query("select id from articles")}


def without_footer_dates(routes):
    """The mirror after a redesign that dropped Gdynia's dates from article pages."""
    redesigned = {}
    for key, route in routes.items():
        body = route.body
        if route.article and route.article.startswith("gdynia:"):
            text = body.decode("utf-8")
            text = re.sub(r'<div class="article__meta">.*?</div>', "", text, flags=re.S)
            text = re.sub(r"\d{2}\.\d{2}\.\d{4}( r\.)?", "", text)
            text = re.sub(r'"date(Published|Modified)": "[^"]*",?', "", text)
            body = text.encode("utf-8")
        redesigned[key] = dataclasses.replace(route, body=body)
    return redesigned


def test_a_site_that_looks_changed_fails_the_run_and_says_why(tmp_path):
    db = tmp_path / "archive.db"
    with MirrorServer() as mirror:
        assert run_crawl(db, mirror.base_url, "gdynia").returncode == 0
        mirror.set_routes(without_footer_dates(build_routes()))
        result = run_crawl(db, mirror.base_url, "gdynia", "--full")
    assert result.returncode == 1
    assert "site looks changed: " in result.stderr
    assert "published_at found for 100% of archived articles but 0% of this run's" in result.stderr
    row = list(sqlite_utils.Database(db).query("select * from crawls order by id desc limit 1"))[0]
    assert row["exit_status"] == 1 and "site looks changed" in row["warnings"]
    # Nothing archived was lost: the degraded fetches kept the dates.
    dates = [r["published_at"] for r in sqlite_utils.Database(db).query("select published_at from articles")]
    assert all(dates)
