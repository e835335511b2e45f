"""The mirror's hostile servers: huge and bomb bodies made lazily, private redirects, truncation, endless listings."""

from __future__ import annotations

import http.client
import zlib

import pytest

from scraper.crawl.listing import parse_listing
from scraper.mirror import MirrorServer, build_routes
from scraper.mirror.endless import EndlessRoutes
from scraper.mirror.server import BOMB_INFLATED_BYTES, HUGE_BODY_BYTES, PRIVATE_REDIRECTS, gzip_bomb
from scraper.sites import SITES

ARTICLE = "www.gdynia.pl/rewitalizacja/aktualnosci,3963/modelownia-dla-mlodziezy,562076"


@pytest.fixture
def faulty():
    with MirrorServer(routes=build_routes(), fault_delay=1.0) as server:
        yield server


def get(server, path: str) -> http.client.HTTPResponse:
    host, port = server.base_url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    connection.request("GET", "/" + path)
    return connection.getresponse()


def test_the_huge_page_announces_400_mb_and_streams_them(faulty):
    faulty.faults = {ARTICLE: "huge"}
    response = get(faulty, ARTICLE)
    assert int(response.headers["Content-Length"]) == HUGE_BODY_BYTES
    assert response.read(2**20).startswith(b"<!DOCTYPE html>")


def test_the_unannounced_huge_page_has_no_length(faulty):
    faulty.faults = {ARTICLE: "huge-unannounced"}
    response = get(faulty, ARTICLE)
    assert response.headers["Content-Length"] is None and len(response.read(2**20)) == 2**20


def test_the_gzip_bomb_is_small_and_inflates_to_zeros():
    bomb = gzip_bomb()
    assert len(bomb) < 3 * 2**20
    inflater = zlib.decompressobj(31)
    assert inflater.decompress(bomb[: 64 * 2**10], 8 * 2**20) == bytes(8 * 2**20)
    # The gzip trailer's ISIZE (the inflated length mod 2**32) is the size the bomb claims to be.
    assert int.from_bytes(bomb[-4:], "little") == BOMB_INFLATED_BYTES % 2**32


def test_the_gzip_bomb_is_served_as_gzip(faulty):
    faulty.faults = {ARTICLE: "gzip-bomb"}
    response = get(faulty, ARTICLE)
    assert response.headers["Content-Encoding"] == "gzip" and len(response.read()) == len(gzip_bomb())


@pytest.mark.parametrize("fault", sorted(PRIVATE_REDIRECTS))
def test_private_redirects_point_off_the_site(faulty, fault):
    faulty.faults = {ARTICLE: fault}
    response = get(faulty, ARTICLE)
    assert (response.status, response.headers["Location"]) == (302, PRIVATE_REDIRECTS[fault])


def test_a_truncated_answer_sends_half_its_announced_body(faulty):
    faulty.faults = {ARTICLE: "truncate"}
    response = get(faulty, ARTICLE)
    with pytest.raises(http.client.IncompleteRead) as error:
        response.read()
    assert len(error.value.partial) == int(response.headers["Content-Length"]) // 2


def test_random_faults_are_reproducible_per_seed():
    picks = []
    for _ in range(2):
        with MirrorServer(routes={}, seed=3) as server:
            picks.append([server.random.random() for _ in range(5)])
    assert picks[0] == picks[1]


def test_the_endless_listing_always_has_a_next_page_and_new_articles():
    routes = EndlessRoutes()
    site = SITES["gdynia"]
    seen = set()
    url = site.start_url
    for _ in range(3):
        listing = parse_listing(routes.get(url.removeprefix("https://")).body.decode("utf-8"), url, site)
        assert len(listing.article_urls) == 6 and not seen & set(listing.article_urls)
        seen |= set(listing.article_urls)
        assert listing.next_url and listing.next_url != url
        url = listing.next_url
    article = routes.get(sorted(seen)[0].removeprefix("https://"))
    assert article.status == 200 and article.article.startswith("gdynia:9")


def test_the_endless_routes_keep_the_other_pages():
    bundled = build_routes()
    kept = ("www.gdynia.pl/robots.txt", "przemysl.pl/aktualnosci.html", ARTICLE)
    assert [EndlessRoutes().get(key).body for key in kept] == [bundled[key].body for key in kept]
