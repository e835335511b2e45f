"""Datasette hardening, in process: security headers, bounded SQL, no server paths, web-only feed links."""

from __future__ import annotations

import asyncio
import re
import sqlite3
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from scraper.serve.app import datasette_instance
from scraper.serve.headers import with_nonce
from scraper.serve.sqlbounds import MAX_QUERY_CHARS, MAX_TEXT_CHARS, MAX_VALUE_BYTES, StatementGuard, query_clock
from test_datasette import db_path, ds, get  # noqa: F401 (the small archive, served in process)
from test_datasette_data import XSS_ID, build_archive

PAGES = [
    "/",
    "/archive",
    "/archive/articles",
    "/archive/articles?_search=lodz",
    f"/archive/articles/{XSS_ID}",
    "/archive/articles.json",
    "/archive/articles.csv",
    "/archive/polish_search?q=lodz",
    "/archive/new_articles_feed.atom",
    "/archive?sql=select+1",
    "/-/dashboards/kronika",
    "/archive/search_documents?q=plan",
    "/archive/articles?_search=lodz&_sort_desc=published_at",
    "/archive/quiet_edits",
    "/archive/quiet_edits_feed.atom",
    "/-/static/app.css",
    "/-/databases",
    "/-/metadata",
    "/no-such-page",
]
HTML_PAGES = [page for page in PAGES if not re.search(r"\.(json|csv|atom|css)\b", page)]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>")


def sql(ds, query, **args):
    extra = "".join(f"&{name}={value}" for name, value in args.items())
    return get(ds, "/archive.json?_shape=objects&sql=" + quote(query) + extra).json()


def script_sources(csp: str) -> list[str]:
    return next(part for part in csp.split("; ") if part.startswith("script-src")).split()[1:]


# --- security headers ---


@pytest.mark.parametrize("path", PAGES)
def test_every_response_forbids_framing_sniffing_and_leaking_referrers(ds, path):
    headers = get(ds, path).headers
    assert (headers["x-frame-options"], headers["x-content-type-options"]) == ("DENY", "nosniff")
    assert headers["referrer-policy"] in ("strict-origin-when-cross-origin", "no-referrer")  # Datasette's on SQL pages


def test_sql_pages_keep_datasettes_stricter_referrer_policy(ds):
    assert get(ds, "/archive?sql=select+1").headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("path", PAGES)
def test_every_response_has_a_csp_without_inline_script_or_framing(ds, path):
    csp = get(ds, path).headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "'unsafe-inline'" not in script_sources(csp)


def test_refused_writes_carry_the_headers_too(ds):
    response = asyncio.run(ds.client.post("/archive/articles/-/insert", json={}))
    assert response.status_code == 405 and "frame-ancestors 'none'" in response.headers["content-security-policy"]


@pytest.mark.parametrize("path", HTML_PAGES)
def test_every_inline_script_carries_the_pages_nonce(ds, path):
    response = get(ds, path)
    nonce = next(
        source for source in script_sources(response.headers["content-security-policy"]) if source.startswith("'nonce-")
    )[len("'nonce-") : -1]
    assert [tag for tag in INLINE_SCRIPT.findall(response.text) if f'nonce="{nonce}"' not in tag] == []


def test_each_page_gets_a_fresh_nonce(ds):
    first, second = (get(ds, "/").headers["content-security-policy"] for _ in range(2))
    assert first != second


def test_the_nonce_goes_on_inline_scripts_only():
    html = b'<script src="/a.js"></script><script>x()</script><script type="module">y()</script><scripts>'
    assert with_nonce(html, "N") == (
        b'<script src="/a.js"></script><script nonce="N">x()</script>'
        b'<script nonce="N" type="module">y()</script><scripts>'
    )


def test_stored_payload_is_escaped_so_gets_no_nonce(ds):
    assert "&lt;script&gt;alert(1)" in get(ds, f"/archive/articles/{XSS_ID}").text


def test_head_keeps_the_length_of_the_page(ds):
    response = asyncio.run(ds.client.request("HEAD", "/archive/articles"))
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers.get("content-length") != "0"


def test_content_length_matches_the_page_with_nonces(ds):
    response = get(ds, "/archive/articles")
    assert int(response.headers["content-length"]) == len(response.content)


# --- bounded SQL ---


def test_values_beyond_the_length_limit_are_an_error(ds):
    response = get(ds, "/archive.json?sql=" + quote("select length(randomblob(500000000)) as n"))
    assert response.status_code == 400 and "too big" in response.json()["error"]


def test_values_within_the_length_limit_are_fine(ds):
    assert sql(ds, f"select length(randomblob({MAX_VALUE_BYTES})) as n")["rows"] == [{"n": MAX_VALUE_BYTES}]


@pytest.mark.parametrize(
    "call",
    [
        f"kronika_fold(printf('%.*c', {MAX_TEXT_CHARS + 1}, 'x'))",
        f"kronika_match(printf('%.*c', {MAX_QUERY_CHARS + 1}, 'x'))",
        f"kronika_snippet(printf('%.*c', {MAX_TEXT_CHARS + 1}, 'x'), 'x')",
        f"kronika_snippet('x', printf('%.*c', {MAX_QUERY_CHARS + 1}, 'x'))",
    ],
)
def test_functions_give_null_beyond_their_input_bound(ds, call):
    assert sql(ds, f"select {call} as value")["rows"] == [{"value": None}]


