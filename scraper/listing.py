"""Pure functions over a listing page: article links and the next page."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from scraper.sites import Site

logger = logging.getLogger(__name__)

# Site layer: where each site's listing puts its article links.
ARTICLE_LINK_SELECTORS = {
    "przemysl": ".news-list-item a::attr(href)",
    "gdynia": ".news-item a.news-item__link::attr(href)",
}
NEXT_PAGE_SELECTORS = (
    "a[rel~=next]::attr(href)",
    "link[rel~=next]::attr(href)",
    ".pagination a.next::attr(href)",
    ".pager__next::attr(href)",
)
NEXT_PAGE_TEXTS = ("następna", "następne", "dalej", "›", "»", "next")


@dataclass
class Listing:
    """What a listing page offers: article URLs in page order, the next page."""

    article_urls: list[str]
    next_url: str | None
    layer: str
    warnings: list[str] = field(default_factory=list)


def parse_listing(html: str, url: str, site: Site) -> Listing:
    """Article links (absolute, page order, one per article id) and the next page."""
    selector = Selector(text=html, base_url=url)
    site_css = ARTICLE_LINK_SELECTORS.get(site.name)
    layer, hrefs = "site", selector.css(site_css).getall() if site_css else []
    warnings = []
    if site_css is None:  # a site without listing selectors (a WordPress HTML fallback): URL shape only
        layer, hrefs = "url", selector.css("a::attr(href)").getall()
    elif not any(site.article_id(_absolute(url, h)) for h in hrefs):
        # Redesign or unknown listing: any link shaped like an article URL.
        layer, hrefs = "url", selector.css("a::attr(href)").getall()
        warnings.append(f"listing {url}: site selector found no article links")
    return Listing(_unique_articles(url, hrefs, site), next_page_url(selector, url, site), layer, warnings)


def next_page_url(selector: Selector, url: str, site: Site) -> str | None:
    """The listing's next page: rel=next or known pager classes, else a 'Następna' link."""
    for css in NEXT_PAGE_SELECTORS:
        href = selector.css(css).get()
        if href and is_next_page(url, _absolute(url, href), site):
            return _absolute(url, href)
    for link in selector.css("a"):
        text = " ".join(link.css("::text").getall()).strip().lower()
        href = link.attrib.get("href")
        if href and text in NEXT_PAGE_TEXTS and is_next_page(url, _absolute(url, href), site):
            return _absolute(url, href)
    return None


def is_next_page(current: str, candidate: str, site: Site) -> bool:
    """A pagination link: another page of the same site that is not an article.

    Deliberately not tied to the listing URL pattern: that pattern is the
    mirror's reconstruction, and a live site paginating differently must not
    silently stop the crawl after page one.
    """
    if candidate == current or urlsplit(candidate).hostname not in site.hosts:
        return False
    if not site.is_listing(candidate):
        logger.info("following pagination outside the known listing pattern: %s", candidate)
    return site.article_id(candidate) is None


def _unique_articles(base: str, hrefs: list[str], site: Site) -> list[str]:
    seen, urls = set(), []
    for href in hrefs:
        absolute = _absolute(base, href)
        article_id = site.article_id(absolute)
        if article_id and article_id not in seen:
            seen.add(article_id)
            urls.append(absolute)
    return urls


def _absolute(base: str, href: str) -> str:
    return urljoin(base, href.strip())
