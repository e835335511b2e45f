"""Search latency: Polish-aware search through Datasette's JSON API vs the same queries as LIKE scans."""

from __future__ import annotations

import logging
import re
import time

import httpx

from bench import report
from bench.generate import cached_archive
from bench.processes import datasette_server

logger = logging.getLogger(__name__)

# What residents and researchers type: inflected forms, missing diacritics,
# two-word phrases, streets, districts, people, and a few that match nothing.
QUERIES = (
    "rewitalizacja",
    "rewitalizacji",
    "Chylonia",
    "chylonii",
    "Oksywie",
    "Babie Doły",
    "babich dolow",
    "kamienica",
    "kamienicy Grodzka",
    "Zasanie",
    "Przystań",
    "Przystani Oksywie",
    "konsultacje",
    "termomodernizacja",
    "elewacja",
    "ścieżka rowerowa",
    "sciezki rowerowej",
    "parking",
    "oświetlenie uliczne",
    "Mickiewicza",
    "Słowackiego",
    "Kościuszki",
    "Kazimierza Wielkiego",
    "Unii Europejskiej",
    "budżet obywatelski",
    "przetarg odpady",
    "festyn rodzinny",
    "koncert",
    "nasadzenia drzew",
    "wodociąg",
    "skrzyżowanie",
    "przedszkola",
    "dyżur radnych",
    "Klub Seniora",
    "biblioteka",
    "Muzeum Narodowe",
    "szkoła podstawowa",
    "warsztaty",
    "Witomino",
    "Leszczynki",
    "Pekin",
    "Meksyk",
    "koszary",
    "nabrzeże",
    "dom sąsiedzki",
    "centrum sąsiedzkie",
    "aktywizacja zawodowa",
    "Źródlana",
    "lodz",
    "Żółkiewska",
)
WORD = re.compile(r"\w+")
SEARCH_PATH = "/archive/polish_search.json"
TABLE_SEARCH_PATH = "/archive/articles.json"
# The researcher's search page: hits best first with snippets and where they matched.
SEARCH_PAGE_PATH = "/archive/articles"
LIKE_LIMIT = 200  # the canned search's limit


def like_sql(query: str) -> tuple[str, dict]:
    """The LIKE scan a user without FTS would write: every word somewhere in title, lead or body, newest first."""
    words = [word for word in WORD.findall(query) if len(word) >= 2] or WORD.findall(query)
    conditions = [f"(title like :w{n} or lead like :w{n} or body_text like :w{n})" for n in range(len(words))]
    sql = (
        f"select id, title, site, published_at, url from articles where {' and '.join(conditions)} "
        f"order by published_at desc limit {LIKE_LIMIT}"
    )
    return sql, {f"w{n}": f"%{word}%" for n, word in enumerate(words)}


def requests_for(query: str) -> dict[str, tuple[str, dict]]:
    sql, params = like_sql(query)
    return {
        "polish search": (SEARCH_PATH, {"q": query}),
        "table search": (TABLE_SEARCH_PATH, {"_search": query}),
        "search page": (SEARCH_PAGE_PATH, {"_search": query}),
        "LIKE scan": ("/archive.json", {"sql": sql, **params}),
    }


def timed_get(client: httpx.Client, path: str, params: dict) -> tuple[float, bool]:
    start = time.perf_counter()
    response = client.get(path, params=params)
    return time.perf_counter() - start, response.status_code == 200


def measure(base_url: str, queries: tuple[str, ...]) -> tuple[dict[str, list[float]], dict[str, int]]:
    """Per-kind latencies over `queries` (one warm-up pass first) and per-kind failed requests."""
    latencies: dict[str, list[float]] = {}
    failures: dict[str, int] = {}
    with httpx.Client(base_url=base_url, timeout=60) as client:
        for query in queries:  # warm the page cache and Datasette's introspection
            for path, params in requests_for(query).values():
                client.get(path, params=params)
        for query in queries:
            for kind, (path, params) in requests_for(query).items():
                seconds, ok = timed_get(client, path, params)
                latencies.setdefault(kind, []).append(seconds)
                failures[kind] = failures.get(kind, 0) + (not ok)
    return latencies, failures


def rows(latencies: dict[str, list[float]], failures: dict[str, int]) -> list[report.Row]:
    polish = latencies["polish search"]
    p50, p95 = report.median(polish), report.percentile(polish, 0.95)
    speedup = report.median(latencies["LIKE scan"]) / p50
    result = [
        report.Row("Polish search p50", report.ms(p50), "≤ 50 ms", p50 <= 0.050),
        report.Row("Polish search p95", report.ms(p95), "≤ 150 ms", p95 <= 0.150),
        report.Row(
            "LIKE scan p50 / p95",
            f"{report.ms(report.median(latencies['LIKE scan']))} / "
            f"{report.ms(report.percentile(latencies['LIKE scan'], 0.95))}",
        ),
        report.Row("Polish search speed-up over LIKE (p50)", report.ratio_text(speedup), "≥ 20×", speedup >= 20),
        report.Row(
            "table search (`articles.json?_search=`) p50 / p95",
            f"{report.ms(report.median(latencies['table search']))} / "
            f"{report.ms(report.percentile(latencies['table search'], 0.95))}",
        ),
        report.Row(
            "search page (`articles?_search=`, HTML hits) p50 / p95",
            f"{report.ms(report.median(latencies['search page']))} / "
            f"{report.ms(report.percentile(latencies['search page'], 0.95))}",
        ),
    ]
    result.append(
        report.Row(
            "failed requests (non-200)",
            ", ".join(f"{kind} {count}" for kind, count in failures.items()),
            "0 for Polish search",
            failures["polish search"] == 0,
        )
    )
    return result


def run(argv: list[str] | None = None) -> report.Result:
    options = report.arguments(__doc__, argv, articles=(100_000, 200), queries=(len(QUERIES), 3))
    db = cached_archive(options.out, options.articles, options.seed)
    queries = QUERIES[: options.queries]
    with datasette_server(db) as base_url:
        latencies, failures = measure(base_url, queries)
    result = report.Result(
        name="search",
        title="5. Search latency",
        command=report.command("search", options, articles=options.articles, queries=options.queries),
        rows=rows(latencies, failures),
        notes=[
            f"Archive of {options.articles} generated articles (seed {options.seed}) written through "
            f"`Archive.store`, cached as `{db.name}`; served by `kronika serve` (default `--workers`: one uvicorn process per CPU).",
            f"{len(queries)} queries (`bench/search.py` QUERIES), one warm-up pass, then each query once per kind, "
            "back to back, over HTTP on loopback with one keep-alive client; latency is the full request.",
            f"Polish search = the canned query `{SEARCH_PATH}?q=` (bm25, snippet, limit 200). LIKE scan = "
            f"`/archive.json?sql=` with every word `LIKE '%w%'` over title, lead or body, newest first, limit "
            f"{LIKE_LIMIT}; Datasette's 3 s time limit applies to both.",
        ],
    )
    report.publish(result, options.report)
    return result


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    run()
