"""Scrapy settings for Kronika: polite defaults for the live municipal sites."""

BOT_NAME = "kronika"
SPIDER_MODULES = ["scraper.spiders"]
NEWSPIDER_MODULE = "scraper.spiders"
# The spiders are generated from the site declarations; this loader reads KRONIKA_SITES_FILE first.
SPIDER_LOADER_CLASS = "scraper.spiders.declared.DeclaredSpiderLoader"

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
# Per-site first listing page, overriding the site's start_urls (scraper/sites/sites.toml):
# {"przemysl": "https://przemysl.pl/aktualnosci.html"}.
KRONIKA_START_URLS = {}
# A user's sites file (same shape as scraper/sites/sites.toml) merged over the packaged
# sites: new sites, and same-named sites replaced. The environment variable KRONIKA_SITES
# does the same for every process (kronika --sites FILE sets both).
KRONIKA_SITES_FILE = ""
# WordPress sites: posts per REST API page (the API allows at most 100).
KRONIKA_WORDPRESS_PER_PAGE = 20

# --- Bounds of one run, per site (a hostile or broken server cannot keep it going) ---
# Listing pages followed per run. The live listings hold 10-20 articles a page,
# so 1000 pages reach back over ten thousand articles, more than either site
# has published; at one request a second that is about 17 minutes.
KRONIKA_MAX_LISTING_PAGES = 1000
# New (not yet archived) articles fetched per run. A daily run finds a handful
# (each site publishes a few a day); a first crawl of an empty archive stops
# here after about 35 minutes at one request a second, and the next run goes on
# from where it stopped (an unfinished run makes the next one walk every listing).
KRONIKA_MAX_NEW_ARTICLES = 2000
# Wall-clock seconds per site and run (0 = none). A daily incremental run takes
# under a minute; three hours let a bounded first crawl finish even when
# AutoThrottle slows a struggling server down, and end well before the next day's run.
KRONIKA_SITE_DEADLINE = 3 * 3600
# Refuse requests and redirects to loopback, private, link-local and reserved
# addresses (scraper/crawl/guard.py). `kronika crawl --mirror` turns it off: the
# mirror is loopback by design.
KRONIKA_REFUSE_PRIVATE_ADDRESSES = True


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
# Page size caps. Article and listing pages of both sites are 30-300 kB of HTML;
# 8 MiB is over 25 times the largest and still extracts in a second within the
# crawl's memory budget (a 400 MB body once took 11 GB). Scrapy applies the cap
# to the bytes received and, in HttpCompressionMiddleware, to the decompressed
# body too (a gzip bomb stops at 8 MiB inflated). Such a fetch counts as too_large.
DOWNLOAD_MAXSIZE = 8 * 2**20
DOWNLOAD_WARNSIZE = 2 * 2**20
# Attachment size cap, per file request (scraper/crawl/downloads.py). Municipal
# PDFs run to ~20 MB; a bigger file is not kept and is recorded as too_large with
# its declared size (Content-Length checked first, received bytes counted too).
KRONIKA_MAX_FILE_BYTES = 50 * 2**20
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

# The mirror is a transport detail: the handler swaps the socket, nothing
# above it ever sees a mirror URL.
DOWNLOAD_HANDLERS = {
    "http": "scraper.crawl.transport.MirrorDownloadHandler",
    "https": "scraper.crawl.transport.MirrorDownloadHandler",
}
DOWNLOADER_MIDDLEWARES = {
    # Before Scrapy's offsite filter (50): a refused address is named as such.
    "scraper.crawl.guard.PrivateAddressGuard": 40,
    # process_response runs before RedirectMiddleware (600) turns a redirect into a request.
    "scraper.crawl.guard.OffsiteRedirectMiddleware": 650,
    # process_response runs before RetryMiddleware (550): the slot is slowed
    # down before the retry is scheduled.
    "scraper.crawl.politeness.RetryAfterMiddleware": 560,
    # Scrapy's robots.txt middleware ignores Crawl-delay; this one honours it.
    "scraper.crawl.politeness.CrawlDelayMiddleware": 110,
}
EXTENSIONS = {
    # Before the recorder: a spider whose archive another crawl holds closes
    # as "locked" and records nothing (what `scrapy crawl` and Scrapyd jobs run).
    "scraper.crawl.locking.ArchiveLock": 400,
    "scraper.crawl.accounting.CrawlRecorder": 500,
    "scraper.crawl.bounds.SiteBounds": 510,
    # Links cross-site near-duplicates once a site's crawl has been archived.
    "scraper.crawl.related.RelatedLinker": 520,
    # The archive's one owner during a site's crawl: every component above gets the
    # archive from it. Declared last so that it closes the archive after they wrote.
    "scraper.crawl.archive_session.ArchiveSession": 900,
}
# Items hold whole pages: log them by id and URL only.
LOG_FORMATTER = "scraper.crawl.logformatter.ItemLabelLogFormatter"
ITEM_PIPELINES = {
    "scraper.crawl.archiving.ArchivePipeline": 300,
    "scraper.crawl.pipelines.DropPagePipeline": 900,
}

REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
