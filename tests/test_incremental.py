"""The incremental policy: what is fetched, re-checked, skipped; when pagination stops."""

from datetime import UTC, datetime
from types import SimpleNamespace

from scraper import settings
from scraper.crawl.incremental import CrawlPlan, Decision, conditional_headers

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
OLD = SimpleNamespace(published_at="2018-10-05T08:39:00+02:00", etag='"a"', last_modified=None)
RECENT = SimpleNamespace(
    published_at="2026-11-20T10:00:00+01:00", etag='"b"', last_modified="Fri, 20 Nov 2026 09:00:00 GMT"
)


def plan(**kwargs):
    policy = {
        "full": False,
        "known_streak": settings.KRONIKA_KNOWN_STREAK,
        "recheck_days": settings.KRONIKA_RECHECK_DAYS,
    }
    return CrawlPlan(known={"gdynia:1": OLD, "gdynia:2": RECENT}, now=NOW, **{**policy, **kwargs})


def test_unknown_article_is_fetched():
    assert plan().decide("gdynia:3") is Decision.FETCH


def test_old_archived_article_is_skipped():
    assert plan().decide("gdynia:1") is Decision.SKIP


def test_recent_archived_article_is_rechecked():
    assert plan().decide("gdynia:2") is Decision.RECHECK


def test_full_fetches_everything():
    assert plan(full=True).decide("gdynia:1") is Decision.FETCH


def test_pagination_stops_after_streak_unless_full_or_resuming():
    assert plan(known_streak=6).keep_paginating(5)
    assert not plan(known_streak=6).keep_paginating(6)
    assert plan(known_streak=6, full=True).keep_paginating(60)
    assert plan(known_streak=6, resume=True).keep_paginating(60)


def test_conditional_headers():
    assert conditional_headers(RECENT) == {
        "If-None-Match": '"b"',
        "If-Modified-Since": "Fri, 20 Nov 2026 09:00:00 GMT",
    }
