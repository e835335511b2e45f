"""Pages in markups the site layer has never seen (tests/pages/unseen/): one test per field, named by page and field."""

import functools
import json
from pathlib import Path

import pytest

from scraper.extract import extract_article
from scraper.sites import site_for_url

UNSEEN = Path(__file__).parent / "pages" / "unseen"
PAGES = sorted(path.stem for path in UNSEEN.glob("*.html"))


@functools.cache
def expected(page: str) -> dict:
    return json.loads((UNSEEN / f"{page}.json").read_text(encoding="utf-8"))


@functools.cache
def extracted(page: str) -> dict:
    return extract_article((UNSEEN / f"{page}.html").read_bytes(), expected(page)["url"])


def optional(page: str, *names: str) -> list[str]:
    return [name for name in names if name in expected(page)]


def test_set_has_unknown_and_known_hosts():
    known = [page for page in PAGES if site_for_url(expected(page)["url"])]
    assert len(PAGES) >= 12 and 0 < len(known) < len(PAGES)


@pytest.mark.parametrize("page", PAGES)
def test_title(page):
    assert extracted(page)["title"] == expected(page)["title"]


@pytest.mark.parametrize("page", PAGES)
def test_title_source_is_recorded(page):
    assert extracted(page)["extraction"]["fields"]["title"] == expected(page)["title_source"]


@pytest.mark.parametrize("page", PAGES)
def test_dates(page):
    names = ["published_at", *optional(page, "modified_at")]
    assert [extracted(page)[name] for name in names] == [expected(page)[name] for name in names]


@pytest.mark.parametrize("page", PAGES)
def test_author(page):
    names = ["author", *optional(page, "modified_by")]
    assert [extracted(page)[name] for name in names] == [expected(page)[name] for name in names]


@pytest.mark.parametrize("page", PAGES)
def test_publisher(page):
    assert extracted(page)["publisher"] == expected(page)["publisher"]


@pytest.mark.parametrize("page", PAGES)
def test_attachments(page):
    assert extracted(page)["attachments"] == expected(page)["attachments"]


@pytest.mark.parametrize("page", [page for page in PAGES if "language" in expected(page)])
def test_language(page):
    assert extracted(page)["language"] == expected(page)["language"]


@pytest.mark.parametrize("page, text", [(page, text) for page in PAGES for text in expected(page)["body_contains"]])
def test_body_keeps_article_text(page, text):
    assert text in extracted(page)["body_text"]


@pytest.mark.parametrize("page, text", [(page, text) for page in PAGES for text in expected(page)["body_not_contains"]])
def test_body_leaves_out(page, text):
    assert text not in extracted(page)["body_text"]


@pytest.mark.parametrize("page", [page for page in PAGES if site_for_url(expected(page)["url"])])
def test_known_host_pages_are_reported_as_site_layer_misses(page):
    assert "title" in extracted(page)["extraction"]["fallbacks"]
