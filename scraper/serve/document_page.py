"""Everything the document page shows: the extracted text page by page, its files, sources and articles."""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from itertools import pairwise

from scraper.serve.article_page import columns_of, rows, web_url
from scraper.serve.filters import LANGUAGES, METHODS

logger = logging.getLogger(__name__)

# The code before the colon of documents.error (scraper.extract.documents.result.ERROR_CODES).
ERRORS = {
    "wrong_type": "to nie jest dokument, choć tak go podano",
    "corrupt": "plik jest uszkodzony",
    "password_protected": "plik jest chroniony hasłem",
    "too_large": "plik jest za duży, by go odczytać",
    "zip_bomb": "plik rozpakowałby się ponad limit",
    "timeout": "odczyt przekroczył limit czasu",
    "out_of_memory": "odczyt przekroczył limit pamięci",
    "worker_failed": "odczyt nie powiódł się",
}
# The extraction's warnings (extract/documents/clean.py, extract.py) in Polish; others are shown as they are.
WARNINGS = (
    (re.compile(r"removed (\d+) U\+FFFD replacement characters"), "usunięto {} znaków zastępczych (U+FFFD)"),
    (re.compile(r"removed (\d+) control characters"), "usunięto {} znaków sterujących"),
    (re.compile(r"no text found"), "nie znaleziono tekstu"),
)
# Spreadsheets are read sheet by sheet, everything else page by page.
SHEET_TYPES = {"xlsx", "xls", "ods"}
# The articles listed as linking one document: a file attached everywhere stays a short list.
MAX_ARTICLES = 200


def polish_warning(warning: str) -> str:
    for pattern, polish in WARNINGS:
        found = pattern.fullmatch(warning)
        if found:
            return polish.format(*found.groups())
    return warning


def polish_error(error: str | None) -> dict | None:
    """`code: reason` as {label: the Polish reading of the code, reason: the recorded line}."""
    if not error:
        return None
    code, _, reason = error.partition(":")
    return {"label": ERRORS.get(code.strip(), code.strip()), "reason": reason.strip()}


def split_pages(text: str | None, page_offsets: str | None) -> list[str]:
    """`text` cut at `page_offsets` (a JSON list of where each page starts); one page when they are missing or bad."""
    if not text:
        return []
    try:
        offsets = json.loads(page_offsets) if page_offsets else []
    except ValueError:
        offsets = None
    if not offsets or not all(isinstance(offset, int) for offset in offsets) or offsets != sorted(offsets):
        if offsets:
            logger.warning("document page: page_offsets %.80r do not fit the text; shown as one page", page_offsets)
        return [text.strip()]
    bounds = [*offsets, len(text)]
    return [text[start:end].strip() for start, end in pairwise(bounds)]


def _json_list(value: str | None) -> list:
    try:
        found = json.loads(value) if value else []
    except ValueError:
        return [value]
    return found if isinstance(found, list) else [found]


def gather_document(conn: sqlite3.Connection, sha256: str) -> dict | None:
    """The document page's data for `sha256` on a read-only connection, or None if there is no such document."""
    documents = rows(conn, "select * from documents where sha256 = ?", [sha256])
    if not documents:
        return None
    document = documents[0]
    document["method_label"] = METHODS.get(document.get("method"), document.get("method"))
    document["language_label"] = LANGUAGES.get(document.get("language"), document.get("language"))
    document["error"] = polish_error(document.get("error"))
    document["warnings"] = [polish_warning(str(warning)) for warning in _json_list(document.get("warnings"))]
    document["page_word"] = "Arkusz" if document.get("type") in SHEET_TYPES else "Strona"
    document["page_texts"] = split_pages(document.get("text"), document.get("page_offsets"))
    sources = rows(conn, "select distinct filename, url from attachments where sha256 = ? order by url", [sha256])
    stored = (
        rows(conn, "select size, media_type from files where sha256 = ?", [sha256])
        if "sha256" in columns_of(conn, "files")
        else []
    )
    articles = rows(
        conn,
        "select distinct ar.id, ar.title, ar.published_at from attachments a "
        "join articles ar on ar.id = a.article_id where a.sha256 = ? "
        f"order by ar.published_at desc, ar.id limit {MAX_ARTICLES}",
        [sha256],
    )
    return {
        "document": document,
        "filenames": sorted({source["filename"] for source in sources if source["filename"]}),
        "originals": [link for link in dict.fromkeys(web_url(source["url"]) for source in sources) if link],
        "stored": stored[0] if stored else None,
        "articles": articles,
    }
