"""Datasette over a small archive, in process: metadata, facets, canned queries, Polish search, safety."""

from __future__ import annotations

import asyncio
import csv
import hashlib
import io
import re
import sqlite3
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml

from scraper.archive.search import search
from scraper.archive.snippet import snippet
from scraper.serve.app import datasette_instance, load_metadata
from scraper.serve.plugin import rewrite_query_string, sanitised_body
from test_datasette_data import CHANGED_ID, XSS_ID, build_archive, items

REPO = Path(__file__).resolve().parent.parent
ALL_IDS = {item["id"] for item in items()}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return build_archive(tmp_path_factory.mktemp("datasette") / "archive.db")


@pytest.fixture(scope="module")
def ds(db_path):
    return datasette_instance(db_path)


def get(ds, path):
    return asyncio.run(ds.client.get(path))


def post(ds, path, **kwargs):
    return asyncio.run(ds.client.post(path, **kwargs))


def rows(ds, path):
    separator = "&" if "?" in path else "?"
    return get(ds, f"{path}{separator}_shape=array").json()


def facet(ds, path, name):
    return {bucket["label"]: bucket["count"] for bucket in get(ds, path).json()["facet_results"][name]["results"]}


def file_digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# --- metadata ---


def test_top_level_metadata_links_to_the_packaged_one():
    packaged = REPO / "scraper" / "serve" / "metadata.yml"
    assert (REPO / "metadata.yml").resolve() == packaged.resolve()
    assert yaml.safe_load(packaged.read_text(encoding="utf-8")) == load_metadata()


def test_metadata_title_is_served(ds):
    assert get(ds, "/-/metadata.json").json()["title"].startswith("Kronika")


def test_canned_queries_are_listed(ds):
    names = {query["name"] for query in get(ds, "/archive.json").json()["queries"]}
    assert {
        "polish_search",
        "articles_per_month",
        "articles_with_attachments",
        "recently_changed",
        "new_articles_feed",
    } <= names


def test_database_is_served_as_archive_whatever_the_file_name(tmp_path):
    served = datasette_instance(build_archive(tmp_path / "kronika-2024.db"))
    assert get(served, "/archive/articles.json?_size=0").json()["filtered_table_rows_count"] == len(ALL_IDS)


def test_missing_database_is_a_one_line_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no archive database"):
        datasette_instance(tmp_path / "missing.db")


# --- facets ---


def test_site_facet(ds):
    assert facet(ds, "/archive/articles.json?_size=0", "site") == {"gdynia": 5, "przemysl": 4}


def test_year_facet_uses_the_warsaw_year(ds):
    # przemysl:46000 was published 2020-01-01 00:30 Warsaw time, still 2019 in UTC.
    assert facet(ds, "/archive/articles.json?_size=0", "published_at")["2020"] == 1


def test_year_facet_bucket_filters_the_year(ds):
    assert {row["id"] for row in rows(ds, "/archive/articles.json?published_at__startswith=2023&_col=id")} == {
        "gdynia:562200",
        "gdynia:562300",
    }


def test_tags_facet_counts_articles_per_tag(ds):
    assert facet(ds, "/archive/articles.json?_size=0", "tags")["projekt"] == 2


def test_tags_facet_bucket_filters_by_tag(ds):
    bucket = next(
        bucket
        for bucket in get(ds, "/archive/articles.json?_size=0").json()["facet_results"]["tags"]["results"]
        if bucket["label"] == "FFW"
    )
    path = bucket["toggle_url"].split("localhost", 1)[1]
    assert [row["id"] for row in rows(ds, path.replace("_size=0", "_col=id"))] == ["gdynia:562076"]


def test_attachment_type_facet(ds):
    assert facet(ds, "/archive/attachments.json?_size=0", "type") == {"pdf": 4, "jpg": 1, "docx": 1, "xlsx": 1}


@pytest.mark.parametrize("column", ["author", "publisher", "revitalisation"])
def test_configured_facets_are_computed(ds, column):
    assert sum(facet(ds, "/archive/articles.json?_size=0", column).values()) >= 7


