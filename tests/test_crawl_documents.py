"""End to end against the mirror: every attachment downloaded in the crawl, stored once, extracted; budgets hold."""

from __future__ import annotations

import json
import math

import pytest
import sqlite_utils

from crawling import new_articles, requests_per_host, run_crawl
from scraper.mirror.documents import DOCUMENTS, EXTRA
from scraper.mirror.factory import przemysl_files_article
from scraper.mirror.server import MirrorServer
from scraper.mirror.site import build_routes, bundled_articles

pytestmark = pytest.mark.slow
PAGE_SIZE = 6
KNOWN_FILE = "https://przemysl.pl/uploads/files/2010/objazd_slowackiego.pdf"
# Left for the new articles of a later run: m new files.
LATER = (f"{EXTRA}/harmonogram_konsultacji.odt", f"{EXTRA}/budzet_rewitalizacji.xlsx")
# Every other test file, hostile ones included, on one article of the first run.
FIRST = tuple(document.url for document in DOCUMENTS if document.url.startswith(EXTRA) and document.url not in LATER)
BY_URL = {document.url: document for document in DOCUMENTS}


# One article with the test files, one linking a bundled article's file again (same URL: one request).
EXTRA_ARTICLES = [przemysl_files_article("45990", 0, FIRST), przemysl_files_article("45991", 1, (KNOWN_FILE,))]


def routes(przemysl_extra=(), gdynia_extra=()):
    bundled = bundled_articles()
    return build_routes(
        przemysl=bundled["przemysl"] + EXTRA_ARTICLES + list(przemysl_extra),
        gdynia=bundled["gdynia"] + list(gdynia_extra),
        page_size=PAGE_SIZE,
    )


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    db = tmp_path_factory.mktemp("documents") / "archive.db"
    with MirrorServer(routes=routes()) as mirror:
        result = run_crawl(db, mirror.base_url, timeout=600)
        yield mirror, db, result, list(mirror.request_log)


def rows(db, sql, params=()):
    return list(sqlite_utils.Database(db).query(sql, params))


def download(db, url) -> dict:
    return rows(db, "SELECT * FROM attachments WHERE url = ? ORDER BY article_id LIMIT 1", [url])[0]


def document(db, sha256) -> dict | None:
    found = rows(db, "SELECT * FROM documents WHERE sha256 = ?", [sha256])
    return found[0] if found else None


def test_the_crawl_with_documents_succeeds(crawled):
    _, db, result, _ = crawled
    assert result.returncode == 0, result.stderr[-3000:]
    assert "files: " in result.stdout and "ok" in result.stdout.split("files: ")[1]
    expected = sum(len(specs) for specs in bundled_articles().values()) + len(EXTRA_ARTICLES)
    assert rows(db, "SELECT count(*) AS n FROM articles")[0]["n"] == expected


def linked_documents():
    linked = {
        attachment["url"]
        for specs in bundled_articles().values()
        for spec in specs
        for attachment in spec.expected["attachments"]
    }
    return [BY_URL[url] for url in sorted(linked | set(FIRST))]


@pytest.mark.parametrize(
    "mirror_document",
    [d for d in linked_documents() if not d.expected_error and d.kind not in ("missing", "html_as_pdf")],
    ids=lambda d: d.url,
)
def test_every_ground_truth_file_is_ok_with_its_document(crawled, mirror_document):
    _, db, _, _ = crawled
    row = download(db, mirror_document.url)
    assert (row["download_status"], row["http_status"]) == ("ok", 200)
    extracted = document(db, row["sha256"])
    assert extracted["error"] is None and extracted["characters"] > 0
    assert extracted["type"] == row["detected_type"]


@pytest.mark.parametrize(
    "mirror_document", [BY_URL[url] for url in FIRST if BY_URL[url].expected_error], ids=lambda d: d.url
)
def test_a_hostile_file_records_its_error(crawled, mirror_document):
    _, db, _, _ = crawled
    row = download(db, mirror_document.url)
    expected_status = "wrong_type" if mirror_document.expected_error == "wrong_type" else "ok"
    assert row["download_status"] == expected_status
    assert document(db, row["sha256"])["error"].startswith(mirror_document.expected_error + ":")


def test_a_deleted_attachment_is_not_found(crawled):
    _, db, _, _ = crawled
    row = download(db, f"{EXTRA}/usuniety_zalacznik.pdf")
    assert (row["download_status"], row["http_status"], row["sha256"]) == ("not_found", 404, None)


def test_a_file_linked_twice_is_fetched_once_and_stored_once(crawled):
    _, db, _, log = crawled
    assert [path for _m, path, _s in log].count(KNOWN_FILE.removeprefix("https://")) == 1
    linked = rows(db, "SELECT download_status, sha256 FROM attachments WHERE url = ?", [KNOWN_FILE])
    assert len(linked) == 2 and len({row["sha256"] for row in linked}) == 1
    assert {row["download_status"] for row in linked} == {"ok"}


def test_files_and_documents_are_one_row_per_sha256(crawled):
    _, db, _, _ = crawled
    kept = {row["sha256"] for row in rows(db, "SELECT sha256 FROM attachments WHERE download_status = 'ok'")}
    assert {row["sha256"] for row in rows(db, "SELECT sha256 FROM files")} == kept
    wrong = {row["sha256"] for row in rows(db, "SELECT sha256 FROM attachments WHERE download_status = 'wrong_type'")}
    assert {row["sha256"] for row in rows(db, "SELECT sha256 FROM documents")} == kept | wrong


