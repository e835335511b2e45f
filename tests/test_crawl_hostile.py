"""Hostile servers against real `kronika crawl` processes: exit status, summary, crawls row, archive."""

from __future__ import annotations

import dataclasses
import json
import shutil
import time

import pytest
import sqlite_utils

from crawling import run_crawl
from scraper.mirror.endless import EndlessRoutes
from scraper.mirror.server import PRIVATE_REDIRECTS, MirrorServer
from scraper.mirror.site import build_routes, bundled_articles

pytestmark = pytest.mark.slow
ARTICLE_PATH = "www.gdynia.pl/rewitalizacja/aktualnosci,3963/modelownia-dla-mlodziezy,562076"
ARTICLE_URL = "https://" + ARTICLE_PATH
GDYNIA_ARTICLES = len(bundled_articles()["gdynia"])


def last_crawl(db) -> dict:
    return list(sqlite_utils.Database(db).query("select * from crawls order by id desc limit 1"))[0]


def assert_every_article_accounted_for(row):
    # The mirror serves no degraded pages, so these are all the endings.
    ended = (
        row["articles_new"]
        + row["articles_changed"]
        + row["articles_unchanged"]
        + row["articles_failed"]
        + row["articles_too_large"]
    )
    assert row["articles_requested"] == ended
    assert len(json.loads(row["failures"])) == row["articles_failed"] + row["articles_too_large"]


def article_state(db, article_id="gdynia:562076"):
    database = sqlite_utils.Database(db)
    return database["articles"].get(article_id)["content_hash"], database["article_versions"].count


@pytest.fixture(scope="module")
def archived_gdynia(tmp_path_factory):
    db = tmp_path_factory.mktemp("archived") / "archive.db"
    with MirrorServer() as mirror:
        assert run_crawl(db, mirror.base_url, "gdynia").returncode == 0
    return db


def copy_of(db, tmp_path):
    copy = tmp_path / "archive.db"
    shutil.copy(db, copy)
    return copy


@pytest.mark.parametrize("fault", ["huge", "huge-unannounced", "gzip-bomb"])
def test_an_oversized_page_is_counted_too_large_and_the_archive_keeps_its_version(archived_gdynia, tmp_path, fault):
    db = copy_of(archived_gdynia, tmp_path)
    before = article_state(db)
    with MirrorServer() as mirror:
        mirror.faults = {ARTICLE_PATH: fault}
        started = time.monotonic()
        result = run_crawl(db, mirror.base_url, "gdynia", "--full")
    assert time.monotonic() - started < 60
    assert result.returncode == 1
    assert "1 too large" in result.stdout and f"{ARTICLE_URL}: " in result.stdout
    assert "max size" in result.stdout or "DOWNLOAD_MAXSIZE" in result.stdout
    row = last_crawl(db)
    assert (row["articles_too_large"], row["articles_failed"], row["exit_status"]) == (1, 0, 1)
    assert json.loads(row["failures"])[0]["url"] == ARTICLE_URL
    assert_every_article_accounted_for(row)
    assert article_state(db) == before
    assert len(result.stderr) < 20_000  # no body in the log


@pytest.mark.parametrize("fault", sorted(PRIVATE_REDIRECTS))
def test_a_redirect_to_a_private_address_is_refused_and_counted(tmp_path, fault):
    db = tmp_path / "archive.db"
    with MirrorServer() as mirror:
        mirror.faults = {ARTICLE_PATH: fault}
        result = run_crawl(db, mirror.base_url, "gdynia")
        paths = [path for _m, path, _s in mirror.request_log]
    target = PRIVATE_REDIRECTS[fault]
    assert result.returncode == 1
    assert f"{ARTICLE_URL}: OffsiteRedirect: redirected off the site to {target}" in result.stdout
    row = last_crawl(db)
    assert (row["articles_failed"], row["articles_new"]) == (1, GDYNIA_ARTICLES - 1)
    assert_every_article_accounted_for(row)
    assert not any("meta-data" in path for path in paths)  # the redirect was never followed


