"""Run bounds, failure reasons, the address guard, item-free logging and the article accounting."""

import asyncio
import json
import logging
from types import SimpleNamespace

import pytest
import sqlite_utils
from scrapy import Request
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.http import HtmlResponse, Response
from scrapy.settings import Settings
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.statscollectors import MemoryStatsCollector
from twisted.python.failure import Failure

from scraper.archive import Archive
from scraper.crawl.accounting import outcome_from_stats, record_failure, unaccounted_articles
from scraper.crawl.bounds import BOUND_LISTING_PAGES, BOUND_NEW_ARTICLES, RunBounds
from scraper.crawl.failures import failure_kind, failure_reason
from scraper.crawl.guard import (
    OffsiteRedirect,
    OffsiteRedirectMiddleware,
    PrivateAddressGuard,
    RefusedAddress,
    non_public_address,
    resolve_host,
)
from scraper.crawl.logformatter import ItemLabelLogFormatter
from scraper.sites import SITES
from scraper.spiders.declared import spider_class

ARTICLE = "https://www.gdynia.pl/rewitalizacja/aktualnosci,3963/modelownia-dla-mlodziezy,562076"


def stats_crawler(settings=None):
    crawler = SimpleNamespace(settings=Settings(settings or {}), spider=None)
    crawler.stats = MemoryStatsCollector(crawler)
    return crawler


def failure_of(error) -> Failure:
    try:
        raise error
    except Exception:
        return Failure()


# --- bounds ---


def test_listing_pages_beyond_the_bound_are_not_followed():
    bounds = RunBounds(max_listing_pages=2, max_new_articles=10)
    assert [bounds.follow_listing(f"https://www.gdynia.pl/l-{n},3963") for n in (1, 2, 3)] == [True, True, False]
    assert bounds.reached == BOUND_LISTING_PAGES


def test_new_articles_beyond_the_bound_are_not_fetched():
    bounds = RunBounds(max_listing_pages=10, max_new_articles=2)
    assert [bounds.fetch_new_article() for _ in range(3)] == [True, True, False]
    assert bounds.reached == BOUND_NEW_ARTICLES


def test_the_first_bound_reached_names_the_finish():
    bounds = RunBounds(max_listing_pages=0, max_new_articles=0)
    bounds.fetch_new_article()
    bounds.follow_listing("https://www.gdynia.pl/l,3963")
    assert bounds.reached == BOUND_NEW_ARTICLES


def test_a_listing_page_is_never_followed_twice_even_spelt_differently():
    crawler = stats_crawler()
    bounds = RunBounds(max_listing_pages=10, max_new_articles=10, crawler=crawler)
    assert bounds.follow_listing("https://przemysl.pl/aktualnosci.html?b=2&a=1")
    assert not bounds.follow_listing("https://przemysl.pl/aktualnosci.html?a=1&b=2")
    assert bounds.reached is None and crawler.stats.get_value("kronika/listing_loops") == 1


def test_reaching_a_bound_is_counted():
    crawler = stats_crawler()
    RunBounds(max_listing_pages=0, max_new_articles=0, crawler=crawler).follow_listing("https://przemysl.pl/a.html")
    assert crawler.stats.get_value("kronika/bound/bound_listing_pages") == 1


# --- failure reasons ---


def test_an_announced_oversized_body_is_too_large():
    failure = failure_of(
        DownloadCancelledError(
            f"Expected to receive 419430400 bytes which is larger than download max size (8388608) in request <GET {ARTICLE}>."
        )
    )
    assert failure_kind(failure) == "too_large"
    assert failure_reason(failure) == (
        "DownloadCancelledError: Expected to receive 419430400 bytes which is larger than download max size (8388608)."
    )


def test_a_gzip_bomb_is_too_large():
    failure = failure_of(
        IgnoreRequest(
            "Ignored response <200 x> because its body (2 B compressed, 9 B "
            "decompressed so far) exceeded DOWNLOAD_MAXSIZE (8 B) during decompression."
        )
    )
    assert failure_kind(failure) == "too_large"


def test_other_errors_are_plain_failures_with_their_reason():
    response = Response(ARTICLE, status=500)
    assert failure_kind(failure_of(HttpError(response, "Ignoring non-200 response"))) == "failed"
    assert failure_reason(failure_of(HttpError(response, "Ignoring non-200 response"))) == "HTTP 500"


def test_a_silent_data_loss_is_described():
    from scrapy.exceptions import ResponseDataLossError

    assert failure_reason(failure_of(ResponseDataLossError())) == (
        "ResponseDataLossError: the body ended before its announced length"
    )


# --- the private-address guard ---


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "::1",
        "fe80::1%eth0",
        "fc00::1",
        "::ffff:127.0.0.1",
        "224.0.0.1",
    ],
)
def test_non_public_addresses_are_recognised(address):
    assert non_public_address(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "185.51.212.1", "2a00:1450:4001:82a::200e"])
