"""Smoke runs of every benchmark on tiny inputs, so `bench/` cannot rot; no timing is asserted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
# Benchmark -> its section title and figures its table must always carry.
EXPECTED = {
    "extraction": (
        "1. Extraction",
        "speed-up over trafilatura (median)",
        "Kronika / lxml parse (median)",
        "accuracy, author",
    ),
    "crawl": ("2. Crawl throughput", "Kronika / bare spider throughput", "Kronika crawl peak RSS"),
    "incremental": ("3. Incremental cost", "no-change re-run, przemysl: requests", "1 new articles, gdynia: requests"),
    "writing": ("4. Writing", "Kronika / plain insert"),
    "search": ("5. Search latency", "Polish search p50", "Polish search speed-up over LIKE (p50)"),
    "search_quality": (
        "5b. Polish search quality",
        "morfeusz2 (adopted): recall / precision",
        "simplemma: recall / precision",
        "plain FTS5 (floor): recall / precision",
    ),
    "serving": ("6. Serving under load", "article pages: requests/s", "search JSON: errors"),
    "pages": (
        "6b. Researcher pages at 200 articles",
        "plain FTS5 MATCH p50 / p95 (the floor)",
        "table search (count, facets) p50 / p95",
        "quiet edits feed p50 / p95",
        "canned Polish search p95 / floor p95",
    ),
    "sql_bounds": ("7. SQL bounds", "kronika_fold at its input bound (median)", "next query after the stop"),
    "hostile": ("Hostile servers", "gzip bomb (2 GiB of zeros)", "400 MB article (Content-Length)"),
    "fuzz": ("7. Hostile input", "uncaught exceptions", "slowest fuzz input", "slowest worst case"),
    "warc": ("7. WARC export", "Kronika / warcio alone (MB/s)"),
    "reparse": (
        "8. Reparse process pool",
        "2 workers / 1 process (pages/s)",
        "archive identical either way (every row of every table)",
    ),
    "merge": ("7. Merging shards", "merge / plain INSERT … SELECT", "merging the same shards again (no change)"),
    "related": ("7. Related articles at scale", "planted reposts linked", "link one repost: p95"),
    "profile": ("Profiles",),
}


def small_run(name: str, scratch: Path) -> str:
    """The section one benchmark's `--small` command writes, run as documented (`python -m`)."""
    report = scratch / "BENCHMARKS.md"
    completed = subprocess.run(
        [sys.executable, "-m", f"bench.{name}", "--small", "--out", str(scratch), "--report", str(report)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    document = report.read_text(encoding="utf-8")
    start, end = f"<!-- bench:{name}:start -->", f"<!-- bench:{name}:end -->"
    return document.split(start, 1)[1].split(end, 1)[0]


# One run per test (not one fixture running all of them), so each benchmark has its own time limit.
@pytest.mark.parametrize("name", list(EXPECTED))
def test_small_run_writes_its_section_with_its_figures_command_and_machine(name, tmp_path):
    section = small_run(name, tmp_path)
    assert all(f"| {figure} |" in section or section.startswith(f"\n## {figure}") for figure in EXPECTED[name])
    assert f"`python -m bench.{name} --small" in section and "Machine: " in section


@pytest.fixture
def bench_modules(monkeypatch):
    # bench/ is a top-level package next to scraper/, not installed with it.
    monkeypatch.syspath_prepend(str(ROOT))


def test_section_replacement_keeps_the_other_sections(bench_modules):
    from bench.report import replace_section

    document = replace_section(replace_section("# B\n", "one", "first\n"), "two", "second\n")
    assert replace_section(document, "one", "again\n").count("second") == 1


@pytest.mark.parametrize("share, expected", [(0.5, 2), (0.95, 4), (1.0, 4)])
def test_percentile_is_nearest_rank(share, expected, bench_modules):
    from bench.report import percentile

    assert percentile([4, 1, 3, 2], share) == expected


def test_wrk_errors_add_non_2xx_answers_and_socket_errors(bench_modules):
    from bench.load import parse_wrk

    output = (
        "  1000 requests in 10.00s, 1.2MB read\n  Socket errors: connect 0, read 2, write 0, timeout 3\n"
        "  Non-2xx or 3xx responses: 5\n"
    )
    assert parse_wrk(output, 10).errors == 10


def test_generated_dates_carry_the_warsaw_offset_of_their_day(bench_modules):
    from datetime import datetime

    from bench.generate import warsaw_iso

    assert [warsaw_iso(datetime(2018, month, 5, 8, 39))[-6:] for month in (1, 10)] == ["+01:00", "+02:00"]


def test_generation_is_deterministic_per_seed(bench_modules):
    from bench.generate import mirror_specs

    assert mirror_specs(3, seed=7) == mirror_specs(3, seed=7) != mirror_specs(3, seed=8)