def test_endless_pagination_stops_at_the_listing_bound_and_keeps_what_it_stored(tmp_path):
    db = tmp_path / "archive.db"
    with MirrorServer(routes=EndlessRoutes()) as mirror:
        result = run_crawl(db, mirror.base_url, "gdynia", "-s", "KRONIKA_MAX_LISTING_PAGES=4")
        requests = len(mirror.request_log)
    assert result.returncode == 1
    assert "run bound reached (bound_listing_pages)" in result.stdout
    row = last_crawl(db)
    assert (row["finish_reason"], row["exit_status"], row["articles_new"]) == ("bound_listing_pages", 1, 4 * 6)
    assert requests == 1 + 4 + 4 * 6  # robots.txt, four listing pages, their articles
    assert sqlite_utils.Database(db)["articles"].count == 4 * 6
    assert_every_article_accounted_for(row)


def test_the_new_article_bound_stops_a_run_and_the_next_run_goes_on(tmp_path):
    db = tmp_path / "archive.db"
    with MirrorServer(routes=EndlessRoutes()) as mirror:
        first = run_crawl(db, mirror.base_url, "gdynia", "-s", "KRONIKA_MAX_NEW_ARTICLES=10")
        second = run_crawl(db, mirror.base_url, "gdynia", "-s", "KRONIKA_MAX_NEW_ARTICLES=10")
    assert (first.returncode, second.returncode) == (1, 1)
    assert "run bound reached (bound_new_articles)" in second.stdout
    rows = list(sqlite_utils.Database(db).query("select * from crawls order by id"))
    assert [(r["finish_reason"], r["articles_new"]) for r in rows] == [("bound_new_articles", 10)] * 2
    assert sqlite_utils.Database(db)["articles"].count == 20
    for row in rows:
        assert_every_article_accounted_for(row)


def crawl_with_article_fault(tmp_path, fault: str, *args: str):
    """One gdynia crawl with `fault` on every article page (hangs last a minute): result, seconds, db."""
    db = tmp_path / "archive.db"
    with MirrorServer(fault_delay=60) as mirror:
        mirror.faults = {"www.gdynia.pl/rewitalizacja/aktualnosci,3963/": fault}
        started = time.monotonic()
        result = run_crawl(db, mirror.base_url, "gdynia", *args)
    return result, time.monotonic() - started, db


def test_a_hanging_site_stops_at_its_deadline_with_each_article_failed(tmp_path):
    result, elapsed, db = crawl_with_article_fault(tmp_path, "timeout", "-s", "KRONIKA_SITE_DEADLINE=4")
    assert elapsed < 20  # not DOWNLOAD_TIMEOUT (30 s) per request
    assert result.returncode == 1 and "stopped early (deadline)" in result.stdout
    row = last_crawl(db)
    assert (row["finish_reason"], row["articles_failed"]) == ("deadline", row["articles_requested"])
    assert row["articles_requested"] > 0
    assert "no answer before the site's deadline" in row["failures"]
    assert_every_article_accounted_for(row)


def test_a_randomly_failing_server_is_bounded_and_fully_accounted(tmp_path):
    result, elapsed, db = crawl_with_article_fault(
        tmp_path, "random", "-s", "KRONIKA_SITE_DEADLINE=10", "-s", "DOWNLOAD_TIMEOUT=3"
    )
    assert elapsed < 30
    assert result.returncode == 1
    row = last_crawl(db)
    assert row["articles_failed"] > 0 and row["exit_status"] == 1
    assert_every_article_accounted_for(row)
    assert sqlite_utils.Database(db)["articles"].count == row["articles_new"]


def test_an_article_that_cannot_be_extracted_is_named_with_its_reason(tmp_path):
    db = tmp_path / "archive.db"
    routes = build_routes()
    routes[ARTICLE_PATH] = dataclasses.replace(routes[ARTICLE_PATH], body=b"")
    with MirrorServer(routes=routes) as mirror:
        result = run_crawl(db, mirror.base_url, "gdynia")
    assert result.returncode == 1
    assert f"{ARTICLE_URL}: extraction failed: empty page" in result.stdout
    row = last_crawl(db)
    assert json.loads(row["failures"]) == [{"url": ARTICLE_URL, "reason": "extraction failed: empty page"}]
    assert row["articles_failed"] == 1
    assert_every_article_accounted_for(row)
