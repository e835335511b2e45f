"""Warnings raised deep inside extraction (a bad URL, size or JSON-LD block) collected into the page's item."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from contextvars import ContextVar

logger = logging.getLogger(__name__)

# The warnings list of the page being extracted; helpers far from the
# PageContext (URL joins, size parsing) report here instead of threading
# the list through every call.
CURRENT_WARNINGS: ContextVar[list[str] | None] = ContextVar("kronika_page_warnings", default=None)


@contextlib.contextmanager
def collecting(warnings: list[str]) -> Iterator[list[str]]:
    """Route page_warning() calls made inside the block into `warnings`."""
    token = CURRENT_WARNINGS.set(warnings)
    try:
        yield warnings
    finally:
        CURRENT_WARNINGS.reset(token)


def page_warning(message: str) -> None:
    """Log `message` and add it once to the current page's warnings (if a page is being extracted)."""
    warnings = CURRENT_WARNINGS.get()
    if warnings is None:
        logger.warning(message)
    elif message not in warnings:
        logger.warning(message)
        warnings.append(message)
