"""Crawl throughput: a full `kronika crawl` of a large mirror vs a bare Scrapy spider on the same URLs."""

from __future__ import annotations

import logging

from bench import report
from bench.generate import mirror_specs
from bench.processes import Measured, python, run_measured
from scraper.mirror.server import MirrorServer
from scraper.mirror.site import build_routes, mirrored_sites

logger = logging.getLogger(__name__)

PAGE_SIZE = 6
# Politeness off on loopback: no delay, no autothrottle, 16 requests in flight per site.
UNTHROTTLED = (
    "-s",
    "CONCURRENT_REQUESTS=16",
    "-s",
    "CONCURRENT_REQUESTS_PER_DOMAIN=16",
    "-s",
    "DOWNLOAD_DELAY=0",
    "-s",
    "AUTOTHROTTLE_ENABLED=False",
)
CRAWL_TIMEOUT = 1800


def mirror_for(specs: dict) -> MirrorServer:
    return MirrorServer(routes=build_routes(page_size=PAGE_SIZE, **specs))


def kronika_crawl(db, base_url: str, *extra: str) -> Measured:
    """`kronika crawl` of the mirrored sites at `base_url` into `db`, timed, in its own process."""
    args = python(
        "-m", "scraper", "crawl", *sorted(mirrored_sites()), "--db", str(db), "--mirror", base_url, *UNTHROTTLED, *extra
    )
    return run_measured(args, CRAWL_TIMEOUT).check("kronika crawl")


def bare_crawl(urls_file) -> Measured:
    return run_measured(python("-m", "bench.bare_spider", str(urls_file)), CRAWL_TIMEOUT).check("bare spider")


def fresh(path):
    """`path` with any earlier database (and its WAL, lock) removed."""
    for suffix in ("", "-wal", "-shm", ".lock"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return path


def answered(log) -> int:
    return sum(1 for _method, _path, status in log if status is not None)


def measure(options) -> tuple[Measured, int, Measured, int]:
    specs = mirror_specs(options.articles, options.seed)
    db = fresh(options.out / f"crawl-seed{options.seed}-n{options.articles}.db")
    with mirror_for(specs) as mirror:
        kronika = kronika_crawl(db, mirror.base_url, "--full")
        log = mirror.request_log
        mirror.clear_log()
        urls_file = options.out / "bare-urls.txt"
        urls_file.write_text("\n".join(f"{mirror.base_url}/{path}" for _method, path, _status in log), encoding="utf-8")
        bare = bare_crawl(urls_file)
        bare_log = mirror.request_log
    return kronika, answered(log), bare, answered(bare_log)


def rows(kronika: Measured, pages: int, bare: Measured, bare_pages: int) -> list[report.Row]:
    rate, bare_rate = pages / kronika.seconds, bare_pages / bare.seconds
    share = rate / bare_rate
    return [
        report.Row("Kronika full crawl", f"{pages} pages in {kronika.seconds:.1f} s = {rate:.0f} pages/s"),
        report.Row(
            "bare Scrapy spider, same URLs", f"{bare_pages} pages in {bare.seconds:.1f} s = {bare_rate:.0f} pages/s"
        ),
        report.Row("Kronika / bare spider throughput", report.ratio_text(share), "≥ 0.7×", share >= 0.7),
        report.Row("Kronika crawl peak RSS", f"{kronika.peak_rss_mb:.0f} MB", "≤ 300 MB", kronika.peak_rss_mb <= 300),
        report.Row("bare spider peak RSS", f"{bare.peak_rss_mb:.0f} MB"),
    ]


def run(argv: list[str] | None = None) -> report.Result:
    options = report.arguments(__doc__, argv, articles=(5000, 12))
    kronika, pages, bare, bare_pages = measure(options)
    result = report.Result(
        name="crawl",
        title="2. Crawl throughput (full crawl over loopback)",
        command=report.command("crawl", options, articles=options.articles),
        rows=rows(kronika, pages, bare, bare_pages),
        notes=[
            f"Mirror of {options.articles} generated articles per site (seed {options.seed}), listing pages of "
            f"{PAGE_SIZE}, served by Kronika's own `MirrorServer` in the benchmark process.",
            "`kronika crawl --full` with politeness off (`" + " ".join(UNTHROTTLED[1::2]) + "`), extracting and "
            "archiving every page (raw page, versions, FTS); the bare spider (`bench/bare_spider.py`, no "
            "project settings) then fetches exactly the URLs Kronika fetched, 32 in flight.",
            "Times are wall-clock of each child process, start-up included; peak RSS is the child's own VmHWM, sampled every 20 ms.",
        ],
    )
    report.publish(result, options.report)
    return result


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    run()
