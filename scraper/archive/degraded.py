"""Degraded re-fetches: recognise a fetch that extracts less than archived, keep the archive.

Policy (documented in docs/export.md too):
- An error page (HTTP status >= 400; a title like "404" / "Nie znaleziono" /
  "Błąd"; or a body under ERROR_BODY_CHARS characters where the archive held
  a long one) is rejected whole: nothing of it reaches the article.
- Otherwise the fetch is merged field by field: a field the archive had
  filled that comes back empty keeps its archived value; a body that shrank
  below BODY_SHRINK_RATIO of its archived length keeps the archived
  body_text and body_html. Genuinely new non-empty values in the other
  fields are taken, so a fetch can be degraded and still make a new version.
- A list that comes back empty (tags, attachments) counts as lost, not
  removed: removing every tag at once is indistinguishable from a broken
  selector, and losing data is the worse mistake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scraper.extract.items import CONTENT_FIELDS

ERROR_STATUS = 400
ERROR_BODY_CHARS = 50
LONG_BODY_CHARS = 200
BODY_SHRINK_RATIO = 0.3
ERROR_TITLE = re.compile(
    r"\b(?:404|403|410|500|503)\b|nie znaleziono|strona nie istnieje|not found|^\s*(?:błąd|blad|error)\b",
    re.IGNORECASE,
)
BODY_FIELDS = ("body_text", "body_html")


@dataclass(frozen=True)
class Assessment:
    """What is wrong with a re-fetch compared with the archived item."""

    rejected: bool = False
    kept_fields: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def degraded(self) -> bool:
        return self.rejected or bool(self.kept_fields)


def is_empty(value) -> bool:
    """None, an empty string or an empty list/dict: nothing extracted."""
    return value is None or value == "" or value == [] or value == {}


def _text_length(item: dict) -> int:
    return len(item.get("body_text") or "")


def error_page_reason(archived: dict, fetched: dict) -> str | None:
    """Why `fetched` looks like an error page rather than the article, or None."""
    status = fetched.get("http_status")
    if status is not None and int(status) >= ERROR_STATUS:
        return f"http_status {status}"
    title = fetched.get("title") or ""
    if ERROR_TITLE.search(title) and not ERROR_TITLE.search(archived.get("title") or ""):
        return f"error page title {title!r}"
    if _text_length(fetched) < ERROR_BODY_CHARS <= LONG_BODY_CHARS <= _text_length(archived):
        return f"body_text {_text_length(fetched)} chars where the archive has {_text_length(archived)}"
    return None


def shrunk_body_reason(archived: dict, fetched: dict) -> str | None:
    """Why the fetched body is not to be trusted over the archived one, or None."""
    before, after = _text_length(archived), _text_length(fetched)
    if before and after < before * BODY_SHRINK_RATIO:
        return f"body_text shrank from {before} to {after} chars"
    return None


def lost_fields(archived: dict, fetched: dict) -> list[str]:
    """Content fields (other than the body) the archive has filled that came back empty."""
    return [
        field
        for field in CONTENT_FIELDS
        if field not in BODY_FIELDS and not is_empty(archived.get(field)) and is_empty(fetched.get(field))
    ]


def assess(archived: dict, fetched: dict) -> Assessment:
    """Compare a re-fetched item with the archived one; see the module docstring for the rules."""
    reason = error_page_reason(archived, fetched)
    if reason:
        return Assessment(rejected=True, warnings=(f"error page kept out of the archive: {reason}",))
    kept, warnings = [], []
    body_reason = shrunk_body_reason(archived, fetched)
    if body_reason:
        kept.extend(BODY_FIELDS)
        warnings.append(f"archived body kept: {body_reason}")
    for field in lost_fields(archived, fetched):
        kept.append(field)
        warnings.append(f"archived {field} kept: the fetch extracted none")
    return Assessment(kept_fields=tuple(kept), warnings=tuple(warnings))


def merge(archived: dict, fetched: dict, assessment: Assessment) -> dict:
    """The item to archive: `fetched` with the archived value wherever the assessment keeps it."""
    if assessment.rejected:
        return dict(archived)
    merged = dict(fetched)
    for field in assessment.kept_fields:
        merged[field] = archived.get(field)
    return merged
