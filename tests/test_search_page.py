"""The articles table search page (hits, snippets, order switch), the search canned queries and /-/search, in process."""

from __future__ import annotations

import asyncio
import re
from html import unescape
from urllib.parse import quote

import pytest

from scraper.archive import document_search
from scraper.archive.search import RANKED_MATCHES
from scraper.serve import budget, plugin, search_page
from scraper.serve.app import datasette_instance, load_metadata
from scraper.serve.search_page import marked
from test_datasette_data import PDF_ONLY_WORD, XSS_ID, add_downloads, build_archive

PLANTY = "przemysl:45707"
HIT = re.compile(r'<li>\s*<a class="kronika-list-title" href="/archive/articles/(?P<id>[^"]+)">.*?</li>', re.S)


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    return datasette_instance(add_downloads(build_archive(tmp_path_factory.mktemp("search") / "archive.db")))


def get(ds, path):
    return asyncio.run(ds.client.get(path))


def hits(ds, query, extra=""):
    html = get(ds, f"/archive/articles?_search={quote(query)}{extra}").text
    return [(match["id"].replace("~3A", ":"), match.group()) for match in HIT.finditer(html)]


def test_marked_escapes_the_text_and_adds_only_mark():
    assert marked('<img src=x onerror="x()">**Plan**') == "&lt;img src=x onerror=&#34;x()&#34;&gt;<mark>Plan</mark>"


def test_article_found_only_through_its_pdf_is_listed(ds):
    assert [article_id for article_id, _ in hits(ds, PDF_ONLY_WORD)] == [PLANTY]


def test_pdf_hit_names_the_document_and_page(ds):
    ((_, html),) = hits(ds, PDF_ONLY_WORD)
    assert "w dokumencie plan-plant.pdf, s. 2:" in html


def test_hit_snippet_marks_the_matched_word(ds):
    ((_, html),) = hits(ds, PDF_ONLY_WORD)
    assert "Nasadzenia <mark>kasztanowców</mark> wzdłuż alei." in html


def test_hit_shows_polish_date_city_and_author(ds):
    ((_, html),) = hits(ds, PDF_ONLY_WORD)
    assert "5 października 2018, 08:39" in html and "<span>Przemyśl</span>" in html and "Rafał Porada" in html


def test_title_hits_come_before_lead_hits(ds):
    found = hits(ds, "rewitalizacji")
    assert ["w tytule" in html for _, html in found] == [True, True, False, False]


def test_newest_first_switch_orders_by_date(ds):
    found = [article_id for article_id, _ in hits(ds, "rewitalizacji", "&_sort_desc=published_at")]
    assert found == [XSS_ID, "gdynia:562076", "przemysl:45800", PLANTY]


def test_order_switch_links_to_newest_first(ds):
    assert '_sort_desc=published_at">Najnowsze najpierw</a>' in get(ds, "/archive/articles?_search=plan").text


def test_hit_from_a_planted_title_is_escaped(ds):
    (html,) = [html for article_id, html in hits(ds, "Witomina") if article_id == XSS_ID]
    assert "<img" not in html and "<mark>Witominie</mark>" in html


def test_search_page_facets_count_the_hits(ds):
    html = get(ds, f"/archive/articles?_search={PDF_ONLY_WORD}").text
    facet = re.search(r'id="facet-site".*?</ul>', html, re.S).group(0)
    assert re.search(r">Przemyśl</a> 1</li>", facet) and "Gdynia" not in facet


def test_all_columns_link_opens_the_grid(ds):
    html = get(ds, "/archive/articles?_search=rewitalizacji").text
    link = unescape(re.search(r'<a href="([^"]+)">Tabela ze wszystkimi kolumnami</a>', html)[1])
    assert 'class="rows-and-columns"' in get(ds, link).text


def test_table_json_keeps_its_columns_when_searching(ds):
    plain = get(ds, "/archive/articles.json?_shape=objects&_size=1").json()["rows"][0]
    searched = get(ds, "/archive/articles.json?_shape=objects&_search=rewitalizacji").json()["rows"]
    assert {tuple(row) for row in searched} == {tuple(plain)}