# --- canned queries ---


@pytest.mark.parametrize(
    "query, expected",
    [
        ("rewitalizacji", "przemysl:45707"),  # Rewitalizacja Plant ...
        ("Gdyni", "gdynia:562100"),  # Gdynia OdNowa ...
        ("lodz", "przemysl:46000"),  # Przemyśl i Łódź ...
        ("Chylonia", CHANGED_ID),  # po Chylonii
    ],
)
def test_polish_search_query_finds_inflected_forms(ds, query, expected):
    assert expected in {row["id"] for row in rows(ds, f"/archive/polish_search.json?q={quote(query)}")}


def test_polish_search_query_ranks_like_the_archive_search(ds, db_path):
    import sqlite_utils

    ranked = [row["id"] for row in rows(ds, "/archive/polish_search.json?q=rewitalizacji")]
    assert ranked == [article_id for article_id, _ in search(sqlite_utils.Database(db_path), "rewitalizacji")]


def test_polish_search_snippet_marks_the_match(ds):
    found = rows(ds, "/archive/polish_search.json?q=lodz")
    assert "**Łódź**" in found[0]["snippet"]


def test_polish_search_page_highlights_the_match(ds):
    assert "<mark>Łódź</mark>" in get(ds, "/archive/polish_search?q=lodz").text


def test_articles_per_month(ds):
    found = rows(ds, "/archive/articles_per_month.json")
    assert {"month": "2023-05", "site": "gdynia", "articles": 2} in found


def test_articles_with_attachments_of_a_type(ds):
    found = rows(ds, "/archive/articles_with_attachments.json?type=PDF")
    assert [(row["article_id"], row["filename"]) for row in found] == [
        (XSS_ID, "x.pdf"),
        ("gdynia:562076", "modelownia.pdf"),
        ("przemysl:45707", "plan-plant.pdf"),
        ("przemysl:45707", "harmonogram.pdf"),
    ]


def test_recently_changed_lists_the_previous_version(ds):
    found = rows(ds, "/archive/recently_changed.json")
    assert [(row["id"], row["previous_version"], row["previous_title"]) for row in found] == [
        (CHANGED_ID, 1, "Spacer badawczy po Chylonii")
    ]


# --- the table search box ---


@pytest.mark.parametrize(
    "query, expected",
    [
        ("rewitalizacji", "przemysl:45707"),
        ("Gdyni", "gdynia:562100"),
        ("lodz", "przemysl:46000"),
        ("Przemyśla", "przemysl:45707"),
    ],
)
def test_table_search_box_is_polish_aware(ds, query, expected):
    assert expected in {row["id"] for row in rows(ds, f"/archive/articles.json?_search={quote(query)}&_col=id")}


def test_table_search_box_keeps_what_the_user_typed(ds):
    assert 'name="_search" value="lodz"' in get(ds, "/archive/articles?_search=lodz").text


def test_table_search_raw_mode_passes_fts_syntax_through(ds):
    found = rows(ds, "/archive/articles.json?_search=search_title:lodz&_searchmode=raw&_col=id")
    assert [row["id"] for row in found] == ["przemysl:46000"]


def test_search_with_punctuation_is_not_an_error(ds):
    response = get(ds, "/archive/articles.json?_search=%22AND%28%20OR%20*")
    assert (response.status_code, "rows" in response.json(), response.json().get("error")) == (200, True, None)


