"""The raw-page record the archive keeps so articles can be re-extracted without crawling again."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import UTC, datetime

from scraper.extract.decode import header_value

KEPT_HEADERS = ("content-type", "etag", "last-modified", "date", "content-length")


def page_record(
    body: bytes, url: str, headers: Mapping[str, str] | None, status: int, fetched_at: datetime | str | None
) -> dict:
    """{url, status, headers (the selected few, lower-case names), body, fetched_at (UTC ISO), sha256}."""
    kept = {name: value for name in KEPT_HEADERS if (value := header_value(headers, name)) is not None}
    return {
        "url": url,
        "status": status,
        "headers": kept,
        "body": bytes(body),
        "fetched_at": utc_iso(fetched_at or datetime.now(UTC)),
        "sha256": hashlib.sha256(body).hexdigest(),
    }


def utc_iso(moment: datetime | str) -> str:
    """UTC ISO 8601 with a Z; a naive datetime is UTC already; an ISO string (a stored page's) is parsed."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
