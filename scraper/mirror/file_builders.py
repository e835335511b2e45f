"""Builders of the mirror's attachment files: fpdf2 PDFs, Pillow scans and posters, python-docx, odfpy, openpyxl."""

from __future__ import annotations

import functools
import hashlib
import io
import re
import zipfile
from datetime import UTC, datetime

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from scraper.mirror.documents import MirrorDocument
from scraper.mirror.word97 import word97

# Debian fonts-dejavu-core: every Polish glyph, installed by the Makefile.
FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FONT = f"{FONT_DIR}/DejaVuSans.ttf"
BOLD_FONT = f"{FONT_DIR}/DejaVuSans-Bold.ttf"
# Fixed dates so two builds give the same bytes.
BUILT_AT = datetime(2022, 1, 3, 9, 0, tzinfo=UTC)
ZIP_DATE = (2022, 1, 3, 9, 0, 0)
OWNER_PASSWORD = "kronika-wlasciciel"
MARGIN_MM = 20
# Past the document engine's caps (scraper/extract/documents/limits.py: 32 MiB read, 256 MiB unpacked; a test checks),
# stated here so the mirror, a fixture, depends on nothing but the sites.
OVERSIZED_BYTES = 32 * 1024**2 + 1024
ZIP_BOMB_UNPACKED_BYTES = 288 * 1024**2
SCAN_DPI = 150
SCAN_SKEW_DEGREES = 1.5
SCAN_BLUR_PX = 1.4
SCAN_JPEG_QUALITY = 25
MIN_SPLIT = 3  # letters kept on each side of a line-end hyphen


# --- PDF ---------------------------------------------------------------------------------------


def _pdf(user_password: str | None = None) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(BUILT_AT)
    pdf.set_producer("Kronika mirror")
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN_MM, MARGIN_MM)
    pdf.add_font("DejaVu", "", FONT)
    pdf.set_font("DejaVu", size=11)
    if user_password is not None:
        pdf.set_encryption(owner_password=OWNER_PASSWORD, user_password=user_password)
    return pdf


def _wrap(pdf: FPDF, paragraph: str, width: float, hyphenate: bool) -> list[str]:
    """Greedy line breaking at spaces; with `hyphenate`, a long word that overflows is split with '-'."""
    lines, line = [], ""
    for word in paragraph.split():
        candidate = f"{line} {word}".strip()
        if pdf.get_string_width(candidate) <= width:
            line = candidate
            continue
        if hyphenate and word.isalpha() and len(word) >= 2 * MIN_SPLIT:
            for cut in range(len(word) - MIN_SPLIT, MIN_SPLIT - 1, -1):
                head = f"{line} {word[:cut]}-".strip()
                if pdf.get_string_width(head) <= width:
                    lines.append(head)
                    line = word[cut:]
                    break
            else:
                lines.append(line)
                line = word
            continue
        lines.append(line)
        line = word
    return lines + [line] if line else lines


def _write_block(pdf: FPDF, text: str, x: float, y: float, width: float, hyphenate: bool = False) -> None:
    """Paragraphs (blank-line separated) from (x, y) down; hard line breaks kept."""
    line_height = pdf.font_size * 1.5
    for paragraph in text.split("\n\n"):
        for hard_line in paragraph.split("\n"):
            for line in _wrap(pdf, hard_line, width, hyphenate):
                pdf.text(x, y, line)
                y += line_height
        y += line_height / 2


def text_pdf(document: MirrorDocument, user_password: str | None = None) -> bytes:
    """One page per ground-truth page, plain text layer (optionally RC4-encrypted)."""
    pdf = _pdf(user_password)
    for page in document.pages:
        pdf.add_page()
        _write_block(pdf, page, MARGIN_MM, MARGIN_MM + 10, pdf.epw)
    return bytes(pdf.output())