@pytest.mark.parametrize(
    "path, query, expected",
    [
        (
            "/archive/articles",
            "_search=lodz",
            "_polish_search=lodz&_nocol=search_title&_nocol=search_lead&_nocol=search_body&_size=50",
        ),
        ("/archive/articles", "_size=20", "_size=20&_nocol=search_title&_nocol=search_lead&_nocol=search_body"),
        ("/archive/articles.json", "_search=lodz", "_polish_search=lodz"),
        ("/archive/articles.json", "_polish_search=old&_search=new", "_polish_search=new"),
        ("/archive/articles.json", "_polish_search=old&_search=", ""),
        ("/archive/articles.json", "_search=x&_searchmode=raw", "_search=x&_searchmode=raw"),
        ("/archive/tags.json", "_search=x", "_search=x"),
        ("/archive/pages", "", "_nocol=body&_nocol=headers"),
        ("/archive/pages", "_col=url", "_col=url"),
        ("/archive/articles/gdynia:562400", "", ""),
    ],
)
def test_rewrite_query_string(path, query, expected):
    assert rewrite_query_string(path, query) == expected


# --- JSON, CSV, Atom, plugins ---


def test_shape_array_is_a_list_of_row_objects(ds):
    assert {row["id"] for row in rows(ds, "/archive/articles.json?_col=id")} == ALL_IDS


def test_next_pages_through_every_article(ds):
    seen, path = [], "/archive/articles.json?_col=id&_size=4"
    while path:
        page = get(ds, path).json()
        seen += [row[0] for row in page["rows"]]
        path = page["next_url"] and page["next_url"].split("localhost", 1)[1]
    assert sorted(seen) == sorted(ALL_IDS)


def test_csv_stream_has_every_article(ds):
    response = get(ds, "/archive/articles.csv?_stream=on&_col=id&_col=title")
    assert {row["id"] for row in csv.DictReader(io.StringIO(response.text))} == ALL_IDS


def test_atom_feed_has_an_entry_per_article(ds):
    response = get(ds, "/archive/new_articles_feed.atom")
    assert response.text.count("<entry>") == len(ALL_IDS)


def test_atom_feed_escapes_the_payload(ds):
    response = get(ds, "/archive/new_articles_feed.atom")
    assert response.status_code == 200
    assert "&lt;script&gt;" in response.text and "<script>" not in response.text


def test_dashboard_page_responds(ds):
    response = get(ds, "/-/dashboards/kronika")
    assert response.status_code == 200 and "articles-per-month" in response.text


def test_dashboard_chart_query_runs(ds):
    chart = load_metadata()["plugins"]["datasette-dashboards"]["kronika"]["charts"]["articles-per-month"]
    found = rows(ds, f"/archive.json?sql={quote(chart['query'])}")
    assert sum(row["articles"] for row in found) == len(ALL_IDS)


def test_search_all_leads_to_the_articles_table_search(ds):
    response = get(ds, "/-/search?q=rewitalizacji")
    assert (response.status_code, response.headers["location"]) == (302, "/archive/articles?_search=rewitalizacji")


def test_search_all_shows_no_escaped_html(ds):
    response = asyncio.run(ds.client.get("/-/search?q=Witomina", follow_redirects=True))
    assert "&lt;mark&gt;" not in response.text and "&lt;p&gt;" not in response.text


# --- read-only ---


@pytest.mark.parametrize(
    "path, data",
    [
        ("/archive/polish_search", {"q": "lodz"}),
        ("/archive/articles_with_attachments", {"type": "pdf"}),
        ("/-/create", {"table": "x", "rows": []}),
        ("/archive/-/create", {"table": "x", "rows": []}),
        ("/archive/articles/-/insert", {"row": {"id": "x:1"}}),
        ("/archive/articles/gdynia:562400/-/delete", {}),
        ("/archive/articles/gdynia:562400/-/update", {"update": {"title": "x"}}),
    ],
)
def test_writes_are_refused(ds, db_path, path, data):
    before = file_digest(db_path)
    response = post(ds, path, json=data)
    assert 400 <= response.status_code < 500 and file_digest(db_path) == before


def test_sql_that_writes_is_refused(ds, db_path):
    before = file_digest(db_path)
    response = get(ds, "/archive.json?sql=" + quote("delete from articles"))
    assert (response.status_code, file_digest(db_path)) == (400, before)


def test_no_canned_query_writes():
    queries = load_metadata()["databases"]["archive"]["queries"]
    assert not [name for name, query in queries.items() if query.get("write")]


