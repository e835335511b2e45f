"""Hostile-input fuzzing: the 14 crash classes and damaged mirror pages through extract_article, on every core."""

from __future__ import annotations

import logging
import multiprocessing
import os
import random
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field

from bench import report
from bench.generate import mirror_specs, page_bytes
from scraper.extract import ExtractionError, extract_article
from scraper.extract.bounds import MAX_PAGE_BYTES
from scraper.mirror.hostile import HOSTILE_CLASSES, forty_thousand_attributes, mutated, re_encoded, truncated

logger = logging.getLogger(__name__)

# Damage -> (maker, whether it takes the page's markup rather than its bytes).
DAMAGES = {
    "truncated mirror page": (truncated, False),
    "re-encoded mirror page": (re_encoded, True),
    "mutated mirror page": (mutated, False),
}
KINDS = (*HOSTILE_CLASSES, *DAMAGES)
MIRROR_PAGES_PER_SITE = (50, 3)
PAGE_TARGET = 2.0  # seconds, any page up to the size cap
SHOWN_FAILURES = 5

_pages: list[tuple[str, bytes, str]] = []  # (url, bytes, markup) per worker, built once


@dataclass
class Tally:
    """What one worker saw: per-kind outcomes, uncaught exceptions and the slowest input."""

    outcomes: Counter = field(default_factory=Counter)  # (kind, "item" | "refused" | "uncaught")
    failures: list[str] = field(default_factory=list)
    slowest: tuple[float, str, int, int] = (0.0, "", -1, 0)  # seconds, kind, input number, bytes

    def merge(self, other: Tally) -> None:
        self.outcomes.update(other.outcomes)
        self.failures += other.failures
        self.slowest = max(self.slowest, other.slowest)


def load_pages(pages_per_site: int, seed: int) -> None:
    specs = mirror_specs(pages_per_site, seed)
    for spec in specs["przemysl"] + specs["gdynia"]:
        body = page_bytes(spec)
        _pages.append((spec.expected["url"], body, body.decode(spec.encoding)))


def hostile_input(number: int, seed: int) -> tuple[str, str, bytes]:
    """Input `number` of the run: (kind, page URL, bytes), the same for a seed whatever the worker."""
    rng = random.Random(seed * 1_000_003 + number)
    kind = KINDS[number % len(KINDS)]
    url, body, markup = _pages[rng.randrange(len(_pages))]
    if kind in HOSTILE_CLASSES:
        return kind, url, HOSTILE_CLASSES[kind](rng, markup)
    damage, takes_markup = DAMAGES[kind]
    return kind, url, damage(rng, markup if takes_markup else body)


def run_inputs(numbers: range, seed: int) -> Tally:
    """Extract each input; ExtractionError is a refusal, anything else an uncaught exception."""
    logging.disable(logging.CRITICAL)  # every hostile page warns; the counts are the result
    tally = Tally()
    for number in numbers:
        kind, url, body = hostile_input(number, seed)
        start = time.perf_counter()
        try:
            extract_article(body, url)
            outcome = "item"
        except ExtractionError:
            outcome = "refused"
        except Exception:  # noqa: BLE001 - counting them is the point
            outcome = "uncaught"
            if len(tally.failures) < SHOWN_FAILURES:
                tally.failures.append(f"{kind} #{number}: {traceback.format_exc(limit=-3)}")
        elapsed = time.perf_counter() - start
        tally.outcomes[kind, outcome] += 1
        tally.slowest = max(tally.slowest, (elapsed, kind, number, len(body)))
    return tally


def _chunk_worker(arguments: tuple[int, int, int, int]) -> Tally:
    start, stop, seed, pages_per_site = arguments
    if not _pages:
        load_pages(pages_per_site, seed)
    return run_inputs(range(start, stop), seed)


def fuzz(inputs: int, seed: int, pages_per_site: int, processes: int) -> Tally:
    chunk = 500
    jobs = [(start, min(start + chunk, inputs), seed, pages_per_site) for start in range(0, inputs, chunk)]
    tally = Tally()
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        for part in pool.imap_unordered(_chunk_worker, jobs):
            tally.merge(part)
    return tally