def test_public_addresses_pass(address):
    assert not non_public_address(address)


def guard(resolved: dict[str, list[str]]):
    crawler = stats_crawler()
    return PrivateAddressGuard(crawler, resolve=lambda host: resolved.get(host, [])), crawler.stats


def test_a_host_resolving_to_a_private_address_is_refused():
    middleware, stats = guard({"przemysl.pl": ["185.51.212.1", "10.0.0.7"]})
    with pytest.raises(RefusedAddress, match=r"przemysl.pl \(10.0.0.7\) is not a public internet address"):
        asyncio.run(middleware.process_request(Request("https://przemysl.pl/aktualnosci.html")))
    assert stats.get_value("kronika/refused_private_address") == 1


def test_a_public_host_passes_and_is_resolved_once():
    calls = []
    crawler = stats_crawler()
    middleware = PrivateAddressGuard(crawler, resolve=lambda host: calls.append(host) or ["185.51.212.1"])
    for _ in range(2):
        assert asyncio.run(middleware.process_request(Request("https://przemysl.pl/aktualnosci.html"))) is None
    assert calls == ["przemysl.pl"]


def test_a_loopback_literal_and_localhost_are_refused_with_the_real_resolver():
    middleware = PrivateAddressGuard(stats_crawler())
    for url in ("http://[::1]/x", "http://127.0.0.1/latest/meta-data/", "http://localhost:8765/"):
        with pytest.raises(RefusedAddress):
            asyncio.run(middleware.process_request(Request(url)))


def test_an_unresolvable_host_resolves_to_nothing():
    assert resolve_host("no-such-host.invalid") == []


def test_the_guard_is_off_when_configured_off():
    from scrapy.exceptions import NotConfigured

    with pytest.raises(NotConfigured):
        PrivateAddressGuard.from_crawler(stats_crawler({"KRONIKA_REFUSE_PRIVATE_ADDRESSES": False}))


def redirect_check():
    crawler = stats_crawler()
    crawler.spider = SimpleNamespace(allowed_domains=["www.gdynia.pl", "gdynia.pl"])
    return OffsiteRedirectMiddleware(crawler), crawler.stats