def test_database_file_is_not_offered_for_download(ds):
    assert get(ds, "/archive.db").status_code in (403, 404)


def test_served_database_sees_rows_a_crawl_commits_meanwhile(tmp_path):
    path = build_archive(tmp_path / "archive.db")
    served = datasette_instance(path)
    assert get(served, "/archive/crawls.json?_size=0").json()["filtered_table_rows_count"] == 0
    writer = sqlite3.connect(path)  # the archive is in WAL mode: the reader must see this commit
    with writer:
        writer.execute("insert into crawls (site, started_at) values ('gdynia', '2024-05-03T10:00:00Z')")
    writer.close()
    assert get(served, "/archive/crawls.json?_size=0").json()["filtered_table_rows_count"] == 1


def test_connections_are_read_only(ds):
    connection = ds.get_database("archive").connect()
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        connection.execute("insert into tags (name) values ('x')")


# --- HTML safety ---


def test_row_page_escapes_the_title_payload(ds):
    html = get(ds, f"/archive/articles/{XSS_ID}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("payload", ["<script>window.__pwned", "<script>alert(1)", 'onerror="window', "onclick="])
def test_row_page_never_carries_an_active_payload(ds, payload):
    assert payload not in get(ds, f"/archive/articles/{XSS_ID}").text


def test_row_page_shows_the_body_as_html(ds):
    assert "<p>Spotkanie w sprawie rewitalizacji Witomina.</p>" in get(ds, f"/archive/articles/{XSS_ID}").text


@pytest.mark.parametrize(
    "page",
    [
        "/archive/articles",
        "/archive/article_versions",
        "/archive/polish_search?q=Witomina",
        "/archive/articles?_search=" + quote("<script>alert(1)</script>"),
        "/archive/polish_search?q=" + quote("<script>alert(1)</script>"),
    ],
)
def test_table_pages_never_carry_an_active_payload(ds, page):
    assert "<script>alert(1)" not in get(ds, page).text


def test_sanitised_body_keeps_links_but_drops_handlers():
    assert sanitised_body('<a href="https://x.pl" onclick="y()">x</a>') == (
        '<a href="https://x.pl" rel="noopener noreferrer nofollow">x</a>'
    )


def test_sanitised_body_drops_javascript_urls():
    assert "javascript" not in sanitised_body('<a href="javascript:alert(1)">x</a>')


# --- snippet ---


def test_snippet_marks_inflected_matches():
    assert snippet("Zakończyła się rewitalizacja Plant.", "rewitalizacji") == "Zakończyła się **rewitalizacja** Plant."


def test_snippet_shortens_long_texts_around_the_match():
    text = " ".join(["słowo"] * 50 + ["Gdynia"] + ["słowo"] * 50)
    assert snippet(text, "Gdyni").count("słowo") == 6 + 11


@pytest.mark.parametrize("text, query", [(None, "x"), ("tekst", None), ("", "x")])
def test_snippet_of_nothing_is_null(text, query):
    assert snippet(text, query) is None


def test_plugin_is_loaded_with_its_templates_and_static_files(ds):
    # "kronika" when installed (the entry point's distribution), the package's name from a bare checkout.
    plugins = {plugin["name"]: plugin for plugin in get(ds, "/-/plugins.json").json()}
    ours = plugins.get("kronika") or plugins["scraper.serve"]
    assert (ours["templates"], ours["static"]) == (True, True)


def test_css_is_served_from_the_plugin_static_folder(ds):
    (url,) = re.findall(r'href="([^"]+kronika\.css)"', get(ds, "/").text)
    response = get(ds, url)
    assert url.startswith("/-/static-plugins/") and response.headers["content-type"].startswith("text/css")


def test_sql_functions_are_registered(ds):
    sql = "select kronika_fold('Łódź') as folded, kronika_match('Gdyni') as expression"
    found = rows(ds, "/archive.json?sql=" + quote(sql))[0]
    assert (found["folded"], '"__gdynia"' in found["expression"]) == ("lodz", True)
