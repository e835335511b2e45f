"""The RSS fallback converter on a saved WordPress `/feed/` (RSS 2.0 with content:encoded)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.extract.items import ARTICLE_FIELDS
from scraper.extract.wordpress.feed import FeedError, feed_items
from scraper.sites import SITES

LIS = SITES["lis"]

FEED = (Path(__file__).parent / "pages" / "wordpress" / "feed.xml").read_bytes()
ITEMS, WARNINGS = feed_items(FEED, LIS, fetched_at="2026-01-05T10:00:00+00:00")
BY_ID = {item["id"]: item for item in ITEMS}


def test_every_item_of_the_feed_page_is_converted():
    assert (len(ITEMS), WARNINGS) == (10, [])


def test_item_has_exactly_the_contract_keys():
    assert list(ITEMS[0]) == list(ARTICLE_FIELDS)


def test_id_is_the_post_id_of_the_guid():
    assert ITEMS[0]["id"] == "lis:1311"  # <guid isPermaLink="false">https://lis.gdynia.pl/?p=1311</guid>


def test_url_is_the_item_link():
    assert ITEMS[0]["url"] == "https://lis.gdynia.pl/2025/11/przystan-chylonia-remont-2025/"


def test_title_is_decoded():
    assert BY_ID["lis:1302"]["title"] == "Kursy „Cyfrowy senior” w klubach seniora"


def test_published_at_is_pub_date_in_warsaw_time():
    assert BY_ID["lis:1238"]["published_at"] == "2025-06-11T11:00:00+02:00"


def test_feed_has_no_modification_time():
    assert {item["modified_at"] for item in ITEMS} == {None}


def test_author_is_dc_creator():
    assert BY_ID["lis:1238"]["author"] == "Piotr Zawadzki"


def test_tags_are_the_categories_the_feed_lists():
    # The feed does not tell categories from tags: both are <category>.
    assert BY_ID["lis:1238"]["tags"] == ["Aktualności", "Leszczynki", "Przystań"]


def test_body_text_comes_from_content_encoded():
    assert BY_ID["lis:1238"]["body_text"].startswith("Mieszkańcy Leszczynek wspólnie z artystami namalowali mural")


def test_images_come_from_content_figures():
    assert [image["caption"] for image in BY_ID["lis:1238"]["images"]] == ["Mural przy ul. Morskiej. Fot. LIS"]


def test_revitalisation_is_judged_per_item():
    assert BY_ID["lis:1238"]["revitalisation"] and not BY_ID["lis:1302"]["revitalisation"]


def test_extraction_names_the_feed_as_source():
    assert ITEMS[0]["extraction"]["source"] == "rss"


def test_item_without_a_post_id_is_skipped_with_a_warning():
    feed = FEED.replace(b"https://lis.gdynia.pl/?p=1311</guid>", b"urn:unknown</guid>")
    items, warnings = feed_items(feed, LIS)
    assert len(items) == 9 and "lis:1311" not in {item["id"] for item in items}
    assert len(warnings) == 1 and "no ?p=<id> guid" in warnings[0]


@pytest.mark.parametrize("body", [b"<html><body>Nie ma</body></html>", b"not xml at all <"])
def test_a_page_that_is_no_rss_feed_is_an_error(body):
    with pytest.raises(FeedError):
        feed_items(body, LIS)
