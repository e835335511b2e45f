"""page_record and the item's provenance fields."""

import hashlib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from scraper.extract import extract_article, page_record

PAGE = (Path(__file__).parent / "pages" / "strong_labels.html").read_bytes()
URL = "https://example.com/news/remont"
HEADERS = {
    "Content-Type": "text/html; charset=utf-8",
    "ETag": '"abc"',
    "Set-Cookie": "s=1",
    "Last-Modified": "Mon, 03 Jan 2022 09:00:00 GMT",
}


def test_page_record_keeps_selected_headers_only():
    record = page_record(PAGE, URL, HEADERS, 200, datetime(2024, 1, 1, tzinfo=UTC))
    assert record["headers"] == {
        "content-type": "text/html; charset=utf-8",
        "etag": '"abc"',
        "last-modified": "Mon, 03 Jan 2022 09:00:00 GMT",
    }


def test_page_record_carries_body_and_hash():
    record = page_record(PAGE, URL, None, 304, None)
    assert (record["body"], record["sha256"], record["status"]) == (PAGE, hashlib.sha256(PAGE).hexdigest(), 304)


@pytest.mark.parametrize(
    "fetched_at, expected",
    [
        (datetime(2024, 1, 1, 13, 0, tzinfo=timezone(timedelta(hours=1))), "2024-01-01T12:00:00Z"),
        (datetime(2024, 1, 1, 12, 0), "2024-01-01T12:00:00Z"),
        ("2024-01-01T12:00:00Z", "2024-01-01T12:00:00Z"),
    ],
)
def test_fetched_at_is_utc(fetched_at, expected):
    assert extract_article(PAGE, URL, fetched_at=fetched_at)["fetched_at"] == expected


def test_item_provenance():
    item = extract_article(PAGE, URL, status=203)
    assert (item["http_status"], item["content_sha256"]) == (203, hashlib.sha256(PAGE).hexdigest())


def test_item_has_no_empty_strings():
    item = extract_article(PAGE, URL)
    assert "" not in item.values()
