"""Issue 9: a 200 apology page served for every article never replaces the archived articles."""

from __future__ import annotations

import pytest
import sqlite_utils

from scraper.mirror.server import MirrorServer
from scraper.mirror.site import build_routes, bundled_articles

from crawling import run_crawl

pytestmark = pytest.mark.slow
ARTICLE_COUNT = sum(len(specs) for specs in bundled_articles().values())
CURRENT = "select id, title, lead, body_text, published_at, version from articles order by id"


def apology_for_every_article() -> dict[str, str]:
    return {path: "apology" for path, route in build_routes().items() if route.article}


@pytest.fixture
def apology_run(tmp_path):
    """An archived mirror crawl, then a --full crawl that gets the CMS apology for every article."""
    db = tmp_path / "archive.db"
    with MirrorServer() as mirror:
        assert run_crawl(db, mirror.base_url).returncode == 0
        before = list(sqlite_utils.Database(db).query(CURRENT))
        mirror.faults = apology_for_every_article()
        result = run_crawl(db, mirror.base_url, "--full")
        yield mirror, db, before, result


def test_apology_run_fails_as_site_looks_changed(apology_run):
    _, _, _, result = apology_run
    assert result.returncode == 1 and "site looks changed" in result.stderr


def test_apology_run_leaves_every_current_article_unchanged(apology_run):
    _, db, before, _ = apology_run
    assert len(before) == ARTICLE_COUNT
    assert list(sqlite_utils.Database(db).query(CURRENT)) == before


def test_apology_run_stores_every_fetch_as_suspect(apology_run):
    _, db, _, _ = apology_run
    suspects = sqlite_utils.Database(db).execute(
        "select count(distinct article_id) from pages where review = 'held'").fetchone()[0]
    assert suspects == ARTICLE_COUNT
