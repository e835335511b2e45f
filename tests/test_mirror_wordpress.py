"""The WordPress mirror of lis.gdynia.pl: REST schema, pagination, modified_after, feed, HTML, closed variants."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from scraper.mirror.articles_lis import POSTS
from scraper.mirror.site import build_routes
from scraper.mirror.wordpress import WordPressMirror, answer, wordpress_sites

HOST = "lis.gdynia.pl"
SITE = wordpress_sites()[HOST]
POSTS_PATH = "/wp-json/wp/v2/posts?_embed&per_page=20&page={page}&orderby=modified&order=desc"


def posts(page: int = 1, site: WordPressMirror = SITE, extra: str = ""):
    route = site.answer(POSTS_PATH.format(page=page) + extra)
    return route, json.loads(route.body)


def test_at_least_30_polish_posts_some_not_about_revitalisation():
    assert len(POSTS) >= 30 and len({post.id for post in POSTS}) == len(POSTS)
    assert 3 <= sum(not post.revitalisation for post in POSTS) < len(POSTS) // 2


def test_pagination_headers_count_every_post():
    route, page = posts()
    assert (route.headers["X-WP-Total"], route.headers["X-WP-TotalPages"], len(page)) == (str(len(POSTS)), "2", 20)
    assert 'rel="next"' in route.headers["Link"] and "page=2" in route.headers["Link"]


def test_last_page_holds_the_rest_and_links_back():
    route, page = posts(2)
    assert len(page) == len(POSTS) - 20 and 'rel="prev"' in route.headers["Link"]


def test_a_page_past_the_end_is_rest_post_invalid_page_number():
    route, body = posts(3)
    assert (route.status, body["code"], body["data"]) == (400, "rest_post_invalid_page_number", {"status": 400})


def test_per_page_above_100_is_rejected():
    assert SITE.answer("/wp-json/wp/v2/posts?per_page=101").status == 400


def test_posts_are_ordered_by_modification_newest_first():
    _, page = posts()
    modified = [entry["modified_gmt"] for entry in page]
    assert modified == sorted(modified, reverse=True)


def test_modified_after_returns_only_later_changes():
    _, page = posts(extra="&modified_after=2025-06-11T09:00:00Z")  # the mural post's own modified_gmt
    assert [entry["id"] for entry in page] == [1311, 1302]


def test_modified_after_without_a_zone_is_the_sites_local_time():
    _, page = posts(extra="&modified_after=2025-10-06T09:00:00")  # local 09:00 = the senior courses post
    assert [entry["id"] for entry in page] == [1311]


def test_nothing_modified_is_an_empty_list_with_zero_pages():
    route, page = posts(extra="&modified_after=2030-01-01T00:00:00Z")
    assert (page, route.headers["X-WP-Total"], route.headers["X-WP-TotalPages"]) == ([], "0", "0")


def test_dates_are_local_and_gmt_without_offsets():
    entry = next(entry for entry in posts()[1] if entry["id"] == 1215)
    assert (entry["date"], entry["date_gmt"]) == ("2024-02-05T10:00:00", "2024-02-05T09:00:00")


def test_titles_keep_wordpress_html_entities():
    titles = [entry["title"]["rendered"] for entry in posts()[1] + posts(2)[1]]
    for entity in ("&#8211;", "&#8222;", "&nbsp;"):
        assert any(entity in title for title in titles)


def test_embedded_shape_follows_the_schema():
    entry = next(entry for entry in posts()[1] if entry["id"] == 1204)
    embedded = entry["_embedded"]
    assert embedded["author"][0]["name"] == "Marta Wiśniewska"
    categories, tags = embedded["wp:term"]
    assert {term["taxonomy"] for term in categories} == {"category"}
    assert {term["taxonomy"] for term in tags} == {"post_tag"}
    assert entry["tags"] == [term["id"] for term in tags]
    featured = embedded["wp:featuredmedia"][0]
    assert (featured["id"], featured["media_type"]) == (entry["featured_media"], "image")
    assert featured["caption"]["rendered"] == "<p>Budynek Przystani Oksywie przed remontem</p>\n"


def test_wp_attachment_is_a_link_not_embedded():
    entry = posts()[1][0]
    assert "wp:attachment" not in entry["_embedded"]
    assert entry["_links"]["wp:attachment"][0]["href"].endswith(f"/wp/v2/media?parent={entry['id']}")


def test_without_embed_there_is_no_embedded():
    route = SITE.answer("/wp-json/wp/v2/posts?per_page=5")
    assert all("_embedded" not in entry for entry in json.loads(route.body))


def test_media_by_parent_lists_each_posts_files():
    route = SITE.answer("/wp-json/wp/v2/media?parent=1125,1204&per_page=100")
    media = json.loads(route.body)
    assert {(entry["post"], entry["media_type"]) for entry in media} == {(1125, "file"), (1204, "image")}
    assert next(entry for entry in media if entry["post"] == 1125)["media_details"]["filesize"] == 182044


def test_content_links_pdfs():
    assert sum('.pdf">' in SITE.content(post) for post in POSTS) >= 5


def test_a_modified_post_has_a_later_modified_gmt():
    entry = next(entry for entry in posts()[1] if entry["id"] == 1204)
    assert entry["modified_gmt"] > entry["date_gmt"]


def test_some_posts_repost_gdynia_stories_and_some_only_share_the_topic():
    keys = {route.article for route in build_routes().values() if route.article}
    reposts = [post.same_story_as for post in POSTS if post.same_story_as]
    near_misses = [post.near_miss_of for post in POSTS if post.near_miss_of]
    assert len(reposts) >= 3 and len(near_misses) >= 3 and set(reposts + near_misses) <= keys


def test_feed_is_rss_with_ten_newest_posts_and_content_encoded():
    route = SITE.answer("/feed/")
    body = route.body.decode("utf-8")
    assert route.headers["Content-Type"].startswith("application/rss+xml")
    assert body.count("<item>") == 10 and body.count("<content:encoded>") == 10
    assert '<guid isPermaLink="false">https://lis.gdynia.pl/?p=1311</guid>' in body


def test_feed_pages_end_with_a_404():
    assert SITE.answer("/feed/?paged=4") is not None and SITE.answer("/feed/?paged=5") is None
    assert answer(wordpress_sites(), HOST + "/feed/?paged=5").status == 404


def test_html_listing_links_every_post_across_pages():
    links = []
    for page in range(1, 5):
        path = "/aktualnosci/" + (f"page/{page}/" if page > 1 else "")
        links += re.findall(r'class="entry-title"><a href="([^"]+)"', SITE.answer(path).body.decode())
    assert sorted(links) == sorted(post.link for post in POSTS)


def test_html_article_names_its_post_id():
    post = POSTS[0]
    body = SITE.answer(post.link.removeprefix("https://lis.gdynia.pl")).body.decode()
    assert f"?p={post.id}'" in body and f"postid-{post.id}" in body and unescape(post.title) in unescape(body)


@pytest.mark.parametrize("status, code", [(401, "rest_not_logged_in"), (403, "rest_forbidden"), (404, "rest_no_route")])
def test_closed_api_answers_every_wp_json_url_with_an_error(status, code):
    closed = wordpress_sites(closed_api=status)[HOST]
    route = closed.answer(POSTS_PATH.format(page=1))
    assert (route.status, json.loads(route.body)["code"]) == (status, code)
    assert closed.answer("/feed/").status == 200


def test_closed_feed_variant_leaves_only_html():
    closed = wordpress_sites(closed_api=404, closed_feed=True)
    assert answer(closed, HOST + "/feed/").status == 404
    assert answer(closed, HOST + "/aktualnosci/").status == 200


def test_other_hosts_are_not_answered_by_the_wordpress_mirror():
    assert answer(wordpress_sites(), "www.gdynia.pl/rewitalizacja/aktualnosci,3963") is None


def test_robots_txt_allows_the_api():
    assert b"Disallow: /wp-admin/" in SITE.answer("/robots.txt").body


def test_mirror_is_reproducible():
    assert wordpress_sites()[HOST].answer(POSTS_PATH.format(page=1)).body == posts()[0].body
