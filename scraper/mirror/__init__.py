"""Kronika's recorded mirror of both city websites: article specs, renderers, HTTP server."""

from scraper.mirror.server import MirrorServer, serve_mirror
from scraper.mirror.site import (
    Route,
    article_url_map,
    build_routes,
    bundled_articles,
    mirror_url,
    route_key,
)
from scraper.mirror.spec import ArticleSpec, Attachment, ListingEntry, Photo, StoragePath

__all__ = [
    "ArticleSpec",
    "Attachment",
    "ListingEntry",
    "MirrorServer",
    "Photo",
    "Route",
    "StoragePath",
    "article_url_map",
    "build_routes",
    "bundled_articles",
    "mirror_url",
    "route_key",
    "serve_mirror",
]
