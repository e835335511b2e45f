"""What an incremental crawl fetches, decided from what the archive already holds."""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

logger = logging.getLogger(__name__)


class Decision(enum.Enum):
    FETCH = "fetch"  # not archived (or --full): fetch it
    RECHECK = "recheck"  # archived but recent: conditional request for updates
    SKIP = "skip"  # archived, old, unchanged: no request at all


@dataclass
class CrawlPlan:
    """Per-site crawl policy; `known` maps item id -> the archive's KnownArticle.

    `full`, `known_streak` and `recheck_days` are the settings KRONIKA_FULL,
    KRONIKA_KNOWN_STREAK and KRONIKA_RECHECK_DAYS (scraper/settings.py).
    """

    full: bool
    known_streak: int
    recheck_days: int
    known: dict = field(default_factory=dict)
    # The previous run of this site did not finish: walk every listing page so
    # the archive ends up as complete as after an uninterrupted run.
    resume: bool = False
    now: datetime = field(default_factory=lambda: datetime.now(UTC))

    def decide(self, article_id: str) -> Decision:
        if self.full or article_id not in self.known:
            return Decision.FETCH
        if self._recently_published(self.known[article_id]):
            return Decision.RECHECK
        return Decision.SKIP

    def keep_paginating(self, consecutive_known: int) -> bool:
        """False once enough archived articles in a row say the rest is archived too."""
        return self.full or self.resume or consecutive_known < self.known_streak

    def _recently_published(self, known) -> bool:
        # An undated article is not re-checked: only --full can refresh it.
        published = _parse_iso(getattr(known, "published_at", None))
        return published is not None and published >= self.now - timedelta(days=self.recheck_days)


def conditional_headers(known) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from what the last fetch of an article sent."""
    headers = {}
    if getattr(known, "etag", None):
        headers["If-None-Match"] = known.etag
    if getattr(known, "last_modified", None):
        headers["If-Modified-Since"] = known.last_modified
    return headers


def _parse_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        logger.warning("archive holds an unparseable date %r", value)
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
