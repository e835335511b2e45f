"""Researcher pages at scale: p50/p95 of every page type served by `kronika serve`, beside plain FTS5 MATCH."""

from __future__ import annotations

import logging
import os
import random
import sqlite3
import time

import httpx
import sqlite_utils
from datasette.utils import tilde_encode

from bench import report
from bench.generate import scaled_archive
from bench.processes import datasette_server
from scraper.archive.search import FTS_TABLE, RANKED_MATCHES, match_expression
from scraper.serve.app import load_metadata

logger = logging.getLogger(__name__)

# Polish words as researchers type them: inflected forms, no diacritics, names, places, two-word phrases.
QUERIES = (
    "rewitalizacja",
    "rewitalizacji",
    "Chylonia",
    "Babie Doły",
    "kamienicy Grodzka",
    "Przystani Oksywie",
    "konsultacje",
    "sciezki rowerowej",
    "Mickiewicza",
    "Kazimierza Wielkiego",
    "budżet obywatelski",
    "dom sąsiedzki",
    "lodz",
    "Żółkiewska",
)
ARTICLE_SAMPLE = 14
P95_TARGET = {100_000: 0.200, 1_000_000: 0.500}
FLOOR_RATIO_TARGET = 1.5
# The canned search's ranking CTEs alone (metadata.yml polish_search): what FTS5 itself costs for the same terms.
FLOOR_SQL = (
    f"select rowid, bm25({FTS_TABLE}, 10.0, 4.0, 1.0) as score from {FTS_TABLE} where {FTS_TABLE} match :m "
    f"and rowid >= coalesce((select rowid from {FTS_TABLE} where {FTS_TABLE} match :m order by rowid desc "
    f"limit 1 offset {RANKED_MATCHES - 1}), 0) order by score, rowid limit 50"
)
# The same ranking of every match, as before RANKED_MATCHES: for comparison, no target.
EXHAUSTIVE_SQL = (
    f"select rowid, bm25({FTS_TABLE}, 10.0, 4.0, 1.0) as score from {FTS_TABLE} "
    f"where {FTS_TABLE} match :m order by score, rowid limit 50"
)
# Page types whose first visit of each query is reported too: it builds the search's match set.
CANNED_SEARCH = "canned Polish search"
FIRST_VISIT_KINDS = ("table search (count, facets)", CANNED_SEARCH)


def dashboard_queries() -> list[str]:
    """The SQL of each dashboard chart, which the dashboard page's script fetches as JSON."""
    charts = load_metadata()["plugins"]["datasette-dashboards"]["kronika"]["charts"]
    return [chart["query"] for chart in charts.values()]


def page_requests(db, seed: int) -> dict[str, list[tuple[str, dict]]]:
    """Page type -> the (path, params) a researcher's browser requests for it."""
    ids = [row["id"] for row in sqlite_utils.Database(str(db)).query("select id from articles")]
    articles = random.Random(seed).sample(ids, min(ARTICLE_SAMPLE, len(ids)))
    return {
        "articles table (count, facets)": [("/archive/articles", {})],
        "table search (count, facets)": [("/archive/articles", {"_search": query}) for query in QUERIES],
        "article page": [(f"/archive/articles/{tilde_encode(article)}", {}) for article in articles],
        CANNED_SEARCH: [("/archive/polish_search", {"q": query}) for query in QUERIES],
        "dashboard page": [("/-/dashboards/kronika", {})],
        "dashboard charts (JSON)": [("/archive.json", {"sql": sql, "_shape": "array"}) for sql in dashboard_queries()],
        "new articles feed": [("/archive/new_articles_feed.atom", {})],
        "quiet edits feed": [("/archive/quiet_edits_feed.atom", {})],
    }


def warm_page_cache(db) -> None:
    """Read the archive file once, as a serving machine has it in its page cache (reclaim may evict it between runs)."""
    with open(db, "rb") as archive:
        while archive.read(16 * 1024 * 1024):
            pass


class Floor:
    """Plain FTS5 MATCH (the canned search's ranking, no HTTP, no Datasette) of one query, timed on demand.

    Timed right after each canned search of the same query: this machine's
    speed drifts by a third within a minute, and a floor measured apart
    from the pages it is compared with compared two machines.
    """

    def __init__(self, db):
        self.connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        self.latencies: dict[str, list[float]] = {FLOOR_SQL: [], EXHAUSTIVE_SQL: []}

    def measure(self, query: str) -> None:
        expression = match_expression(query)  # lemmas computed beforehand, not timed
        for sql, latencies in self.latencies.items():
            start = time.perf_counter()
            self.connection.execute(sql, {"m": expression}).fetchall()
            latencies.append(time.perf_counter() - start)

    def close(self) -> None:
        self.connection.close()


