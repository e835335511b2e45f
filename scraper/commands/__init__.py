"""Click commands owned by the crawl side: `crawl` and `demo`."""