def running_header_pdf(document: MirrorDocument) -> bytes:
    """Header and page-number footer on every page, narrow hyphenated lines."""
    pdf = _pdf()
    pdf.set_font_size(13)
    count = len(document.pages)
    for number, page in enumerate(document.pages, start=1):
        pdf.add_page()
        pdf.text(MARGIN_MM, MARGIN_MM, document.header)
        _write_block(pdf, page, MARGIN_MM, MARGIN_MM + 15, pdf.epw * 0.6, hyphenate=True)
        pdf.text(MARGIN_MM, pdf.h - MARGIN_MM, document.footer.format(page=number, pages=count))
    return bytes(pdf.output())


def two_column_pdf(document: MirrorDocument) -> bytes:
    """The page's two paragraphs as two columns, drawn line by line across both (left, right, left ...), as DTP
    tools do: a reader that follows the content stream interleaves them."""
    pdf = _pdf()
    pdf.add_page()
    gutter = 10
    width = (pdf.epw - gutter) / 2
    columns = [
        [line for hard in column.split("\n") for line in _wrap(pdf, hard, width, False)]
        for column in document.pages[0].split("\n\n")
    ]
    y = MARGIN_MM + 10
    for row in range(max(map(len, columns))):
        for index, lines in enumerate(columns):
            if row < len(lines):
                pdf.text(MARGIN_MM + index * (width + gutter), y, lines[row])
        y += pdf.font_size * 1.5
    return bytes(pdf.output())


def _text_image(text: str, size: tuple[int, int], font_px: int, background, ink, bold=False) -> Image.Image:
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(BOLD_FONT if bold else FONT, font_px)
    y = font_px * 2
    for line in text.split("\n"):
        draw.text((font_px * 2, y), line, font=font, fill=ink)
        y += int(font_px * 1.6)
    return image


def _scan_page(pdf: FPDF, text: str) -> None:
    # A4 at SCAN_DPI, grey paper, black ink, fed a little askew, soft focus, strong JPEG: a scanned resolution.
    size = (round(210 / 25.4 * SCAN_DPI), round(297 / 25.4 * SCAN_DPI))
    paper = 234
    image = _text_image(text, size, font_px=24, background=(paper,) * 3, ink=(20, 20, 20)).convert("L")
    image = image.rotate(SCAN_SKEW_DEGREES, resample=Image.BICUBIC, fillcolor=paper)
    image = image.filter(ImageFilter.GaussianBlur(SCAN_BLUR_PX))
    jpeg = io.BytesIO()
    image.save(jpeg, format="JPEG", quality=SCAN_JPEG_QUALITY)
    pdf.add_page()
    pdf.image(jpeg, x=0, y=0, w=pdf.w, h=pdf.h)


def scan_pdf(document: MirrorDocument) -> bytes:
    """Image-only pages: no text layer at all."""
    pdf = _pdf()
    for page in document.pages:
        _scan_page(pdf, page)
    return bytes(pdf.output())


def mixed_pdf(document: MirrorDocument) -> bytes:
    """Page 1 with a text layer, page 2 a scan: only page 2 needs OCR."""
    pdf = _pdf()
    pdf.add_page()
    _write_block(pdf, document.pages[0], MARGIN_MM, MARGIN_MM + 10, pdf.epw)
    _scan_page(pdf, document.pages[1])
    return bytes(pdf.output())


def corrupt_pdf() -> bytes:
    """A PDF header followed by bytes that are no PDF (a broken upload)."""
    noise = b"".join(hashlib.sha256(str(index).encode()).digest() for index in range(128))
    return b"%PDF-1.7\n" + noise


def html_error_page() -> bytes:
    """What a CMS sends with status 200 for a deleted file: its own HTML error page."""
    return (
        '<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8"><title>Błąd</title></head>'
        "<body><h1>Plik nie istnieje lub został usunięty</h1></body></html>"
    ).encode()


def oversized_pdf(size: int) -> bytes:
    """A PDF header padded with a comment to `size` bytes: large, cheap to build, never parsed."""
    head = b"%PDF-1.7\n%"
    return head + b"0" * (size - len(head))


