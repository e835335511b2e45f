"""Attachments: file badges, links to documents, declared storage paths; absolute, typed, sized, de-duplicated."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import PurePosixPath
from urllib.parse import unquote

from scraper.extract.notes import page_warning
from scraper.extract.urls import absolute_url, url_path
from scraper.sites import storage_prefixes

DOCUMENT_TYPES = (
    "pdf",
    "doc",
    "docx",
    "odt",
    "rtf",
    "txt",
    "xls",
    "xlsx",
    "ods",
    "csv",
    "ppt",
    "pptx",
    "odp",
    "zip",
    "rar",
    "7z",
    "mp3",
    "mp4",
)
IMAGE_TYPES = ("jpg", "jpeg", "png", "gif", "tif", "tiff", "bmp", "webp", "svg")
FILE_TYPES = DOCUMENT_TYPES + IMAGE_TYPES
# Badges are upper-case and glued to their label ("JPGNULL", "PDFPOBIERZ
# PLIK"): match the longest known type first so "DOCX" is never "DOC" + "X".
BADGE = re.compile(
    r"^\s*(?P<type>" + "|".join(sorted(map(str.upper, FILE_TYPES), key=len, reverse=True)) + r")\s*(?P<rest>.*)$"
)
SIZE = re.compile(r"(?P<value>\d+(?:[.,]\d+)?)\s*(?P<unit>[KMG]?B)\b", re.IGNORECASE)
SIZE_TEXT = r"\d+(?:[.,]\d+)?\s*[KMG]?B"
# A declared size in brackets or after a dash: "(1,65MB)", "[164,18 KB]", "– 2 MB".
SIZE_NOTE = (
    rf"(?:\(\s*(?P<round>{SIZE_TEXT})\s*\)|\[\s*(?P<square>{SIZE_TEXT})\s*\]"
    rf"|[-–—]\s*(?P<dash>{SIZE_TEXT})\b)"
)
TRAILING_SIZE = re.compile(rf"\s*{SIZE_NOTE}\s*$", re.IGNORECASE)
# The same note printed after the link, outside it: "<a>Ankieta</a> (1,65MB)".
SIZE_AFTER_LINK = re.compile(rf"^\s*{SIZE_NOTE}", re.IGNORECASE)
DOWNLOAD_PREFIX = re.compile(r"^\s*POBIERZ\s+PLIK\s*[-–—:]?\s*", re.IGNORECASE)
UNIT_POWERS = {"B": 0, "KB": 1, "MB": 2, "GB": 3}

NULL_TITLES = frozenset({"", "null", "none", "brak"})
# A declared size is a few digits; hundreds of them overflow the float (and no file is that big).
MAX_SIZE_DIGITS = 15


def parse_size(text: str | None) -> int | None:
    """Declared size in bytes: '1,65MB' -> round(1.65 * 1024**2); None when there is no size."""
    match = SIZE.search(text or "")
    if not match:
        return None
    if len(match.group("value")) > MAX_SIZE_DIGITS:
        page_warning(f"ignored implausible attachment size {match.group('value')[:40]!r}...")
        return None
    value = float(match.group("value").replace(",", "."))
    return round(value * 1024 ** UNIT_POWERS[match.group("unit").upper()])


def parse_badge(label: str, badge_type: str | None = None) -> tuple[str | None, str | None, int | None]:
    """(type, title, size_bytes) from a badge label like 'PDF Title (1,65MB)' or 'PDFPOBIERZ PLIK - Title'.

    `badge_type` is the badge's own text when the markup keeps it apart; the
    label then starts with it and it is removed the same way.
    """
    text = " ".join(label.split())
    file_type = badge_type.strip().lower() if badge_type else None
    if file_type and text.lower().startswith(file_type):
        text = text[len(file_type) :]
    elif match := BADGE.match(text):
        file_type, text = match.group("type").lower(), match.group("rest")
    size_match = TRAILING_SIZE.search(text)
    size = parse_size(noted_size(size_match)) if size_match else None
    if size_match:
        text = text[: size_match.start()]
    return file_type, clean_title(DOWNLOAD_PREFIX.sub("", text)), size


def noted_size(match: re.Match) -> str:
    return match.group("round") or match.group("square") or match.group("dash")


def size_after_link(tail: str | None) -> tuple[int | None, str]:
    """(size_bytes, rest of the text) for the text right after a file link; (None, tail) when no size is noted."""
    match = SIZE_AFTER_LINK.match(tail or "")
    if not match:
        return None, tail or ""
    return parse_size(noted_size(match)), tail[match.end() :]


def is_null_title(text: str | None) -> bool:
    """True for a link text that shows but names nothing: 'NULL', 'JPGNULL (164,18KB)', a bare badge."""
    return bool(text and text.strip()) and parse_badge(text)[1] is None


def clean_title(text: str) -> str | None:
    """Trimmed title; the literal 'NULL' (and empty) mean no title was entered."""
    text = text.strip(" -–—:\t\n")
    return None if text.casefold() in NULL_TITLES else text


def file_extension(url: str) -> str | None:
    suffix = PurePosixPath(unquote(url_path(url))).suffix.lower().lstrip(".")
    return suffix if suffix in FILE_TYPES else None


def is_file_url(url: str) -> bool:
    return file_extension(url) is not None


def attachment(
    url: str, base_url: str, *, title: str | None = None, file_type: str | None = None, size_bytes: int | None = None
) -> dict:
    """One contract attachment: absolute URL, file name, title, lower-case type, declared size.

    The url is None when the link is malformed (reported); such attachments are dropped when the item is assembled.
    """
    absolute = absolute_url(base_url, url)
    if absolute is None:
        return {"url": None, "filename": None, "title": title, "type": file_type, "size_bytes": size_bytes}
    filename = PurePosixPath(unquote(url_path(absolute))).name or None
    return {
        "url": absolute,
        "filename": filename,
        "title": title,
        "type": (file_type or file_extension(absolute) or None),
        "size_bytes": size_bytes,
    }


def badge_attachment(href: str, label: str, base_url: str, badge_type: str | None = None) -> dict:
    file_type, title, size = parse_badge(label, badge_type)
    return attachment(href, base_url, title=title, file_type=file_type, size_bytes=size)


@functools.lru_cache(maxsize=16)
def storage_path_pattern(prefixes: tuple[str, ...]) -> re.Pattern | None:
    """A file under one of the declared storage folders, with or without scheme and host; None without any."""
    if not prefixes:
        return None
    folders = "|".join(re.escape(prefix.rstrip("/")) for prefix in prefixes)
    return re.compile(
        r"(?:https?://[\w.-]+)?(?:" + folders + r")/[^\s\"'<>]+?\.(?:" + "|".join(FILE_TYPES) + r")(?![\w])",
        re.IGNORECASE,
    )


def storage_paths(text: str) -> list[str]:
    """Storage paths (the declared sites' `storage_paths`) written as bare text in the body."""
    pattern = storage_path_pattern(storage_prefixes())
    return [match.group(0) for match in pattern.finditer(text)] if pattern else []


def is_storage_path(text: str) -> bool:
    pattern = storage_path_pattern(storage_prefixes())
    return bool(pattern and pattern.fullmatch(text.strip()))


def unique_by_url(items: Iterable[dict]) -> list[dict]:
    """First occurrence of each URL, page order kept."""
    seen: set[str] = set()
    unique = []
    for item in items:
        if item["url"] not in seen:
            seen.add(item["url"])
            unique.append(item)
    return unique
