"""One document's bytes -> DocumentResult, in this process: sniff, guard, read per format, clean."""

from __future__ import annotations

import importlib
import io
import logging
import zipfile

from scraper.extract.documents.clean import clean_page, drop_repeated_margins, join_pages
from scraper.extract.documents.detect import WRONG_TYPE, detect_type, is_encrypted_office
from scraper.extract.documents.limits import MAX_DOCUMENT_BYTES, MAX_UNPACKED_BYTES
from scraper.extract.documents.pages import PageError
from scraper.extract.documents.result import DocumentResult, sha256_of
from scraper.extract.language import guess_language

logger = logging.getLogger(__name__)

# module:function per type, imported on first use: a worker reading one PDF never loads the office libraries.
READERS = {
    "pdf": "pdf:extract_pdf",
    "docx": "docx:extract_docx",
    "odt": "odf:extract_odt",
    "ods": "odf:extract_ods",
    "xlsx": "sheets:extract_xlsx",
    "xls": "sheets:extract_xls",
    "doc": "doc:extract_doc",
    "rtf": "rtf:extract_rtf",
    "jpg": "image:extract_image",
    "png": "image:extract_image",
    "tiff": "image:extract_image",
}
ZIP_TYPES = ("docx", "odt", "ods", "xlsx")


def extract_document(data: bytes, max_bytes: int = MAX_DOCUMENT_BYTES) -> DocumentResult:
    """Read `data` whatever it is; a file we cannot read gives a result with `error`, never an exception."""
    if len(data) > max_bytes:
        return DocumentResult.failed(data, "too_large", f"{len(data)} bytes is over the {max_bytes}-byte cap")
    if is_encrypted_office(data):
        return DocumentResult.failed(data, "password_protected", "an Office file encrypted with a password to open")
    file_type = detect_type(data)
    if file_type == WRONG_TYPE:
        return DocumentResult.failed(data, "wrong_type", f"not a document (starts with {data[:16]!r})", WRONG_TYPE)
    try:
        if file_type in ZIP_TYPES:
            _check_unpacked_size(data)
        extracted = _reader(file_type)(data)
    except PageError as error:
        return DocumentResult.failed(data, error.code, error.reason, file_type)
    except MemoryError:
        return DocumentResult.failed(data, "out_of_memory", "extraction hit the worker's memory limit", file_type)
    except Exception as error:  # a hostile file can make any parser raise anything; it is still one bad file
        logger.warning("reading a %s failed unexpectedly: %r", file_type, error)
        return DocumentResult.failed(data, "corrupt", f"{type(error).__name__}: {error}", file_type)
    warnings = list(extracted.warnings)
    cleaned = []
    for text in extracted.texts:
        page, page_warnings = clean_page(text)
        cleaned.append(page)
        warnings += page_warnings
    text, offsets = join_pages(drop_repeated_margins(cleaned))
    if not text:
        warnings.append("no text found")
    return DocumentResult(
        sha256=sha256_of(data),
        type=file_type,
        pages=len(cleaned),
        language=guess_language(text),
        characters=len(text),
        method=extracted.method,
        text=text,
        page_offsets=tuple(offsets),
        warnings=tuple(dict.fromkeys(warnings)),
        ocr_confidence=extracted.ocr_confidence,
    )


def _reader(file_type: str):
    module, _, function = READERS[file_type].partition(":")
    return getattr(importlib.import_module(f"scraper.extract.documents.{module}"), function)


def _check_unpacked_size(data: bytes) -> None:
    """Refuse a zip whose members declare more than MAX_UNPACKED_BYTES; the worker's memory cap catches liars."""
    try:
        declared = sum(member.file_size for member in zipfile.ZipFile(io.BytesIO(data)).infolist())
    except zipfile.BadZipFile as error:
        raise PageError("corrupt", f"broken ZIP container ({error})") from error
    if declared > MAX_UNPACKED_BYTES:
        raise PageError("zip_bomb", f"members unpack to {declared} bytes, over the {MAX_UNPACKED_BYTES}-byte cap")
