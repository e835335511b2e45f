"""Images (JPG, PNG, TIFF posters and scans): one OCR page each frame."""

from __future__ import annotations

import io

from PIL import Image, ImageSequence, UnidentifiedImageError

from scraper.extract.documents.ocr import ocr_image
from scraper.extract.documents.pages import ExtractedPages, PageError

# Pillow warns above this many pixels and refuses twice as many: an A1 poster at 300 dpi has 70 million,
# a decompression bomb far more.
Image.MAX_IMAGE_PIXELS = 100_000_000


def extract_image(data: bytes) -> ExtractedPages:
    """OCR of every frame (a multi-page TIFF scan has several)."""
    pages = ExtractedPages()
    try:
        with Image.open(io.BytesIO(data)) as image:
            for frame in ImageSequence.Iterator(image):
                pages.add_ocr(*ocr_image(frame.copy()))
    except Image.DecompressionBombError as error:
        raise PageError("too_large", f"the image is too large to read ({error})") from error
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise PageError("corrupt", f"Pillow cannot read the image ({error})") from error
    return pages
