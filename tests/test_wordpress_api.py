"""The REST requests the WordPress spider makes, pagination headers, and post ids of HTML pages."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

from scraper.crawl import wordpress_api as api
from scraper.extract.wordpress import permalink

BASE = "https://lis.gdynia.pl/wp-json"


def query(url: str) -> dict:
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def test_posts_url_asks_for_embedded_posts_newest_change_first():
    url = api.posts_url(BASE, per_page=20, page=3)
    assert url.startswith(BASE + "/wp/v2/posts?_embed&")
    assert query(url) == {"_embed": [""], "per_page": ["20"], "page": ["3"], "orderby": ["modified"], "order": ["desc"]}


def test_posts_url_carries_modified_after_when_incremental():
    url = api.posts_url(BASE, per_page=20, page=1, modified_after="2025-11-14T11:00:00Z")
    assert query(url)["modified_after"] == ["2025-11-14T11:00:00Z"]


def test_media_url_asks_for_the_files_of_many_posts_at_once():
    assert query(api.media_url(BASE, [1311, 1302])) == {"parent": ["1311,1302"], "per_page": ["100"], "page": ["1"]}


def test_total_pages_reads_the_header_case_insensitively():
    assert api.total_pages({"x-wp-totalpages": "4"}) == 4


def test_total_pages_without_the_header_is_one_page():
    assert api.total_pages({}) == 1


def test_modified_after_is_utc_with_an_explicit_zone():
    # Without a zone WordPress would read it in the site's time zone.
    summer = datetime(2023, 10, 12, 17, 45, tzinfo=ZoneInfo("Europe/Warsaw"))
    assert api.modified_after(summer) == "2023-10-12T15:45:00Z"


def test_nothing_archived_means_no_modified_after():
    assert api.modified_after(None) is None


def test_post_id_from_the_shortlink():
    assert (
        permalink.post_id(
            "<html><head><link rel='shortlink' href='https://lis.gdynia.pl/?p=1215' /></head><body></body></html>"
        )
        == "1215"
    )


def test_post_id_from_the_body_class_when_there_is_no_shortlink():
    assert permalink.post_id('<html><body class="single single-post postid-77 x"></body></html>') == "77"


def test_post_id_from_the_article_id_last():
    assert permalink.post_id('<html><body><article id="post-9">x</article></body></html>') == "9"


def test_page_without_a_post_id():
    assert permalink.post_id("<html><body><p>Strona</p></body></html>") is None
