"""Recall and precision of the Polish search on tests/search_pairs.py, overall and per hard class (issue 12)."""

import pytest
import sqlite_utils

from bench.search_quality import plain_search, score
from factories import make_item
from scraper.archive import Archive
from scraper.archive.search import search
from search_pairs import ARTICLES, HARD_PAIRS, MUST_NOT_MATCH, QUERIES

# Just under what bench/search_quality.py measures (BENCHMARKS.md 5b): a lost pair fails the test.
RECALL_FLOOR = 0.99
PRECISION_FLOOR = 0.99


@pytest.fixture(scope="module")
def db():
    database = sqlite_utils.Database(memory=True)
    archive = Archive(database)
    with archive.batch():
        for article_id, (title, lead, body) in ARTICLES.items():
            # Only title, lead and body are searched: the factory's tags and attachments are left out.
            archive.store(
                make_item(
                    f"lis:{article_id}", title=title, lead=lead, body_text=body, tags=[], attachments=[], images=[]
                )
            )
    return database


def polish_search(db, query):
    return {article_id.removeprefix("lis:") for article_id, _ in search(db, query, limit=100)}


@pytest.fixture(scope="module")
def polish_score(db):
    return score("polish", QUERIES, lambda query: polish_search(db, query))


def test_benchmark_has_enough_pairs():
    assert sum(len(expected) for expected in QUERIES.values()) >= 50


def test_issue_12_added_at_least_50_hard_pairs():
    assert sum(len(pairs) for pairs in HARD_PAIRS.values()) >= 50


def test_polish_search_recall(polish_score):
    print(
        f"\npolish search: recall {polish_score.recall:.3f} precision {polish_score.precision:.3f}; "
        f"missed {polish_score.misses}"
    )
    assert polish_score.recall >= RECALL_FLOOR


def test_polish_search_precision(polish_score):
    assert polish_score.precision >= PRECISION_FLOOR, polish_score.false_hits


def test_polish_search_beats_plain_fts_recall(polish_score):
    assert polish_score.recall > score("plain", QUERIES, plain_search(ARTICLES)).recall


@pytest.mark.parametrize("kind", HARD_PAIRS)
def test_hard_class_finds_exactly_its_articles(db, kind):
    wrong = {
        query: polish_search(db, query)
        for query, expected in HARD_PAIRS[kind].items()
        if polish_search(db, query) != expected
    }
    assert wrong == {}


@pytest.mark.parametrize("query", MUST_NOT_MATCH)
def test_prefix_guard_whole_word_is_not_a_prefix_of_other_words(db, query):
    assert polish_search(db, query) & MUST_NOT_MATCH[query] == set()


@pytest.mark.parametrize(
    "query,expected",
    [
        ("rewitalizacji", "a10"),
        ("Gdyni", "a13"),
        ("Przemyśla", "a04"),
        ("lodz", "a06"),
        ("Chylonii", "a09"),
        ("Oksywiu", "a02"),
    ],
)
def test_inflected_form_finds_article(db, query, expected):
    assert expected in polish_search(db, query)
