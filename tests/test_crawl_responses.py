"""responses.py: extraction apart from the stats, so the crawl can run it in a thread and count on the reactor."""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path

from scrapy.http import HtmlResponse

from scraper.crawl.responses import counted, extracted
from scraper.extract import ExtractionError
from scraper.extract.items import PAGE_KEY

PAGE = (Path(__file__).parent / "pages" / "strong_labels.html").read_bytes()
URL = "https://example.com/news/remont"


class Stats:
    def __init__(self):
        self.values = Counter()

    def inc_value(self, key, count=1):
        self.values[key] += count

    def get_value(self, key, default=None):
        return self.values.get(key, default)

    def set_value(self, key, value):
        self.values[key] = value


def response(body: bytes) -> HtmlResponse:
    return HtmlResponse(URL, body=body, headers={"Content-Type": "text/html; charset=utf-8"})


def test_extracted_gives_the_item_with_its_raw_page():
    item = extracted(response(PAGE))
    assert item["title"] and item[PAGE_KEY]["body"] == PAGE


def test_extracted_returns_the_extraction_error_instead_of_raising():
    assert isinstance(extracted(response(b"   ")), ExtractionError)


def test_extracted_works_in_another_thread():
    results = []
    worker = threading.Thread(target=lambda: results.append(extracted(response(PAGE))))
    worker.start()
    worker.join()
    assert results[0]["title"] == extracted(response(PAGE))["title"]


def test_counted_counts_a_failure_and_drops_it():
    stats = Stats()
    assert counted(ExtractionError("empty page"), URL, stats) is None
    assert stats.values == {
        "kronika/articles_failed": 1,
        "kronika/failures": [{"url": URL, "reason": "extraction failed: empty page"}],
    }


def test_counted_counts_fallbacks_and_keeps_the_item():
    stats = Stats()
    item = {"extraction": {"fallbacks": ["title", "author"]}}
    assert counted(item, URL, stats) is item
    assert stats.values == {"kronika/fallback/title": 1, "kronika/fallback/author": 1}
