"""Account for every crawl: a `crawls` row per site and run, and a verdict on how it went."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime

from scrapy import signals
from scrapy.exceptions import NotConfigured

from scraper.archive.downloads import DOWNLOAD_STATUSES
from scraper.crawl.signals import site_finished

logger = logging.getLogger(__name__)

# Fields whose fill rate betrays a redesign when it collapses.
WATCHED_FIELDS = ("title", "published_at", "author", "body_text", "lead")
# A field is "collapsed" when this run fills it this much less often than the archive...
FILL_RATE_DROP = 0.3
# ...judged only on this many of this run's articles, so one odd page is not an alarm.
MIN_ARTICLES_FOR_FILL_RATES = 5
# Failures named one by one in the summary line; the rest are "and N more".
FAILURES_IN_SUMMARY = 3
# Failures kept with URL and reason (stats and the `crawls` row); all are counted.
FAILURES_KEPT = 200
# How a requested article can end; `kronika/articles_requested` is their sum.
ARTICLE_ENDINGS = ("stored", "not_modified", "failed", "too_large")
# How an attachment the run requested or judged offsite can end (scraper/archive/downloads.py):
# `kronika/files_requested` + `kronika/files_offsite_by_policy` is their sum.
FILE_ENDINGS = DOWNLOAD_STATUSES


def record_failure(stats, url: str, reason: str, kind: str = "failed") -> None:
    """Count one article that ended without being archived, keeping its URL and reason.

    `kind` is "failed" or "too_large" (its own stat, `kronika/articles_too_large`).
    """
    stats.inc_value(f"kronika/articles_{kind}")
    failures = stats.get_value("kronika/failures") or []
    if len(failures) < FAILURES_KEPT:
        # A new list: stats values are shared with whoever read them before.
        stats.set_value("kronika/failures", [*failures, {"url": url, "reason": reason}])


def unaccounted_articles(stats: dict) -> int:
    """Requested articles that ended in none of ARTICLE_ENDINGS (must be 0)."""
    ended = sum(stats.get(f"kronika/articles_{ending}", 0) for ending in ARTICLE_ENDINGS)
    return stats.get("kronika/articles_requested", 0) - ended


def unaccounted_files(stats: dict) -> int:
    """Attachments requested or judged offsite that ended in none of FILE_ENDINGS (must be 0)."""
    ended = sum(stats.get(f"kronika/files_{ending}", 0) for ending in FILE_ENDINGS)
    return stats.get("kronika/files_requested", 0) + stats.get("kronika/files_offsite_by_policy", 0) - ended


@dataclass
class SiteOutcome:
    """How one site's crawl went: the `crawls` row and the command's exit status."""

    site: str
    requests: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    too_large: int = 0
    degraded: int = 0
    suspect: int = 0
    requested: int = 0
    finish_reason: str = "finished"
    # How a WordPress site was read: "api", "rss" or "html"; None for HTML-only sites.
    source_mode: str | None = None
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    # {"url", "reason"} of the first FAILURES_KEPT failed or too-large articles.
    failures: list[dict] = field(default_factory=list)
    # Attachment downloads: "requested" and each of FILE_ENDINGS -> count.
    files: dict[str, int] = field(default_factory=dict)

    @property
    def exit_status(self) -> int:
        return 1 if self.problems else 0

    def summary(self) -> str:
        line = (
            f"{self.site}: {self.new} new, {self.changed} changed, {self.unchanged} unchanged, "
            f"{self.failed} failed, "
            + (f"{self.too_large} too large, " if self.too_large else "")
            + (f"{self.suspect} suspect, " if self.suspect else "")
            + f"{self.requests} requests"
        ) + (f" via {self.source_mode}" if self.source_mode else "")
        line += self.files_summary()
        line += f" -- FAILED: {'; '.join(self.problems)}" if self.problems else ""
        return line + (f" -- {self.failure_list()}" if self.failures else "")

    def files_summary(self) -> str:
        """`; files: 3 ok, 1 not found` (endings with a count), or "" for a run without attachments."""
        counts = [
            f"{self.files[ending]} {ending.replace('_', ' ')}" for ending in FILE_ENDINGS if self.files.get(ending)
        ]
        return f"; files: {', '.join(counts)}" if counts else ""

    def failure_list(self) -> str:
        """The first failed articles with their reasons, then how many more."""
        shown = [f"{failure['url']}: {failure['reason']}" for failure in self.failures[:FAILURES_IN_SUMMARY]]
        more = self.failed + self.too_large - len(shown)
        return "; ".join(shown) + (f"; and {more} more" if more > 0 else "")


def collapsed_fields(archived: dict[str, float], run: dict[str, float], run_articles: int) -> list[str]:
    """Fields this run fills far less often than the archive does (the site looks changed)."""
    if run_articles < MIN_ARTICLES_FOR_FILL_RATES:
        return []
    return [
        f"{name} found for {archived[name]:.0%} of archived articles but {run.get(name, 0.0):.0%} of this run's"
        for name in sorted(archived)
        if archived[name] - run.get(name, 0.0) >= FILL_RATE_DROP
    ]


def outcome_from_stats(
    site: str, stats: dict, finish_reason: str, collapsed: list[str], archive_had_articles: bool
) -> SiteOutcome:
    """Counts and problems of one site's run from its Scrapy stats."""
    outcome = SiteOutcome(
        site=site,
        requests=stats.get("downloader/request_count", 0),
        new=stats.get("kronika/articles_new", 0),
        changed=stats.get("kronika/articles_changed", 0),
        unchanged=stats.get("kronika/articles_unchanged", 0) + stats.get("kronika/articles_not_modified", 0),
        failed=stats.get("kronika/articles_failed", 0),
        too_large=stats.get("kronika/articles_too_large", 0),
        degraded=stats.get("kronika/articles_degraded", 0),
        suspect=stats.get("kronika/articles_suspect", 0),
        requested=stats.get("kronika/articles_requested", 0),
        finish_reason=finish_reason,
        failures=list(stats.get("kronika/failures", [])),
        source_mode=stats.get("kronika/source_mode"),
        files={name: stats.get(f"kronika/files_{name}", 0) for name in ("requested", *FILE_ENDINGS)},
    )
    unaccounted = unaccounted_articles(stats)
    files_unaccounted = unaccounted_files(stats)
    bound = finish_reason.startswith("bound_")
    checks = (
        (bound, f"run bound reached ({finish_reason}); the next run continues"),
        (finish_reason != "finished" and not bound, f"stopped early ({finish_reason})"),
        (stats.get("kronika/listing_failed", 0), "listing unreachable"),
        (stats.get("kronika/listing_empty", 0) and archive_had_articles, "a listing yielded no articles"),
        (stats.get("retry/max_reached", 0), f"{stats.get('retry/max_reached', 0)} requests gave up after retries"),
        (outcome.failed, f"{outcome.failed} articles failed"),
        (outcome.too_large, f"{outcome.too_large} articles too large"),
        (outcome.suspect, f"{outcome.suspect} suspect fetches held back"),
        (unaccounted, f"{unaccounted} requested articles unaccounted for"),
        (files_unaccounted, f"{files_unaccounted} requested attachments unaccounted for"),
        (stats.get("kronika/errors", 0), f"{stats.get('kronika/errors', 0)} errors logged"),
        (collapsed, "site looks changed: " + "; ".join(collapsed)),
    )
    outcome.problems = [message for failed, message in checks if failed]
    if outcome.degraded:
        outcome.warnings.append(f"{outcome.degraded} degraded fetches kept the archived values")
    if outcome.suspect:
        outcome.warnings.append(f"{outcome.suspect} suspect fetches held back (`kronika suspects` lists them)")
    if outcome.files.get("failed"):
        # The site's files, not the crawl: a warning, the articles are archived all the same.
        outcome.warnings.append(f"{outcome.files['failed']} attachment downloads failed")
    outcome.warnings += [
        f"fallback used for {key.removeprefix('kronika/fallback/')} {count}x"
        for key, count in sorted(stats.items())
        if key.startswith("kronika/fallback/")
    ]
    return outcome


