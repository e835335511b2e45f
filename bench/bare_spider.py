"""The baseline crawler: a bare Scrapy spider fetching a list of URLs and doing nothing with them.

Run as `python -m bench.bare_spider URLS_FILE`; it loads no project settings
(no pipelines, middlewares or robots.txt), only what is set here.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import scrapy
from scrapy.crawler import CrawlerProcess

logger = logging.getLogger(__name__)

# Politeness off, as for Kronika's benchmark crawl: the same total concurrency
# (Kronika runs two spiders of 16 each; here one spider, one loopback host).
SETTINGS = {
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "ROBOTSTXT_OBEY": False,
    "COOKIES_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "RETRY_ENABLED": False,
    "LOG_LEVEL": "WARNING",
    "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
}


class BareSpider(scrapy.Spider):
    """Requests every URL it is given; responses are dropped."""

    name = "bare"

    def __init__(self, urls: list[str], **kwargs):
        super().__init__(**kwargs)
        self.urls = urls

    async def start(self):
        for url in self.urls:
            yield scrapy.Request(url, callback=self.parse, dont_filter=True)

    def parse(self, response):
        return None


def main(urls_file: str) -> None:
    urls = Path(urls_file).read_text(encoding="utf-8").split()
    process = CrawlerProcess(SETTINGS, install_root_handler=True)
    process.crawl(BareSpider, urls=urls)
    process.start()


if __name__ == "__main__":
    main(sys.argv[1])
