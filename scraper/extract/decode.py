"""Raw page bytes to text: BOM, valid UTF-8, a trustworthy declared charset, then a Polish-aware guess."""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Mapping

from charset_normalizer import from_bytes

from scraper.extract.errors import ExtractionError
from scraper.extract.notes import page_warning

logger = logging.getLogger(__name__)

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
POLISH_LETTERS = frozenset("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
# What Polish letters turn into when windows-1250 / ISO-8859-2 bytes are read
# with the other (or a Latin-1) table: C1 controls, replacement characters and
# letters that never occur in Polish prose (æ ê ñ are ć ę ń read as Latin-1).
MOJIBAKE = frozenset("¹³¿¶±¼¥¦¬ˇ˘ĽľšŠťŤæêñÆÊÑ\ufffd") | frozenset(map(chr, range(0x80, 0xA0)))
# The single-byte tables Polish public sites actually use, best first on a tie
# (cp852, the DOS table, turns up in pages pasted from old office software).
POLISH_CODECS = ("cp1250", "iso-8859-2", "cp852")
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
# Codecs that Python calls text encodings but no web page is written in:
# they decode markup into something else, or refuse to decode at all.
NOT_PAGE_CODECS = frozenset({"undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode"})
C1_CONTROLS = frozenset(map(chr, range(0x80, 0xA0)))
# An HTML page may carry stray NULs (dropped later, even a hundred of them
# spliced into a small page); more than one in ten of the first bytes is a
# binary file or UTF-16 without a BOM (about every other byte for Latin text).
BINARY_NUL_SHARE = 10


def decode_html(body: bytes, headers: Mapping[str, str] | None = None) -> tuple[str, str]:
    """The page as text and the encoding used; raises ExtractionError for binary bytes.

    Never adds U+FFFD: bytes no candidate can decode are dropped (with a page
    warning), so a replacement character in the text was in the page itself.
    """
    if not body.strip():
        raise ExtractionError("empty page")
    for bom, encoding in BOMS:
        if body.startswith(bom):
            if encoding != "utf-8-sig":
                return bom_decode(body, encoding), encoding
            if (text := clean_decode(body, encoding)) is not None:
                return text, encoding
            page_warning("UTF-8 byte order mark before bytes that are not UTF-8: mark ignored")
            body = body[len(bom) :]
            break
    head = body[:4096]
    if head.count(b"\x00") * BINARY_NUL_SHARE > len(head):
        raise ExtractionError("binary content, not an HTML page")
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in declared_charsets(body, headers):
        text = clean_decode(body, encoding)
        if text is not None and mojibake_count(text) == 0:
            return text, encoding
    return guess_polish(body)


def declared_charsets(body: bytes, headers: Mapping[str, str] | None) -> list[str]:
    """Charsets named by the Content-Type header and the markup, header first."""
    found = []
    content_type = header_value(headers, "content-type") or ""
    match = HEADER_CHARSET.search(content_type)
    if match:
        found.append(match.group(1))
    match = META_CHARSET.search(body[:4096])
    if match:
        found.append(match.group(1).decode("ascii", "replace"))
    return [name for name in found if known_codec(name)]


def header_value(headers: Mapping[str, str] | None, name: str) -> str | None:
    """A header's value whatever the key's case (Scrapy and HTTP libraries differ)."""
    for key, value in (headers or {}).items():
        key = key.decode("latin-1") if isinstance(key, bytes) else key
        if key.lower() == name:
            if isinstance(value, list | tuple):
                value = value[0] if value else ""
            return value.decode("latin-1") if isinstance(value, bytes) else str(value)
    return None


def known_codec(name: str) -> bool:
    """True for a codec a page can be written in (not `hex`, `rot13`, `zlib`, `undefined`, ...)."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        return False
    if not info._is_text_encoding or info.name in NOT_PAGE_CODECS:
        page_warning(f"ignored declared charset {name!r}: not a text encoding")
        return False
    return True


def clean_decode(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except UnicodeError:  # UnicodeDecodeError, and the plain UnicodeError some codecs raise
        return None


def bom_decode(body: bytes, encoding: str) -> str:
    """UTF-16/32 after its byte order mark; a truncated last unit or lone surrogate is dropped, with a warning."""
    text = clean_decode(body, encoding)
    if text is None:
        page_warning(f"{encoding} page with undecodable bytes (odd length or lone surrogate): dropped them")
        text = body.decode(encoding, errors="ignore")
    return text


def mojibake_count(text: str) -> int:
    return sum(1 for char in text if char in MOJIBAKE)


def polish_score(text: str) -> int:
    """Polish letters found minus a heavy penalty for each mojibake character."""
    return sum(1 for char in text if char in POLISH_LETTERS) - 5 * mojibake_count(text)


def guess_polish(body: bytes) -> tuple[str, str]:
    """The better of windows-1250 and ISO-8859-2, else charset-normalizer's guess."""
    candidates = [
        (polish_score(text), -rank, encoding, text)
        for rank, encoding in enumerate(POLISH_CODECS)
        if (text := clean_decode(body, encoding)) is not None
    ]
    if candidates:
        score, _, encoding, text = max(candidates)
        if mojibake_count(text) == 0:
            return text, encoding
    best = from_bytes(body).best()
    # A guess that yields C1 controls is the wrong table (a cp852 page read as ISO-8859-2).
    if best is not None and not C1_CONTROLS.intersection(text := str(best)):
        logger.info("charset-normalizer guessed %s", best.encoding)
        return text, best.encoding
    page_warning("no clean decoding found: read as UTF-8, undecodable bytes dropped")
    return body.decode("utf-8", errors="ignore"), "utf-8"
