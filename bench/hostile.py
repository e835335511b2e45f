"""Hostile servers: peak RSS, wall time, exit status and the archive after a `kronika crawl` of each."""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass

import sqlite_utils

from bench import report
from bench.crawl import fresh
from bench.processes import Measured, python, run_measured
from scraper.mirror.endless import EndlessRoutes
from scraper.mirror.server import MirrorServer

logger = logging.getLogger(__name__)

ARTICLE = "www.gdynia.pl/rewitalizacja/aktualnosci,3963/modelownia-dla-mlodziezy,562076"
GDYNIA_ARTICLES = "www.gdynia.pl/rewitalizacja/aktualnosci,3963/"
MAX_RSS_MB, MAX_SECONDS = 500, 120
RUN_TIMEOUT = 600
# The random server hangs for a minute; the row shows what a one-minute deadline makes of it.
RANDOM_DEADLINE = 60


@dataclass(frozen=True)
class Scenario:
    """One hostile server: mirror faults (or endless routes), extra crawl options, a pre-filled archive or not."""

    name: str
    faults: dict
    options: tuple[str, ...] = ()
    endless: bool = False

    @property
    def prefilled(self) -> bool:
        return not self.endless


SCENARIOS = (
    Scenario("400 MB article (Content-Length)", {ARTICLE: "huge"}),
    Scenario("400 MB article (streamed, no length)", {ARTICLE: "huge-unannounced"}),
    Scenario("gzip bomb (2 GiB of zeros)", {ARTICLE: "gzip-bomb"}),
    *(
        Scenario(f"redirect to {host}", {ARTICLE: f"redirect-{host}"})
        for host in ("127.0.0.1", "10.0.0.1", "169.254.169.254", "[::1]")
    ),
    Scenario("endless pagination (default bounds)", {}, endless=True),
    Scenario(
        f"random 500/hang/reset/truncate (deadline {RANDOM_DEADLINE} s)",
        {GDYNIA_ARTICLES: "random"},
        ("-s", f"KRONIKA_SITE_DEADLINE={RANDOM_DEADLINE}"),
    ),
)


def archive_state(db) -> tuple:
    """Every article's content hash and version, and how many versions exist."""
    database = sqlite_utils.Database(db)
    articles = tuple(database.execute("select id, content_hash, version from articles order by id").fetchall())
    return articles, database["article_versions"].count


def crawl(db, base_url: str, *options: str) -> Measured:
    return run_measured(
        python("-m", "scraper", "crawl", "gdynia", "--db", str(db), "--mirror", base_url, *options), RUN_TIMEOUT
    )


def summary_line(measured: Measured) -> str:
    return next((line for line in measured.output.splitlines() if line.startswith("gdynia: ")), "(no summary)")


def reference_archive(options) -> object:
    db = fresh(options.out / "hostile-reference.db")
    with MirrorServer() as mirror:
        crawl(db, mirror.base_url).check("reference crawl")
    return db


def measure(scenario: Scenario, reference, options) -> report.Row:
    db = fresh(options.out / "hostile.db")
    if scenario.prefilled:
        shutil.copy(reference, db)
    before = archive_state(db) if scenario.prefilled else None
    with MirrorServer(routes=EndlessRoutes() if scenario.endless else None, fault_delay=60) as mirror:
        mirror.faults = dict(scenario.faults)
        full = ("--full",) if scenario.prefilled else ()
        measured = crawl(db, mirror.base_url, *full, *scenario.options)
    after = archive_state(db)
    if before is None:
        archive = f"{len(after[0])} articles stored, kept"
    else:
        archive = "unchanged" if after == before else "**changed**"
    summary = summary_line(measured).split(" -- ")[:2]
    logger.info("%s: %s", scenario.name, " -- ".join(summary))
    value = (
        f"{measured.peak_rss_mb:.0f} MB, {measured.seconds:.1f} s, exit {measured.returncode}, "
        f"archive {archive}; {' -- '.join(summary)}"
    )
    met = (
        measured.peak_rss_mb <= MAX_RSS_MB
        and measured.seconds <= MAX_SECONDS
        and measured.returncode != 0
        and archive != "**changed**"
    )
    return report.Row(scenario.name, value.replace("|", "/"), f"≤ {MAX_RSS_MB} MB, ≤ {MAX_SECONDS} s, exit ≠ 0", met)


def run(argv: list[str] | None = None) -> report.Result:
    options = report.arguments(__doc__, argv)
    reference = reference_archive(options)
    scenarios = SCENARIOS[:3] if options.small else SCENARIOS
    result = report.Result(
        name="hostile",
        title="Hostile servers",
        command=report.command("hostile", options),
        rows=[measure(scenario, reference, options) for scenario in scenarios],
        notes=[
            "One `kronika crawl gdynia` per row against the bundled mirror with the fault injected "
            "(scraper/mirror/server.py, scraper/mirror/endless.py); peak RSS is the crawl process's VmHWM.",
            "Pre-filled rows re-crawl an archive of the mirror with `--full`: 'unchanged' means every "
            "article's content hash and version and the version count are as before.",
            "Exit ≠ 0 is the target: each of these runs left the archive not fully up to date.",
        ],
    )
    report.publish(result, options.report)
    return result


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
