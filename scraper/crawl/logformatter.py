"""Log items by id and URL only: an item holds the whole page body."""

from __future__ import annotations

import logging

from scrapy.logformatter import LogFormatter


def item_label(item) -> str:
    """`gdynia:562076 <https://...>`: what a log line says about an item instead of the item."""
    get = getattr(item, "get", lambda key: None)
    return f"{get('id') or 'item without id'} <{get('url') or '?'}>"


class ItemLabelLogFormatter(LogFormatter):
    """Scrapy's messages with the item replaced by its label.

    Scrapy's own formatter prints the whole item: with a 400 MB body that was
    one 837 MB log line.
    """

    def scraped(self, item, response, spider):
        entry = super().scraped(item, response, spider)
        return {**entry, "msg": "Scraped %(item)s", "args": {"item": item_label(item)}}

    def dropped(self, item, exception, response, spider):
        entry = super().dropped(item, exception, response, spider)
        return {
            **entry,
            "msg": "Dropped %(item)s: %(exception)s",
            "args": {"item": item_label(item), "exception": exception},
        }

    def item_error(self, item, exception, response, spider):
        return {"level": logging.ERROR, "msg": "Error processing %(item)s", "args": {"item": item_label(item)}}
