"""Attachment downloads: the fetch/skip/offsite policy and what each kind of answer is recorded as."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest
import sqlite_utils
from scrapy import Request
from scrapy.exceptions import DownloadCancelledError
from scrapy.http import Response
from scrapy.settings import Settings
from scrapy.signalmanager import SignalManager
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.statscollectors import MemoryStatsCollector
from twisted.python.failure import Failure

from factories import make_item
from scraper.archive import Archive
from scraper.archive.files import read_file
from scraper.crawl.accounting import unaccounted_files
from scraper.crawl.downloads import FileAction, FileKeeper, FilePolicy, allowed_file_hosts
from scraper.crawl.guard import RefusedAddress
from scraper.extract.documents.result import DocumentResult, sha256_of
from scraper.sites import SITES

GDYNIA = SITES["gdynia"]

PDF = b"%PDF-1.4\n" + b"x" * 200
PDF_URL = "https://www.gdynia.pl/storage/a.pdf"
JPG_URL = "https://www.gdynia.pl/storage/b.jpg"


def policy(**known) -> FilePolicy:
    return FilePolicy(hosts=allowed_file_hosts(GDYNIA), known=known)


# --- policy ---


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "ftp://www.gdynia.pl/storage/a.pdf",
        "mailto:bip@gdynia.pl",
        "file:///etc/passwd",
        "https://example.org/a.pdf",
        "https://gdynia.pl.evil.example/a.pdf",
        "http://127.0.0.1/a.pdf",
        "http://10.0.0.7/a.pdf",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/a.pdf",
    ],
)
def test_offsite_urls_are_never_fetched(url):
    decision = policy().decide(url, article_changed=True)
    assert decision.action is FileAction.OFFSITE and decision.reason


def test_a_private_address_literal_names_the_address():
    assert policy().decide("http://192.168.1.1/a.pdf", False).reason == "192.168.1.1 is not a public internet address"


def test_the_sites_storage_paths_and_hosts_are_allowed():
    assert policy().decide("https://www.gdynia.pl/storage/uzytkownicy/x.pdf", False).action is FileAction.FETCH
    assert policy().decide("https://gdynia.pl/storage/x.pdf", False).action is FileAction.FETCH


def test_storage_hosts_named_by_the_site_are_allowed():
    site = SimpleNamespace(hosts=("www.gdynia.pl",), storage_hosts=("files.gdynia.pl",))
    assert allowed_file_hosts(site) == {"www.gdynia.pl", "files.gdynia.pl"}


KEPT = {"download_status": "ok", "etag": '"abc"', "last_modified": "Mon, 01 Jan 2024 00:00:00 GMT"}


def test_a_kept_file_of_an_unchanged_article_is_skipped():
    assert policy(**{PDF_URL: KEPT}).decide(PDF_URL, article_changed=False).action is FileAction.SKIP


def test_a_kept_file_of_a_changed_article_is_rechecked_conditionally():
    decision = policy(**{PDF_URL: KEPT}).decide(PDF_URL, article_changed=True)
    assert decision.action is FileAction.RECHECK
    assert decision.headers == {"If-None-Match": '"abc"', "If-Modified-Since": KEPT["last_modified"]}


def test_full_rechecks_kept_files_of_unchanged_articles():
    full = FilePolicy(hosts=allowed_file_hosts(GDYNIA), known={PDF_URL: KEPT}, full=True)
    assert full.decide(PDF_URL, article_changed=False).action is FileAction.RECHECK


def test_a_file_not_kept_last_time_is_fetched_plainly_when_its_article_changed():
    known = {PDF_URL: {"download_status": "not_found", "etag": None, "last_modified": None}}
    decision = policy(**known).decide(PDF_URL, article_changed=True)
    assert (decision.action, decision.headers) == (FileAction.FETCH, {})


def test_a_failed_download_is_retried_even_if_its_article_is_unchanged():
    known = {PDF_URL: {"download_status": "failed", "etag": None, "last_modified": None}}
    assert policy(**known).decide(PDF_URL, article_changed=False).action is FileAction.FETCH


def test_a_not_found_file_of_an_unchanged_article_is_not_asked_again():
    known = {PDF_URL: {"download_status": "not_found", "etag": None, "last_modified": None}}
    assert policy(**known).decide(PDF_URL, article_changed=False).action is FileAction.SKIP


# --- the keeper: outcomes recorded on the attachments rows ---


def crawler(**settings):
    crawler = SimpleNamespace(
        settings=Settings({"KRONIKA_MAX_FILE_BYTES": 1000, **settings}), spider=None, signals=SignalManager()
    )
    crawler.stats = MemoryStatsCollector(crawler)
    return crawler


class Extractions:
    """The worker call, recorded: tests never start a process."""

    def __init__(self):
        self.calls = 0

    def __call__(self, data: bytes) -> DocumentResult:
        self.calls += 1
        return DocumentResult(sha256=sha256_of(data), type="pdf", pages=1, characters=4, method="text", text="Plan")


@pytest.fixture
def keeper():
    archive = Archive(sqlite_utils.Database(memory=True))
    archive.store(make_item("gdynia:1"))
    keeper = FileKeeper(crawler(), policy(), archive, extract=Extractions())
    return keeper


def attachment(keeper, url=PDF_URL, article_id="gdynia:1") -> dict:
    return next(
        keeper.archive.db.query("SELECT * FROM attachments WHERE url = ? AND article_id = ?", [url, article_id])
    )


def request(keeper, url=PDF_URL) -> Request:
    assert keeper.decide(url, article_changed=False).action is FileAction.FETCH
    return Request(url, meta=keeper.request_meta(url))


def respond(keeper, body=PDF, status=200, url=PDF_URL, headers=None):
    response = Response(
        url, status=status, body=body, headers=headers or {"ETag": '"e1"'}, request=request(keeper, url)
    )
    asyncio.run(keeper.received(response))


def fail(keeper, error, url=PDF_URL):
    failure = Failure(error)
    failure.request = request(keeper, url)
    keeper.failed(failure)


def test_a_document_is_stored_extracted_and_recorded_ok(keeper):
    respond(keeper)
    row = attachment(keeper)
    assert (row["download_status"], row["detected_type"], row["fetched_size"], row["http_status"], row["etag"]) == (
        "ok",
        "pdf",
        len(PDF),
        200,
        '"e1"',
    )
    assert read_file(keeper.archive.db, row["sha256"]) == PDF
    document = next(keeper.archive.db.query("SELECT * FROM documents"))
    assert (document["sha256"], document["text"], document["error"]) == (row["sha256"], "Plan", None)


def test_an_html_page_served_as_pdf_is_wrong_type_and_not_stored(keeper):
    respond(
        keeper,
        body=b"<!DOCTYPE html><html><body>Blad serwera</body></html>",
        headers={"Content-Type": "application/pdf"},
    )
    row = attachment(keeper)
    assert (row["download_status"], row["detected_type"]) == ("wrong_type", "wrong_type")
    assert keeper.archive.db["files"].count == 0
    assert next(keeper.archive.db.query("SELECT error FROM documents"))["error"].startswith("wrong_type:")
    assert keeper.extract.calls == 0


def test_a_404_is_not_found(keeper):
    fail(keeper, HttpError(Response(PDF_URL, status=404)))
    row = attachment(keeper)
    assert (row["download_status"], row["http_status"], row["sha256"]) == ("not_found", 404, None)


def test_a_server_error_after_retries_is_failed(keeper):
    fail(keeper, HttpError(Response(PDF_URL, status=503)))
    assert (attachment(keeper)["download_status"], attachment(keeper)["http_status"]) == ("failed", 503)


def test_an_announced_oversized_file_is_too_large_with_its_declared_size(keeper):
    fail(
        keeper,
        DownloadCancelledError(
            f"Expected to receive 73400320 bytes which is larger than download max size (1000) in request <GET {PDF_URL}>."
        ),
    )
    row = attachment(keeper)
    assert (row["download_status"], row["declared_size"], row["sha256"]) == ("too_large", 73400320, None)


def test_a_streamed_oversized_file_is_too_large_without_a_declared_size(keeper):
    # scraper.crawl.transport names the cause of the HTTP/1.1 handler's silent cancel so.
    fail(keeper, DownloadCancelledError("Received a body larger than download max size (1000)"))
    assert (attachment(keeper)["download_status"], attachment(keeper)["declared_size"]) == ("too_large", None)


def test_a_host_resolving_to_a_private_address_is_offsite(keeper):
    fail(keeper, RefusedAddress(f"refused {PDF_URL}: www.gdynia.pl (10.0.0.1) is not a public internet address"))
    row = attachment(keeper)
    assert row["download_status"] == "offsite" and "10.0.0.1" in row["download_error"]


def test_an_offsite_link_is_recorded_without_a_request(keeper):
    keeper.archive.store(
        make_item(
            "gdynia:2",
            attachments=[
                {"url": "javascript:void(0)", "filename": "x.pdf", "title": None, "type": "pdf", "size_bytes": None}
            ],
        )
    )
    assert keeper.decide("javascript:void(0)", False).action is FileAction.OFFSITE
    row = attachment(keeper, "javascript:void(0)", "gdynia:2")
    assert row["download_status"] == "offsite" and "not an http(s) URL" in row["download_error"]
    assert keeper.crawler.stats.get_value("kronika/files_requested") is None


def test_a_304_keeps_the_stored_bytes_and_is_not_modified(keeper):
    respond(keeper)
    sha256 = attachment(keeper)["sha256"]
    keeper.links.clear()  # a later run
    respond(keeper, body=b"", status=304)
    row = attachment(keeper)
    assert (row["download_status"], row["http_status"], row["sha256"]) == ("not_modified", 304, sha256)
    assert keeper.extract.calls == 1


def test_a_304_without_validators_keeps_the_stored_ones(keeper):
    respond(keeper)
    keeper.links.clear()
    response = Response(PDF_URL, status=304, body=b"", request=request(keeper))
    asyncio.run(keeper.received(response))
    assert attachment(keeper)["etag"] == '"e1"'


def test_the_same_file_on_two_articles_is_stored_and_extracted_once(keeper):
    other = "https://www.gdynia.pl/storage/kopia/a.pdf"
    keeper.archive.store(
        make_item(
            "gdynia:2",
            attachments=[{"url": other, "filename": "a.pdf", "title": None, "type": "pdf", "size_bytes": None}],
        )
    )
    respond(keeper)
    respond(keeper, url=other)
    db = keeper.archive.db
    assert (db["files"].count, db["documents"].count, keeper.extract.calls) == (1, 1, 1)
    assert attachment(keeper)["sha256"] == attachment(keeper, other, "gdynia:2")["sha256"]


def test_an_article_stored_after_its_file_was_decided_gets_the_outcome(keeper):
    respond(keeper, url=JPG_URL, body=b"\xff\xd8\xff" + b"j" * 50)
    item = make_item(
        "gdynia:3",
        attachments=[{"url": JPG_URL, "filename": "b.jpg", "title": None, "type": "jpg", "size_bytes": None}],
    )
    keeper.archive.db.execute("DELETE FROM attachments WHERE url = ?", [JPG_URL])
    keeper.archive.store(item)
    keeper.item_stored(item, None, None)
    assert attachment(keeper, JPG_URL, "gdynia:3")["download_status"] == "ok"


def test_a_request_still_open_at_close_is_failed_with_why(keeper):
    request(keeper)
    keeper.settle_unfinished("deadline")
    row = attachment(keeper)
    assert row["download_status"] == "failed" and row["download_error"] == "no answer before the run stopped (deadline)"


def test_a_file_request_dropped_by_the_scheduler_is_failed_with_why(keeper):
    keeper.dropped(request(keeper))
    row = attachment(keeper)
    assert row["download_status"] == "failed" and row["download_error"].startswith("dropped as a duplicate")
    assert keeper.pending == set()


def test_without_an_archive_no_file_is_requested():
    assert FileKeeper(crawler(), policy(), None).decide(PDF_URL, False).action is FileAction.SKIP


def test_every_requested_or_offsite_file_is_accounted_for(keeper):
    respond(keeper)
    fail(keeper, HttpError(Response(JPG_URL, status=404)), url=JPG_URL)
    keeper.decide("ftp://x/y.pdf", False)
    stats = keeper.crawler.stats.get_stats()
    assert unaccounted_files(stats) == 0
    assert unaccounted_files({**stats, "kronika/files_requested": 3}) == 1


def test_the_summary_line_and_the_verdict_count_files():
    from scraper.crawl.accounting import outcome_from_stats

    stats = {
        "kronika/files_requested": 4,
        "kronika/files_ok": 2,
        "kronika/files_not_found": 1,
        "kronika/files_failed": 1,
    }
    outcome = outcome_from_stats("gdynia", stats, "finished", [], True)
    assert outcome.summary().endswith("0 requests; files: 2 ok, 1 not found, 1 failed")
    assert outcome.exit_status == 0 and "1 attachment downloads failed" in outcome.warnings
    lost = outcome_from_stats("gdynia", {**stats, "kronika/files_requested": 5}, "finished", [], True)
    assert lost.problems == ["1 requested attachments unaccounted for"]
