"""The WordPress spider: REST API pages, else the RSS feed, else the HTML listing; routing only."""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from datetime import UTC, datetime

import scrapy

from scraper.crawl import wordpress_api as api
from scraper.crawl.accounting import record_failure
from scraper.crawl.incremental import Decision
from scraper.crawl.responses import response_headers
from scraper.crawl.spider import ArchiveSpider
from scraper.extract import page_record
from scraper.extract.items import PAGE_KEY
from scraper.extract.wordpress import permalink
from scraper.extract.wordpress.feed import FeedError, feed_items
from scraper.extract.wordpress.posts import PostError, post_bytes, post_item

logger = logging.getLogger(__name__)

JSON_HEADERS = {"content-type": "application/json; charset=UTF-8"}


class WordPressSpider(ArchiveSpider):
    """Routes a `kind="wordpress"` site; converters live in `scraper.extract.wordpress`.

    The mode that delivered the posts (`api`, `rss`, `html`) is the stat
    `kronika/source_mode`, shown in the crawl summary and the `crawls` row.
    """

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.per_page = crawler.settings.getint("KRONIKA_WORDPRESS_PER_PAGE")
        spider.modified_after = None  # every post, unless the archive says which are new
        return spider

    def read_archive(self, archive) -> None:
        super().read_archive(archive)
        if not (self.plan.full or self.plan.resume):
            self.modified_after = api.modified_after(latest_archived_change(archive, self.site.name))

    async def start(self):
        yield self._posts_request(1)

    def set_mode(self, mode: str) -> None:
        self.crawler.stats.set_value("kronika/source_mode", mode)

    # --- REST API ---------------------------------------------------------------------------

    def _posts_request(self, page: int) -> scrapy.Request:
        url = api.posts_url(self.site.api, per_page=self.per_page, page=page, modified_after=self.modified_after)
        return scrapy.Request(
            url,
            callback=self.parse_posts,
            errback=self.listing_failed,
            meta={"handle_httpstatus_list": [400, *api.CLOSED_STATUSES], "kronika_page": page},
        )

    def parse_posts(self, response):
        page = response.meta["kronika_page"]
        if response.status == 400 and api.INVALID_PAGE in response.text:
            logger.info("%s: page %d is past the end (posts were removed while paging)", self.name, page)
            return
        posts = json_list(response) if response.status == 200 else None
        if page == 1 and (response.status in api.CLOSED_STATUSES or posts is None):
            # Closed, or no REST API at all (an HTML page where the JSON should be).
            logger.warning(
                "%s: the REST API answered %d without a post list; reading the RSS feed", self.name, response.status
            )
            self.crawler.stats.inc_value("kronika/fallback/wordpress_api")
            yield self._feed_request(1)
            return
        if posts is None:
            logger.error("%s: API page %s answered %d without a post list", self.name, response.url, response.status)
            self.crawler.stats.inc_value("kronika/listing_failed")
            return
        self.crawler.stats.inc_value("kronika/listing_pages")
        if page == 1:
            self.set_mode("api")
            if not posts and not self.modified_after:
                logger.warning("%s: the API lists no posts at all", self.name)
                self.crawler.stats.inc_value("kronika/listing_empty")
            for next_page in range(2, api.total_pages(response_headers(response)) + 1):
                yield self._posts_request(next_page)
        if posts:
            yield self._media_request(posts, [], 1)

    def _media_request(self, posts: list, media: list, page: int) -> scrapy.Request:
        parents = [post["id"] for post in posts if isinstance(post, dict) and post.get("id")]
        return scrapy.Request(
            api.media_url(self.site.api, parents, page),
            callback=self.parse_media,
            errback=self.media_failed,
            meta={
                "handle_httpstatus_list": list(api.CLOSED_STATUSES),
                "kronika_posts": posts,
                "kronika_media": media,
                "kronika_media_page": page,
            },
        )

    def parse_media(self, response):
        posts, media, page = (response.meta[key] for key in ("kronika_posts", "kronika_media", "kronika_media_page"))
        found = json_list(response) if response.status == 200 else None
        if found is None:
            logger.warning(
                "%s: media of %d posts unavailable (%d); attachments from content only",
                self.name,
                len(posts),
                response.status,
            )
            self.crawler.stats.inc_value("kronika/fallback/wordpress_media")
        elif page < api.total_pages(response_headers(response)):
            yield self._media_request(posts, media + found, page + 1)
            return
        yield from self._post_items(posts, media + (found or []), response.status)

    def media_failed(self, failure):
        logger.warning(
            "%s: media request failed (%s); attachments from content only", self.name, failure.getErrorMessage()
        )
        self.crawler.stats.inc_value("kronika/fallback/wordpress_media")
        yield from self._post_items(failure.request.meta["kronika_posts"], failure.request.meta["kronika_media"], 200)

    def _post_items(self, posts: list, media: list, status: int):
        by_parent = defaultdict(list)
        for entry in media:
            if isinstance(entry, dict):
                by_parent[entry.get("post")].append(entry)
        fetched_at = datetime.now(UTC)
        for post in posts:
            # An API page delivers its posts without a request each: each is still an article asked for.
            self.crawler.stats.inc_value("kronika/articles_requested")
            try:
                item = post_item(post, self.site, media=by_parent[post.get("id")], fetched_at=fetched_at)
            except (PostError, AttributeError) as error:
                logger.error("%s: cannot convert a post: %s", self.name, error)
                link = post.get("link") if isinstance(post, dict) else None
                record_failure(
                    self.crawler.stats, link or f"{self.site.api}/wp/v2/posts", f"post not converted: {error}"
                )
                continue
            self.crawler.stats.inc_value("kronika/wordpress/post_warnings", len(item["extraction"]["warnings"]))
            raw = post_bytes(post, by_parent[post["id"]])
            url = f"{self.site.api}/wp/v2/posts/{post['id']}?_embed"
            item[PAGE_KEY] = page_record(raw, url, JSON_HEADERS, status, fetched_at)
            yield item

    # --- RSS feed ---------------------------------------------------------------------------

    def _feed_request(self, page: int) -> scrapy.Request:
        url = f"https://{self.site.hosts[0]}/feed/" + (f"?paged={page}" if page > 1 else "")
        return scrapy.Request(
            url,
            callback=self.parse_feed,
            errback=self.listing_failed,
            meta={"handle_httpstatus_list": list(api.CLOSED_STATUSES), "kronika_page": page},
        )

    def parse_feed(self, response):
        page = response.meta["kronika_page"]
        try:
            if response.status != 200:
                raise FeedError(f"answered {response.status}")
            items, warnings = feed_items(response.body, self.site, fetched_at=datetime.now(UTC))
        except FeedError as error:
            if page == 1:
                yield self._fall_back_to_html(error)
            return  # past the feed's last page
        self.crawler.stats.inc_value("kronika/listing_pages")
        if page == 1:
            self.set_mode("rss")
        for warning in warnings:
            logger.warning("%s: %s", self.name, warning)
            self.crawler.stats.inc_value("kronika/fallback/feed_items")
        for item in items:
            self.crawler.stats.inc_value("kronika/articles_requested")  # delivered by the feed page
            known = self.plan.decide(item["id"]) is Decision.SKIP
            self.consecutive_known = self.consecutive_known + 1 if known else 0
            yield item
        if items and self.plan.keep_paginating(self.consecutive_known):
            yield self._feed_request(page + 1)

    # --- HTML -------------------------------------------------------------------------------

    def _fall_back_to_html(self, reason) -> scrapy.Request:
        logger.warning("%s: the RSS feed is unusable (%s); crawling the HTML listing", self.name, reason)
        self.crawler.stats.inc_value("kronika/fallback/wordpress_feed")
        self.set_mode("html")
        # The listing walk decides by the URL's slug id: key the archived posts that way.
        self.plan.known = {
            f"{self.site.name}:{slug}": known
            for known in self.plan.known.values()
            if known.url and (slug := self.site.article_id(known.url))
        }
        start_url = self.settings.getdict("KRONIKA_START_URLS").get(self.name, self.site.start_url)
        self.bounds.follow_listing(start_url)
        return scrapy.Request(start_url, callback=self.parse_listing, errback=self.listing_failed)

    async def parse_article(self, response):
        async for item in super().parse_article(response):
            if isinstance(item, scrapy.Request):  # the article's attachment downloads
                yield item
                continue
            # Permalinks carry the slug; the archive knows the post by its id, whatever the mode.
            found = permalink.post_id(response.text)
            if found:
                item["id"] = f"{self.site.name}:{found}"
            else:
                logger.warning("%s: %s shows no post id; archived as %s", self.name, response.url, item["id"])
            yield item


def json_list(response) -> list | None:
    try:
        data = json.loads(response.text)
    except ValueError:
        return None
    return data if isinstance(data, list) else None


def latest_archived_change(archive, site_name: str) -> datetime | None:
    """The newest publication or modification time among the archived posts of the site."""
    rows = archive.db.execute(
        "SELECT coalesce(modified_at, published_at) FROM articles WHERE site = ?", [site_name]
    ).fetchall()
    moments = [datetime.fromisoformat(value) for (value,) in rows if value]
    return max(moments, default=None)
