"""How a WordPress site was read (api / rss / html) in the crawl summary and the `crawls` row."""

import sqlite_utils

from scraper.archive import Archive
from scraper.crawl.accounting import outcome_from_stats

STATS = {
    "downloader/request_count": 7,
    "kronika/articles_new": 32,
    "kronika/source_mode": "rss",
    "kronika/fallback/wordpress_api": 1,
}


def test_summary_names_the_source_mode():
    outcome = outcome_from_stats("lis", STATS, "finished", [], False)
    assert outcome.summary() == "lis: 32 new, 0 changed, 0 unchanged, 0 failed, 7 requests via rss"


def test_a_fallback_is_a_warning_not_a_failure():
    outcome = outcome_from_stats("lis", STATS, "finished", [], False)
    assert outcome.exit_status == 0 and outcome.warnings == ["fallback used for wordpress_api 1x"]


def test_html_sites_have_no_source_mode():
    outcome = outcome_from_stats("gdynia", {"kronika/articles_new": 1}, "finished", [], False)
    assert outcome.source_mode is None and " via " not in outcome.summary()


def test_crawls_row_stores_the_source_mode():
    archive = Archive(sqlite_utils.Database(memory=True))
    crawl_id = archive.start_crawl("lis", "2026-01-05T10:00:00+00:00")
    archive.finish_crawl(crawl_id, finish_reason="finished", source_mode="html")
    assert archive.db["crawls"].get(crawl_id)["source_mode"] == "html"