def test_the_crawls_rows_count_the_files(crawled):
    _, db, _, _ = crawled
    przemysl = rows(db, "SELECT * FROM crawls WHERE site = 'przemysl' ORDER BY id LIMIT 1")[0]
    assert przemysl["files_not_found"] == 1 and przemysl["files_wrong_type"] == 1
    assert przemysl["files_requested"] == sum(
        przemysl[f"files_{status}"]
        for status in ("ok", "not_modified", "too_large", "wrong_type", "not_found", "offsite", "failed")
    )
    assert przemysl["exit_status"] == 0 and json.loads(przemysl["failures"]) == []
    # Files have their own identity: articles_requested counts articles only.
    assert przemysl["articles_requested"] == len(bundled_articles()["przemysl"]) + len(EXTRA_ARTICLES)


def test_document_text_is_searchable(crawled):
    _, db, _, _ = crawled
    found = rows(
        db,
        "SELECT a.url FROM documents d JOIN attachments a ON a.sha256 = d.sha256 "
        "WHERE d.text LIKE '%Komitetu Rewitalizacji%'",
    )
    assert {row["url"] for row in found} == {f"{EXTRA}/zarzadzenie_prezydenta.doc"}


def test_a_run_with_nothing_new_sends_two_requests_per_site(crawled):
    mirror, db, _, _ = crawled
    before = len(mirror.request_log)
    result = run_crawl(db, mirror.base_url)
    assert result.returncode == 0, result.stderr[-2000:]
    assert requests_per_host(mirror.request_log[before:]) == {"przemysl.pl": 2, "www.gdynia.pl": 2}


def test_new_articles_with_new_files_stay_within_budget(crawled):
    mirror, db, _, _ = crawled
    k_przemysl, k_gdynia = 3, 2
    fresh = new_articles("przemysl", k_przemysl, 47000)
    fresh[0] = przemysl_files_article("47000", 5, (*LATER, KNOWN_FILE))  # m = 2 new files and one already kept
    mirror.set_routes(routes(fresh, new_articles("gdynia", k_gdynia, 565000)))
    before = len(mirror.request_log)
    try:
        result = run_crawl(db, mirror.base_url)
    finally:
        mirror.set_routes(routes())
    log = mirror.request_log[before:]
    assert result.returncode == 0, result.stderr[-2000:]
    per_host = requests_per_host(log)
    assert per_host["przemysl.pl"] <= k_przemysl + len(LATER) + math.ceil(k_przemysl / PAGE_SIZE) + 2
    assert per_host["www.gdynia.pl"] <= k_gdynia + math.ceil(k_gdynia / PAGE_SIZE) + 2
    paths = [path for _m, path, _s in log]
    assert all(paths.count(url.removeprefix("https://")) == 1 for url in LATER)
    assert KNOWN_FILE.removeprefix("https://") not in paths
    assert {download(db, url)["download_status"] for url in LATER} == {"ok"}
    assert (
        rows(
            db, "SELECT download_status FROM attachments WHERE article_id = 'przemysl:47000' AND url = ?", [KNOWN_FILE]
        )[0]["download_status"]
        == "ok"
    )


def test_full_rechecks_files_conditionally_and_keeps_them(crawled):
    mirror, db, _, _ = crawled
    documents = rows(db, "SELECT count(*) AS n FROM documents")[0]["n"]
    before = len(mirror.request_log)
    result = run_crawl(db, mirror.base_url, "przemysl", "--full")
    assert result.returncode == 0, result.stderr[-2000:]
    rechecked = [
        status for _m, path, status in mirror.request_log[before:] if path == KNOWN_FILE.removeprefix("https://")
    ]
    assert rechecked == [304]
    row = download(db, KNOWN_FILE)
    assert (row["download_status"], row["http_status"]) == ("not_modified", 304)
    assert document(db, row["sha256"])["error"] is None
    assert rows(db, "SELECT count(*) AS n FROM documents")[0]["n"] == documents


def test_a_file_over_the_cap_is_too_large_with_its_declared_size(tmp_path):
    db = tmp_path / "archive.db"
    oversized = f"{EXTRA}/skany_archiwum.pdf"
    with MirrorServer(routes=routes()) as mirror:
        result = run_crawl(db, mirror.base_url, "przemysl", "-s", "KRONIKA_MAX_FILE_BYTES=20000000", timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    row = download(db, oversized)
    assert (row["download_status"], row["declared_size"], row["sha256"]) == ("too_large", 33555456, None)
    assert "1 too large" in result.stdout
    assert rows(db, "SELECT count(*) AS n FROM files WHERE size > 20000000")[0]["n"] == 0


def test_reparse_re_extracts_the_stored_documents_offline(crawled):
    _, db, _, _ = crawled
    import subprocess
    import sys

    before = {row["sha256"]: row["text"] for row in rows(db, "SELECT sha256, text FROM documents")}
    result = subprocess.run(
        [sys.executable, "-m", "scraper", "reparse", "--db", str(db)], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-2000:]
    stored = rows(db, "SELECT count(*) AS n FROM files")[0]["n"]
    assert f"{stored} documents" in result.stdout
    assert {row["sha256"]: row["text"] for row in rows(db, "SELECT sha256, text FROM documents")} == before
