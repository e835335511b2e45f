"""Where the time goes where targets are missed: cProfile of extraction, archive writes, a crawl, search SQL."""

from __future__ import annotations

import cProfile
import io
import logging
import pstats
import sqlite3
import time
from pathlib import Path

from bench import report
from bench.crawl import UNTHROTTLED, fresh, mirror_for
from bench.generate import archive_items, cached_archive, mirror_specs, page_bytes
from bench.processes import python, run_measured
from bench.search import QUERIES
from bench.writing import archive_pipeline
from scraper.extract import extract_article
from scraper.mirror.site import mirrored_sites
from scraper.serve.app import SETTINGS
from scraper.serve.plugin import register_functions

logger = logging.getLogger(__name__)

TOP = 8
REPOSITORY = Path(__file__).resolve().parent.parent
# The canned Polish search's SQL (metadata.yml), and the same with the snippet
# computed only for the rows that survive the LIMIT.
CANNED_SEARCH = """select articles.id, articles.title, kronika_snippet(articles.body_text, :q) as snippet,
  round(bm25(articles_fts, 10.0, 4.0, 1.0), 3) as rank
from articles_fts join articles on articles.rowid = articles_fts.rowid
where articles_fts match kronika_match(:q) order by rank, articles.id limit 200"""
WITHOUT_SNIPPET = CANNED_SEARCH.replace("kronika_snippet(articles.body_text, :q) as snippet,", "")
SNIPPET_AFTER_LIMIT = f"""select ranked.id, ranked.title, kronika_snippet(articles.body_text, :q) as snippet, ranked.rank
from ({WITHOUT_SNIPPET}) ranked join articles on articles.id = ranked.id order by ranked.rank, ranked.id"""


def repository_path(filename: str) -> str:
    """`filename` relative to this checkout when it lies inside it: profiles name no path of one machine."""
    return filename.removeprefix(f"{REPOSITORY}/")


def top_functions(profiler: cProfile.Profile, total: float) -> str:
    """The TOP functions by own time, as a markdown list with their share of `total` seconds."""
    stats = pstats.Stats(profiler, stream=io.StringIO())
    entries = sorted(stats.stats.items(), key=lambda entry: entry[1][2], reverse=True)[:TOP]
    lines = []
    for (filename, line, function), (_calls, ncalls, own, cumulative, _callers) in entries:
        where = repository_path(filename.split("site-packages/")[-1])
        lines.append(
            f"  - `{function}` ({where}:{line}): own {own:.2f} s ({own / total:.0%}), "
            f"cumulative {cumulative:.2f} s, {ncalls} calls"
        )
    return "\n".join(lines)


def profiled(work) -> tuple[cProfile.Profile, float]:
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.runcall(work)
    return profiler, time.perf_counter() - start


def extraction_profile(pages: int, seed: int) -> str:
    specs = mirror_specs(pages, seed)
    bodies = [(page_bytes(spec), spec) for site in specs.values() for spec in site]
    extract_article(*_arguments(bodies[0]))  # imports and caches outside the profile

    def work():
        for body in bodies:
            extract_article(*_arguments(body))

    profiler, total = profiled(work)
    return f"Extraction, {len(bodies)} pages, {total:.2f} s under cProfile; top own time:\n{top_functions(profiler, total)}"


def _arguments(body_spec) -> tuple:
    body, spec = body_spec
    return body, spec.expected["url"]


def writing_profile(articles: int, seed: int, out) -> str:
    items = list(archive_items(articles, seed))
    pipeline = archive_pipeline(out / "profile-writing.db")
    pipeline.process_item(dict(items[0]))  # Morfeusz's dictionary load, outside the profile

    def work():
        for item in items[1:]:
            pipeline.process_item(dict(item))

    profiler, total = profiled(work)
    return f"Archive writes, {len(items) - 1} items, {total:.2f} s under cProfile; top own time:\n{top_functions(profiler, total)}"


