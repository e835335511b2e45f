"""Writing: articles through Kronika's archive pipeline vs a plain sqlite-utils insert_all of the same rows."""

from __future__ import annotations

import collections
import json
import logging
import time

import sqlite_utils
from scrapy.utils.test import get_crawler

from bench import report
from bench.crawl import fresh
from bench.generate import archive_items
from scraper.archive.search import index_text
from scraper.crawl.archive_session import ArchiveSession
from scraper.crawl.archiving import ArchivePipeline

logger = logging.getLogger(__name__)

CHILD_FIELDS = ("tags", "attachments", "images")


def archive_pipeline(path) -> ArchivePipeline:
    """The crawl's archive pipeline, with the ArchiveSession it gets the archive from, over a fresh file at `path`."""
    crawler = get_crawler(settings_dict={"KRONIKA_DB": str(fresh(path)), "EXTENSIONS": {ArchiveSession: 0}})
    pipeline = ArchivePipeline.from_crawler(crawler)
    pipeline.open_spider()
    return pipeline


def plain_row(item: dict) -> dict:
    """The article's own columns as a user would insert them: lists and dicts as JSON text."""
    return {
        name: json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value
        for name, value in item.items()
        if name not in CHILD_FIELDS
    }


def through_pipeline(items: list[dict], path) -> tuple[float, collections.Counter]:
    start = time.perf_counter()
    pipeline = archive_pipeline(path)
    for item in items:
        pipeline.process_item(dict(item))
    return time.perf_counter() - start, collections.Counter(pipeline.stats.get_stats())


def plain_insert(rows: list[dict], path) -> float:
    start = time.perf_counter()
    db = sqlite_utils.Database(str(fresh(path)))
    db["articles"].insert_all(rows, pk="id")
    db.close()
    return time.perf_counter() - start


def counts(path) -> dict[str, int]:
    db = sqlite_utils.Database(str(path))
    return {
        table: db[table].count
        for table in ("articles", "attachments", "articles_tags", "article_versions", "articles_fts")
    }


def run(argv: list[str] | None = None) -> report.Result:
    options = report.arguments(__doc__, argv, articles=(10000, 40), rounds=(2, 1))
    items = list(archive_items(options.articles, options.seed))
    rows = [plain_row(item) for item in items]
    kronika_db, plain_db = options.out / "writing-kronika.db", options.out / "writing-plain.db"
    index_text("rewitalizacja")  # Morfeusz loads its Polish dictionary once per process, as a crawl does
    kronika_times, plain_times = [], []
    for _ in range(options.rounds):  # alternated, so drift hits both
        seconds, outcomes = through_pipeline(items, kronika_db)
        kronika_times.append(seconds)
        plain_times.append(plain_insert(rows, plain_db))
    kronika, plain = min(kronika_times), min(plain_times)
    written = counts(kronika_db)
    slowdown = kronika / plain
    result = report.Result(
        name="writing",
        title="4. Writing",
        command=report.command("writing", options, articles=options.articles, rounds=options.rounds),
        rows=[
            report.Row(
                f"Kronika pipeline, {len(items)} articles", f"{kronika:.2f} s = {len(items) / kronika:.0f} articles/s"
            ),
            report.Row(
                "plain `insert_all`, same article rows, no FTS", f"{plain:.2f} s = {len(items) / plain:.0f} articles/s"
            ),
            report.Row("Kronika / plain insert", report.ratio_text(slowdown), "≤ 2×", slowdown <= 2),
            report.Row("rows written by Kronika", ", ".join(f"{table} {count}" for table, count in written.items())),
        ],
        notes=[
            f"{len(items)} generated items (seed {options.seed}, both sites; attachments, Gdynia tags and "
            f"images) through `ArchivePipeline.process_item` (one commit per article, as in a crawl): "
            "article row, search columns (folded words + Morfeusz 2 lemmas), FTS5 via triggers, version row, "
            f"children. No raw pages (measured with the crawl). Morfeusz's one-off dictionary load is done before timing. Best of {options.rounds} alternated rounds.",
            f"Pipeline outcomes: {dict(outcomes)}.",
            "Plain: `sqlite_utils.Database(file)['articles'].insert_all(rows, pk='id')`, rows prepared beforehand "
            "(lists as JSON text), default journal.",
        ],
    )
    report.publish(result, options.report)
    return result


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    run()
