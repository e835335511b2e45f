"""Why a request failed, in one short line, and whether it was a too-large page."""

from __future__ import annotations

import re

# Scrapy's three ways of refusing an oversized body: announced by Content-Length,
# received past the cap (named so by scraper.crawl.transport), or inflated past it by
# HttpCompressionMiddleware.
TOO_LARGE_MARKER = "larger than download max size"
TOO_LARGE_MESSAGES = (TOO_LARGE_MARKER, "exceeded DOWNLOAD_MAXSIZE")
# Scrapy messages quote whole request and response reprs; the URL is stated next to the reason anyway.
_REQUEST_REPR = re.compile(r" ?(in request )?<(GET|HEAD|POST|\d{3}) [^>]*>")
MAX_REASON = 200
# What an exception without a message meant, in words.
SILENT_ERRORS = {
    "ResponseDataLossError": "the body ended before its announced length",
    "ConnectionLost": "connection lost",
    "ResponseNeverReceived": "no response (connection reset or refused)",
}


def failure_kind(failure) -> str:
    """ "too_large" for a body over DOWNLOAD_MAXSIZE, else "failed"."""
    message = _messages(failure)
    return "too_large" if any(marker in message for marker in TOO_LARGE_MESSAGES) else "failed"


def failure_reason(failure) -> str:
    """`ExceptionType: message`, without request reprs, at most MAX_REASON characters."""
    name = type(failure.value).__name__
    response = getattr(failure.value, "response", None)
    if name == "HttpError" and response is not None:
        return f"HTTP {response.status}"
    message = _REQUEST_REPR.sub("", failure.getErrorMessage()).strip() or SILENT_ERRORS.get(name, "no message")
    return f"{name}: {message}"[:MAX_REASON]


def _messages(failure) -> str:
    # The cap's message may sit on the exception's cause (a cancelled Deferred).
    error, parts = failure.value, []
    while error is not None and len(parts) < 5:
        parts.append(str(error))
        error = error.__cause__ or error.__context__
    return " ".join(parts)
