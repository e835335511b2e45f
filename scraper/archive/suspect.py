"""Suspect re-fetches: recognise a fetch that looks like a different page, so it never becomes current unconfirmed.

Policy (documented in docs/suspects.md too). A re-fetch that would change an
archived article is suspect when any of these holds:
- the title changed AND the body is mostly different: fewer than
  BODY_OVERLAP_MIN of the shorter body's word SHINGLE_WORDS-shingles occur in
  the other body (edits that add, drop or reword a paragraph keep most
  shingles; another page keeps almost none);
- the published date moved by more than PUBLISHED_TOLERANCE;
- the archived author vanished;
- the same title and body came back for DUPLICATE_URLS or more distinct
  articles in one run (a page the CMS serves for every URL).
Suspect fetches are stored in `pages` (review = "held") and never become
current in the run they appear in; see scraper.archive.store for confirmation.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta

SHINGLE_WORDS = 3
# Measured on the mirror's 32 articles (python -m bench.suspects): edits keep
# >= 0.38 (first paragraph rewritten; adding or dropping one keeps 1.00,
# correcting every 8th word 0.62), two different articles share <= 0.08.
BODY_OVERLAP_MIN = 0.2
# An offset fix or a same-day correction of the time is no different page.
PUBLISHED_TOLERANCE = timedelta(hours=24)
DUPLICATE_URLS = 3
_WORD = re.compile(r"\w+")


def shingles(text: str | None) -> set[tuple[str, ...]]:
    """The set of SHINGLE_WORDS-word runs of `text`, lower-cased (a shorter text gives itself as one)."""
    words = _WORD.findall((text or "").lower())
    if len(words) <= SHINGLE_WORDS:
        return {tuple(words)} if words else set()
    return {tuple(words[start : start + SHINGLE_WORDS]) for start in range(len(words) - SHINGLE_WORDS + 1)}


def body_overlap(archived: str | None, fetched: str | None) -> float:
    """Share of the smaller body's shingles found in the other (containment, 0.0-1.0); 1.0 for two empty bodies."""
    before, after = shingles(archived), shingles(fetched)
    if not before and not after:
        return 1.0
    if not before or not after:
        return 0.0
    return len(before & after) / min(len(before), len(after))


def _instant(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def different_page_reason(archived: dict, fetched: dict) -> str | None:
    """Why the fetched title and body look like another page's, or None."""
    title_before, title_after = (archived.get("title") or "").strip(), (fetched.get("title") or "").strip()
    if not title_after or title_before.casefold() == title_after.casefold():
        return None
    overlap = body_overlap(archived.get("body_text"), fetched.get("body_text"))
    if overlap >= BODY_OVERLAP_MIN:
        return None
    return f"title changed to {title_after!r} and only {overlap:.0%} of the body matches the archived one"


def moved_date_reason(archived: dict, fetched: dict) -> str | None:
    """Why the fetched published_at is not the archived article's, or None (a lost date is degraded, not moved)."""
    before, after = _instant(archived.get("published_at")), _instant(fetched.get("published_at"))
    if before is None or after is None or abs(after - before) <= PUBLISHED_TOLERANCE:
        return None
    return f"published_at moved from {archived['published_at']} to {fetched['published_at']}"


def vanished_author_reason(archived: dict, fetched: dict) -> str | None:
    """Why the byline suggests another page: the archived author is gone, or None."""
    if archived.get("author") and not fetched.get("author"):
        return f"author {archived['author']!r} vanished"
    return None


def suspect_reasons(archived: dict, fetched: dict) -> list[str]:
    """Every per-article rule of the module docstring that `fetched` breaks, as warnings."""
    rules = (different_page_reason, moved_date_reason, vanished_author_reason)
    return [reason for rule in rules if (reason := rule(archived, fetched))]


def page_content_key(item: dict) -> str:
    """sha256 of the title and body text: equal for the same page served under many URLs."""
    text = f"{item.get('title') or ''}\n{item.get('body_text') or ''}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def duplicate_reason(other_articles: int) -> str | None:
    """Why a fetch whose title and body `other_articles` other articles of this run also got is suspect, or None."""
    if other_articles + 1 < DUPLICATE_URLS:
        return None
    return f"the same title and body came back for {other_articles + 1} articles in this run"
