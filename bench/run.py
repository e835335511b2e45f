"""Run every benchmark in turn (`python -m bench.run [--small]`), each updating its section of BENCHMARKS.md."""

from __future__ import annotations

import logging
import sys

from bench import crawl, extraction, incremental, profile, related, search, serving, writing

logger = logging.getLogger(__name__)

# The profiles come last: they explain the misses of the runs before them.
BENCHMARKS = (extraction, crawl, incremental, writing, search, serving, related, profile)


def main(argv: list[str]) -> None:
    """Pass the same options (--small, --seed, --report, --out) to each benchmark."""
    for benchmark in BENCHMARKS:
        benchmark.run(argv)


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    main(sys.argv[1:])
