"""Cost bounds for one page: bytes parsed, attributes per element, and the time budget of the optional layers."""

from __future__ import annotations

import re

from scraper.extract.notes import page_warning

# The extractor sets its own cap rather than trust the caller's download cap;
# real article pages are a small fraction of it.
MAX_PAGE_BYTES = 2 * 1024 * 1024
# libxml2's duplicate-attribute check is quadratic in an element's attributes
# (BENCHMARKS.md, hostile input); real elements carry a dozen.
MAX_ATTRIBUTES = 256
# trafilatura, the last-resort body layer, is superlinear in the page
# (BENCHMARKS.md, hostile input); real article pages are far below this.
MAX_TRAFILATURA_CHARS = 256 * 1024
# Seconds after the parse beyond which optional fields are skipped (the
# title, the body and the URL are always extracted).
TIME_BUDGET = 1.0

ATTRIBUTE = r"(?>\s++[^\s/>=]++(?>\s*+=\s*+(?>\"[^\"]*+\"|'[^']*+'|[^\s>]*+))?+)"
# A start tag holding more than MAX_ATTRIBUTES attributes: its head (the tag
# name and the first MAX_ATTRIBUTES) and the surplus. Possessive throughout,
# so a tag that does not qualify fails after its own attributes, in linear time.
CROWDED_TAG = re.compile(rf"(?P<head><[A-Za-z][^\s/>]*+{ATTRIBUTE}{{{MAX_ATTRIBUTES}}})(?P<surplus>{ATTRIBUTE}++)")


def capped_body(body: bytes) -> bytes:
    """The first MAX_PAGE_BYTES of a page, cut before a '<' so no character or tag is split (warned)."""
    if len(body) <= MAX_PAGE_BYTES:
        return body
    page_warning(f"page of {len(body)} bytes: only the first {MAX_PAGE_BYTES} extracted")
    cut = body.rfind(b"<", MAX_PAGE_BYTES // 2, MAX_PAGE_BYTES)
    return body[: cut if cut > 0 else MAX_PAGE_BYTES]


def capped_attributes(text: str) -> str:
    """Markup with every element's attributes after the MAX_ATTRIBUTES-th removed (warned)."""
    if text.count("=") < MAX_ATTRIBUTES:  # cheap exit for the common page
        return text
    capped, count = CROWDED_TAG.subn(r"\g<head>", text)
    if count:
        page_warning(f"{count} element(s) with more than {MAX_ATTRIBUTES} attributes: the rest dropped")
    return capped