# --- images --------------------------------------------------------------------------------------


def jpg_poster(document: MirrorDocument) -> bytes:
    """A poster: dark bold lines on a light coloured background, JPEG."""
    image = _text_image(
        document.pages[0], (1200, 700), font_px=52, background=(250, 240, 215), ink=(40, 30, 90), bold=True
    )
    jpeg = io.BytesIO()
    image.save(jpeg, format="JPEG", quality=85)
    return jpeg.getvalue()


# --- office formats --------------------------------------------------------------------------------


def _fixed_zip(data: bytes, transform=lambda name, member: member) -> bytes:
    """The same ZIP with every member dated ZIP_DATE (and `transform`ed), so office files are reproducible."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, ZIP_DATE)
            # ODF requires `mimetype` first and stored, not deflated.
            info.compress_type = zipfile.ZIP_STORED if member.filename == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(info, transform(member.filename, source.read(member)))
    return out.getvalue()


def _blocks(text: str) -> list[str | list[list[str]]]:
    """Lines of the ground truth, consecutive tab-separated lines grouped into one table."""
    blocks: list = []
    for line in text.split("\n"):
        if "\t" in line:
            if not blocks or not isinstance(blocks[-1], list):
                blocks.append([])
            blocks[-1].append(line.split("\t"))
        else:
            blocks.append(line)
    return blocks


def docx_file(document: MirrorDocument) -> bytes:
    """Paragraphs and tables of the ground truth as a Word document."""
    import docx

    word = docx.Document()
    word.core_properties.created = word.core_properties.modified = BUILT_AT.replace(tzinfo=None)
    for block in _blocks(document.pages[0]):
        if isinstance(block, list):
            table = word.add_table(rows=len(block), cols=len(block[0]))
            for row, cells in zip(table.rows, block):
                for cell, value in zip(row.cells, cells):
                    cell.text = value
        else:
            word.add_paragraph(block)
    out = io.BytesIO()
    word.save(out)
    return _fixed_zip(out.getvalue())


XMLNS = re.compile(rb' xmlns:([\w-]+)="[^"]*"')


def _sorted_namespaces(name: str, member: bytes) -> bytes:
    # odfpy declares every namespace it has seen in this process, in set order (hash-seed dependent):
    # keep the ones the member uses, sorted.
    if not name.endswith(".xml"):
        return member
    root_end = member.index(b">", member.index(b"<", member.index(b"?>") + 2))
    root, rest = member[:root_end], member[root_end:]
    used = sorted(
        match.group(0)
        for match in XMLNS.finditer(root)
        if re.search(rb"[<\s/]" + re.escape(match.group(1)) + rb":", XMLNS.sub(b"", root) + rest)
    )
    return XMLNS.sub(b"", root) + b"".join(used) + rest


def _odf_bytes(document) -> bytes:
    out = io.BytesIO()
    document.write(out)
    return _fixed_zip(out.getvalue(), _sorted_namespaces)


def _odf_table(rows: list[list[str]], name: str):
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P

    table = Table(name=name)
    table.addElement(TableColumn(numbercolumnsrepeated=len(rows[0])))
    for cells in rows:
        row = TableRow()
        for value in cells:
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    return table


def odt_file(document: MirrorDocument) -> bytes:
    """An OpenDocument text: paragraphs and tables."""
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    odt = OpenDocumentText()
    for index, block in enumerate(_blocks(document.pages[0])):
        odt.text.addElement(_odf_table(block, f"Tabela{index}") if isinstance(block, list) else P(text=block))
    return _odf_bytes(odt)


def ods_file(document: MirrorDocument) -> bytes:
    """An OpenDocument spreadsheet, one sheet per ground-truth page."""
    from odf.opendocument import OpenDocumentSpreadsheet

    ods = OpenDocumentSpreadsheet()
    for index, page in enumerate(document.pages, start=1):
        ods.spreadsheet.addElement(_odf_table([line.split("\t") for line in page.split("\n")], f"Arkusz{index}"))
    return _odf_bytes(ods)


def _cell_value(text: str):
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def xlsx_file(document: MirrorDocument) -> bytes:
    """An Excel workbook, one sheet per ground-truth page; numbers stored as numbers."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for index, page in enumerate(document.pages, start=1):
        sheet = workbook.create_sheet(f"Arkusz{index}")
        for line in page.split("\n"):
            sheet.append([_cell_value(cell) for cell in line.split("\t")])
    workbook.properties.created = BUILT_AT.replace(tzinfo=None)
    out = io.BytesIO()
    workbook.save(out)  # openpyxl stamps `modified` with the clock here, whatever was set
    return _fixed_zip(out.getvalue(), _fixed_xlsx_modified)


