"""Attachments: file badges, links to documents, declared storage paths; absolute, typed, sized, de-duplicated."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from scraper.sites import storage_prefixes

logger = logging.getLogger(__name__)

DOCUMENT_TYPES = (
    "pdf", "doc", "docx", "odt", "rtf", "txt", "xls", "xlsx", "ods", "csv", "ppt", "pptx", "odp",
    "zip", "rar", "7z", "mp3", "mp4",
)
IMAGE_TYPES = ("jpg", "jpeg", "png", "gif", "tif", "tiff", "bmp", "webp", "svg")
FILE_TYPES = DOCUMENT_TYPES + IMAGE_TYPES
# Badges are upper-case and glued to their label ("JPGNULL", "PDFPOBIERZ
# PLIK"): match the longest known type first so "DOCX" is never "DOC" + "X".
BADGE = re.compile(r"^\s*(?P<type>" + "|".join(sorted(map(str.upper, FILE_TYPES), key=len, reverse=True)) + r")\s*(?P<rest>.*)$")
SIZE = re.compile(r"(?P<value>\d+(?:[.,]\d+)?)\s*(?P<unit>[KMG]?B)\b", re.IGNORECASE)
TRAILING_SIZE = re.compile(r"\s*\(\s*(?P<size>\d+(?:[.,]\d+)?\s*[KMG]?B)\s*\)\s*$", re.IGNORECASE)
DOWNLOAD_PREFIX = re.compile(r"^\s*POBIERZ\s+PLIK\s*[-–—:]?\s*", re.IGNORECASE)
UNIT_POWERS = {"B": 0, "KB": 1, "MB": 2, "GB": 3}

NULL_TITLES = frozenset({"", "null", "none", "brak"})


def parse_size(text: str | None) -> int | None:
    """Declared size in bytes: '1,65MB' -> round(1.65 * 1024**2); None when there is no size."""
    match = SIZE.search(text or "")
    if not match:
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
        text = text[len(file_type):]
    elif match := BADGE.match(text):
        file_type, text = match.group("type").lower(), match.group("rest")
    size_match = TRAILING_SIZE.search(text)
    size = parse_size(size_match.group("size")) if size_match else None
    if size_match:
        text = text[: size_match.start()]
    return file_type, clean_title(DOWNLOAD_PREFIX.sub("", text)), size


def clean_title(text: str) -> str | None:
    """Trimmed title; the literal 'NULL' (and empty) mean no title was entered."""
    text = text.strip(" -–—:\t\n")
    return None if text.casefold() in NULL_TITLES else text


def file_extension(url: str) -> str | None:
    suffix = PurePosixPath(unquote(urlsplit(url).path)).suffix.lower().lstrip(".")
    return suffix if suffix in FILE_TYPES else None


def is_file_url(url: str) -> bool:
    return file_extension(url) is not None


def attachment(url: str, base_url: str, *, title: str | None = None, file_type: str | None = None,
               size_bytes: int | None = None) -> dict:
    """One contract attachment: absolute URL, file name, title, lower-case type, declared size."""
    absolute = urljoin(base_url, url.strip())
    filename = PurePosixPath(unquote(urlsplit(absolute).path)).name or None
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
