"""Reparse: `kronika reparse` pages/s with one extraction process against a pool, and the archives compared."""

from __future__ import annotations

import logging
import shutil
import time

import sqlite_utils

from bench import report
from bench.generate import OLD_TITLE_SUFFIX, cached_pages_archive
from scraper.archive import Archive
from scraper.archive.reparse import reparse_archive

logger = logging.getLogger(__name__)

# The archive size the issue names, for the extrapolation in the notes.
FULL_ARCHIVE = 100_000


def dump(path) -> dict[str, list]:
    """Every row of every table, for the identity check."""
    db = sqlite_utils.Database(str(path))
    return {name: db.execute(f"SELECT * FROM [{name}]").fetchall() for name in sorted(db.table_names())}


def timed_reparse(source, copy, workers: int) -> tuple[float, dict]:
    """Reparse a fresh copy of `source` with `workers` processes: seconds and outcome counts."""
    for stale in copy.parent.glob(copy.name + "*"):
        stale.unlink()
    shutil.copyfile(source, copy)
    archive = Archive(str(copy))
    start = time.perf_counter()
    counts = reparse_archive(archive, workers=workers)
    seconds = time.perf_counter() - start
    archive.db.close()
    return seconds, dict(counts)


def run(argv: list[str] | None = None) -> report.Result:
    options = report.arguments(__doc__, argv, articles=(2000, 40), workers=(2, 2), rounds=(2, 1))
    source = cached_pages_archive(options.out, options.articles, options.seed, old_titles=True)
    single_copy, pool_copy = options.out / "reparse-1.db", options.out / "reparse-pool.db"
    single_times, pool_times = [], []
    for _ in range(options.rounds):  # alternated, so the load of a shared machine hits both
        seconds, counts = timed_reparse(source, single_copy, 1)
        single_times.append(seconds)
        seconds, pool_counts = timed_reparse(source, pool_copy, options.workers)
        pool_times.append(seconds)
    single, pooled = min(single_times), min(pool_times)
    identical = dump(single_copy) == dump(pool_copy)
    pages = sum(counts.values())
    speedup = single / pooled
    result = report.Result(
        name="reparse",
        title="8. Reparse process pool",
        command=report.command(
            "reparse", options, articles=options.articles, workers=options.workers, rounds=options.rounds
        ),
        rows=[
            report.Row(f"1 process, {pages} pages", f"{single:.1f} s = {pages / single:.0f} pages/s"),
            report.Row(
                f"{options.workers} worker processes + 1 writer", f"{pooled:.1f} s = {pages / pooled:.0f} pages/s"
            ),
            report.Row(f"{options.workers} workers / 1 process (pages/s)", report.ratio_text(speedup)),
            report.Row(
                "archive identical either way (every row of every table)",
                "yes" if identical else "**no**",
                "yes",
                identical,
            ),
        ],
        notes=[
            f"{pages} generated article pages (seed {options.seed}, both sites, as the mirror renders them) "
            f"archived from generated items whose titles carry the site's name ('{OLD_TITLE_SUFFIX}', as an older "
            "extractor read them, so every page makes a new version), then `reparse_archive` with the real extractor on a fresh copy "
            f"each time; outcomes 1 process {counts}, pool {pool_counts}. The pool sends chunks of pages to "
            "worker processes and stores their items in the main process, in page order. Best of "
            f"{options.rounds} alternated rounds. Extrapolated linearly at these rates, the 100,000-article archive takes "
            f"{FULL_ARCHIVE / (pages / single) / 60:.0f} min in 1 process and "
            f"{FULL_ARCHIVE / (pages / pooled) / 60:.0f} min with {options.workers} workers here."
        ],
    )
    report.publish(result, options.report)
    return result


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    run()