def crawl_profile(articles: int, seed: int, out) -> str:
    """cProfile of a whole `kronika crawl --full` process (the crawl runs in the child)."""
    profile_path = out / "crawl.prof"
    db = fresh(out / "profile-crawl.db")
    with mirror_for(mirror_specs(articles, seed)) as mirror:
        measured = run_measured(
            python(
                "-m",
                "cProfile",
                "-o",
                str(profile_path),
                "-m",
                "scraper",
                "crawl",
                *sorted(mirrored_sites()),
                "--db",
                str(db),
                "--mirror",
                mirror.base_url,
                "--full",
                *UNTHROTTLED,
            ),
            1800,
        )
    measured.check("profiled crawl")
    stats = pstats.Stats(str(profile_path), stream=io.StringIO())
    # Kronika's own functions by cumulative time: the stages of the crawl, outermost first.
    entries = sorted(
        ((key, value) for key, value in stats.stats.items() if "/scraper/" in key[0]),
        key=lambda entry: entry[1][3],
        reverse=True,
    )[: TOP * 2]
    lines = [
        f"  - `{function}` ({repository_path(filename)}:{line}): cumulative {cumulative:.2f} s "
        f"({cumulative / measured.seconds:.0%} of the {measured.seconds:.1f} s run)"
        for (filename, line, function), (_calls, _ncalls, _own, cumulative, _callers) in entries
    ]
    return (
        f"`kronika crawl --full` of {articles} articles per site under cProfile; Kronika's functions by cumulative time:\n"
        + "\n".join(lines)
    )


# What a crawl process holds before its first page, step by step (each in a fresh interpreter).
MEMORY_STEPS = {
    "Python + Scrapy + Twisted asyncio reactor": "import scrapy.crawler",
    "+ Kronika's extractor (lxml, trafilatura, charset-normalizer)": "import scrapy.crawler, scraper.extract",
    "+ the archive (sqlite-utils)": "import scrapy.crawler, scraper.extract, scraper.archive",
    "+ Morfeusz 2's Polish dictionary (first index_text)": "import scrapy.crawler, scraper.extract, scraper.archive.search as s; s.index_text('rewitalizacji')",
}


def memory_profile() -> str:
    lines = []
    for step, code in MEMORY_STEPS.items():
        measured = run_measured(python("-c", code), 120).check(step)
        lines.append(f"  - {step}: peak RSS {measured.peak_rss_mb:.0f} MB")
    return "Crawl process memory before the first page:\n" + "\n".join(lines)


def _timed_query(connection: sqlite3.Connection, sql: str, queries: tuple[str, ...]) -> list[float]:
    times = []
    for query in queries:
        start = time.perf_counter()
        connection.execute(sql, {"q": query}).fetchall()
        times.append(time.perf_counter() - start)
    return times


def search_profile(articles: int, seed: int, out) -> str:
    """The canned search's SQL straight on SQLite: with its snippet, without, and snippet after the LIMIT."""
    connection = sqlite3.connect(f"file:{cached_archive(out, articles, seed)}?mode=ro", uri=True)
    register_functions(connection, SETTINGS["sql_time_limit_ms"] / 1000, clocked=True)  # as served
    variants = {
        "canned query as shipped": CANNED_SEARCH,
        "same without the snippet column": WITHOUT_SNIPPET,
        "snippet computed after the LIMIT (same rows)": SNIPPET_AFTER_LIMIT,
    }
    _timed_query(connection, WITHOUT_SNIPPET, QUERIES)  # warm the page cache
    lines = []
    for name, sql in variants.items():
        times = _timed_query(connection, sql, QUERIES)
        lines.append(
            f"  - {name}: p50 {report.ms(report.median(times))}, p95 {report.ms(report.percentile(times, 0.95))}"
        )
    matches = [
        connection.execute(
            "select count(*) from articles_fts where articles_fts match kronika_match(?)", [query]
        ).fetchone()[0]
        for query in QUERIES
    ]
    connection.close()
    return (
        f"Polish search SQL on the {articles}-article archive, {len(QUERIES)} queries, no HTTP "
        f"(median {report.median(matches):.0f} matching articles per query, max {max(matches)}):\n" + "\n".join(lines)
    )


def run(argv: list[str] | None = None) -> report.Result:
    options = report.arguments(
        __doc__, argv, pages=(200, 3), articles=(10000, 40), crawl_articles=(1000, 6), search_articles=(100_000, 200)
    )
    parts = [
        extraction_profile(options.pages, options.seed),
        writing_profile(options.articles, options.seed, options.out),
        crawl_profile(options.crawl_articles, options.seed, options.out),
        search_profile(options.search_articles, options.seed, options.out),
        memory_profile(),
    ]
    result = report.Result(
        name="profile",
        title="Profiles",
        command=report.command(
            "profile",
            options,
            pages=options.pages,
            articles=options.articles,
            crawl_articles=options.crawl_articles,
            search_articles=options.search_articles,
        ),
        notes=parts,
    )
    report.publish(result, options.report)
    return result


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    run()
