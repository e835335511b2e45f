"""ODT and ODS with odfpy: headings, paragraphs and list items in order; spreadsheet rows as tab-joined cells."""

from __future__ import annotations

import io

from odf import opendocument, teletype
from odf.namespaces import TABLENS, TEXTNS
from odf.table import Table, TableRow

from scraper.extract.documents.pages import ExtractedPages, PageError

TEXT_BLOCKS = {(TEXTNS, "p"), (TEXTNS, "h")}
TABLE_ROW = (TABLENS, "table-row")
TABLE_CELL = (TABLENS, "table-cell")


def _load(data: bytes):
    try:
        return opendocument.load(io.BytesIO(data))
    except Exception as error:  # odfpy raises zipfile, KeyError and XML errors alike
        raise PageError("corrupt", f"odfpy cannot read the document ({type(error).__name__}: {error})") from error


def extract_odt(data: bytes) -> ExtractedPages:
    """The text body as one page; table cells become tab-joined rows."""
    lines = []
    _walk(_load(data).text, lines)
    pages = ExtractedPages()
    pages.add_text("\n".join(lines))
    return pages


def _walk(element, lines: list[str]) -> None:
    for child in element.childNodes:
        name = getattr(child, "qname", None)
        if name in TEXT_BLOCKS:
            lines.append(teletype.extractText(child))
        elif name == TABLE_ROW:
            lines.append(_row_text(child))
        else:
            _walk(child, lines)


def _row_text(row) -> str:
    cells = [teletype.extractText(cell) for cell in row.childNodes if getattr(cell, "qname", None) == TABLE_CELL]
    return "\t".join(cells).rstrip("\t")


def extract_ods(data: bytes) -> ExtractedPages:
    """One page per sheet: non-empty rows, cells joined by tabs."""
    pages = ExtractedPages()
    for sheet in _load(data).spreadsheet.getElementsByType(Table):
        rows = [_row_text(row) for row in sheet.getElementsByType(TableRow)]
        pages.add_text("\n".join(row for row in rows if row))
    return pages
