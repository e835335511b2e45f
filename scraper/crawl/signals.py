"""Kronika's own Scrapy signals."""

# Sent by accounting.CrawlRecorder when a site's crawl is recorded, with
# `outcome` (an accounting.SiteOutcome): how `kronika crawl` learns how each site went.
site_finished = object()
