"""The crawl verdict: counts, problems, and the 'site looks changed' alarm."""

from datetime import datetime, timezone

from scraper.accounting import collapsed_fields, outcome_from_stats
from scraper.middlewares import retry_after_seconds

CLEAN = {"downloader/request_count": 9, "kronika/articles_new": 6, "kronika/articles_unchanged": 1}


def test_clean_run_exits_zero_with_counts():
    outcome = outcome_from_stats("gdynia", CLEAN, "finished", [], True)
    assert (outcome.exit_status, outcome.new, outcome.unchanged, outcome.requests) == (0, 6, 1, 9)
    assert outcome.summary() == "gdynia: 6 new, 0 changed, 1 unchanged, 0 failed, 9 requests"


def test_fill_rate_collapse_is_reported():
    reasons = collapsed_fields({"published_at": 0.99, "author": 0.9}, {"published_at": 0.4, "author": 0.9}, 10)
    assert reasons == ["published_at found for 99% of archived articles but 40% of this run's"]


def test_few_articles_are_not_judged():
    assert collapsed_fields({"published_at": 0.99}, {"published_at": 0.0}, 2) == []


def test_collapse_makes_the_run_fail():
    outcome = outcome_from_stats("gdynia", CLEAN, "finished", ["published_at found for 99% ..."], True)
    assert outcome.exit_status == 1 and "site looks changed" in outcome.problems[0]


def test_empty_listing_fails_only_when_the_site_had_articles():
    stats = {**CLEAN, "kronika/listing_empty": 1}
    assert outcome_from_stats("gdynia", stats, "finished", [], True).exit_status == 1
    assert outcome_from_stats("gdynia", stats, "finished", [], False).exit_status == 0


def test_exhausted_retries_and_shutdown_fail():
    assert "gave up after retries" in outcome_from_stats("gdynia", {"retry/max_reached": 2}, "finished", [], True).problems[0]
    assert outcome_from_stats("gdynia", {}, "shutdown", [], True).problems == ["stopped early (shutdown)"]


def test_fallbacks_become_warnings():
    outcome = outcome_from_stats("gdynia", {**CLEAN, "kronika/fallback/author": 3}, "finished", [], True)
    assert outcome.warnings == ["fallback used for author 3x"]


def test_retry_after_forms():
    now = datetime(2026, 11, 24, 12, 0, 0, tzinfo=timezone.utc)
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("Tue, 24 Nov 2026 12:00:30 GMT", now) == 30.0
    assert retry_after_seconds("soon") is None
