"""The mirror's HTTP server: routes served, conditional requests, faults, request log, and `kronika mirror`."""

from __future__ import annotations

import http.client
import socket
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from scraper.cli import main
from scraper.cli.mirror import mirror as mirror_command
from scraper.mirror import MirrorServer, build_routes

ROUTES = build_routes()


# --- over real HTTP ---------------------------------------------------------------------------


def request(server, method, host_path, headers=None, timeout=5.0):
    parts = urlsplit(server.base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request(method, "/" + host_path, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


SEED_PATH = "przemysl.pl/45707/spolecznie-zorganizowani.html"


def test_http_serves_the_route_body(mirror):
    status, _, body = request(mirror, "GET", SEED_PATH)
    assert (status, body) == (200, ROUTES[SEED_PATH].body)


def test_http_unknown_path_is_404(mirror):
    assert request(mirror, "GET", "przemysl.pl/99999/nie-ma.html")[0] == 404


@pytest.mark.parametrize(
    "host", ["przemysl.pl", "www.przemysl.pl", "slabowidzacy.przemysl.pl", "www.gdynia.pl", "gdynia.pl"]
)
def test_robots_txt_allows_everything_without_crawl_delay(mirror, host):
    status, _, body = request(mirror, "GET", f"{host}/robots.txt")
    assert (status, b"Allow: /" in body, b"crawl-delay" in body.lower()) == (200, True, False)


def test_matching_etag_answers_304(mirror):
    etag = request(mirror, "GET", SEED_PATH)[1]["ETag"]
    status, _, body = request(mirror, "GET", SEED_PATH, {"If-None-Match": etag})
    assert (status, body) == (304, b"")


def test_stale_etag_answers_200(mirror):
    assert request(mirror, "GET", SEED_PATH, {"If-None-Match": '"stale"'})[0] == 200


def test_if_modified_since_last_modified_answers_304(mirror):
    last_modified = ROUTES[SEED_PATH].headers["Last-Modified"]
    assert request(mirror, "GET", SEED_PATH, {"If-Modified-Since": last_modified})[0] == 304


def test_if_modified_since_before_last_modified_answers_200(mirror):
    assert request(mirror, "GET", SEED_PATH, {"If-Modified-Since": "Mon, 01 Jan 2018 00:00:00 GMT"})[0] == 200


def test_head_sends_headers_without_body(mirror):
    status, headers, body = request(mirror, "HEAD", SEED_PATH)
    assert (status, int(headers["Content-Length"]), body) == (200, len(ROUTES[SEED_PATH].body), b"")


def test_request_log_records_method_path_and_status(mirror):
    request(mirror, "GET", "gdynia.pl/robots.txt?probe=log")
    assert ("GET", "gdynia.pl/robots.txt?probe=log", 404) in mirror.request_log


def test_query_strings_are_part_of_the_route_key(mirror):
    assert request(mirror, "GET", "przemysl.pl/aktualnosci.html?page=2")[0] == 404


@pytest.fixture
def faulty():
    with MirrorServer(routes=ROUTES, fault_delay=1.0) as server:
        yield server


@pytest.mark.parametrize(
    "fault, status, retry_after",
    [
        ("500", 500, None),
        ("503-retry-after", 503, "1"),
        ("429", 429, "1"),
    ],
)
def test_answering_faults(faulty, fault, status, retry_after):
    faulty.faults = {"przemysl.pl/aktualnosci": fault}
    got_status, headers, _ = request(faulty, "GET", "przemysl.pl/aktualnosci,2.html")
    assert (got_status, headers.get("Retry-After")) == (status, retry_after)


def test_apology_fault_answers_200_with_a_dated_html_page(faulty):
    faulty.faults = {"przemysl.pl/aktualnosci": "apology"}
    status, headers, body = request(faulty, "GET", "przemysl.pl/aktualnosci,2.html")
    assert (status, headers["Content-Type"]) == (200, "text/html; charset=utf-8")
    assert "Data publikacji: 01.12.2026" in body.decode("utf-8")


def test_faults_only_hit_their_prefix(faulty):
    faulty.faults = {"przemysl.pl/aktualnosci": "500"}
    assert request(faulty, "GET", SEED_PATH)[0] == 200


def test_timeout_fault_holds_the_connection(faulty):
    faulty.faults = {"www.gdynia.pl/": "timeout"}
    with pytest.raises(socket.timeout):
        request(faulty, "GET", "www.gdynia.pl/robots.txt", timeout=0.3)


def test_reset_fault_closes_without_response(faulty):
    faulty.faults = {"www.gdynia.pl/": "reset"}
    with pytest.raises((ConnectionError, http.client.HTTPException)):
        request(faulty, "GET", "www.gdynia.pl/robots.txt")


def test_dropped_requests_are_logged_without_status(faulty):
    faulty.faults = {"www.gdynia.pl/": "reset"}
    with pytest.raises((ConnectionError, http.client.HTTPException)):
        request(faulty, "GET", "www.gdynia.pl/robots.txt")
    assert faulty.request_log == [("GET", "www.gdynia.pl/robots.txt", None)]


def test_set_routes_swaps_content_while_running(faulty):
    faulty.set_routes({})
    assert request(faulty, "GET", SEED_PATH)[0] == 404


# --- command line -----------------------------------------------------------------------------


def test_mirror_help_names_the_options_and_defaults():
    output = CliRunner().invoke(mirror_command, ["--help"]).output
    assert all(word in output for word in ("--port", "--host", "8765", "127.0.0.1", "przemysl.pl"))


def test_kronika_mirror_help_through_the_main_command():
    result = CliRunner().invoke(main, ["mirror", "--help"])
    assert (result.exit_code, "Serve the bundled mirror" in result.output) == (0, True)
