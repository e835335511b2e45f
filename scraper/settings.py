"""Scrapy settings for Kronika: polite defaults for the live municipal sites."""

BOT_NAME = "kronika"
SPIDER_MODULES = ["scraper.spiders"]
NEWSPIDER_MODULE = "scraper.spiders"

# --- Kronika's own settings (all overridable with -s NAME=value) ---
# Where the archive lives; empty disables the archive pipeline.
KRONIKA_DB = "archive.db"
# Base URL of a recorded mirror (e.g. http://127.0.0.1:8765); empty = live sites.
KRONIKA_MIRROR = ""
# Who to contact about this crawler; shown in the User-Agent.
KRONIKA_CONTACT_URL = "https://github.com/kronika-archive/kronika"
# Incremental crawling: stop paginating after this many consecutive archived,
# unchanged articles on a listing; re-check articles published this recently.
KRONIKA_KNOWN_STREAK = 6
KRONIKA_RECHECK_DAYS = 14
# True re-crawls everything (kronika crawl --full).
KRONIKA_FULL = False
# Longest Retry-After (seconds) a crawl waits for before giving up on a request.
KRONIKA_MAX_RETRY_AFTER = 120.0
# Per-site overrides of any Scrapy setting, in one place (e.g. a slower site):
# {"przemysl": {"DOWNLOAD_DELAY": 2.0}}. Applied by the spiders' update_settings.
KRONIKA_SITE_SETTINGS = {}
# Per-site first listing page, overriding scraper/sites.py:
# {"przemysl": "https://przemysl.pl/aktualnosci.html"}.
KRONIKA_START_URLS = {}
# WordPress sites: posts per REST API page (the API allows at most 100).
KRONIKA_WORDPRESS_PER_PAGE = 20



def user_agent(contact_url: str) -> str:
    """The honest User-Agent: who we are and where to complain."""
    return f"Kronika/0.1 (+{contact_url}; archive of municipal revitalisation news)"


USER_AGENT = user_agent(KRONIKA_CONTACT_URL)

# --- Politeness for the live sites ---
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 4
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0  # at most one request per second per site
DOWNLOAD_DELAY_JITTER = 0  # jitter would let some requests come faster than 1/s
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

# The mirror is a transport detail: the handler swaps the socket, nothing
# above it ever sees a mirror URL.
DOWNLOAD_HANDLERS = {
    "http": "scraper.transport.MirrorDownloadHandler",
    "https": "scraper.transport.MirrorDownloadHandler",
}
DOWNLOADER_MIDDLEWARES = {
    # process_response runs before RetryMiddleware (550): the slot is slowed
    # down before the retry is scheduled.
    "scraper.middlewares.RetryAfterMiddleware": 560,
    # Scrapy's robots.txt middleware ignores Crawl-delay; this one honours it.
    "scraper.middlewares.CrawlDelayMiddleware": 110,
}
EXTENSIONS = {
    "scraper.accounting.CrawlRecorder": 500,
    # Links cross-site near-duplicates once a site's crawl has been archived.
    "scraper.archive.related.RelatedLinker": 510,
}
ITEM_PIPELINES = {
    "scraper.archive.pipeline.ArchivePipeline": 300,
    "scraper.pipelines.DropPagePipeline": 900,
}

REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