def previous_crawl_finished(archive, site: str) -> bool:
    """Did the last crawl of `site` end cleanly? (False after a kill or a shutdown.)"""
    rows = list(
        archive.db.query(
            "select finished_at, finish_reason from crawls where site = ? order by id desc limit 1", [site]
        )
    )
    return not rows or (rows[0]["finished_at"] is not None and rows[0]["finish_reason"] == "finished")


def settle_suspects(archive, crawl_id: int, site_looks_changed: bool) -> list[str]:
    """End of run: fetches confirming an earlier run's held ones become current, unless the site looks changed."""
    from scraper.archive.review import keep_held, promote_confirmed

    if site_looks_changed:
        kept = keep_held(archive, crawl_id)
        return [f"{kept} confirmations of held fetches not made current: site looks changed"] if kept else []
    promoted = promote_confirmed(archive, crawl_id)
    return [f"{promoted} held fetches confirmed by this run and made current"] if promoted else []


class SpiderErrorCounter(logging.Handler):
    """Counts ERROR records about one spider as `kronika/errors`.

    Scrapy's own `log_count/ERROR` counts every record in the process, so with
    both sites in one process one site's errors would fail the other.
    """

    def __init__(self, crawler):
        super().__init__(level=logging.ERROR)
        self.crawler = crawler

    def emit(self, record):
        if getattr(record, "spider", None) is self.crawler.spider:
            self.crawler.stats.inc_value("kronika/errors")


