"""The articles page at scale: capped count, one facet budget that skips facets (never errors), covering indexes."""

from __future__ import annotations

import asyncio
import sqlite3
import time

import pytest

from scraper.serve import budget
from scraper.serve.app import datasette_instance, load_metadata
from test_datasette_data import build_archive, items

ARTICLE_COUNT = len(items())
TIMED_OUT = "These facets timed out:"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return build_archive(tmp_path_factory.mktemp("budget") / "archive.db")


@pytest.fixture
def ds(db_path):
    return datasette_instance(db_path)


def get(ds, path):
    return asyncio.run(ds.client.get(path))


def test_html_count_past_the_cap_reads_ponad(ds, monkeypatch):
    monkeypatch.setattr(budget, "COUNT_CAP", 2)
    page = get(ds, "/archive/articles")
    assert page.status_code == 200
    assert "ponad 2 rows" in page.text


def test_html_count_within_the_cap_is_exact(ds):
    assert f"{ARTICLE_COUNT} rows" in get(ds, "/archive/articles").text


def test_json_count_stays_exact_past_the_cap(ds, monkeypatch):
    monkeypatch.setattr(budget, "COUNT_CAP", 2)
    assert get(ds, "/archive/articles.json").json()["filtered_table_rows_count"] == ARTICLE_COUNT


def test_facets_past_the_budget_are_skipped_and_the_page_is_served(ds, monkeypatch):
    monkeypatch.setattr(budget, "FACET_BUDGET_MS", 0)
    page = get(ds, "/archive/articles")
    assert page.status_code == 200
    timed_out = page.text.split(TIMED_OUT, 1)[1].split("</p>", 1)[0]
    # Datasette's column and array facets and Kronika's year and m2m facets alike.
    assert {"site", "author", "topics", "published_at", "tags"} <= {name.strip() for name in timed_out.split(",")}


def test_facets_within_the_budget_are_shown(ds):
    page = get(ds, "/archive/articles")
    assert TIMED_OUT not in page.text
    assert 'data-column="site"' in page.text or "facet-info" in page.text


def test_json_facets_keep_datasettes_own_limits(ds, monkeypatch):
    monkeypatch.setattr(budget, "FACET_BUDGET_MS", 0)
    assert {"site", "published_at", "tags", "topics"} <= set(get(ds, "/archive/articles.json").json()["facet_results"])


def test_budget_gives_each_facet_what_is_left():
    page = budget.PageBudget()
    assert page.facet_limit_ms(50) == 50  # the facet's own limit when the budget has more
    page.facets_until = time.monotonic() + 0.01
    assert page.facet_limit_ms(1000) <= 10
    page.facets_until = time.monotonic() - 1
    assert page.facet_limit_ms(1000) <= 0


def plan(db_path, sql: str, params=()) -> str:
    connection = sqlite3.connect(db_path)
    try:
        return " | ".join(row[3] for row in connection.execute(f"explain query plan {sql}", params))
    finally:
        connection.close()


def canned(name: str) -> str:
    return load_metadata()["databases"]["archive"]["queries"][name]["sql"]


def test_dashboard_months_read_the_month_site_index_alone(db_path):
    chart = load_metadata()["plugins"]["datasette-dashboards"]["kronika"]["charts"]["articles-per-month"]
    assert "COVERING INDEX idx_articles_month_site" in plan(db_path, chart["query"])


def test_year_facet_reads_the_year_index_alone(db_path):
    sql = (
        'select substr("published_at", 1, 4) as value, count(*) as count from (select * from articles) '
        'where "published_at" is not null group by value'
    )
    assert "COVERING INDEX idx_articles_year" in plan(db_path, sql)


@pytest.mark.parametrize("query", ["quiet_edits", "quiet_edits_feed"])
def test_quiet_edits_read_only_later_versions(db_path, query):
    sql = canned(query).replace("kronika_changes(earlier.item, later.item)", "''")
    assert "idx_article_versions_later" in plan(db_path, sql)


def table_sql(ds, query: str) -> str:
    return get(ds, f"/archive/articles.json?{query}").json()["query"]["sql"]


def test_search_in_publication_order_walks_the_date_index(ds):
    assert "+rowid in (select rowid from articles_fts" in table_sql(ds, "_search=rewitalizacja")


def test_search_sorted_otherwise_looks_up_its_matches(ds):
    sql = table_sql(ds, "_search=rewitalizacja&_sort=title")
    assert "+rowid" not in sql and "rowid in (select rowid from articles_fts" in sql


def test_gathered_facets_take_their_share_when_their_turn_comes(ds, monkeypatch):
    # Three facets gathered at once, each running 120 ms on the one SQL thread, share a 200 ms budget:
    # the first gets it all, the second what is left, the third nothing (skipped as timed out).
    granted = []

    async def slow_query(
        self, sql, params=None, truncate=False, custom_time_limit=None, page_size=None, log_sql_errors=True
    ):
        granted.append(custom_time_limit)
        await asyncio.sleep(0.12)

    monkeypatch.setattr(budget, "FACET_BUDGET_MS", 200)
    monkeypatch.setattr(budget.Database, "execute", slow_query)
    database = ds.get_database("archive")

    async def page():
        budget.page_budget.set(budget.PageBudget())
        return await asyncio.gather(
            *(database.execute("select 1", custom_time_limit=1000) for _ in range(3)), return_exceptions=True
        )

    outcomes = asyncio.run(page())
    assert granted[0] >= 199 and 0 < granted[1] <= 80
    assert isinstance(outcomes[2], budget.QueryInterrupted)


def test_facets_whose_turn_comes_late_in_the_page_are_not_run():
    page = budget.PageBudget(facets_start_by=time.monotonic() - 0.001)
    assert page.facet_limit_ms(1000) <= 0


def test_facets_whose_turn_comes_in_time_get_the_budget():
    page = budget.PageBudget(facets_start_by=time.monotonic() + 1)
    assert page.facet_limit_ms(1000) > budget.FACET_BUDGET_MS - 10
