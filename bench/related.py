"""Related-article linking at archive scale: per-article cost of the FTS-candidate linker, planted reposts found."""

from __future__ import annotations

import logging
import random
import time

import sqlite_utils

from bench import report
from bench.generate import archive_items
from scraper.archive.related import BANDS, ROWS, index_missing, link_article
from scraper.archive.schema import configure_connection, ensure_schema

logger = logging.getLogger(__name__)

REPOST_EVERY = 500  # one planted cross-site repost per this many generated articles
SAMPLE = 200  # unplanted articles linked for the per-article cost of the common case
BATCH = 2000


def build(path, count: int, seed: int) -> list[tuple[str, str]]:
    """An archive of `count` generated articles plus planted `lis:` reposts; returns (repost, original) pairs."""
    db = sqlite_utils.Database(path)
    configure_connection(db)
    ensure_schema(db)
    planted, rows = [], []
    for n, item in enumerate(archive_items(count, seed)):
        rows.append(_row(item["id"], item["site"], item["title"], item["body_text"]))
        if n % REPOST_EVERY == 0:
            repost_id = f"lis:{n}"
            rows.append(_row(repost_id, "lis", item["title"], item["body_text"] + "\n\nZapraszamy!"))
            planted.append((repost_id, item["id"]))
        if len(rows) >= BATCH:
            db["articles"].insert_all(rows)
            rows = []
    db["articles"].insert_all(rows)
    return planted


def _row(article_id: str, site: str, title: str, body: str) -> dict:
    # Only what linking reads; the search index columns stay empty.
    return {"id": article_id, "site": site, "title": title, "body_text": body}


def timed_links(db, article_ids) -> tuple[list[float], dict[str, list[str]]]:
    seconds, found = [], {}
    for article_id in article_ids:
        start = time.perf_counter()
        found[article_id] = link_article(db, article_id)
        seconds.append(time.perf_counter() - start)
    return seconds, found


def run(argv=None) -> report.Result:
    options = report.arguments(__doc__, argv, articles=(100_000, 1_000))
    path = options.out / f"related-seed{options.seed}-n{options.articles}.db"
    for stale in options.out.glob(path.name + "*"):
        stale.unlink()
    planted = build(str(path), options.articles, options.seed)
    db = sqlite_utils.Database(str(path))
    configure_connection(db)
    start = time.perf_counter()
    indexed = index_missing(db)
    index_seconds = time.perf_counter() - start
    repost_seconds, found = timed_links(db, [repost for repost, _ in planted])
    others = [row[0] for row in db.execute("SELECT id FROM articles WHERE site != 'lis'").fetchall()]
    sample = random.Random(options.seed).sample(others, min(SAMPLE, len(others)))
    sample_seconds, sample_found = timed_links(db, sample)
    hits = sum(original in found[repost] for repost, original in planted)
    extra = sum(len(links) for links in found.values()) - hits
    rows = [
        report.Row("archive size (articles)", str(db["articles"].count)),
        report.Row("one-off band index of an existing archive", f"{indexed} articles in {index_seconds:.1f} s"),
        report.Row("link one repost: p50", report.ms(report.median(repost_seconds))),
        report.Row(
            "link one repost: p95",
            report.ms(report.percentile(repost_seconds, 0.95)),
            "≤ 50 ms",
            report.percentile(repost_seconds, 0.95) <= 0.05,
        ),
        report.Row("link one ordinary article: p50", report.ms(report.median(sample_seconds))),
        report.Row("planted reposts linked", f"{hits} / {len(planted)}", "all", hits == len(planted)),
        report.Row("links beyond the planted pairs", str(extra + sum(len(v) for v in sample_found.values()))),
    ]
    result = report.Result(
        name="related",
        title="7. Related articles at scale",
        command=report.command("related", options, articles=options.articles),
        rows=rows,
        notes=[
            f"{options.articles} generated articles (`bench.generate.archive_items`, seed {options.seed}) "
            f"inserted straight into `articles`, plus one planted `lis:` repost (same title, body + one "
            f"sentence) per {REPOST_EVERY}; then the band index built once for all of them, as for an archive "
            "that predates linking.",
            f"Each link = MinHash of the body ({BANDS} bands × {ROWS} rows), one indexed lookup of its band keys, "
            "the title/shingle measure on the colliding articles of other sites, and the pair writes.",
        ],
    )
    report.publish(result, options.report)
    return result


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    run()