def worst_cases() -> dict[str, bytes]:
    """Pages built to be as expensive as the caps allow (each up to MAX_PAGE_BYTES, some beyond it)."""
    head = '<html><head><meta charset="utf-8"><title>Najgorszy przypadek</title></head><body><article><h1>Tytuł</h1>'
    paragraph = "<p>Remont ulicy Mickiewicza zakończył się w terminie, mieszkańcy chwalą chodniki.</p>"
    fill = MAX_PAGE_BYTES - len(head) - 100
    return {
        "40,000 attributes on one element (the issue's page)": f"{head}<p {forty_thousand_attributes()}>Tekst</p>"
        f"{paragraph}",
        "255 attributes on each of many elements": head
        + "".join(f"<span {' '.join(f'a{n}=1' for n in range(255))}>x</span>" for _ in range(fill // 1400)),
        "2 MiB of paragraphs": head + paragraph * (fill // len(paragraph)),
        "divs nested 20,000 deep": head + "<div>tekst " * 20_000 + paragraph + "</div>" * 20_000,
        "2 MiB of attachment links": head + '<a href="/p.pdf">PDF Plan (1,5MB)</a> ' * (fill // 38),
        "2 MiB of label lines": head + "<p>Data publikacji: 29.03.2021 r., godz. 10:15</p>" * (fill // 50),
        "2 MiB of table cells": head + "<table>" + "<tr><td>a</td><td>b</td></tr>" * (fill // 30) + "</table>",
        "JSON-LD nested 500,000 deep": head
        + '<script type="application/ld+json">'
        + "[" * 500_000
        + "]" * 500_000
        + "</script>"
        + paragraph,
        "2 MiB of control characters": head + "\x01\x02&#0;" * (fill // 10) + paragraph,
        "20 MiB page (ten times the cap)": head + paragraph * (10 * fill // len(paragraph)),
    }


def time_worst_cases(small: bool) -> list[tuple[str, int, float]]:
    """Seconds per worst case; `small` (the smoke test) times only the first, the issue's own page."""
    logging.disable(logging.CRITICAL)
    timings = []
    for name, markup in list(worst_cases().items())[: 1 if small else None]:
        body = markup.encode("utf-8")
        start = time.perf_counter()
        try:
            extract_article(body, "https://example.com/aktualnosci/najgorszy-1")
        except ExtractionError:
            pass
        timings.append((name, len(body), time.perf_counter() - start))
    logging.disable(logging.NOTSET)
    return timings


def rows(tally: Tally, inputs: int, timings: list[tuple[str, int, float]]) -> list[report.Row]:
    uncaught = sum(count for (_, outcome), count in tally.outcomes.items() if outcome == "uncaught")
    seconds, kind, number, size = tally.slowest
    worst = max(timings, key=lambda timing: timing[2])
    table = [
        report.Row("inputs", f"{inputs:,}", "≥ 100,000", inputs >= 100_000),
        report.Row("uncaught exceptions", str(uncaught), "0", uncaught == 0),
        report.Row(
            "slowest fuzz input",
            f"{seconds:.3f} s ({kind}, #{number}, {size:,} bytes)",
            f"≤ {PAGE_TARGET:g} s",
            seconds <= PAGE_TARGET,
        ),
        report.Row(
            "slowest worst case", f"{worst[2]:.3f} s ({worst[0]})", f"≤ {PAGE_TARGET:g} s", worst[2] <= PAGE_TARGET
        ),
    ]
    for kind in KINDS:
        counts = {outcome: tally.outcomes[kind, outcome] for outcome in ("item", "refused", "uncaught")}
        table.append(
            report.Row(
                f"class {kind}",
                f"{sum(counts.values()):,} inputs: {counts['item']:,} items, "
                f"{counts['refused']:,} refused, {counts['uncaught']} uncaught",
            )
        )
    table += [
        report.Row(
            f"worst case: {name}", f"{seconds:.3f} s ({size:,} bytes)", f"≤ {PAGE_TARGET:g} s", seconds <= PAGE_TARGET
        )
        for name, size, seconds in timings
    ]
    return table


def run(argv: list[str] | None = None) -> report.Result:
    options = report.arguments(__doc__, argv, inputs=(100_000, 300))
    pages_per_site = MIRROR_PAGES_PER_SITE[options.small]
    processes = os.cpu_count() or 1
    start = time.perf_counter()
    tally = fuzz(options.inputs, options.seed, pages_per_site, processes)
    elapsed = time.perf_counter() - start
    timings = time_worst_cases(options.small)
    result = report.Result(
        name="fuzz",
        title="7. Hostile input (fuzzing)",
        command=report.command("fuzz", options, inputs=options.inputs),
        rows=rows(tally, options.inputs, timings),
        notes=[
            f"{options.inputs:,} inputs in {elapsed:.0f} s over {processes} processes: the 14 crash classes of "
            f"issue 9 §2 spliced into {2 * pages_per_site} generated mirror pages (seed {options.seed}), and "
            "the same pages truncated, re-encoded (cp1250, ISO-8859-2, cp852, UTF-16, BOMs; declared rightly, "
            "wrongly or not) and byte-mutated, in turn. 'refused' is the documented ExtractionError (empty, "
            "binary, no article); anything else escaping is uncaught.",
            f"Worst cases are built up to the extractor's {MAX_PAGE_BYTES // 1024 // 1024} MiB cap (no download "
            "cap is set for the crawl) and timed one by one in the main process.",
            *(f"uncaught: `{failure.splitlines()[-1]}`" for failure in tally.failures),
        ],
    )
    report.publish(result, options.report)
    return result


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    run()