class CrawlRecorder:
    """Extension: opens a `crawls` row when a spider starts, completes it when it ends.

    The archive is the crawl's ArchiveSession's; the outcome goes out as the
    `site_finished` signal (scraper.crawl.signals) and in the job log's last line.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.session = None
        self.filled: dict[str, int] = dict.fromkeys(WATCHED_FIELDS, 0)
        self.articles = 0
        self.error_counter = SpiderErrorCounter(crawler)
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.get("KRONIKA_DB"):
            raise NotConfigured("no archive: nothing to record crawls in")
        return cls(crawler)

    def spider_opened(self, spider):
        from scraper.crawl.archive_session import archive_session
        from scraper.crawl.locking import ArchiveLock

        lock = self.crawler.get_extension(ArchiveLock)
        if lock is not None and lock.refusal:
            return  # another crawl holds the archive: this one did nothing to record
        logging.getLogger().addHandler(self.error_counter)
        self.session = archive_session(self.crawler)
        archive = self.session.archive
        self.archived_rates = archive.fill_rates(spider.name, WATCHED_FIELDS)
        self.archive_had_articles = archive.article_count(spider.name) > 0
        self.session.start_crawl(spider.name)

    def item_scraped(self, item, spider):
        self.articles += 1
        for name in WATCHED_FIELDS:
            self.filled[name] += item.get(name) not in (None, "", [])

    def spider_closed(self, spider, reason):
        if self.session is None:
            return
        logging.getLogger().removeHandler(self.error_counter)
        # Requests still in flight (a bound, the deadline, a shutdown) or lost
        # without a callback: each is a failure with its URL, never a silent gap.
        why = "no answer before the run stopped" if reason != "finished" else "ended without a response"
        for url in getattr(spider, "unfinished_articles", list)():
            record_failure(self.crawler.stats, url, f"{why} ({reason})")
        getattr(spider, "settle_unfinished_files", lambda reason: None)(reason)
        run_rates = {name: count / self.articles for name, count in self.filled.items()} if self.articles else {}
        archived = self.archived_rates if self.archive_had_articles else {}
        collapsed = collapsed_fields(archived, run_rates, self.articles)
        outcome = outcome_from_stats(
            spider.name,
            self.crawler.stats.get_stats(),
            reason,
            collapsed,
            self.archive_had_articles,
        )
        archive, crawl_id = self.session.archive, self.session.crawl_id
        outcome.warnings += settle_suspects(archive, crawl_id, site_looks_changed=bool(collapsed))
        archive.finish_crawl(
            crawl_id,
            finished_at=_now(),
            requests=outcome.requests,
            articles_new=outcome.new,
            articles_changed=outcome.changed,
            articles_unchanged=outcome.unchanged,
            articles_failed=outcome.failed,
            articles_suspect=outcome.suspect,
            articles_requested=outcome.requested,
            articles_too_large=outcome.too_large,
            failures=outcome.failures,
            warnings=outcome.warnings + outcome.problems,
            finish_reason=reason,
            exit_status=outcome.exit_status,
            source_mode=outcome.source_mode,
            **{f"files_{name}": count for name, count in outcome.files.items()},
        )
        self.crawler.signals.send_catch_log(site_finished, outcome=outcome)
        # The last line of a Scrapyd job's log: how the run went, as the crawls row says.
        logger.info("kronika: %s (finish reason: %s, exit status %d)", outcome.summary(), reason, outcome.exit_status)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
