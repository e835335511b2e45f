"""Gdynia: the /rewitalizacja section of gdynia.pl (all of it is revitalisation news)."""

from scraper.sites import GDYNIA
from scraper.crawl.spider import ArchiveSpider


class GdyniaSpider(ArchiveSpider):
    name = "gdynia"
    site = GDYNIA
    allowed_domains = list(GDYNIA.hosts)
