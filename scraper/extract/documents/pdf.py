"""PDF text with pdfium (pypdfium2); pages without a text layer go to OCR, so a scan or a mixed PDF still reads."""

from __future__ import annotations

import pypdfium2 as pdfium

from scraper.extract.documents.ocr import RENDER_DPI, ocr_image
from scraper.extract.documents.pages import ExtractedPages, PageError

# Fewer letters than this on a page means no text layer (a scan with a stray page number).
MIN_TEXT_LAYER_LETTERS = 10
# pdfium joins a word hyphenated at a line end itself and leaves this non-character where the hyphen was.
PDFIUM_LINE_END_HYPHEN = "\ufffe"
# A gutter is looked for in the middle of the page only: margins are not columns.
GUTTER_ZONE = (0.3, 0.7)
# Text boxes needed on each side of a gutter: a lone right-aligned date or page number is not a column.
MIN_COLUMN_LINES = 3
# pdfium's FPDF_GetLastError codes that mean "encrypted".
PASSWORD_ERROR = 4
SECURITY_ERROR = 5


def extract_pdf(data: bytes) -> ExtractedPages:
    """Per-page text; OCR for the pages whose text layer is empty."""
    document = _open(data)
    pages = ExtractedPages()
    try:
        for index in range(len(document)):
            page = document[index]
            text = _page_text(page).replace(PDFIUM_LINE_END_HYPHEN, "")
            if sum(character.isalpha() for character in text) >= MIN_TEXT_LAYER_LETTERS:
                pages.add_text(text)
            else:
                image = page.render(scale=RENDER_DPI / 72, grayscale=True).to_pil()
                pages.add_ocr(*ocr_image(image))
    finally:
        document.close()
    return pages


def _page_text(page) -> str:
    """The page's text, column by column when a vertical gutter splits all its text boxes in two."""
    textpage = page.get_textpage()
    boxes = [textpage.get_rect(index) for index in range(textpage.count_rects())]
    gutter = _gutter(boxes, page.get_width())
    if gutter is None:
        return textpage.get_text_range()
    height = page.get_height()
    left = textpage.get_text_bounded(0, 0, gutter, height)
    right = textpage.get_text_bounded(gutter, 0, page.get_width(), height)
    return left.rstrip() + "\n\n" + right.lstrip()


def _gutter(boxes: list[tuple[float, float, float, float]], width: float) -> float | None:
    """The middle of a vertical gap in the page's middle that no text box crosses, with columns on both sides."""
    low, high = GUTTER_ZONE[0] * width, GUTTER_ZONE[1] * width
    covered = sorted((left, right) for left, _, right, _ in boxes if right > low and left < high)
    x = low
    for start, end in covered:
        if start > x:
            high = start
            break
        x = max(x, end)
    if x >= high:
        return None
    gutter = (x + high) / 2
    left_boxes = sum(right <= gutter for _, _, right, _ in boxes)
    right_boxes = sum(left >= gutter for left, _, _, _ in boxes)
    return gutter if min(left_boxes, right_boxes) >= MIN_COLUMN_LINES else None


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) in (PASSWORD_ERROR, SECURITY_ERROR):
            raise PageError("password_protected", "the PDF is encrypted with a user password") from error
        raise PageError("corrupt", f"pdfium cannot read the PDF ({error})") from error
