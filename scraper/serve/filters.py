"""Jinja filters of the Kronika templates: Polish times, file sizes, facet names and values."""

from __future__ import annotations

import logging

from markupsafe import Markup

from scraper.serve.polish_dates import polish_datetime

logger = logging.getLogger(__name__)

# Facet headings as a Polish reader names them (the facet's column or table otherwise).
FACET_NAMES = {
    "site": "miasto",
    "published_at": "rok publikacji",
    "author": "autor",
    "publisher": "wydawca",
    "revitalisation": "rewitalizacja",
    "tags": "tagi",
    "topics": "tematy",
    "type": "typ pliku",
    "credit": "autor zdjęcia",
    "finish_reason": "zakończenie",
    "status": "status HTTP",
    "download_status": "pobieranie",
    "detected_type": "wykryty typ",
    "method": "odczyt tekstu",
    "language": "język",
}
# 0/1 columns: their facet buckets read "tak"/"nie".
YES_NO_COLUMNS = {"revitalisation", "degraded"}
YES_NO = {1: "tak", 0: "nie", "1": "tak", "0": "nie"}
# documents.method and documents.language, as a reader names them.
METHODS = {"text": "warstwa tekstowa", "ocr": "OCR", "mixed": "warstwa tekstowa i OCR"}
LANGUAGES = {"pl": "polski", "en": "angielski", "de": "niemiecki"}
# Facet columns whose codes have Polish names (download_status has its own filter, below).
CODE_LABELS = {"method": METHODS, "language": LANGUAGES}
# attachments.download_status (scraper/archive/downloads.py) in HTML; JSON and CSV keep the codes.
DOWNLOAD_STATUS_COLUMN = "download_status"
DOWNLOAD_STATUSES = {
    "ok": "pobrano",
    "not_found": "brak pliku",
    "too_large": "za duży",
    "wrong_type": "inny typ niż podany",
    "offsite": "spoza serwisu",
    "failed": "błąd",
    "not_modified": "bez zmian",
}


def polish_time(value: str | None) -> Markup:
    """`<time datetime="ISO">5 października 2018, 08:39</time>`; empty for None, the text itself if not a date."""
    if not value:
        return Markup("")
    try:
        said = polish_datetime(value)
    except ValueError:
        logger.warning("not an ISO 8601 time, shown as it is: %r", value)
        return Markup("<span>{}</span>").format(value)
    return Markup('<time datetime="{}">{}</time>').format(value, said)


def file_size(size: int | None) -> str:
    """A byte count as Polish readers write it: "1,65 MB", "164 KB", "512 B"; empty for None."""
    if size is None:
        return ""
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            amount = size / factor
            # Sites declare sizes such as "1,65 MB": two decimals where they matter.
            text = f"{amount:.2f}".rstrip("0").rstrip(".") if amount < 10 else f"{amount:.0f}"
            return f"{text.replace('.', ',')} {unit}"
    return f"{size} B"


def facet_name(name: str) -> str:
    """A facet's heading in Polish."""
    return FACET_NAMES.get(name, name)


def facet_label(label, name: str, site_cities: dict | None = None) -> str:
    """A facet bucket's label in Polish: tak/nie for 0/1 columns, download statuses, methods, languages, cities."""
    if name in YES_NO_COLUMNS and label in YES_NO:
        return YES_NO[label]
    if name == DOWNLOAD_STATUS_COLUMN:
        return download_status(label)
    if name in CODE_LABELS and label in CODE_LABELS[name]:
        return CODE_LABELS[name][label]
    if name == "site" and site_cities and label in site_cities:
        return site_cities[label]
    return "" if label is None else str(label)


def download_status(status: str | None) -> str:
    """A download status in Polish ("ok" → "pobrano"); an unknown code as it is."""
    return "" if status is None else DOWNLOAD_STATUSES.get(status, str(status))
