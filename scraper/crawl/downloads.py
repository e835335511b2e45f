"""Attachments inside the crawl: which to fetch, and what each download ended as (stored, extracted, recorded)."""

from __future__ import annotations

import asyncio
import enum
import hashlib
import ipaddress
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import SimpleNamespace
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.spidermiddlewares.httperror import HttpError
from w3lib.url import canonicalize_url

from scraper.archive.downloads import (
    FAILED,
    HELD,
    NOT_FOUND,
    NOT_MODIFIED,
    OFFSITE,
    OK,
    TOO_LARGE,
    WRONG_TYPE,
    document_of,
    known_downloads,
    record_download,
    store_document,
    store_download,
)
from scraper.crawl.failures import failure_kind, failure_reason
from scraper.crawl.guard import OffsiteRedirect, RefusedAddress, non_public_address
from scraper.crawl.incremental import conditional_headers
from scraper.extract.documents.detect import detect_type
from scraper.extract.documents.result import DocumentResult
from scraper.extract.documents.worker import extract_in_worker

logger = logging.getLogger(__name__)

# Request meta: the canonical URL of the attachment a request is for.
FILE_META = "kronika_file"
# Scrapy's message for a Content-Length over the cap names the declared size (a streamed body has none).
DECLARED_SIZE = re.compile(r"Expected to receive (\d+) bytes")
GONE = (404, 410)


def allowed_file_hosts(site) -> frozenset[str]:
    """Hosts a site's attachments may come from: its own and the storage hosts its declaration names."""
    return frozenset(site.hosts) | frozenset(site.storage_hosts)


class FileAction(enum.Enum):
    FETCH = "fetch"  # not downloaded yet, or the last download failed: a plain GET
    RECHECK = "recheck"  # kept before, the article changed or --full: a conditional GET
    SKIP = "skip"  # kept before and the article unchanged, or already decided this run
    OFFSITE = "offsite"  # not an http(s) URL of an allowed host: recorded, never fetched


@dataclass(frozen=True)
class FileDecision:
    action: FileAction
    headers: dict = field(default_factory=dict)
    reason: str | None = None


