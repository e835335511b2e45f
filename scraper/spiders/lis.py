"""Laboratorium Innowacji Społecznych (lis.gdynia.pl): a WordPress site, articles judged one by one."""

from scraper.sites import LIS
from scraper.spiders.wordpress import WordPressSpider


class LisSpider(WordPressSpider):
    name = "lis"
    site = LIS
    allowed_domains = list(LIS.hosts)