def test_fold_works_up_to_its_bound(ds):
    found = sql(ds, f"select length(kronika_fold(printf('%.*c', {MAX_TEXT_CHARS}, 'ł'))) as n")["rows"]
    assert found == [{"n": MAX_TEXT_CHARS}]


# Each row folds a different near-limit string (deterministic functions with a
# constant argument run once): a query of 100,000 such calls.
FOLD_EVERY_ROW = (
    "with recursive n(i) as (select 1 union all select i + 1 from n where i < 100000) "
    f"select length(kronika_fold(printf('%.*c', {MAX_TEXT_CHARS - 1}, char(260 + i % 7)))) from n"
)


def test_python_functions_stop_at_the_time_limit(ds):
    response = get(ds, "/archive.json?_timelimit=300&sql=" + quote(FOLD_EVERY_ROW))
    assert response.status_code == 400 and "SQL query took too long" in response.json()["error"]


def test_sql_thread_is_free_after_a_stopped_query(ds):
    get(ds, "/archive.json?_timelimit=300&sql=" + quote(FOLD_EVERY_ROW))
    assert sql(ds, "select 1 as one")["rows"] == [{"one": 1}]


def guarded_connection(time_limit_s: float, seconds_per_call: float, *, clocked: bool = False):
    """An in-memory connection with a guarded `slow(x)` that takes `seconds_per_call`; and its call log."""
    conn, calls = sqlite3.connect(":memory:"), []

    def slow(value):
        calls.append(value)
        time.sleep(seconds_per_call)
        return value

    conn.create_function("slow", 1, StatementGuard(conn, time_limit_s, clocked=clocked).bounded(slow))
    return conn, calls


ROWS_1000 = "with recursive n(i) as (select 1 union all select i + 1 from n where i < 1000) select slow(i) from n"


def test_guard_interrupts_a_statement_past_the_time_limit_within_one_call():
    conn, calls = guarded_connection(0.1, 0.01)
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        conn.execute(ROWS_1000).fetchall()
    assert len(calls) <= 0.1 / 0.01 + 1  # 1,000 without the guard


def test_clocked_guard_times_the_query_from_the_start_its_database_marked():
    conn, calls = guarded_connection(0.1, 0.01, clocked=True)
    query_clock.started = time.perf_counter()
    try:
        with pytest.raises(sqlite3.OperationalError, match="interrupted"):
            conn.execute(ROWS_1000).fetchall()
    finally:
        query_clock.started = None
    assert len(calls) <= 0.1 / 0.01 + 1


def test_clocked_guard_without_a_marked_start_lets_the_query_run():
    conn, calls = guarded_connection(0.001, 0, clocked=True)
    time.sleep(0.01)
    assert len(conn.execute(ROWS_1000).fetchall()) == 1000


def test_guard_times_each_statement_from_its_own_start():
    conn, _ = guarded_connection(0.1, 0)
    found = []
    for _ in range(2):  # the second run reuses the cached statement: its start is marked too
        time.sleep(0.15)  # longer than the limit since the guard began and since the last run
        found += conn.execute("select slow(1)").fetchall()
    assert found == [(1,), (1,)]


# --- no server paths ---


@pytest.mark.parametrize(
    "path",
    [
        "/-/databases.json",
        "/-/databases",
        "/-/metadata.json",
        "/-/settings.json",
        "/-/versions.json",
        "/-/plugins.json",
        "/.json",
        "/archive.json",
        "/archive.json?sql=" + quote("select * from pragma_database_list"),
        "/archive.json?sql=" + quote("select file from pragma_database_list()"),
        "/archive?sql=" + quote("select * from pragma_database_list"),
        "/archive.json?sql=" + quote("select * from no_such_table"),
        "/archive?sql=" + quote("select * from no_such_table"),
    ],
)
def test_no_page_shows_the_servers_file_path(ds, db_path, path):
    assert str(Path(db_path).parent) not in get(ds, path).text


def test_databases_json_still_lists_the_archive(ds):
    assert [database["name"] for database in get(ds, "/-/databases.json").json()] == ["archive"]


def test_pragma_database_list_still_names_the_database(ds):
    # After a search the connection also lists "temp" (scraper/serve/match_sets.py), file hidden as well.
    rows = sql(ds, "select name, file from pragma_database_list where name = 'main'")["rows"]
    assert rows == [{"name": "main", "file": None}]


# --- the Atom feed ---


def test_feed_leaves_out_articles_without_a_web_link(tmp_path):
    path = build_archive(tmp_path / "archive.db")
    with sqlite3.connect(path) as writer:
        writer.execute("update articles set url = 'JavaScript:alert(1)' where id = ?", [XSS_ID])
    writer.close()
    feed = get(datasette_instance(path), "/archive/new_articles_feed.atom").text
    assert "javascript" not in feed.lower() and feed.count("<entry>") == 8


# --- the reverse proxy ---


@pytest.mark.parametrize(
    "header", ["Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"]
)
def test_nginx_sends_each_security_header_on_every_response(header):
    config = (Path(__file__).resolve().parent.parent / "deploy" / "nginx-kronika.conf").read_text(encoding="utf-8")
    assert re.search(rf"^\s*proxy_hide_header {header};$", config, re.M)
    assert re.search(rf"^\s*add_header {header} \S+ always;$", config, re.M)
