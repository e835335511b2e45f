"""End to end: `kronika crawl lis` reads the WordPress mirror through its API, its feed or its HTML."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import sqlite_utils

from crawling import requests_per_host, run_crawl, scrapy_feed_export
from scraper.extract.items import ARTICLE_FIELDS
from scraper.mirror.articles_lis import POSTS
from scraper.mirror.server import MirrorServer
from scraper.mirror.wordpress import wordpress_sites

pytestmark = pytest.mark.slow
HOST = "lis.gdynia.pl"
REPO = Path(__file__).resolve().parent.parent
KEYS = sorted(post.key for post in POSTS)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """Gdynia and LIS crawled into one archive; the mirror keeps running for re-runs."""
    db = tmp_path_factory.mktemp("wordpress") / "archive.db"
    with MirrorServer() as mirror:
        result = run_crawl(db, mirror.base_url, "gdynia", "lis")
        yield mirror, db, result, requests_per_host(mirror.request_log)


def lis_rows(db, sql: str = "select * from articles where site = 'lis'"):
    return list(sqlite_utils.Database(db).query(sql))


def test_crawl_exits_cleanly_and_says_it_used_the_api(crawled):
    _, _, result, _ = crawled
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"lis: {len(POSTS)} new, 0 changed, 0 unchanged, 0 failed" in result.stdout
    assert "via api" in result.stdout


def test_every_post_is_archived_under_its_post_id(crawled):
    _, db, _, _ = crawled
    assert sorted(row["id"] for row in lis_rows(db)) == KEYS


def test_api_crawl_costs_two_requests_per_page_of_posts(crawled):
    # robots.txt + 2 API pages + one media request per API page
    assert crawled[3][HOST] == 5


@pytest.mark.parametrize("field", ["title", "published_at", "author", "body_text", "lead", "language", "url"])
def test_every_post_fills_the_field(crawled, field):
    _, db, _, _ = crawled
    assert all(row[field] for row in lis_rows(db))


def test_modified_at_only_for_edited_posts(crawled):
    _, db, _, _ = crawled
    assert {row["id"] for row in lis_rows(db) if row["modified_at"]} == {p.key for p in POSTS if p.modified}


def test_attachments_for_posts_linking_or_attaching_files(crawled):
    _, db, _, _ = crawled
    with_files = {
        row["article_id"]
        for row in sqlite_utils.Database(db).query(
            "select distinct article_id from attachments where article_id like 'lis:%'"
        )
    }
    assert with_files == {post.key for post in POSTS if post.documents or post.attached}


def test_images_for_posts_with_featured_media_or_figures(crawled):
    _, db, _, _ = crawled
    with_images = {
        row["article_id"]
        for row in sqlite_utils.Database(db).query(
            "select distinct article_id from images where article_id like 'lis:%' and caption is not null"
        )
    }
    assert with_images == {post.key for post in POSTS if post.featured or post.figure}


def test_revitalisation_is_judged_per_post(crawled):
    _, db, _, _ = crawled
    assert {row["id"]: bool(row["revitalisation"]) for row in lis_rows(db)} == {
        post.key: post.revitalisation for post in POSTS
    }


def test_crawls_row_records_the_source_mode(crawled):
    _, db, _, _ = crawled
    modes = {row["site"]: row["source_mode"] for row in sqlite_utils.Database(db).query("select * from crawls")}
    assert modes == {"lis": "api", "gdynia": None}


def test_reposted_gdynia_stories_are_linked_both_ways(crawled):
    _, db, _, _ = crawled
    pairs = {
        (row["article_id"], row["related_id"])
        for row in sqlite_utils.Database(db).query("select * from related_articles")
    }
    reposts = {(post.key, post.same_story_as) for post in POSTS if post.same_story_as}
    assert pairs == reposts | {(b, a) for a, b in reposts}


def test_no_change_run_is_robots_and_one_api_page(crawled):
    mirror, db, _, _ = crawled
    before = len(mirror.request_log)
    result = run_crawl(db, mirror.base_url, "lis")
    assert result.returncode == 0, result.stderr[-2000:]
    assert requests_per_host(mirror.request_log[before:]) == {HOST: 2}
    assert "lis: 0 new, 0 changed, 0 unchanged" in result.stdout


def test_an_updated_post_becomes_a_new_version(crawled):
    mirror, db, _, _ = crawled
    mural = next(post for post in POSTS if post.id == 1238)
    updated = dataclasses.replace(
        mural,
        modified="2026-01-02T10:00:00+01:00",
        paragraphs=mural.paragraphs + ("Aktualizacja: mural otrzymał nagrodę.",),
    )
    mirror.wordpress = wordpress_sites(tuple(updated if post is mural else post for post in POSTS))
    try:
        result = run_crawl(db, mirror.base_url, "lis")
    finally:
        mirror.wordpress = wordpress_sites()
    assert result.returncode == 0, result.stderr[-2000:]
    assert "lis: 0 new, 1 changed" in result.stdout
    versions = lis_rows(db, "select version from article_versions where article_id = 'lis:1238' order by version")
    assert [row["version"] for row in versions] == [1, 2]
    assert (
        lis_rows(db, "select modified_at from articles where id = 'lis:1238'")[0]["modified_at"]
        == "2026-01-02T10:00:00+01:00"
    )


@pytest.mark.parametrize(
    "variant, mode",
    [
        ({"closed_api": 401}, "rss"),
        ({"closed_api": 403}, "rss"),
        ({"closed_api": 404, "closed_feed": True}, "html"),
    ],
)
def test_closed_api_falls_back_and_records_the_mode(tmp_path, variant, mode):
    db = tmp_path / "archive.db"
    with MirrorServer(wordpress_sites=wordpress_sites(**variant)) as mirror:
        result = run_crawl(db, mirror.base_url, "lis")
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"via {mode}" in result.stdout
    assert sorted(row["id"] for row in lis_rows(db)) == KEYS
    row = lis_rows(db, "select source_mode, warnings from crawls")[0]
    assert row["source_mode"] == mode and "fallback used for wordpress_api" in row["warnings"]


def test_scrapy_crawl_lis_feed_export_has_the_contract_shape(tmp_path):
    out = tmp_path / "out.jsonl"
    with MirrorServer() as mirror:
        items = scrapy_feed_export("lis", mirror.base_url, out)
    assert sorted(item["id"] for item in items) == KEYS
    assert all(set(item) == set(ARTICLE_FIELDS) for item in items)
