"""Incremental cost: requests and seconds of a no-change re-run and of a run with 1% new articles."""

from __future__ import annotations

import collections
import logging
import math

import sqlite_utils

from bench import report
from bench.crawl import PAGE_SIZE, fresh, kronika_crawl, mirror_for
from bench.generate import mirror_specs, new_specs
from scraper.mirror.site import build_routes, canonical_host, mirrored_sites

logger = logging.getLogger(__name__)

NEW_SHARE = 0.01


def requests_per_site(log) -> dict[str, int]:
    per_host = collections.Counter(host_path.split("/", 1)[0] for _method, host_path, _status in log)
    return {site: per_host.get(canonical_host(site), 0) for site in mirrored_sites()}


def budget(new: int) -> int:
    """The issue's ceiling for a run that finds `new` new articles on a site."""
    return new + math.ceil(new / PAGE_SIZE) + 2


def crawl_counting(mirror, db):
    mirror.clear_log()
    measured = kronika_crawl(db, mirror.base_url)
    return measured, requests_per_site(mirror.request_log)


def archived_share(db, specs: dict) -> tuple[int, int]:
    wanted = {spec.key for site_specs in specs.values() for spec in site_specs}
    found = {row["id"] for row in sqlite_utils.Database(db).query("select id from articles")}
    return len(wanted & found), len(wanted)


def rows(initial, unchanged, unchanged_requests, added, added_requests, new_count, archived) -> list[report.Row]:
    result = [report.Row("first crawl into an empty archive", f"{initial.seconds:.1f} s")]
    for site in unchanged_requests:
        result.append(
            report.Row(
                f"no-change re-run, {site}: requests",
                str(unchanged_requests[site]),
                "≤ 2",
                unchanged_requests[site] <= 2,
            )
        )
    result.append(
        report.Row("no-change re-run: seconds (both sites, process start-up included)", f"{unchanged.seconds:.1f} s")
    )
    for site in unchanged_requests:
        ceiling = budget(new_count)
        result.append(
            report.Row(
                f"{new_count} new articles, {site}: requests",
                str(added_requests[site]),
                f"≤ {ceiling} (k + ⌈k/{PAGE_SIZE}⌉ + 2)",
                added_requests[site] <= ceiling,
            )
        )
    result.append(report.Row("1% new run: seconds (both sites)", f"{added.seconds:.1f} s"))
    result.append(
        report.Row("new articles archived", f"{archived[0]} of {archived[1]}", "all", archived[0] == archived[1])
    )
    return result


def run(argv: list[str] | None = None) -> report.Result:
    options = report.arguments(__doc__, argv, articles=(5000, 12))
    specs = mirror_specs(options.articles, options.seed)
    new_count = max(1, round(options.articles * NEW_SHARE))
    added_specs = new_specs(new_count, options.seed, specs)
    db = fresh(options.out / f"incremental-seed{options.seed}-n{options.articles}.db")
    with mirror_for(specs) as mirror:
        initial = kronika_crawl(db, mirror.base_url)
        unchanged, unchanged_requests = crawl_counting(mirror, db)
        mirror.set_routes(
            build_routes(page_size=PAGE_SIZE, **{site: specs[site] + added_specs[site] for site in specs})
        )
        added, added_requests = crawl_counting(mirror, db)
    result = report.Result(
        name="incremental",
        title="3. Incremental cost",
        command=report.command("incremental", options, articles=options.articles),
        rows=rows(
            initial, unchanged, unchanged_requests, added, added_requests, new_count, archived_share(db, added_specs)
        ),
        notes=[
            f"Mirror of {options.articles} generated articles per site (seed {options.seed}), listing pages of "
            f"{PAGE_SIZE}; archive filled by a first `kronika crawl`, then two plain (incremental) runs: "
            f"nothing changed, then {new_count} new articles per site ({NEW_SHARE:.0%}) at the top of the listings.",
            "Requests counted at the mirror per live host, robots.txt included; the generated articles are all "
            "older than the 14-day re-check window, as the bulk of a real archive is.",
        ],
    )
    report.publish(result, options.report)
    return result


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    run()