def test_a_redirect_off_the_site_is_refused_with_its_target():
    middleware, stats = redirect_check()
    response = Response(ARTICLE, status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    with pytest.raises(OffsiteRedirect, match="redirected off the site to http://169.254.169.254/latest/meta-data/"):
        middleware.process_response(Request(ARTICLE), response)
    assert stats.get_value("kronika/redirects_offsite") == 1


def test_a_redirect_within_the_site_passes():
    middleware, _ = redirect_check()
    response = Response(ARTICLE, status=301, headers={"Location": "https://gdynia.pl/rewitalizacja/x,1"})
    assert middleware.process_response(Request(ARTICLE), response) is response


# --- logging ---


def test_scraped_and_dropped_items_are_logged_without_their_body():
    item = {"id": "gdynia:562076", "url": ARTICLE, "body_text": "B" * 10_000}
    spider = SimpleNamespace(crawler=SimpleNamespace(settings={"DEFAULT_DROPITEM_LOG_LEVEL": "WARNING"}))
    formatter = ItemLabelLogFormatter()
    response = HtmlResponse(ARTICLE, body=b"<html></html>")
    for entry in (
        formatter.scraped(item, response, spider),
        formatter.dropped(item, ValueError("no"), response, spider),
        formatter.item_error(item, ValueError("no"), response, spider),
    ):
        line = entry["msg"] % entry["args"]
        assert "gdynia:562076" in line and "BBBB" not in line and len(line) < 200


# --- accounting ---


def test_failures_are_listed_with_url_and_reason_then_counted():
    stats = stats_crawler().stats
    for n in range(5):
        record_failure(stats, f"{ARTICLE}{n}", f"HTTP 50{n}")
    record_failure(stats, ARTICLE, "Received a body larger than download max size (8388608)", "too_large")
    stats.set_value("kronika/articles_requested", 6)
    outcome = outcome_from_stats("gdynia", stats.get_stats(), "finished", [], True)
    assert (outcome.failed, outcome.too_large, outcome.exit_status) == (5, 1, 1)
    assert outcome.summary().endswith(
        f"-- {ARTICLE}0: HTTP 500; {ARTICLE}1: HTTP 501; {ARTICLE}2: HTTP 502; and 3 more"
    )
    assert "1 too large" in outcome.summary() and len(outcome.failures) == 6


def test_requested_articles_that_ended_nowhere_fail_the_run():
    stats = {"kronika/articles_requested": 3, "kronika/articles_stored": 1, "kronika/articles_not_modified": 1}
    assert unaccounted_articles(stats) == 1
    assert "1 requested articles unaccounted for" in outcome_from_stats("gdynia", stats, "finished", [], True).problems


def test_a_bound_is_its_own_problem():
    outcome = outcome_from_stats("gdynia", {}, BOUND_NEW_ARTICLES, [], True)
    assert outcome.problems == ["run bound reached (bound_new_articles); the next run continues"]


def test_the_crawls_row_keeps_failures_and_the_new_counts():
    archive = Archive(sqlite_utils.Database(memory=True))
    crawl_id = archive.start_crawl("gdynia", "2026-12-01T10:00:00+00:00")
    failures = [{"url": ARTICLE, "reason": "HTTP 500"}]
    archive.finish_crawl(crawl_id, articles_requested=4, articles_too_large=1, failures=failures)
    row = archive.db["crawls"].get(crawl_id)
    assert (row["articles_requested"], row["articles_too_large"]) == (4, 1)
    assert json.loads(row["failures"]) == failures


# --- the spider's accounting of every article request ---


@pytest.fixture
def spider():
    from scrapy.utils.test import get_crawler

    crawler = get_crawler(
        spider_class(SITES["gdynia"]), {"KRONIKA_DB": "", "KRONIKA_MAX_LISTING_PAGES": 5, "KRONIKA_MAX_NEW_ARTICLES": 5}
    )
    crawler.stats = MemoryStatsCollector(crawler)
    spider = crawler.spidercls.from_crawler(crawler)
    crawler.spider = spider
    return spider


def requested(spider) -> Request:
    request = spider._article_request(ARTICLE)
    assert spider.crawler.stats.get_value("kronika/articles_requested") == 1
    return request


def test_an_extraction_crash_is_a_counted_failure(spider):
    request = requested(spider)
    response = HtmlResponse(ARTICLE, body=b"<html></html>", request=request)
    spider.callback_crashed(failure_of(RuntimeError("boom")), response, spider)
    assert spider.crawler.stats.get_value("kronika/failures") == [
        {"url": ARTICLE, "reason": "extraction crashed: boom"}
    ]
    assert unaccounted_articles(spider.crawler.stats.get_stats()) == 0


def test_an_item_the_archive_refused_is_a_counted_failure(spider):
    request = requested(spider)
    response = HtmlResponse(ARTICLE, body=b"<html></html>", request=request)
    spider._ended(request)  # parse_article yielded the item
    spider.item_lost(
        {"id": "gdynia:562076", "url": ARTICLE},
        response,
        spider,
        failure=failure_of(OverflowError("string or blob too big")),
    )
    assert spider.crawler.stats.get_value("kronika/failures")[0]["reason"] == "not archived: string or blob too big"
    assert unaccounted_articles(spider.crawler.stats.get_stats()) == 0


def test_a_request_dropped_by_the_scheduler_is_a_counted_failure(spider):
    request = requested(spider)
    spider.request_dropped(request.replace(url="https://www.gdynia.pl/x,1"), spider)
    assert spider.crawler.stats.get_value("kronika/articles_failed") == 1
    assert spider.unfinished_articles() == []


def test_a_request_that_never_ended_is_left_for_the_recorder(spider):
    requested(spider)
    assert spider.unfinished_articles() == [ARTICLE] and spider.unfinished_articles() == []


def test_no_new_article_is_requested_beyond_the_bound(spider):
    spider.bounds.max_new_articles = 0
    assert spider._article_request(ARTICLE) is None
    assert spider.crawler.stats.get_value("kronika/articles_deferred") == 1
    assert spider.bounds.reached == BOUND_NEW_ARTICLES


def test_logging_an_item_never_logs_its_body(caplog):
    caplog.set_level(logging.DEBUG)
    formatter = ItemLabelLogFormatter()
    entry = formatter.scraped(
        {"id": "gdynia:1", "url": ARTICLE, "body_html": "<p>" + "x" * 5000}, None, SimpleNamespace()
    )
    logging.getLogger("t").log(entry["level"], entry["msg"], entry["args"])
    assert "xxxx" not in caplog.text


def test_reasons_drop_request_and_response_reprs():
    failure = failure_of(
        IgnoreRequest(
            f"Ignored response <200 {ARTICLE}> because its body (2123796 B compressed, "
            "8454144 B decompressed so far) exceeded DOWNLOAD_MAXSIZE (8388608 B) "
            "during decompression."
        )
    )
    assert failure_reason(failure) == (
        "IgnoreRequest: Ignored response because its body (2123796 B compressed, 8454144 B decompressed so far) "
        "exceeded DOWNLOAD_MAXSIZE (8388608 B) during decompression."
    )


def test_the_guard_is_on_for_the_live_sites_and_off_for_the_mirror():
    from scraper.crawl.runner import crawl_settings

    assert crawl_settings("archive.db").getbool("KRONIKA_REFUSE_PRIVATE_ADDRESSES")
    assert not crawl_settings("archive.db", mirror="http://127.0.0.1:8765").getbool("KRONIKA_REFUSE_PRIVATE_ADDRESSES")
