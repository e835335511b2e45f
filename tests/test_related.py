"""Cross-site near-duplicates: the measure on the labelled set, and linking in an in-memory archive."""

from __future__ import annotations

import pytest
import sqlite_utils

from factories import make_item
from related_pairs import articles, labelled_pairs
from scraper.archive import Archive
from scraper.archive.related import METHOD, index_missing, link_article, link_articles, similarity

# What the measure reaches on tests/related_pairs.py (reported in docs/wordpress.md).
MIN_PRECISION = 0.95
MIN_RECALL = 0.95


@pytest.fixture(scope="module")
def outcomes():
    """(labelled same story, measured related) per labelled pair."""
    return [
        (same, similarity(a["title"], a["body_text"], b["title"], b["body_text"]).related)
        for a, b, same, _why in labelled_pairs()
    ]


def test_labelled_set_has_40_pairs_with_positives_and_hard_negatives():
    pairs = labelled_pairs()
    assert len(pairs) >= 40
    assert 15 <= sum(same for _a, _b, same, _why in pairs) <= len(pairs) - 15


def test_precision_on_the_labelled_set(outcomes):
    linked = [same for same, related in outcomes if related]
    assert linked and sum(linked) / len(linked) >= MIN_PRECISION


def test_recall_on_the_labelled_set(outcomes):
    found = [related for same, related in outcomes if same]
    assert sum(found) / len(found) >= MIN_RECALL


def test_same_title_with_another_body_is_not_related():
    measured = similarity(
        "Festyn sąsiedzki na Oksywiu",
        "Koncert i loteria fantowa na boisku szkolnym w niedzielę.",
        "Festyn sąsiedzki na Oksywiu",
        "Warsztaty, koncert i wspólne gotowanie dla pięciuset osób.",
    )
    assert measured.title == 1.0 and not measured.related


def test_repost_with_an_added_paragraph_is_still_contained():
    gdynia = articles()["gdynia:543780"]
    measured = similarity(
        gdynia["title"],
        gdynia["body_text"] + "\n\nZapraszamy wszystkich sąsiadów!",
        gdynia["title"],
        gdynia["body_text"],
    )
    assert measured.body == 1.0 and measured.related


def archive_with(*items) -> Archive:
    archive = Archive(sqlite_utils.Database(memory=True))
    for item in items:
        archive.store(item)
    return archive


def article(article_id: str, key: str) -> dict:
    site = article_id.split(":")[0]
    return make_item(article_id, site=site, **articles()[key])


def test_linking_stores_both_directions_with_score_and_method():
    archive = archive_with(article("gdynia:543780", "gdynia:543780"), article("lis:1035", "lis:1035"))
    assert link_articles(archive.db, ["lis:1035"]) == 1
    rows = sorted(
        (row["article_id"], row["related_id"], row["score"], row["method"])
        for row in archive.db["related_articles"].rows
    )
    assert rows == [("gdynia:543780", "lis:1035", 1.0, METHOD), ("lis:1035", "gdynia:543780", 1.0, METHOD)]


def test_two_articles_linked_in_one_call_find_each_other_once():
    archive = archive_with(article("gdynia:543780", "gdynia:543780"), article("lis:1035", "lis:1035"))
    assert link_articles(archive.db, ["gdynia:543780", "lis:1035"]) == 1
    assert sorted(archive.db.execute("SELECT article_id, related_id FROM related_articles").fetchall()) == [
        ("gdynia:543780", "lis:1035"),
        ("lis:1035", "gdynia:543780"),
    ]


def test_articles_of_the_same_site_are_never_linked():
    archive = archive_with(article("gdynia:543780", "gdynia:543780"), article("gdynia:999999", "lis:1035"))
    assert link_articles(archive.db, ["gdynia:543780", "gdynia:999999"]) == 0


def test_a_different_story_on_the_same_topic_is_not_linked():
    archive = archive_with(article("gdynia:543780", "gdynia:543780"), article("lis:1041", "lis:1041"))
    assert link_articles(archive.db, ["lis:1041"]) == 0


def test_relinking_an_article_that_changed_drops_its_stale_pair():
    archive = archive_with(article("gdynia:543780", "gdynia:543780"), article("lis:1035", "lis:1035"))
    link_articles(archive.db, ["lis:1035"])
    # A wholly different story under the same id is held as suspect unless accepted (kronika suspects --accept).
    archive.store(make_item("lis:1035", site="lis", **articles()["lis:1041"]), review="accepted")
    assert link_article(archive.db, "lis:1035") == []
    assert archive.db["related_articles"].count == 0


def test_unknown_article_links_nothing():
    assert link_article(archive_with().db, "lis:1") == []


def test_articles_archived_before_linking_are_indexed_once():
    archive = archive_with(article("gdynia:543780", "gdynia:543780"), article("lis:1035", "lis:1035"))
    assert (index_missing(archive.db), index_missing(archive.db)) == (2, 0)


def test_an_unindexed_twin_is_not_found_by_a_single_link():
    # Candidates come only from the band index, never from a scan of all articles.
    archive = archive_with(article("gdynia:543780", "gdynia:543780"), article("lis:1035", "lis:1035"))
    assert link_article(archive.db, "lis:1035") == []
    assert link_article(archive.db, "gdynia:543780") == ["lis:1035"]
