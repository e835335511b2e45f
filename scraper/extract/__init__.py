"""Extraction: raw page bytes to the contract's article item, site selectors first, generic layers after."""

from scraper.extract.assemble import extract_article
from scraper.extract.errors import ExtractionError
from scraper.extract.page import page_record

__all__ = ["extract_article", "ExtractionError", "page_record"]
