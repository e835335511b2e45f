"""DOCX with python-docx: paragraphs and tables in body order; a table row is its cells joined by tabs."""

from __future__ import annotations

import io

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from scraper.extract.documents.pages import ExtractedPages, PageError


def extract_docx(data: bytes) -> ExtractedPages:
    """The whole body as one page (DOCX has no fixed pages)."""
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml errors ... for broken packages
        raise PageError("corrupt", f"python-docx cannot read the DOCX ({type(error).__name__}: {error})") from error
    blocks = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            blocks.append(block.text)
        elif isinstance(block, Table):
            blocks.append(_table_text(block))
    pages = ExtractedPages()
    pages.add_text("\n".join(blocks))
    return pages


def _table_text(table: Table) -> str:
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            # A merged cell appears once per grid column it spans; keep it once.
            if not cells or cell.text != cells[-1]:
                cells.append(cell.text)
        rows.append("\t".join(cells))
    return "\n".join(rows)
