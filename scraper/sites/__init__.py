"""The sites Kronika archives, declared in sites.toml (plus a user's file): lookups by name and by URL."""

from __future__ import annotations

import functools
import importlib
import os
from pathlib import Path
from urllib.parse import urlsplit

from scraper.sites.declaration import Site, SitesError, TopicTerm, load_sites

__all__ = [
    "PACKAGED_SITES",
    "SITES",
    "Site",
    "SitesError",
    "TopicTerm",
    "article_key",
    "article_page_class",
    "declared_labels",
    "load_sites",
    "site_for_url",
    "storage_prefixes",
    "topic_terms",
    "use_sites_files",
]

PACKAGED_SITES = Path(__file__).with_name("sites.toml")
# A user's sites file (or several, separated by os.pathsep) merged over the packaged one.
ENVIRONMENT_VARIABLE = "KRONIKA_SITES"

# The registry: filled once at import, refilled in place by use_sites_files.
SITES: dict[str, Site] = {}
_BY_HOST: dict[str, Site] = {}


def environment_files() -> list[str]:
    return [path for path in os.environ.get(ENVIRONMENT_VARIABLE, "").split(os.pathsep) if path]


def use_sites_files(*paths: str | os.PathLike) -> dict[str, Site]:
    """Make the registry the packaged sites, then $KRONIKA_SITES, then `paths` (later files win)."""
    sites = load_sites([PACKAGED_SITES, *environment_files(), *paths])
    SITES.clear()
    SITES.update(sites)
    _BY_HOST.clear()
    _BY_HOST.update({host: site for site in sites.values() for host in site.hosts})
    topic_terms.cache_clear()
    storage_prefixes.cache_clear()
    declared_labels.cache_clear()
    return SITES


def site_for_url(url: str) -> Site | None:
    """The known site serving `url`, or None for an unknown host."""
    return _BY_HOST.get(urlsplit(url).hostname)


def article_key(url: str) -> str | None:
    """`<site>:<article id>` for an article URL of a known site, else None."""
    site = site_for_url(url)
    article_id = site.article_id(url) if site else None
    return f"{site.name}:{article_id}" if article_id else None


@functools.cache
def topic_terms() -> tuple[TopicTerm, ...]:
    """Every declared site's own revitalisation terms (a city's names count wherever they appear)."""
    return tuple(dict.fromkeys(term for site in SITES.values() for term in site.topics))


@functools.cache
def declared_labels() -> tuple[tuple[str, str], ...]:
    """Every declared site's own metadata labels as (label, role): a Polish label means the same on any page."""
    return tuple(sorted({(label, role) for site in SITES.values() for label, role in site.labels.items()}))


@functools.cache
def storage_prefixes() -> tuple[str, ...]:
    """Every declared site's storage paths: where uploaded files named as bare text live."""
    return tuple(sorted({path for site in SITES.values() for path in site.storage_paths}))


@functools.cache
def article_page_class(module_name: str):
    """The `ArticlePage` class of a site's page-object module (imported by name, on first use)."""
    module = importlib.import_module(module_name)
    try:
        return module.ArticlePage
    except AttributeError:
        raise SitesError(f"page_objects {module_name!r} defines no ArticlePage class") from None


try:
    use_sites_files()
except SitesError as error:
    # Only $KRONIKA_SITES can be broken here (the packaged file is tested): no
    # command can run without its sites, so one line and out, not a traceback.
    raise SystemExit(f"kronika: error: {error}") from None
