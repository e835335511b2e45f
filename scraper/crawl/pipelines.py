"""Last pipeline: keep the raw page out of feed exports when no archive took it."""

from scraper.extract.items import PAGE_KEY


class DropPagePipeline:
    """`scrapy crawl gdynia -O out.jsonl` must export the contract item only."""

    def process_item(self, item):
        item.pop(PAGE_KEY, None)
        return item