def _fixed_xlsx_modified(name: str, member: bytes) -> bytes:
    if name != "docProps/core.xml":
        return member
    stamp = BUILT_AT.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>", member)


def xls_file(document: MirrorDocument) -> bytes:
    """An Excel 97 workbook (BIFF8, xlwt), one sheet per ground-truth page; numbers stored as numbers."""
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    for index, page in enumerate(document.pages, start=1):
        sheet = workbook.add_sheet(f"Arkusz{index}")
        for row, line in enumerate(page.split("\n")):
            for column, cell in enumerate(line.split("\t")):
                sheet.write(row, column, _cell_value(cell))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def rtf_file(document: MirrorDocument) -> bytes:
    """RTF as Word writes it for Polish: cp1250 with \\'xx escapes, one \\par per line."""

    def escape(line: str) -> str:
        out = []
        for character in line:
            if character in "\\{}":
                out.append("\\" + character)
            elif character == "\t":
                out.append("\\tab ")
            elif ord(character) < 128:
                out.append(character)
            else:
                out.append("".join(f"\\'{byte:02x}" for byte in character.encode("cp1250")))
        return "".join(out)

    body = "\n".join(escape(line) + "\\par" for line in document.pages[0].split("\n"))
    header = "{\\rtf1\\ansi\\ansicpg1250\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\\f0\\fs22\n"
    return (header + body + "\n}").encode("ascii")


def zip_bomb_docx(unpacked_size: int) -> bytes:
    """A DOCX-shaped ZIP whose document.xml deflates ~1000:1 to `unpacked_size` bytes of blanks."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        bomb.writestr(zipfile.ZipInfo("[Content_Types].xml", ZIP_DATE), "<Types/>")
        info = zipfile.ZipInfo("word/document.xml", ZIP_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        with bomb.open(info, "w") as member:
            chunk = b" " * 1024**2
            for _ in range(unpacked_size // len(chunk)):
                member.write(chunk)
    return out.getvalue()


BUILDERS = {
    "pdf": text_pdf,
    "pdf_running_header": running_header_pdf,
    "pdf_two_columns": two_column_pdf,
    "pdf_scan": scan_pdf,
    "pdf_mixed": mixed_pdf,
    "pdf_encrypted_empty": functools.partial(text_pdf, user_password=""),
    "pdf_encrypted_password": functools.partial(text_pdf, user_password="tajne-haslo"),
    "pdf_corrupt": lambda document: corrupt_pdf(),
    "html_as_pdf": lambda document: html_error_page(),
    "oversized_pdf": lambda document: oversized_pdf(OVERSIZED_BYTES),
    "jpg_poster": jpg_poster,
    "docx": docx_file,
    "odt": odt_file,
    "ods": ods_file,
    "xlsx": xlsx_file,
    "xls": xls_file,
    "rtf": rtf_file,
    "doc": lambda document: word97(document.pages[0]),
    "zip_bomb_docx": lambda document: zip_bomb_docx(ZIP_BOMB_UNPACKED_BYTES),
}


def build(document: MirrorDocument) -> bytes:
    """The bytes of `document`, made by the builder of its kind."""
    return BUILDERS[document.kind](document)
