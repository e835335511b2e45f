"""XLSX with openpyxl, XLS with xlrd: one page per sheet, non-empty rows as tab-joined cell text."""

from __future__ import annotations

import io

from scraper.extract.documents.pages import ExtractedPages, PageError


def _cell_text(value) -> str:
    # XLS keeps every number as a float: 12 is shown as "12", as the spreadsheet shows it, not "12.0".
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _row_text(values) -> str:
    return "\t".join(map(_cell_text, values)).rstrip("\t")


def _pages(sheets: list[list[str]]) -> ExtractedPages:
    pages = ExtractedPages()
    for rows in sheets:
        pages.add_text("\n".join(row for row in rows if row.strip()))
    return pages


def extract_xlsx(data: bytes) -> ExtractedPages:
    """Cell values (cached formula results, not formulas) of every sheet."""
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheets = [[_row_text(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook.worksheets]
    except Exception as error:  # openpyxl raises zipfile, KeyError and XML errors alike
        raise PageError("corrupt", f"openpyxl cannot read the XLSX ({type(error).__name__}: {error})") from error
    return _pages(sheets)


def extract_xls(data: bytes) -> ExtractedPages:
    """Cell values of every sheet of an Excel 97 workbook."""
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
        sheets = [[_row_text(sheet.row_values(index)) for index in range(sheet.nrows)] for sheet in book.sheets()]
    except xlrd.biffh.XLRDError as error:
        code = "password_protected" if "encrypt" in str(error).lower() else "corrupt"
        raise PageError(code, f"xlrd cannot read the XLS ({error})") from error
    return _pages(sheets)
