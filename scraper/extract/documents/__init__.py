"""The document engine: an attachment's bytes -> clean Polish text (text layer or OCR), safe against hostile files."""

from scraper.extract.documents.result import DocumentResult, document_row
from scraper.extract.documents.worker import extract_in_worker

__all__ = ["DocumentResult", "document_row", "extract_in_worker"]
