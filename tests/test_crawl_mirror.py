"""End to end: the real Scrapy engine crawls the mirror over HTTP into an archive."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from crawling import run_crawl, scrapy_feed_export
from scraper.extract.items import ARTICLE_FIELDS
from scraper.mirror.server import MirrorServer
from scraper.mirror.site import bundled_articles
from scraper.sites import article_key

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def crawl(reference_crawl):
    return reference_crawl.result, sqlite_utils.Database(reference_crawl.db_path), list(reference_crawl.request_log)


def mirror_specs():
    return [spec for specs in bundled_articles().values() for spec in specs]


def test_crawl_exits_cleanly_with_one_summary_line_per_site(crawl):
    result, _, _ = crawl
    assert result.returncode == 0, result.stderr[-2000:]
    assert sorted(line.split(":")[0] for line in result.stdout.splitlines()) == sorted(bundled_articles())


def test_every_mirror_article_is_archived_exactly_once(crawl):
    _, db, _ = crawl
    archived = [row["id"] for row in db.query("select id from articles")]
    # The reference crawl is of the HTML mirror's sites; LIS's WordPress mirror is test_crawl_wordpress's.
    assert sorted(archived) == sorted(spec.key for spec in mirror_specs())


def test_each_article_was_fetched_once(crawl):
    _, _, log = crawl
    fetched = [article_key("https://" + path) for _m, path, _s in log if article_key("https://" + path)]
    assert len(fetched) == len(set(fetched)) == len(mirror_specs())


def test_crawls_rows_count_the_new_articles(crawl):
    _, db, _ = crawl
    rows = {row["site"]: row for row in db.query("select * from crawls")}
    for site, specs in bundled_articles().items():
        assert rows[site]["articles_new"] == len(specs)
        assert rows[site]["exit_status"] == 0 and rows[site]["finish_reason"] == "finished"


def test_no_request_left_loopback(crawl):
    # Every request Scrapy counted reached the loopback mirror.
    _, db, log = crawl
    assert sum(row["requests"] for row in db.query("select requests from crawls")) == len(log)


def test_items_keep_the_live_urls(crawl):
    _, db, _ = crawl
    urls = [row["url"] for row in db.query("select url from articles")]
    assert all(
        url.startswith(("https://przemysl.pl/", "https://www.gdynia.pl/rewitalizacja/", "https://lis.gdynia.pl/"))
        for url in urls
    )


@pytest.mark.parametrize("field", ["title", "published_at", "author", "publisher", "body_text", "lead", "language"])
def test_field_completeness_matches_the_mirror(crawl, field):
    _, db, _ = crawl
    # The mirror's ground truth states body_text by fragments: every page has one.
    expected = {spec.key: field == "body_text" or spec.expected.get(field) is not None for spec in mirror_specs()}
    filled = {
        row["id"]: row[field] is not None for row in db.query(f"select id, [{field}] from articles where site != 'lis'")
    }
    assert filled == expected


def test_scrapy_crawl_feed_export_has_the_contract_shape(tmp_path):
    with MirrorServer() as mirror:
        items = scrapy_feed_export("gdynia", mirror.base_url, tmp_path / "out.jsonl")
    assert len(items) == len(bundled_articles()["gdynia"])
    assert all(set(item) == set(ARTICLE_FIELDS) for item in items)


def test_start_url_can_be_overridden_per_site(tmp_path):
    db = tmp_path / "archive.db"
    second_page = '{"gdynia": "https://www.gdynia.pl/rewitalizacja/aktualnosci-2,3963"}'
    with MirrorServer() as mirror:
        result = run_crawl(db, mirror.base_url, "gdynia", "-s", f"KRONIKA_START_URLS={second_page}")
        first_paths = [path for _m, path, _s in mirror.request_log if not path.endswith("robots.txt")][:1]
    assert result.returncode == 0, result.stderr[-2000:]
    assert first_paths == ["www.gdynia.pl/rewitalizacja/aktualnosci-2,3963"]
    archived = sqlite_utils.Database(db).execute("select count(*) from articles").fetchone()[0]
    assert archived == len(bundled_articles()["gdynia"]) - 6  # page one's six are never seen
