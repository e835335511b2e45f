"""The sites Kronika archives: hosts, URL schemes, stable article ids."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Site:
    """One city website and how its URLs carry the article id."""

    name: str
    city: str
    publisher: str
    hosts: tuple[str, ...]
    start_url: str
    article_path: re.Pattern
    canonical_template: str
    listing_path: re.Pattern
    # Whole section is revitalisation news (Gdynia's /rewitalizacja).
    all_revitalisation: bool = False
    # "html": listings and article pages; "wordpress": the REST API under
    # `api_base` (e.g. https://example.pl/wp-json), its RSS feed, then HTML.
    kind: str = "html"
    api_base: str | None = None

    def article_id(self, url: str) -> str | None:
        """The site's own article id in `url`, or None if `url` is no article."""
        parts = urlsplit(url)
        if parts.hostname not in self.hosts:
            return None
        match = self.article_path.fullmatch(parts.path)
        return match.group("id") if match else None

    def is_listing(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.hostname in self.hosts and bool(self.listing_path.fullmatch(parts.path))

    def canonical_url(self, url: str) -> str | None:
        """The live URL Kronika stores for the article at `url` (host prefix normalised)."""
        parts = urlsplit(url)
        match = self.article_path.fullmatch(parts.path) if parts.hostname in self.hosts else None
        if not match:
            return None
        return self.canonical_template.format(**match.groupdict())


PRZEMYSL = Site(
    name="przemysl",
    city="Przemyśl",
    publisher="Urząd Miejski w Przemyślu",
    hosts=("przemysl.pl", "www.przemysl.pl", "slabowidzacy.przemysl.pl"),
    start_url="https://przemysl.pl/aktualnosci.html",
    article_path=re.compile(r"/(?P<id>\d+)/(?P<slug>[^/]+)\.html"),
    canonical_template="https://przemysl.pl/{id}/{slug}.html",
    listing_path=re.compile(r"/aktualnosci(?:,\d+)?\.html"),
)

GDYNIA = Site(
    name="gdynia",
    city="Gdynia",
    publisher="Urząd Miasta Gdyni",
    hosts=("www.gdynia.pl", "gdynia.pl"),
    start_url="https://www.gdynia.pl/rewitalizacja/aktualnosci,3963",
    # /<section>/<listing>[-<page>],<listing id>/<slug>,<article id>
    article_path=re.compile(
        r"/rewitalizacja/(?P<listing>[a-z0-9-]+?)(?:-\d+)?,(?P<listing_id>\d+)/(?P<slug>[^/]+),(?P<id>\d+)"
    ),
    canonical_template="https://www.gdynia.pl/rewitalizacja/{listing},{listing_id}/{slug},{id}",
    listing_path=re.compile(r"/rewitalizacja/aktualnosci(?:-\d+)?,3963"),
    all_revitalisation=True,
)

# A WordPress site: the id is the post id from the API; HTML permalinks
# (/<year>/<month>/<slug>/) carry only the slug, used for the HTML fallback.
LIS = Site(
    name="lis",
    city="Gdynia",
    publisher="Laboratorium Innowacji Społecznych",
    hosts=("lis.gdynia.pl",),
    start_url="https://lis.gdynia.pl/aktualnosci/",
    article_path=re.compile(r"/(?P<year>\d{4})/(?P<month>\d{2})/(?P<id>[a-z0-9-]+)/?"),
    canonical_template="https://lis.gdynia.pl/{year}/{month}/{id}/",
    listing_path=re.compile(r"/aktualnosci/(?:page/\d+/)?"),
    kind="wordpress",
    api_base="https://lis.gdynia.pl/wp-json",
)

SITES: dict[str, Site] = {site.name: site for site in (PRZEMYSL, GDYNIA, LIS)}


def site_for_url(url: str) -> Site | None:
    """The known site serving `url`, or None for an unknown host."""
    host = urlsplit(url).hostname
    for site in SITES.values():
        if host in site.hosts:
            return site
    return None


def article_key(url: str) -> str | None:
    """`<site>:<article id>` for an article URL of a known site, else None."""
    site = site_for_url(url)
    article_id = site.article_id(url) if site else None
    return f"{site.name}:{article_id}" if article_id else None
