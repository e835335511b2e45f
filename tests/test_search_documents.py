"""Search over document pages and article search through documents (scraper.archive.document_search)."""

import hashlib

import pytest
import sqlite_utils

from factories import make_attachment, make_item
from scraper.archive import Archive, document_search
from scraper.archive.document_search import page_texts, search_articles, search_documents
from scraper.archive.downloads import store_document
from scraper.archive.schema import ensure_schema
from scraper.archive.search import DOCUMENTS_FTS_TABLE, INDEX_VERSION_TABLE
from scraper.extract.documents.result import DocumentResult
from test_datasette_data import PDF_ONLY_WORD, add_downloads, build_archive

PLANTY = "przemysl:45707"
SHA = hashlib.sha256(b"plan").hexdigest()


@pytest.fixture(scope="module")
def downloads_db(tmp_path_factory):
    return sqlite_utils.Database(add_downloads(build_archive(tmp_path_factory.mktemp("docsearch") / "archive.db")))


def test_page_texts_split_at_offsets():
    assert page_texts("ab\n\ncd\n\nef", "[0, 4, 8]") == ["ab\n\n", "cd\n\n", "ef"]


def test_page_texts_without_offsets_is_one_page():
    assert page_texts("abc", "[]") == ["abc"]


def test_article_is_found_by_a_word_only_in_its_pdf(downloads_db):
    assert [hit["article_id"] for hit in search_articles(downloads_db, PDF_ONLY_WORD)] == [PLANTY]


def test_pdf_hit_says_which_document_and_page(downloads_db):
    (hit,) = search_articles(downloads_db, PDF_ONLY_WORD)
    assert hit["label"] == "document: plan-plant.pdf, s. 2"


def test_pdf_hit_snippet_comes_from_the_matched_page(downloads_db):
    (hit,) = search_articles(downloads_db, PDF_ONLY_WORD)
    assert hit["snippet"] == "Nasadzenia **kasztanowców** wzdłuż alei."


def test_search_documents_gives_sha256_page_and_snippet(downloads_db):
    (hit,) = search_documents(downloads_db, "jesień")
    sha256 = downloads_db.execute("SELECT sha256 FROM attachments WHERE id = 'przemysl:45707:0'").fetchone()[0]
    assert hit == {"sha256": sha256, "page": 3, "snippet": "Odbiór prac **jesienią**."}


def test_article_hit_says_it_matched_in_the_title(downloads_db):
    hit = next(hit for hit in search_articles(downloads_db, "koncert") if hit["article_id"] == "przemysl:46100")
    assert (hit["label"], hit["snippet"]) == ("title", "**Koncert** w Rynku")


def test_article_hit_says_it_matched_in_the_body(downloads_db):
    (hit,) = search_articles(downloads_db, "wstęp")
    assert (hit["label"], hit["snippet"]) == ("body", "W sobotę na Rynku zagra orkiestra. **Wstęp** wolny.")


def test_article_hit_says_it_matched_in_the_lead(downloads_db):
    (hit,) = search_articles(downloads_db, "orkiestra")
    assert (hit["label"], hit["snippet"]) == ("lead", "W sobotę na Rynku zagra **orkiestra**.")


def _ranking_archive(path) -> sqlite_utils.Database:
    # The same word in one article's title, another's body, a third's document;
    # unrelated articles around them so the word is rare, as real words are.
    archive = Archive(str(path))
    filler = [
        make_item(
            f"gdynia:{570000 + number}",
            title=f"Zebranie numer {number}",
            body_text="Rada dzielnicy obradowała.",
            published_at="2020-01-01T10:00:00+01:00",
        )
        for number in range(8)
    ]
    for item in filler + [
        make_item(
            "gdynia:571000",
            title="Kasztanowce na skwerze",
            body_text="Rada dzielnicy obradowała o zieleni.",
            published_at="2020-02-01T10:00:00+01:00",
        ),
        make_item(
            "gdynia:571001",
            title="Zieleń na skwerze",
            body_text="Rada obradowała.\n\nPosadzi kasztanowce przy alei.",
            published_at="2020-03-01T10:00:00+01:00",
        ),
        make_item(
            "gdynia:571002",
            title="Plan skweru",
            body_text="Rada dzielnicy obradowała o planie.",
            published_at="2020-04-01T10:00:00+01:00",
            attachments=[make_attachment("gdynia", "plan.pdf")],
        ),
    ]:
        archive.store(item)
    archive.db["attachments"].update("gdynia:571002:0", {"download_status": "ok", "sha256": SHA})
    pages = [f"Strona {number}: opis terenu." for number in range(1, 8)] + ["Plan zakłada kasztanowce przy alei."]
    text = "\n\n".join(pages)
    offsets = [text.index(page) for page in pages]
    store_document(
        archive.db, DocumentResult(sha256=SHA, type="pdf", pages=len(pages), text=text, page_offsets=tuple(offsets))
    )
    return archive.db


def test_title_hit_ranks_above_body_hit_above_document_hit(tmp_path):
    hits = search_articles(_ranking_archive(tmp_path / "ranking.db"), "kasztanowiec")
    assert [hit["matched_in"] for hit in hits] == ["title", "body", "document"]


def test_upserted_document_is_reindexed(tmp_path):
    db = _ranking_archive(tmp_path / "ranking.db")
    store_document(db, DocumentResult(sha256=SHA, type="pdf", pages=1, text="Plan zakłada lipy."))
    assert [hit["page"] for hit in search_documents(db, "kasztanowce")] == []


def test_index_version_bump_rebuilds_the_documents_index(tmp_path):
    db = _ranking_archive(tmp_path / "ranking.db")
    db.execute(f"DELETE FROM {DOCUMENTS_FTS_TABLE}")
    db[INDEX_VERSION_TABLE].update(1, {"version": 0})
    ensure_schema(db)
    assert [hit["sha256"] for hit in search_documents(db, "kasztanowce")] == [SHA]


def test_archive_without_a_documents_index_still_finds_articles(tmp_path):
    db = _ranking_archive(tmp_path / "ranking.db")
    db[DOCUMENTS_FTS_TABLE].drop()
    assert [hit["matched_in"] for hit in search_articles(db, "kasztanowiec")] == ["title", "body"]


def test_within_narrows_the_articles(tmp_path):
    hits = search_articles(
        _ranking_archive(tmp_path / "ranking.db"),
        "kasztanowiec",
        within="select :only",
        within_params={"only": "gdynia:571002"},
    )
    assert [hit["article_id"] for hit in hits] == ["gdynia:571002"]


def test_best_first_ranks_the_most_recently_archived_matches_only(tmp_path, monkeypatch):
    monkeypatch.setattr(document_search, "RANKED_MATCHES", 2)
    archive = Archive(sqlite_utils.Database(tmp_path / "ranked.db"))
    archive.store(make_item("gdynia:1", title="Plac", body_text="Plac, plac i plac."))  # the best, archived first
    archive.store(make_item("gdynia:2", title="Inne", body_text="Nowy plac zabaw."))
    archive.store(make_item("gdynia:3", title="Inne", body_text="Plac przy szkole."))
    hits = search_articles(archive.db, "plac")
    assert {hit["article_id"] for hit in hits} == {"gdynia:2", "gdynia:3"}
    assert {hit["ranking_capped"] for hit in hits} == {1}
    assert {hit["ranking_capped"] for hit in search_articles(archive.db, "szkoła")} == {0}
