"""What a format module hands back: raw page texts, how each was read, OCR confidences; and its one error type."""

from __future__ import annotations

from dataclasses import dataclass, field


class PageError(Exception):
    """A format module cannot read the file; `code` is one of result.ERROR_CODES."""

    def __init__(self, code: str, reason: str):
        super().__init__(reason)
        self.code = code
        self.reason = reason


@dataclass
class ExtractedPages:
    """Raw (uncleaned) text per page, whether it came from OCR, and OCR's per-page confidence."""

    texts: list[str] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)
    ocr_confidences: list[float] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add_text(self, text: str) -> None:
        self.texts.append(text)

    def add_ocr(self, text: str, confidence: float | None) -> None:
        self.ocr_pages.append(len(self.texts))
        self.texts.append(text)
        if confidence is not None:
            self.ocr_confidences.append(confidence)

    @property
    def method(self) -> str:
        if not self.ocr_pages:
            return "text"
        return "ocr" if len(self.ocr_pages) == len(self.texts) else "mixed"

    @property
    def ocr_confidence(self) -> float | None:
        if not self.ocr_confidences:
            return None
        return round(sum(self.ocr_confidences) / len(self.ocr_confidences), 1)
