"""Article ids and canonical URLs from both sites' URL schemes."""

import pytest

from scraper.sites import GDYNIA, LIS, PRZEMYSL, article_key, site_for_url


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://przemysl.pl/45707/rewitalizacja-plant.html", "przemysl:45707"),
        ("https://www.przemysl.pl/45707/inny-slug.html", "przemysl:45707"),
        ("https://slabowidzacy.przemysl.pl/45707/rewitalizacja-plant.html", "przemysl:45707"),
        ("https://www.gdynia.pl/rewitalizacja/aktualnosci,3963/modelownia-dla-mlodziezy,562076", "gdynia:562076"),
        ("https://www.gdynia.pl/rewitalizacja/aktualnosci-4,3963/modelownia-dla-mlodziezy,562076", "gdynia:562076"),
        ("https://przemysl.pl/aktualnosci,2.html", None),
        ("https://www.gdynia.pl/rewitalizacja/aktualnosci-2,3963", None),
        ("https://example.com/45707/x.html", None),
    ],
)
def test_article_key(url, expected):
    assert article_key(url) == expected


def test_canonical_url_drops_host_prefix_and_listing_page():
    assert PRZEMYSL.canonical_url("https://www.przemysl.pl/45707/a.html") == "https://przemysl.pl/45707/a.html"
    assert (
        GDYNIA.canonical_url("https://www.gdynia.pl/rewitalizacja/aktualnosci-4,3963/slug,562076")
        == "https://www.gdynia.pl/rewitalizacja/aktualnosci,3963/slug,562076"
    )


def test_listing_urls_are_recognised():
    assert PRZEMYSL.is_listing("https://przemysl.pl/aktualnosci,3.html")
    assert GDYNIA.is_listing("https://www.gdynia.pl/rewitalizacja/aktualnosci-3,3963")
    assert not GDYNIA.is_listing("https://www.gdynia.pl/rewitalizacja/aktualnosci,3963/slug,1")


def test_unknown_host_has_no_site():
    assert site_for_url("https://rewitalizacja.sopot.pl/x") is None


def test_wordpress_site_is_declared_by_kind_and_api_base():
    assert site_for_url("https://lis.gdynia.pl/2017/11/przystan-babie-doly-otwarta/") is LIS
    assert (LIS.kind, LIS.api_base, LIS.city) == ("wordpress", "https://lis.gdynia.pl/wp-json", "Gdynia")
    assert (PRZEMYSL.kind, GDYNIA.kind) == ("html", "html")


def test_wordpress_permalink_carries_the_slug_and_listing_pages_are_not_articles():
    # The post id comes from the API (or the page's shortlink); the permalink only names the slug.
    assert LIS.article_id("https://lis.gdynia.pl/2017/11/przystan-babie-doly-otwarta/") == "przystan-babie-doly-otwarta"
    assert LIS.article_id("https://lis.gdynia.pl/aktualnosci/page/2/") is None
    assert LIS.is_listing("https://lis.gdynia.pl/aktualnosci/page/2/")
