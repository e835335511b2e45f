"""Przemyśl: all city news from przemysl.pl, marked for revitalisation relevance."""

from scraper.sites import PRZEMYSL
from scraper.crawl.spider import ArchiveSpider


class PrzemyslSpider(ArchiveSpider):
    name = "przemysl"
    site = PRZEMYSL
    allowed_domains = list(PRZEMYSL.hosts)
