"""One spider class per declared site (packaged and the user's), so `scrapy list` and `kronika crawl` see every site."""

from __future__ import annotations

import os

from scrapy.spiderloader import SpiderLoader

from scraper.crawl.spider import ArchiveSpider
from scraper.crawl.wordpress import WordPressSpider
from scraper.sites import SITES, Site, use_sites_files


def spider_class(site: Site) -> type[ArchiveSpider]:
    """A spider for `site`; `__module__` is this module so Scrapy's SpiderLoader finds it here."""
    base = WordPressSpider if site.kind == "wordpress" else ArchiveSpider
    return type(
        class_name(site),
        (base,),
        {
            "__module__": __name__,
            "__doc__": f"{site.city}: {site.publisher} ({site.hosts[0]}).",
            "name": site.name,
            "site": site,
            "allowed_domains": [*site.hosts, *site.storage_hosts],  # attachments may live on a storage host
        },
    )


def class_name(site: Site) -> str:
    return "".join(part.capitalize() for part in site.name.replace("-", "_").split("_")) + "Spider"


def declare_spiders() -> None:
    """Make this module's spider classes those of the sites registry now."""
    module = globals()
    for name in [
        name
        for name, value in module.items()
        if isinstance(value, type) and issubclass(value, ArchiveSpider) and value.__module__ == __name__
    ]:
        del module[name]
    for site in SITES.values():
        module[class_name(site)] = spider_class(site)


class DeclaredSpiderLoader(SpiderLoader):
    """Scrapy's spider loader, with the user's sites file (setting KRONIKA_SITES_FILE) declared first."""

    def __init__(self, settings):
        if sites_file := settings.get("KRONIKA_SITES_FILE"):
            use_sites_files(*sites_file.split(os.pathsep))
        declare_spiders()
        super().__init__(settings)


declare_spiders()
