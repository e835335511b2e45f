"""Shared fixtures: one running mirror for the whole session, and one reference crawl of it."""

from __future__ import annotations

import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from scraper.mirror import MirrorServer


@pytest.fixture(scope="session")
def mirror():
    """The bundled mirror served over loopback HTTP; `.base_url`, `.request_log`, `.faults`."""
    with MirrorServer() as server:
        yield server


@pytest.fixture
def restore_sites(monkeypatch):
    """For tests that load a user's sites file in this process: the packaged registry again afterwards."""
    from scraper.sites import use_sites_files

    monkeypatch.delenv("KRONIKA_SITES", raising=False)
    yield
    monkeypatch.delenv("KRONIKA_SITES", raising=False)
    use_sites_files()


@dataclass(frozen=True)
class ReferenceCrawl:
    """One `kronika crawl` of every mirrored site into a fresh archive: the process, the archive, the requests."""

    result: subprocess.CompletedProcess
    db_path: Path
    request_log: tuple

    def copy(self, directory: Path) -> Path:
        """A private copy of the archive in `directory`, for a test that crawls on or writes into it."""
        target = directory / "archive.db"
        with sqlite3.connect(self.db_path) as source, sqlite3.connect(target) as copy:
            source.backup(copy)
        source.close()
        copy.close()
        return target


@pytest.fixture(scope="session")
def reference_crawl(tmp_path_factory) -> ReferenceCrawl:
    """The archive one real crawl of the bundled mirror builds, crawled once per session.

    Read it through `db_path` without writing; a test that crawls on or
    changes the archive takes `copy(tmp_path)`. Its own mirror server, so
    `request_log` holds this crawl's requests only.
    """
    from crawling import run_crawl

    db = tmp_path_factory.mktemp("reference-crawl") / "archive.db"
    with MirrorServer() as mirror:
        result = run_crawl(db, mirror.base_url)
        log = tuple(mirror.request_log)
    return ReferenceCrawl(result, db, log)
