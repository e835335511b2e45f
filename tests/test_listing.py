"""Listing pages: article links (deduplicated by id) and the next page, in any markup."""

from scraper.crawl.listing import parse_listing
from scraper.sites import SITES

PRZEMYSL, GDYNIA = SITES["przemysl"], SITES["gdynia"]

PRZEMYSL_LISTING = """
<div class="news-list-item"><h2><a href="/45707/plac-na-bramie.html">A</a></h2></div>
<div class="news-list-item"><h2><a href="https://www.przemysl.pl/45707/inny-slug.html">A again</a></h2></div>
<div class="news-list-item"><h2><a href="https://przemysl.pl/45690/koncert.html">B</a></h2></div>
<aside><a href="/45001/popularne.html">sidebar</a></aside>
<ul class="pagination"><li><a href="aktualnosci,2.html">2</a></li>
<li><a rel="next" class="next" href="aktualnosci,2.html">Następna</a></li></ul>
"""


def test_site_selector_links_in_page_order_one_per_id():
    listing = parse_listing(PRZEMYSL_LISTING, "https://przemysl.pl/aktualnosci.html", PRZEMYSL)
    assert listing.article_urls == [
        "https://przemysl.pl/45707/plac-na-bramie.html",
        "https://przemysl.pl/45690/koncert.html",
    ]
    assert listing.layer == "site"


def test_next_page_from_rel_next():
    listing = parse_listing(PRZEMYSL_LISTING, "https://przemysl.pl/aktualnosci.html", PRZEMYSL)
    assert listing.next_url == "https://przemysl.pl/aktualnosci,2.html"


def test_unknown_markup_falls_back_to_article_shaped_links_and_warns():
    html = """<table><tr><td><a href="/rewitalizacja/aktualnosci-2,3963/nowy-park,561000">x</a></td></tr></table>
    <p><a href="/rewitalizacja/aktualnosci-3,3963">dalej</a></p>"""
    listing = parse_listing(html, "https://www.gdynia.pl/rewitalizacja/aktualnosci-2,3963", GDYNIA)
    assert listing.article_urls == ["https://www.gdynia.pl/rewitalizacja/aktualnosci-2,3963/nowy-park,561000"]
    assert listing.layer == "url" and listing.warnings
    assert listing.next_url == "https://www.gdynia.pl/rewitalizacja/aktualnosci-3,3963"


def test_last_page_has_no_next():
    listing = parse_listing(
        '<div class="news-item"><a class="news-item__link" href="/rewitalizacja/aktualnosci,3963/a,1">a</a></div>',
        "https://www.gdynia.pl/rewitalizacja/aktualnosci-3,3963",
        GDYNIA,
    )
    assert listing.next_url is None


def test_pagination_outside_the_known_listing_pattern_is_still_followed():
    html = '<div class="news-list-item"><h2><a href="/45707/a.html">A</a></h2></div><a rel="next" href="/archiwum?strona=2">»</a>'
    listing = parse_listing(html, "https://przemysl.pl/archiwum", PRZEMYSL)
    assert listing.next_url == "https://przemysl.pl/archiwum?strona=2"


def test_next_links_to_articles_or_other_hosts_are_not_pagination():
    for href in ("/45708/nastepny-artykul.html", "https://example.com/page/2"):
        html = (
            f'<div class="news-list-item"><h2><a href="/45707/a.html">A</a></h2></div><a rel="next" href="{href}">»</a>'
        )
        assert parse_listing(html, "https://przemysl.pl/aktualnosci.html", PRZEMYSL).next_url is None
