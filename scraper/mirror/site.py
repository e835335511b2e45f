"""The mirror's routes: every page of every mirrored site, keyed by `<live host>/<path>[?query]`."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from urllib.parse import urlsplit

from scraper.mirror import render_gdynia, render_przemysl
from scraper.mirror.articles_gdynia import ARTICLES as GDYNIA_ARTICLES
from scraper.mirror.articles_przemysl import ARTICLES as PRZEMYSL_ARTICLES
from scraper.mirror.render_common import encode_page
from scraper.mirror.spec import ArticleSpec, ListingEntry
from scraper.sites import SITES

# Pages that are no article (robots.txt, 404) claim this fixed modification time.
STATIC_LAST_MODIFIED = datetime(2022, 1, 3, 9, 0, tzinfo=UTC)
ROBOTS_TXT = b"User-agent: *\nAllow: /\n"
HTML_UTF8 = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Route:
    """One canned HTTP response; `article` is the article key for article pages."""

    status: int
    headers: dict
    body: bytes
    article: str | None = None


def canonical_host(site: str) -> str:
    """A site's first declared host; the others serve exactly what it serves."""
    return SITES[site].hosts[0]


def host_aliases(site: str) -> tuple[str, ...]:
    return SITES[site].hosts[1:]


def same_site_hosts(host: str) -> tuple[str, ...]:
    """`host` and every other host of the declared site it belongs to (just `host` for an unknown one)."""
    for site in SITES.values():
        if host in site.hosts:
            return (host, *(other for other in site.hosts if other != host))
    return (host,)


def bundled_articles() -> dict[str, list[ArticleSpec]]:
    """The articles the mirror ships, per mirrored site that is declared."""
    return {name: list(mirrored.articles) for name, mirrored in mirrored_sites().items()}


def make_route(
    body: bytes, content_type: str, last_modified: datetime, status: int = 200, article: str | None = None
) -> Route:
    """A route with a strong ETag over the body and a fixed Last-Modified."""
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = {
        "Content-Type": content_type,
        "ETag": etag,
        "Last-Modified": format_datetime(last_modified.astimezone(UTC), usegmt=True),
    }
    return Route(status=status, headers=headers, body=body, article=article)


def not_found_route() -> Route:
    """The answer for any path the mirror does not know."""
    body = (
        b'<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8"><title>404</title></head>'
        b"<body><h1>Nie znaleziono strony (404)</h1></body></html>"
    )
    return make_route(body, HTML_UTF8, STATIC_LAST_MODIFIED, status=404)


def _newest_first(specs: list[ArticleSpec]) -> list[ArticleSpec]:
    return sorted(
        specs, key=lambda spec: (datetime.fromisoformat(spec.published_at), int(spec.article_id)), reverse=True
    )


def _chunks(specs: list[ArticleSpec], size: int) -> list[list[ArticleSpec]]:
    return [specs[start : start + size] for start in range(0, len(specs), size)] or [[]]


def _przemysl_href(spec: ArticleSpec, index: int) -> str:
    path = f"/{spec.article_id}/{spec.slug}.html"
    if spec.link_host:
        return f"https://{spec.link_host}{path}"
    # Alternate relative and absolute links, as the live listing does.
    return path if index % 2 == 0 else f"https://{canonical_host('przemysl')}{path}"


def _gdynia_href(spec: ArticleSpec, index: int, page: int) -> str:
    listing = render_gdynia.listing_path(page)
    path = f"{listing}/{spec.slug},{spec.article_id}"
    host = (None, *SITES["gdynia"].hosts)[index % 3]
    return f"https://{host}{path}" if host else path


def przemysl_listings(specs: list[ArticleSpec], page_size: int) -> list[list[ListingEntry]]:
    """Entries of each Przemyśl listing page; alternate slugs are linked again from page 1."""
    pages = [
        [ListingEntry(_przemysl_href(spec, index), spec) for index, spec in enumerate(chunk)]
        for chunk in _chunks(_newest_first(specs), page_size)
    ]
    pages[0] += [ListingEntry(f"/{spec.article_id}/{spec.alt_slug}.html", spec) for spec in specs if spec.alt_slug]
    return pages


