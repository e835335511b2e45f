"""A Gdynia listing whose pagination never ends: every page links six new articles and a next page."""

from __future__ import annotations

import functools
import re
from datetime import datetime, timedelta, timezone

from scraper.mirror import render_gdynia
from scraper.mirror.factory import gdynia_article
from scraper.mirror.render_common import encode_page
from scraper.mirror.site import HTML_UTF8, Route, build_routes, canonical_host, make_route
from scraper.mirror.spec import ListingEntry

PAGE_SIZE = 6
GDYNIA_HOST = canonical_host("gdynia")
FIRST_ID = 900000
_LISTING = re.compile(rf"{re.escape(GDYNIA_HOST)}/rewitalizacja/aktualnosci(?:-(\d+))?,3963")
_ARTICLE = re.compile(rf"{re.escape(GDYNIA_HOST)}/rewitalizacja/aktualnosci,3963/bez-konca-(\d+),(\d+)")
_NEWEST = datetime(2025, 1, 1, 10, 0, tzinfo=timezone(timedelta(hours=1)))


class EndlessRoutes(dict):
    """MirrorServer routes (`.get(host_path)`) with Gdynia's listing made endless, pages made on demand.

    Nothing is generated ahead: page N and its articles exist only when
    requested, so a crawl that never stops costs the mirror no memory.
    """

    def __init__(self):
        super().__init__(build_routes())

    def get(self, key, default=None):
        if listing := _LISTING.fullmatch(key):
            return _listing_route(int(listing.group(1) or 1))
        if article := _ARTICLE.fullmatch(key):
            return _article_route(int(article.group(1)))
        return super().get(key, default)


def _spec(number: int):
    return gdynia_article(
        article_id=str(FIRST_ID + number),
        slug=f"bez-konca-{number}",
        title=f"Artykuł bez końca numer {number}",
        published_at=(_NEWEST - timedelta(hours=number)).isoformat(),
        body=(f"Kolejny artykuł numer {number} z listy, która się nie kończy.",),
        body_contains=(f"numer {number}",),
        author="Anna Kowalska",
    )


@functools.lru_cache(maxsize=64)
def _listing_route(page: int) -> Route:
    specs = [_spec((page - 1) * PAGE_SIZE + n) for n in range(PAGE_SIZE)]
    entries = [ListingEntry(f"{render_gdynia.listing_path(1)}/{spec.slug},{spec.article_id}", spec) for spec in specs]
    # Claims one page more than exists: always a next page.
    html = render_gdynia.render_listing(entries, page, page + 1)
    return make_route(html.encode("utf-8"), HTML_UTF8, specs[-1].last_changed)


def _article_route(number: int) -> Route:
    spec = _spec(number)
    page = encode_page(spec, render_gdynia.render_article(spec))
    return make_route(page, spec.content_type, spec.last_changed, article=spec.key)
