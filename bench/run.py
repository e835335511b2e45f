"""Run every benchmark in turn (`python -m bench.run [--small]`), each updating its section of BENCHMARKS.md."""

from __future__ import annotations

import logging
import sys

from bench import (
    crawl,
    extraction,
    fuzz,
    hostile,
    incremental,
    merge,
    profile,
    related,
    reparse,
    search,
    search_quality,
    serving,
    sql_bounds,
    warc,
    writing,
)

logger = logging.getLogger(__name__)

# The profiles come last: they explain the misses of the runs before them.
BENCHMARKS = (
    extraction,
    crawl,
    incremental,
    writing,
    search,
    search_quality,
    serving,
    sql_bounds,
    hostile,
    fuzz,
    warc,
    reparse,
    merge,
    related,
    profile,
)


def main(argv: list[str]) -> None:
    """Pass the same options (--small, --seed, --report, --out) to each benchmark."""
    for benchmark in BENCHMARKS:
        benchmark.run(argv)


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    main(sys.argv[1:])
