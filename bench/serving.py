"""Serving: Datasette under a bounded load on loopback, article pages and search JSON."""

from __future__ import annotations

import logging
import random
import urllib.parse

import sqlite_utils
from datasette.utils import tilde_encode

from bench import report
from bench.generate import cached_archive
from bench.load import CONNECTIONS, generate_load
from bench.processes import datasette_server
from bench.search import QUERIES, SEARCH_PATH

logger = logging.getLogger(__name__)

ARTICLE_SAMPLE = 200


def article_paths(db, seed: int) -> list[str]:
    """Row pages of a seeded sample of archived articles."""
    ids = [row["id"] for row in sqlite_utils.Database(str(db)).query("select id from articles order by id")]
    sample = random.Random(seed).sample(ids, min(ARTICLE_SAMPLE, len(ids)))
    return [f"/archive/articles/{tilde_encode(article_id)}" for article_id in sample]


def search_paths() -> list[str]:
    return [f"{SEARCH_PATH}?{urllib.parse.urlencode({'q': query})}" for query in QUERIES]


def run(argv: list[str] | None = None) -> report.Result:
    options = report.arguments(__doc__, argv, articles=(100_000, 200), seconds=(10, 1))
    db = cached_archive(options.out, options.articles, options.seed)
    workloads = {"article pages": article_paths(db, options.seed), "search JSON": search_paths()}
    loads = {}
    with datasette_server(db) as base_url:
        for name, paths in workloads.items():
            loads[name] = generate_load(base_url, paths, options.seconds, options.out)
    rows = []
    for name, load in loads.items():
        rows.append(
            report.Row(
                f"{name}: requests/s",
                f"{load.per_second:.0f} ({load.requests} in {load.seconds:.0f} s)",
                "≥ 200",
                load.per_second >= 200,
            )
        )
        rows.append(report.Row(f"{name}: errors", str(load.errors), "0", load.errors == 0))
    tool = next(iter(loads.values())).tool
    result = report.Result(
        name="serving",
        title="6. Serving under load",
        command=report.command("serving", options, articles=options.articles, seconds=options.seconds),
        rows=rows,
        notes=[
            f"`kronika serve` (default `--workers`: one uvicorn process per CPU, one SQL thread each) over the {options.articles}-article archive; load from {tool}, "
            f"{CONNECTIONS} connections, {options.seconds} s per workload, loopback, on the same 2-core machine.",
            f"Article pages: HTML row pages of {ARTICLE_SAMPLE} seeded random articles in turn. Search JSON: the "
            f"{len(QUERIES)} benchmark queries against `{SEARCH_PATH}` in turn. Errors: non-2xx/3xx answers "
            "plus socket errors and timeouts (10 s).",
        ],
    )
    report.publish(result, options.report)
    return result


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    run()
