"""Guarded URL joins and splits: a malformed link (a broken IPv6 host, a bad port) is dropped with a warning."""

from __future__ import annotations

from urllib.parse import SplitResult, urljoin, urlsplit

from scraper.extract.notes import page_warning


def split_url(url: str) -> SplitResult | None:
    """urlsplit with host and port checked (both raise ValueError lazily); None, with a warning, if malformed."""
    try:
        parts = urlsplit(url)  # raises for an unbalanced IPv6 bracket
        parts.port  # noqa: B018 - the port is parsed (and refused) only when read
    except ValueError as error:
        page_warning(f"dropped malformed URL {url[:200]!r}: {error}")
        return None
    return parts


def absolute_url(base_url: str, href: str) -> str | None:
    """`href` resolved against `base_url`, or None (with a warning) when either is malformed."""
    try:
        joined = urljoin(base_url, href.strip())
    except ValueError as error:
        page_warning(f"dropped malformed URL {href[:200]!r}: {error}")
        return None
    return joined if split_url(joined) is not None else None


def url_path(url: str) -> str:
    """The path of `url`; "" for a malformed one (reported)."""
    parts = split_url(url)
    return parts.path if parts is not None else ""
