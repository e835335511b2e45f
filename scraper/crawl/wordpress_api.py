"""The WordPress REST API requests Kronika makes, and what its pagination headers say."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from urllib.parse import urlencode

logger = logging.getLogger(__name__)

# The API is closed (auth plugins, security hardening, no REST at all): use the feed, then HTML.
CLOSED_STATUSES = (401, 403, 404)
INVALID_PAGE = "rest_post_invalid_page_number"
MEDIA_PER_PAGE = 100  # the API's maximum per_page


def posts_url(api_base: str, *, per_page: int, page: int, modified_after: str | None = None) -> str:
    """`/wp/v2/posts?_embed&per_page=N&page=P[&modified_after=...]&orderby=modified&order=desc`.

    Newest change first, so an interrupted run has archived the recent edits.
    """
    query = {"per_page": per_page, "page": page}
    if modified_after:
        query["modified_after"] = modified_after
    query |= {"orderby": "modified", "order": "desc"}
    return f"{api_base.rstrip('/')}/wp/v2/posts?_embed&{urlencode(query)}"


def media_url(api_base: str, parents: list[int], page: int = 1) -> str:
    """The files attached to the given posts (`wp:attachment` links are not embeddable): one request per page."""
    query = {"parent": ",".join(map(str, parents)), "per_page": MEDIA_PER_PAGE, "page": page}
    return f"{api_base.rstrip('/')}/wp/v2/media?{urlencode(query)}"


def total_pages(headers: dict[str, str]) -> int:
    """`X-WP-TotalPages` (0 for an empty result); a missing or odd header counts as one page."""
    value = next((v for k, v in headers.items() if k.lower() == "x-wp-totalpages"), None)
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        logger.warning("WordPress response without a usable X-WP-TotalPages header (%r)", value)
        return 1


def modified_after(latest: datetime | None) -> str | None:
    """The `modified_after` value for the newest archived change: UTC with an explicit `Z`.

    WordPress reads a date without an offset in the site's own time zone
    (WP_Date_Query against `post_modified`); the `Z` makes the comparison
    exact whatever that zone is. "After" is strict: the newest archived
    post itself does not come back.
    """
    if latest is None:
        return None
    return latest.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