def measure_pages(base_url: str, requests: dict[str, list[tuple[str, dict]]], rounds: int, floor: Floor):
    """(page type -> (latencies, failed requests) after one warm-up pass over every request,
    page type -> the warm-up's latencies: each request's first visit). Each canned search is followed by
    `floor.measure` of its query."""
    results, first_visits = {}, {}
    with httpx.Client(base_url=base_url, timeout=60) as client:
        for kind, batch in requests.items():
            first_visits[kind] = []
            for path, params in batch:
                start = time.perf_counter()
                client.get(path, params=params)
                first_visits[kind].append(time.perf_counter() - start)
        for kind, batch in requests.items():
            latencies, failed = [], 0
            for _ in range(rounds):
                for path, params in batch:
                    start = time.perf_counter()
                    response = client.get(path, params=params)
                    latencies.append(time.perf_counter() - start)
                    failed += response.status_code != 200
                    if kind == CANNED_SEARCH:
                        floor.measure(params["q"])
            results[kind] = (latencies, failed)
    return results, first_visits


def _latency_row(label: str, latencies: list[float], target: float, failed: int = 0) -> report.Row:
    p95 = report.percentile(latencies, 0.95)
    errors = f", {failed} failed" if failed else ""
    return report.Row(
        f"{label} p50 / p95",
        f"{report.ms(report.median(latencies))} / {report.ms(p95)}{errors}",
        f"p95 ≤ {target * 1000:.0f} ms",
        p95 <= target and not failed,
    )


def rows(results, first_visits, floor: list[float], exhaustive: list[float], articles: int) -> list[report.Row]:
    target = P95_TARGET.get(articles, P95_TARGET[1_000_000] if articles > 100_000 else P95_TARGET[100_000])
    floor_p95 = report.percentile(floor, 0.95)
    result = [
        report.Row(
            "plain FTS5 MATCH p50 / p95 (the floor)", f"{report.ms(report.median(floor))} / {report.ms(floor_p95)}"
        ),
        report.Row(
            f"plain FTS5 MATCH ranking every match, not the newest {RANKED_MATCHES:,} p50 / p95",
            f"{report.ms(report.median(exhaustive))} / {report.ms(report.percentile(exhaustive, 0.95))}",
        ),
    ]
    for kind, (latencies, failed) in results.items():
        result.append(_latency_row(kind, latencies, target, failed))
        if kind in FIRST_VISIT_KINDS:
            result.append(_latency_row(f"{kind}, first visit of each query", first_visits[kind], target))
    polish_p95 = report.percentile(results[CANNED_SEARCH][0], 0.95)
    ratio = polish_p95 / floor_p95
    result.append(
        report.Row(
            "canned Polish search p95 / floor p95",
            report.ratio_text(ratio),
            f"≤ {FLOOR_RATIO_TARGET}×",
            ratio <= FLOOR_RATIO_TARGET,
        )
    )
    return result


def run(argv: list[str] | None = None) -> report.Result:
    options = report.arguments(__doc__, argv, articles=(100_000, 200), rounds=(3, 1))
    started = time.perf_counter()
    db = scaled_archive(options.out, options.articles, options.seed)
    generated = time.perf_counter() - started
    requests = page_requests(db, options.seed)
    warm_page_cache(db)
    load = os.getloadavg()[0]  # others' work on a shared machine slows every figure, the floor included
    floor = Floor(db)
    try:
        with datasette_server(db) as base_url:
            results, first_visits = measure_pages(base_url, requests, options.rounds, floor)
    finally:
        floor.close()
    result = report.Result(
        # The 100k default (and --small) is section `pages`; other sizes get a section each beside it.
        name="pages" if options.articles <= 100_000 else f"pages-{options.articles}",
        title=f"6b. Researcher pages at {options.articles:,} articles",
        command=report.command("pages", options, articles=options.articles, rounds=options.rounds),
        rows=rows(results, first_visits, floor.latencies[FLOOR_SQL], floor.latencies[EXHAUSTIVE_SQL], options.articles),
        notes=[
            f"Archive `{db.name}` ({db.stat().st_size / 1e9:.1f} GB; {generated:.0f} s to get, 0 when cached): "
            "bench/generate.py `scaled_archive`, 10,000 articles stored through `Archive.store`, the rest SQL "
            "copies of them with new ids (same texts and dates), indexes and FTS built once at the end.",
            f"`kronika serve` (default `--workers`), the archive file read once beforehand (page cache), one "
            "keep-alive client on loopback, one warm-up pass, then "
            f"{options.rounds} rounds of each page type's requests back to back; latency is the full request. "
            "The warm-up is each request's first visit, reported for the searches: it builds the search's match "
            "set (scraper/serve/match_sets.py), which later visits of the same search read.",
            f"Queries: {', '.join(QUERIES)}. Article pages: {ARTICLE_SAMPLE} seeded random articles. Dashboard "
            "charts: each chart's SQL as the dashboard page's script fetches it.",
            f"Floor: the canned search's ranking CTEs (`bm25` of the newest {RANKED_MATCHES:,} matches, top 50) "
            "run directly with sqlite3 on the same MATCH expressions (lemmas computed beforehand), no HTTP, "
            "each right after the canned search of its query (the machine's speed drifts); beside it the same "
            "ranking of every match.",
            f"Machine load average when measuring: {load:.1f} (1 min) on {os.cpu_count()} CPUs.",
        ],
    )
    report.publish(result, options.report)
    return result


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    run()
