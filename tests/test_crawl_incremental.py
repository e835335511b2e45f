"""Incremental crawling: request budgets for no-change and new-article runs, and --full."""

from __future__ import annotations

import dataclasses
import math
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlite_utils

from crawling import new_articles, requests_per_host, run_crawl
from scraper.mirror.server import MirrorServer
from scraper.mirror.site import build_routes, bundled_articles, canonical_host
from scraper.sites import article_key

pytestmark = pytest.mark.slow
PAGE_SIZE = 6


@pytest.fixture(scope="module")
def archived(tmp_path_factory, reference_crawl):
    """A mirror and an archive that already holds all of it (a copy of the reference crawl's: the tests crawl on)."""
    assert reference_crawl.result.returncode == 0
    db = reference_crawl.copy(tmp_path_factory.mktemp("incremental"))
    with MirrorServer() as mirror:
        yield mirror, db


def crawl_and_count(mirror, db, *args):
    before = len(mirror.request_log)
    result = run_crawl(db, mirror.base_url, *args)
    return result, requests_per_host(mirror.request_log[before:])


def test_no_change_rerun_sends_two_requests_per_site(archived):
    mirror, db = archived
    result, per_host = crawl_and_count(mirror, db)
    assert result.returncode == 0, result.stderr[-2000:]
    # robots.txt + first listing page of every mirrored site
    assert per_host == {canonical_host(site): 2 for site in bundled_articles()}


@pytest.mark.parametrize("k_przemysl, k_gdynia", [(1, 3), (7, 6)])
def test_new_articles_cost_at_most_k_plus_listing_pages(archived, k_przemysl, k_gdynia):
    mirror, db = archived
    bundled = bundled_articles()
    first = {"przemysl": 46000 + 100 * k_przemysl, "gdynia": 563000 + 100 * k_gdynia}
    extra = {
        "przemysl": new_articles("przemysl", k_przemysl, first["przemysl"]),
        "gdynia": new_articles("gdynia", k_gdynia, first["gdynia"]),
    }
    mirror.set_routes(
        build_routes(
            przemysl=bundled["przemysl"] + extra["przemysl"],
            gdynia=bundled["gdynia"] + extra["gdynia"],
            page_size=PAGE_SIZE,
        )
    )
    try:
        result, per_host = crawl_and_count(mirror, db)
    finally:
        mirror.set_routes(build_routes())
    assert result.returncode == 0, result.stderr[-2000:]
    for host, k in (("przemysl.pl", k_przemysl), ("www.gdynia.pl", k_gdynia)):
        assert per_host[host] <= k + math.ceil(k / PAGE_SIZE) + 2
    archived_ids = {row["id"] for row in sqlite_utils.Database(db).query("select id from articles")}
    assert {spec.key for specs in extra.values() for spec in specs} <= archived_ids


def test_full_refetches_every_article(archived):
    mirror, db = archived
    before = len(mirror.request_log)
    result = run_crawl(db, mirror.base_url, "--full")
    fetched = {article_key("https://" + path) for _m, path, _s in mirror.request_log[before:]} - {None}
    assert result.returncode == 0
    assert fetched == {spec.key for specs in bundled_articles().values() for spec in specs}


def test_unchanged_articles_make_no_new_versions_on_full_recrawl(archived):
    _, db = archived
    versions = sqlite_utils.Database(db).execute("select count(*) from article_versions").fetchone()[0]
    articles = sqlite_utils.Database(db).execute("select count(*) from articles").fetchone()[0]
    assert versions == articles


def test_recent_article_is_rechecked_with_a_conditional_request(tmp_path):
    recent = datetime.now(ZoneInfo("Europe/Warsaw")).replace(hour=9, minute=0, second=0, microsecond=0) - timedelta(
        days=2
    )
    fresh = new_articles("gdynia", 1, 564000)[0]
    fresh = dataclasses.replace(
        fresh, published_at=recent.isoformat(), expected={**fresh.expected, "published_at": recent.isoformat()}
    )
    routes = build_routes(gdynia=bundled_articles()["gdynia"] + [fresh])
    db = tmp_path / "archive.db"
    with MirrorServer(routes=routes) as mirror:
        assert run_crawl(db, mirror.base_url, "gdynia").returncode == 0
        before = len(mirror.request_log)
        result = run_crawl(db, mirror.base_url, "gdynia")
        second_run = mirror.request_log[before:]
    assert result.returncode == 0
    rechecks = [(path, status) for _m, path, status in second_run if path.endswith(",564000")]
    assert rechecks == [("www.gdynia.pl/rewitalizacja/aktualnosci,3963/nowa-przystan-0,564000", 304)]
    assert "1 unchanged" in result.stdout