def gdynia_listings(specs: list[ArticleSpec], page_size: int) -> list[list[ListingEntry]]:
    """Entries of each Gdynia listing page; page N links through `aktualnosci-N,3963`."""
    return [
        [ListingEntry(_gdynia_href(spec, index, page), spec) for index, spec in enumerate(chunk)]
        for page, chunk in enumerate(_chunks(_newest_first(specs), page_size), start=1)
    ]


def _path_of(href: str) -> str:
    return urlsplit(href).path


def _site_routes(host: str, renderer, listings: list[list[ListingEntry]]) -> dict[str, Route]:
    routes = {}
    for page, entries in enumerate(listings, start=1):
        html = renderer.render_listing(entries, page, len(listings))
        newest = max((entry.spec.last_changed for entry in entries), default=STATIC_LAST_MODIFIED)
        routes[host + renderer.listing_path(page)] = make_route(html.encode("utf-8"), HTML_UTF8, newest)
        for entry in entries:
            spec = entry.spec
            page_route = make_route(
                encode_page(spec, renderer.render_article(spec)), spec.content_type, spec.last_changed, article=spec.key
            )
            for path in {_path_of(entry.href), _path_of(spec.expected["url"])}:
                routes[host + path] = page_route
    routes[host + "/robots.txt"] = make_route(ROBOTS_TXT, "text/plain; charset=utf-8", STATIC_LAST_MODIFIED)
    return routes


def _with_aliases(routes: dict[str, Route], site: str) -> dict[str, Route]:
    aliased = dict(routes)
    prefix = canonical_host(site) + "/"
    for key, route in routes.items():
        for alias in host_aliases(site):
            aliased[alias + "/" + key.removeprefix(prefix)] = route
    return aliased


@dataclass(frozen=True)
class MirroredSite:
    """How the mirror reconstructs one site: its renderer, its listing pages, the articles it ships."""

    renderer: object
    listings: object  # (specs, page_size) -> entries of each listing page
    articles: tuple[ArticleSpec, ...]


def mirrored_sites() -> dict[str, MirroredSite]:
    """The declared sites the mirror reconstructs; a declared site missing here has no routes (its crawl: unreachable)."""
    reconstructed = {
        "przemysl": MirroredSite(render_przemysl, przemysl_listings, tuple(PRZEMYSL_ARTICLES)),
        "gdynia": MirroredSite(render_gdynia, gdynia_listings, tuple(GDYNIA_ARTICLES)),
    }
    return {name: mirrored for name, mirrored in reconstructed.items() if name in SITES}


def build_routes(page_size: int = 6, **specs: list[ArticleSpec]) -> dict[str, Route]:
    """Every page of every mirrored site (and its host aliases); a site not named gets the bundled articles."""
    mirrored = mirrored_sites()
    if unknown := sorted(set(specs) - set(mirrored)):
        raise ValueError(f"the mirror reconstructs no site {', '.join(unknown)}")
    routes: dict[str, Route] = {}
    for name, site in mirrored.items():
        listings = site.listings(list(site.articles) if specs.get(name) is None else specs[name], page_size)
        routes |= _with_aliases(_site_routes(canonical_host(name), site.renderer, listings), name)
    return routes


def article_url_map(routes: dict[str, Route]) -> dict[str, str]:
    """Route key -> article key (`przemysl:45707`) for every article page in `routes`."""
    return {key: route.article for key, route in routes.items() if route.article}


def route_key(live_url: str) -> str:
    """The routes key of a live URL: `https://przemysl.pl/a.html?x=1` -> `przemysl.pl/a.html?x=1`."""
    parts = urlsplit(live_url)
    query = f"?{parts.query}" if parts.query else ""
    return f"{parts.hostname}{parts.path or '/'}{query}"


def mirror_url(base_url: str, live_url: str) -> str:
    """Where the mirror at `base_url` serves `live_url`."""
    return f"{base_url.rstrip('/')}/{route_key(live_url)}"
