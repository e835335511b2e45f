"""Merging: `kronika merge` of two one-site shard archives vs a plain INSERT … SELECT of the same rows (the floor)."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import sqlite_utils

from bench import report
from bench.crawl import fresh
from bench.generate import item_from_spec, site_specs
from scraper.archive import Archive
from scraper.archive.merge import merge_archives
from scraper.archive.search import index_text

logger = logging.getLogger(__name__)

SITES = ("przemysl", "gdynia")
BATCH = 1000
# Copied by the floor in this order (parents first, as the foreign keys want).
TABLES = (
    "crawls",
    "articles",
    "article_versions",
    "attachments",
    "images",
    "tags",
    "articles_tags",
    "pages",
    "fetch_warnings",
)


def shard_path(out: Path, site: str, count: int, seed: int) -> Path:
    return out / f"shard-{site}-seed{seed}-n{count}.db"


def cached_shard(out: Path, site: str, count: int, seed: int) -> Path:
    """A one-site archive of `count` generated articles with raw pages and a crawl row, built once."""
    path = shard_path(out, site, count, seed)
    if path.exists():
        return path
    partial = fresh(path.with_suffix(".partial.db"))
    archive = Archive(str(partial))
    crawl_id = archive.start_crawl(site, "2026-11-01T12:00:00+00:00")
    specs = site_specs(site, count, seed)
    for start in range(0, count, BATCH):
        with archive.batch():
            for spec in specs[start : start + BATCH]:
                item = item_from_spec(spec)
                page = {
                    "url": item["url"],
                    "final_url": item["url"],
                    "status": 200,
                    "fetched_at": item["fetched_at"],
                    "headers": {"Content-Type": "text/html; charset=utf-8"},
                    "body": f"<html><body>{item['body_html']}</body></html>".encode(),
                }
                archive.store(item, page, crawl_id=crawl_id)
        logger.info("shard %s: %d of %d stored", path.name, min(start + BATCH, count), count)
    archive.finish_crawl(crawl_id, finished_at="2026-11-01T13:00:00+00:00", finish_reason="finished", exit_status=0)
    archive.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    archive.db.close()
    partial.rename(path)
    return path


def through_merge(shards: list[Path], target: Path) -> float:
    start = time.perf_counter()
    merge_archives([str(shard) for shard in shards], str(fresh(target)))
    return time.perf_counter() - start


def plain_copy(shards: list[Path], target: Path) -> float:
    """The floor: every row of every shard appended with INSERT … SELECT into the same empty schema."""
    db = Archive(str(fresh(target))).db  # same tables, indexes and search triggers, created before timing
    start = time.perf_counter()
    for shard in shards:
        db.execute("ATTACH DATABASE ? AS shard", [str(shard)])
        with db.atomic():
            for table in TABLES:
                # Tag and crawl ids of two shards collide; the floor just lets SQLite number them.
                columns = [c for c in db[table].columns_dict if not (table in ("tags", "crawls") and c == "id")]
                names = ", ".join(f"[{column}]" for column in columns)
                verb = "INSERT OR IGNORE" if table in ("tags", "articles_tags") else "INSERT"
                db.execute(f"{verb} INTO main.[{table}] ({names}) SELECT {names} FROM shard.[{table}]")
        db.execute("DETACH DATABASE shard")
    seconds = time.perf_counter() - start
    db.close()
    return seconds


def rerun(shards: list[Path], target: Path) -> float:
    """Merging the same shards again into the merged archive (changes nothing)."""
    start = time.perf_counter()
    merge_archives([str(shard) for shard in shards], str(target))
    return time.perf_counter() - start


def counts(path: Path) -> dict[str, int]:
    db = sqlite_utils.Database(str(path))
    return {
        table: db[table].count
        for table in (
            "articles",
            "article_versions",
            "pages",
            "attachments",
            "articles_tags",
            "crawls",
            "articles_fts",
            "related_articles",
        )
    }


def run(argv: list[str] | None = None) -> report.Result:
    options = report.arguments(__doc__, argv, articles=(50000, 200), rounds=(2, 1))
    index_text("rewitalizacja")  # simplemma's dictionary loads once, outside any timing
    shards = [cached_shard(options.out, site, options.articles, options.seed) for site in SITES]
    merged, plain = options.out / "merge-kronika.db", options.out / "merge-plain.db"
    merge_times, plain_times = [], []
    for _ in range(options.rounds):  # alternated, so drift hits both
        merge_times.append(through_merge(shards, merged))
        plain_times.append(plain_copy(shards, plain))
    again = rerun(shards, merged)
    kronika, floor = min(merge_times), min(plain_times)
    total = options.articles * len(shards)
    written, copied = counts(merged), counts(plain)
    result = report.Result(
        name="merge",
        title="7. Merging shards",
        command=report.command("merge", options, articles=options.articles, rounds=options.rounds),
        rows=[
            report.Row(
                f"`kronika merge`, 2 shards × {options.articles} articles",
                f"{kronika:.2f} s = {total / kronika:.0f} articles/s",
            ),
            report.Row("plain INSERT … SELECT, same rows", f"{floor:.2f} s = {total / floor:.0f} articles/s"),
            report.Row("merge / plain INSERT … SELECT", report.ratio_text(kronika / floor)),
            report.Row("merging the same shards again (no change)", f"{again:.2f} s"),
            report.Row("rows merged", ", ".join(f"{table} {count}" for table, count in written.items())),
        ],
        notes=[
            f"Two one-site shards (przemysl, gdynia; seed {options.seed}) of {options.articles} generated "
            "articles each, stored through `Archive.store` with a raw page and a crawl row, built once and "
            "cached. Timed in process: `merge_archives` (checks each shard with `PRAGMA quick_check`, attaches "
            "it read-only, maps crawls, copies new articles with their versions, children, tags and pages, "
            "files and documents, then links related articles for every article it brought or changed, "
            "one transaction per shard) into a new archive. Linking (shingles, MinHash bands, candidate "
            "scoring: `scraper/archive/related.py`, as the crawl does per article) is most of the time: "
            "a pair across two shards is in neither, so it is recomputed, not copied.",
            "Floor: the same tables appended with `INSERT … SELECT` from each attached shard into an empty "
            "archive of the same schema (its indexes and search triggers, so both build the FTS index), no "
            f"checks. Best of {options.rounds} alternated rounds.",
            f"Rows copied by the floor: {', '.join(f'{table} {count}' for table, count in copied.items())}.",
        ],
    )
    report.publish(result, options.report)
    return result


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    run()