def test_table_json_finds_an_article_through_its_pdf(ds):
    rows = get(ds, f"/archive/articles.json?_shape=objects&_col=title&_search={PDF_ONLY_WORD}").json()["rows"]
    assert [row["id"] for row in rows] == [PLANTY]


def test_polish_search_query_has_no_rank_column(ds):
    row = get(ds, "/archive/polish_search.json?_shape=objects&q=rewitalizacji").json()["rows"][0]
    assert "rank" not in row


def test_polish_search_query_opens_on_its_form_not_its_sql(ds):
    assert 'id="sql-editor"' not in get(ds, "/archive/polish_search?q=lodz").text


def test_search_documents_query_gives_file_page_article_and_snippet(ds):
    (row,) = get(ds, f"/archive/search_documents.json?_shape=objects&q={PDF_ONLY_WORD}").json()["rows"]
    assert {
        key: row[key] for key in ("filename", "type", "pages", "page", "snippet", "article_id", "published_at")
    } == {
        "filename": "plan-plant.pdf",
        "type": "pdf",
        "pages": 3,
        "page": 2,
        "article_id": PLANTY,
        "snippet": "Nasadzenia **kasztanowców** wzdłuż alei.",
        "published_at": "2018-10-05T08:39:00+02:00",
    }


def test_search_documents_page_marks_the_match_and_escapes_the_text(ds):
    html = get(ds, "/archive/search_documents?q=" + quote("uchwała")).text
    assert "<mark>uchwały</mark>" in html and "&lt;script&gt;window.__pwned" in html


def test_facet_selection_narrows_the_best_first_hits(ds):
    found = [article_id for article_id, _ in hits(ds, "rewitalizacji", "&site=gdynia")]
    assert found == [XSS_ID, "gdynia:562076"]


def heading(ds, query, extra=""):
    html = get(ds, f"/archive/articles?_search={quote(query)}{extra}").text
    return " ".join(unescape(re.search(r"<h3>(.*?)</h3>", html, re.S).group(1)).split())


def test_best_first_heading_does_not_claim_the_date_order(ds):
    assert heading(ds, "koncert").endswith('where search matches "koncert"')


def test_best_first_heading_keeps_the_filters(ds):
    assert 'site = "przemysl"' in heading(ds, "koncert", "&site=przemysl")


def test_newest_first_heading_says_the_date_order(ds):
    assert heading(ds, "koncert", "&_sort_desc=published_at").endswith("sorted by published_at descending")


def test_polish_search_query_ranks_as_many_matches_as_the_table_search():
    sql = load_metadata()["databases"]["archive"]["queries"]["polish_search"]["sql"]
    assert f"offset {RANKED_MATCHES} - 1)" in sql


def test_capped_ranking_is_said_on_the_hits_page(ds, monkeypatch):
    monkeypatch.setattr(document_search, "RANKED_MATCHES", 1)
    monkeypatch.setattr(plugin, "RANKED_MATCHES", 1)
    html = get(ds, "/archive/articles?_search=koncert").text
    assert "Najtrafniejsze spośród 1 ostatnio zarchiwizowanych trafień." in html


def _counting_hits(monkeypatch):
    calls = []
    original = search_page._best_first_hits

    def counted(served, query):
        # (query, whether the page's facets had not begun): their budget clock starts at the first facet.
        page = budget.page_budget.get()
        calls.append((query, page is not None and page.facets_until is None))
        return original(served, query)

    monkeypatch.setattr(search_page, "_best_first_hits", counted)
    return calls


def test_best_first_hits_are_ranked_once_from_the_start_of_the_page(ds, monkeypatch):
    calls = _counting_hits(monkeypatch)
    assert [article for article, _ in hits(ds, PDF_ONLY_WORD)] == [PLANTY]
    assert calls == [(PDF_ONLY_WORD, True)]


def test_a_grid_of_chosen_columns_ranks_no_hits(ds, monkeypatch):
    calls = _counting_hits(monkeypatch)
    get(ds, f"/archive/articles?_search={quote(PDF_ONLY_WORD)}&_col=title")
    assert calls == []
