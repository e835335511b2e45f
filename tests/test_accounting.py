"""The crawl verdict and the politeness middlewares: counts, alarms, slowing down."""

from datetime import UTC, datetime
from types import SimpleNamespace

from scrapy import Request
from scrapy.http import Response
from scrapy.robotstxt import ProtegoRobotParser
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector

from scraper.crawl.accounting import collapsed_fields, outcome_from_stats
from scraper.crawl.politeness import CrawlDelayMiddleware, RetryAfterMiddleware, retry_after_seconds

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
    assert (
        "gave up after retries"
        in outcome_from_stats("gdynia", {"retry/max_reached": 2}, "finished", [], True).problems[0]
    )
    assert outcome_from_stats("gdynia", {}, "shutdown", [], True).problems == ["stopped early (shutdown)"]


def test_fallbacks_become_warnings():
    outcome = outcome_from_stats("gdynia", {**CLEAN, "kronika/fallback/author": 3}, "finished", [], True)
    assert outcome.warnings == ["fallback used for author 3x"]


def test_retry_after_forms():
    now = datetime(2026, 11, 24, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("Tue, 24 Nov 2026 12:00:30 GMT", now) == 30.0
    assert retry_after_seconds("soon") is None


class FakeSlot:
    delay = 0.0


def fake_crawler(settings=None):
    slot = FakeSlot()
    downloader = SimpleNamespace(slots={"przemysl.pl": slot}, get_slot_key=lambda request: "przemysl.pl")
    project = Settings()
    project.setmodule("scraper.settings")  # the declared defaults, as a crawl has them
    project.update(settings or {})
    crawler = SimpleNamespace(engine=SimpleNamespace(downloader=downloader), settings=project)
    crawler.stats = MemoryStatsCollector(crawler)
    return crawler, slot


def test_retry_after_slows_the_site_slot():
    crawler, slot = fake_crawler()
    request = Request("https://przemysl.pl/aktualnosci.html")
    RetryAfterMiddleware(crawler).process_response(
        request, Response(request.url, status=503, headers={"Retry-After": "5"})
    )
    assert slot.delay == 5.0 and not request.meta.get("dont_retry")


def test_retry_after_beyond_the_cap_gives_up_the_retry():
    crawler, slot = fake_crawler({"KRONIKA_MAX_RETRY_AFTER": 60})
    request = Request("https://przemysl.pl/aktualnosci.html")
    RetryAfterMiddleware(crawler).process_response(
        request, Response(request.url, status=429, headers={"Retry-After": "3600"})
    )
    assert request.meta["dont_retry"] is True and slot.delay == 0.0


def test_crawl_delay_from_robots_txt_holds_the_slot():
    crawler, slot = fake_crawler({"USER_AGENT": "Kronika/0.1"})
    crawler.signals = SimpleNamespace(connect=lambda *a, **k: None)
    middleware = CrawlDelayMiddleware(crawler)
    request = Request("https://przemysl.pl/aktualnosci.html")
    middleware.robots_parsed(ProtegoRobotParser(b"User-agent: *\nCrawl-delay: 4\n", None), request)
    middleware.process_request(request)
    assert slot.delay == 4.0


def test_suspect_fetches_are_counted_in_the_summary_and_fail_the_run():
    # Held fetches left the archive behind the site: the operator has to look (`kronika suspects`).
    outcome = outcome_from_stats("gdynia", {**CLEAN, "kronika/articles_suspect": 3}, "finished", [], True)
    assert outcome.summary().startswith("gdynia: 6 new, 0 changed, 1 unchanged, 0 failed, 3 suspect, 9 requests")
    assert "3 suspect fetches held back (`kronika suspects` lists them)" in outcome.warnings
    assert (outcome.exit_status, "3 suspect fetches held back" in outcome.problems) == (1, True)
