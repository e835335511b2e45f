"""RTF with striprtf; the bytes are 7-bit with \\'xx escapes in the code page the header names (\\ansicpgNNNN)."""

from __future__ import annotations

import re

from striprtf.striprtf import rtf_to_text

from scraper.extract.documents.pages import ExtractedPages, PageError

CODE_PAGE = re.compile(rb"\\ansicpg(\d+)")
# Polish Windows writes cp1250 when the header says nothing.
DEFAULT_CODE_PAGE = "cp1250"


def extract_rtf(data: bytes) -> ExtractedPages:
    """The text as one page."""
    match = CODE_PAGE.search(data[:2048])
    encoding = f"cp{int(match.group(1))}" if match else DEFAULT_CODE_PAGE
    try:
        text = rtf_to_text(data.decode("latin-1"), encoding=encoding, errors="replace")
    except (LookupError, ValueError, IndexError) as error:
        raise PageError("corrupt", f"striprtf cannot read the RTF ({error})") from error
    pages = ExtractedPages()
    pages.add_text(text)
    return pages