@dataclass
class FilePolicy:
    """Per-site attachment policy; `known` maps attachment URL -> its archived download outcome."""

    hosts: frozenset[str]
    known: dict[str, dict] = field(default_factory=dict)
    full: bool = False
    # Off for the loopback mirror only (KRONIKA_REFUSE_PRIVATE_ADDRESSES).
    refuse_private: bool = True

    def decide(self, url: str, article_changed: bool) -> FileDecision:
        """What to do with the attachment at `url` of an article just fetched (`article_changed`: not as archived)."""
        reason = self.offsite_reason(url)
        if reason:
            return FileDecision(FileAction.OFFSITE, reason=reason)
        known = self.known.get(url)
        if known is None or known["download_status"] == FAILED:  # a failed download is retried whenever seen
            return FileDecision(FileAction.FETCH)
        if not (self.full or article_changed):
            return FileDecision(FileAction.SKIP)
        headers = conditional_headers(SimpleNamespace(**known)) if known["download_status"] in HELD else {}
        return FileDecision(FileAction.RECHECK if headers else FileAction.FETCH, headers)

    def offsite_reason(self, url: str) -> str | None:
        """Why `url` may not be fetched (scheme, host, non-public address literal), or None."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return f"not an http(s) URL ({parts.scheme or 'no scheme'})"
        host = parts.hostname or ""
        if self.refuse_private and _is_address(host) and non_public_address(host):
            return f"{host} is not a public internet address"
        if host not in self.hosts:
            return f"{host or 'no host'} is not one of the site's hosts"
        return None


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class FileKeeper:
    """One site's attachment downloads in a run: decisions, outcomes, stored bytes, extracted documents.

    Outcomes go on every `attachments` row linking the URL, and again when an
    article item is stored after its file was already decided (item order and
    download order are not tied). Extraction runs in the limited worker
    process, awaited off the reactor thread, so other sites crawl on.
    Stats: kronika/files_requested, kronika/files_<status>, kronika/files_skipped,
    kronika/files_offsite_by_policy (offsite without a request).
    """

    def __init__(self, crawler, policy: FilePolicy, archive=None, extract=extract_in_worker):
        self.crawler = crawler
        self.policy = policy
        self.archive = archive
        self.extract = extract
        self.max_bytes = crawler.settings.getint("KRONIKA_MAX_FILE_BYTES")
        self.links: dict[str, set[str]] = defaultdict(set)  # canonical URL -> attachment URLs naming it
        self.outcomes: dict[str, dict] = {}  # canonical URL -> this run's outcome
        self.pending: set[str] = set()  # canonical URLs requested and not yet ended
        crawler.signals.connect(self.item_stored, signal=signals.item_scraped)

    @classmethod
    def from_crawler(cls, crawler, site) -> FileKeeper:
        """The site's keeper, without an archive until `use_archive` (the spider's, when it opens)."""
        settings = crawler.settings
        policy = FilePolicy(
            hosts=allowed_file_hosts(site),
            full=settings.getbool("KRONIKA_FULL"),
            refuse_private=settings.getbool("KRONIKA_REFUSE_PRIVATE_ADDRESSES"),
        )
        return cls(crawler, policy)

    def use_archive(self, archive) -> None:
        """Keep files in `archive` (the crawl's ArchiveSession's), knowing what it already holds."""
        self.archive = archive
        self.policy.known = known_downloads(archive.db)

    def decide(self, url: str, article_changed: bool) -> FileDecision:
        """The policy's decision for one attachment URL; a URL already decided this run (or no archive) is skipped."""
        if self.archive is None:  # `scrapy crawl -s KRONIKA_DB= -O items.jsonl`: nowhere to keep files
            return FileDecision(FileAction.SKIP)
        canonical = canonicalize_url(url)
        first = canonical not in self.links
        self.links[canonical].add(url)
        if not first:
            return FileDecision(FileAction.SKIP)
        decision = self.policy.decide(url, article_changed)
        stats = self.crawler.stats
        if decision.action is FileAction.SKIP:
            stats.inc_value("kronika/files_skipped")
        elif decision.action is FileAction.OFFSITE:
            stats.inc_value("kronika/files_offsite_by_policy")
            self._record(
                canonical, {"download_status": OFFSITE, "fetched_at": _now(), "download_error": decision.reason}
            )
        else:
            stats.inc_value("kronika/files_requested")
            self.pending.add(canonical)
        return decision

    def request_meta(self, url: str) -> dict:
        """Meta for a file request: its own size cap, 304 passed through, the host already judged."""
        return {
            FILE_META: canonicalize_url(url),
            "download_maxsize": self.max_bytes,
            "download_warnsize": self.max_bytes,
            "handle_httpstatus_list": [304],
            "allow_offsite": True,
        }

    async def received(self, response) -> None:
        """Record a file response: 304 keeps what is stored; bytes are identified, stored once, extracted."""
        canonical = response.request.meta[FILE_META]
        self.pending.discard(canonical)
        validators = {"etag": _header(response, "ETag"), "last_modified": _header(response, "Last-Modified")}
        outcome = {"fetched_at": _now(), "http_status": response.status}
        if response.status == 304:
            # A 304 need not repeat the validators; those stored stay unless it sends new ones.
            fresh = {name: value for name, value in validators.items() if value}
            self._record(canonical, {**outcome, **fresh, "download_status": NOT_MODIFIED})
            return
        outcome.update(validators)
        data = response.body
        sha256 = hashlib.sha256(data).hexdigest()
        detected = detect_type(data)
        outcome.update(sha256=sha256, fetched_size=len(data), detected_type=detected)
        if detected == WRONG_TYPE:
            content_type = _header(response, "Content-Type") or "no Content-Type"
            result = DocumentResult.failed(
                data, "wrong_type", f"the bytes are no document we read ({content_type})", WRONG_TYPE
            )
            self._record(canonical, {**outcome, "download_status": WRONG_TYPE}, document=result)
            return
        self._record(canonical, {**outcome, "download_status": OK}, data=data)
        if self.archive is not None and document_of(self.archive.db, sha256) is None:
            result = await asyncio.to_thread(self.extract, data)
            self._store(lambda db: store_document(db, result))
            self.crawler.stats.inc_value("kronika/documents_extracted")
            if result.error:
                self.crawler.stats.inc_value("kronika/documents_failed")
                logger.warning("attachment %s: %s", response.url, result.error)

    def failed(self, failure) -> None:
        """Record a file request that ended without a response to keep."""
        canonical = failure.request.meta[FILE_META]
        self.pending.discard(canonical)
        error, reason = failure.value, failure_reason(failure)
        outcome = {"fetched_at": _now(), "download_error": reason}
        if isinstance(error, (RefusedAddress, OffsiteRedirect)):
            outcome["download_status"] = OFFSITE
        elif failure_kind(failure) == "too_large":
            declared = DECLARED_SIZE.search(failure.getErrorMessage())
            outcome.update(download_status=TOO_LARGE, declared_size=int(declared.group(1)) if declared else None)
        elif isinstance(error, HttpError):
            outcome.update(
                download_status=NOT_FOUND if error.response.status in GONE else FAILED,
                http_status=error.response.status,
            )
        else:
            outcome["download_status"] = FAILED
        logger.warning("attachment %s: %s (%s)", failure.request.url, outcome["download_status"], reason)
        self._record(canonical, outcome)

    def dropped(self, request) -> None:
        """Record a file request the scheduler dropped (a redirect to a URL this run already fetched)."""
        self.pending.discard(request.meta[FILE_META])
        self._record(
            request.meta[FILE_META],
            {
                "download_status": FAILED,
                "fetched_at": _now(),
                "download_error": f"dropped as a duplicate of a request already made: {request.url}",
            },
        )

    def settle_unfinished(self, reason: str) -> None:
        """At spider close: every file request still open is recorded failed, with why."""
        for canonical in sorted(self.pending):
            self._record(
                canonical,
                {
                    "download_status": FAILED,
                    "fetched_at": _now(),
                    "download_error": f"no answer before the run stopped ({reason})",
                },
            )
        self.pending.clear()

    def item_stored(self, item, response, spider) -> None:
        # The article's rows may be written after its file was decided: give them this run's outcomes.
        for attachment in item.get("attachments") or []:
            outcome = self.outcomes.get(canonicalize_url(attachment["url"]))
            if outcome is not None:
                self._store(lambda db, url=attachment["url"], outcome=outcome: record_download(db, [url], outcome))

    def _record(
        self, canonical: str, outcome: dict, *, data: bytes | None = None, document: DocumentResult | None = None
    ) -> None:
        self.outcomes[canonical] = outcome
        self.crawler.stats.inc_value(f"kronika/files_{outcome['download_status']}")

        self._store(lambda db: store_download(db, self.links[canonical], outcome, data=data, document=document))

    def _store(self, write) -> None:
        if self.archive is not None:
            with self.archive.db.atomic():
                write(self.archive.db)


def _header(response, name: str) -> str | None:
    value = response.headers.get(name)  # Scrapy's Headers are case-insensitive, plain dicts of them are not
    return value.decode("latin-1") if value else None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
