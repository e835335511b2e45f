"""Kronika's SQLite archive: storage with versions, Polish search, reparse and export."""

from scraper.archive.store import Archive, KnownArticle, StoreOutcome

__all__ = ["Archive", "KnownArticle", "StoreOutcome"]
