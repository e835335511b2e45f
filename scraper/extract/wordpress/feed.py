"""The RSS 2.0 feed WordPress serves at `/feed/` (with `content:encoded`) to contract items.

The fallback when the REST API is closed. Error policy: an <item> without a
link or a post id (the `?p=<id>` guid) is skipped with a warning; other
missing elements give empty fields and a warning in `extraction.warnings`.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from lxml import etree

from scraper.extract.dates import to_iso_warsaw
from scraper.extract.wordpress.content import (
    content_fields,
    excerpt_lead,
    finished_item,
    first_paragraph,
    rendered_text,
    site_fields,
)
from scraper.sites import Site

NAMESPACES = {"content": "http://purl.org/rss/1.0/modules/content/", "dc": "http://purl.org/dc/elements/1.1/"}
POST_ID = re.compile(r"[?&]p=(\d+)")


class FeedError(ValueError):
    """The response is no RSS feed."""


def feed_items(
    body: bytes, site: Site, *, fetched_at: datetime | str | None = None, status: int = 200
) -> tuple[list[dict], list[str]]:
    """(items, warnings) for every usable <item> of the feed, in feed order."""
    try:
        root = etree.fromstring(body, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as error:
        raise FeedError(f"not an RSS feed: {error}") from error
    if root.tag != "rss":
        raise FeedError(f"not an RSS feed: root element <{root.tag}>")
    items, warnings = [], []
    for element in root.iterfind("channel/item"):
        item = feed_item(element, site, fetched_at=fetched_at, status=status)
        if isinstance(item, str):
            warnings.append(item)
        else:
            items.append(item)
    return items, warnings


def text(element: etree._Element, path: str) -> str | None:
    found = element.find(path, NAMESPACES)
    return found.text.strip() if found is not None and found.text and found.text.strip() else None


def feed_item(element: etree._Element, site: Site, *, fetched_at=None, status: int = 200) -> dict | str:
    """The contract item of one <item>, or the warning saying why it was skipped."""
    link, guid = text(element, "link"), text(element, "guid") or ""
    post_id = POST_ID.search(guid)
    if not link or not post_id:
        return f"feed item {link or guid or '?'} has no link or no ?p=<id> guid; skipped"
    warnings: list[str] = []
    item = {**site_fields(site, post_id.group(1), link), "modified_at": None}
    item["title"] = rendered_text(text(element, "title"))
    item.update(content_fields(text(element, "content:encoded"), link))
    item["lead"] = excerpt_lead(text(element, "description"), item["body_text"]) or first_paragraph(item["body_text"])
    item["published_at"] = published(text(element, "pubDate"), warnings)
    creator = text(element, "dc:creator")
    item["author"] = " ".join(creator.split()) if creator else None
    # WordPress lists categories and tags alike as <category>.
    item["tags"] = list(dict.fromkeys(name for c in element.iterfind("category") if (name := rendered_text(c.text))))
    for name in ("title", "body_text", "published_at"):
        if not item[name]:
            warnings.append(f"feed item {link} has no {name}")
    return finished_item(
        item,
        site,
        etree.tostring(element, encoding="utf-8"),
        source="rss",
        warnings=warnings,
        fetched_at=fetched_at,
        status=status,
    )


def published(value: str | None, warnings: list[str]) -> str | None:
    """RFC 822 `pubDate` ('Tue, 05 Mar 2024 09:30:00 +0000') to ISO with the Warsaw offset."""
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        warnings.append(f"pubDate: not an RFC 822 date {value!r}")
        return None
    # '-0000' (zone unknown) parses naive; WordPress writes UTC.
    return to_iso_warsaw(moment if moment.tzinfo else moment.replace(tzinfo=UTC))
