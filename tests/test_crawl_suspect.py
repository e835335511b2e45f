"""Issue 9 end to end: a 200 apology page never replaces archived articles; a later run confirms a held fetch."""

from __future__ import annotations

import pytest
import sqlite_utils

from crawling import run_crawl
from scraper.mirror.server import MirrorServer
from scraper.mirror.site import build_routes, bundled_articles

pytestmark = pytest.mark.slow
ARTICLE_COUNT = sum(len(specs) for specs in bundled_articles().values())
CURRENT = "select id, title, lead, body_text, published_at, version from articles order by id"
APOLOGY_TITLE = "Przepraszamy – serwis w przebudowie"
ONE_ARTICLE = "gdynia:562076"


def apology_for(article_ids=None) -> dict[str, str]:
    """Faults that serve the CMS apology for these articles (all of them by default), under every alias."""
    return {
        path: "apology"
        for path, route in build_routes().items()
        if route.article and (article_ids is None or route.article in article_ids)
    }


def held(db) -> dict[str, str]:
    return {
        row["article_id"]: row["review"]
        for row in sqlite_utils.Database(db).query("select article_id, review from pages where review is not null")
    }


@pytest.fixture(scope="module")
def apology_run(tmp_path_factory, reference_crawl):
    """An archived mirror crawl, then a --full crawl that gets the CMS apology for every article."""
    assert reference_crawl.result.returncode == 0
    db = reference_crawl.copy(tmp_path_factory.mktemp("apology"))
    with MirrorServer() as mirror:
        before = list(sqlite_utils.Database(db).query(CURRENT))
        mirror.faults = apology_for()
        result = run_crawl(db, mirror.base_url, "--full")
        yield mirror, db, before, result


def test_apology_run_fails_as_site_looks_changed(apology_run):
    _, _, _, result = apology_run
    assert result.returncode == 1 and "site looks changed" in result.stderr


def test_apology_run_leaves_every_current_article_unchanged(apology_run):
    _, db, before, _ = apology_run
    assert len(before) == ARTICLE_COUNT
    assert list(sqlite_utils.Database(db).query(CURRENT)) == before


def test_apology_run_stores_every_fetch_as_held_suspect(apology_run):
    _, db, _, _ = apology_run
    assert held(db) == dict.fromkeys((row["id"] for row in apology_run[2]), "held")


def test_apology_run_counts_suspects_in_summary_and_crawls_row(apology_run):
    _, db, _, result = apology_run
    rows = list(sqlite_utils.Database(db).query("select articles_suspect from crawls order by id desc limit 2"))
    assert sum(row["articles_suspect"] for row in rows) == ARTICLE_COUNT
    assert " suspect, " in result.stdout


def test_a_second_apology_run_confirms_nothing(apology_run):
    mirror, db, before, _ = apology_run  # runs last in this module: it changes the shared archive
    result = run_crawl(db, mirror.base_url, "--full")
    assert result.returncode == 1 and "site looks changed" in result.stderr
    assert list(sqlite_utils.Database(db).query(CURRENT)) == before
    assert set(held(db).values()) == {"held"}


def test_a_held_fetch_seen_again_by_a_clean_run_becomes_current(tmp_path, reference_crawl):
    db = reference_crawl.copy(tmp_path)
    with MirrorServer() as mirror:
        mirror.faults = apology_for({ONE_ARTICLE})
        assert run_crawl(db, mirror.base_url, "--full").returncode == 1  # held back: the archive is behind
        title = sqlite_utils.Database(db)["articles"].get(ONE_ARTICLE)["title"]
        assert (title != APOLOGY_TITLE, held(db)) == (True, {ONE_ARTICLE: "held"})
        assert run_crawl(db, mirror.base_url, "--full").returncode == 0
    row = sqlite_utils.Database(db)["articles"].get(ONE_ARTICLE)
    assert (row["title"], row["version"], held(db)) == (APOLOGY_TITLE, 2, {ONE_ARTICLE: "confirmed"})
