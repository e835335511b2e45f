"""Text normalisation shared by every format: control characters, line-end hyphens, repeated headers and footers."""

from __future__ import annotations

import re
import unicodedata

REPLACEMENT_CHARACTER = "\ufffd"
# C0 controls but tab and newline, DEL and the C1 block: never text, always an extraction artefact.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Letter + hyphen at a line end + a lower-case letter: a word split by the typesetter ("rewitali-\nzacji").
LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u00ad\u2010]\n(?=[a-ząćęłńóśźż])")
SOFT_HYPHEN = "\u00ad"
TRAILING_SPACE = re.compile(r"[ \t]+\n")
BLANK_RUN = re.compile(r"\n{3,}")
DIGITS = re.compile(r"\d+")


def clean_page(text: str) -> tuple[str, list[str]]:
    """One page's text made clean: (text, warnings). Unicode NFC, no U+FFFD or control characters, hyphens joined.

    U+FFFD means the file's own encoding was lost; it is removed and counted
    in a warning rather than kept, so search never matches half a word.
    """
    warnings = []
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n"))
    if lost := text.count(REPLACEMENT_CHARACTER):
        warnings.append(f"removed {lost} U+FFFD replacement characters")
        text = text.replace(REPLACEMENT_CHARACTER, "")
    text = LINE_END_HYPHEN.sub("", text)
    text = text.replace(SOFT_HYPHEN, "")
    if controls := len(CONTROL.findall(text)):
        warnings.append(f"removed {controls} control characters")
        text = CONTROL.sub("", text)
    text = BLANK_RUN.sub("\n\n", TRAILING_SPACE.sub("\n", text))
    return text.strip(), warnings


def _shape(line: str) -> str:
    # Page numbers differ from page to page; the running header around them does not.
    return DIGITS.sub("#", " ".join(line.split()))


def drop_repeated_margins(pages: list[str]) -> list[str]:
    """Running headers and footers (same first/last line on every page, numbers aside) kept on page 1 only."""
    if len(pages) < 2 or not all(page.strip() for page in pages):
        return pages
    lines = [page.split("\n") for page in pages]
    for index in (0, -1):
        shapes = {_shape(page_lines[index]) for page_lines in lines if page_lines}
        if len(shapes) == 1 and all(len(page_lines) > 1 for page_lines in lines):
            for page_lines in lines[1:]:
                del page_lines[index]
    return ["\n".join(page_lines).strip() for page_lines in lines]


def join_pages(pages: list[str]) -> tuple[str, list[int]]:
    """The document text (pages separated by a blank line) and each page's start offset in it."""
    offsets, position = [], 0
    for page in pages:
        offsets.append(position)
        position += len(page) + 2
    return "\n\n".join(pages), offsets
