"""Result tables, the machine description and BENCHMARKS.md sections between markers."""

from __future__ import annotations

import argparse
import logging
import os
import platform
import sqlite3
import statistics
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REPORT = ROOT / "BENCHMARKS.md"
DEFAULT_OUT = ROOT / "bench" / "out"
PACKAGES = ("scrapy", "lxml", "trafilatura", "sqlite-utils", "datasette", "morfeusz2", "uvicorn")
VERDICTS = {True: "met", False: "**missed**", None: "—"}


@dataclass(frozen=True)
class Row:
    """One figure: what was measured, the target beside it, and whether the target is met (None: no target)."""

    figure: str
    value: str
    target: str = "—"
    met: bool | None = None

    def cells(self) -> tuple[str, str, str, str]:
        return self.figure, self.value, self.target, VERDICTS[self.met]


@dataclass
class Result:
    """One benchmark's outcome: its BENCHMARKS.md section name, title, command, rows and notes."""

    name: str
    title: str
    command: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (`share` in 0..1) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, round(share * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def median(values: list[float]) -> float:
    return statistics.median(values)


def ratio_text(value: float) -> str:
    return f"{value:.2f}×"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        logger.warning("no /proc/cpuinfo: CPU model unknown")
    return platform.processor() or "unknown"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def _wrk_version() -> str:
    try:
        completed = subprocess.run(["wrk", "--version"], capture_output=True, text=True, timeout=5)
    except FileNotFoundError:
        return "absent"
    return (completed.stdout + completed.stderr).split("[", 1)[0].strip() or "unknown"


def machine() -> str:
    """One line naming the machine and the software the figures depend on."""
    packages = ", ".join(f"{name} {_version(name)}" for name in PACKAGES)
    return (
        f"{os.cpu_count()} CPUs ({_cpu_model()}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {packages}, {_wrk_version()}"
    )


def table(rows: list[Row]) -> str:
    lines = ["| figure | measured | target | verdict |", "|---|---|---|---|"]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def section(result: Result) -> str:
    """The markdown of one benchmark section."""
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    notes = "".join(f"- {note}\n" for note in result.notes)
    rows = f"{table(result.rows)}\n\n" if result.rows else ""
    return f"## {result.title}\n\nCommand: `{result.command}` — run {when}\n\n{rows}{notes}\nMachine: {machine()}\n"


def markers(name: str) -> tuple[str, str]:
    return f"<!-- bench:{name}:start -->", f"<!-- bench:{name}:end -->"


def replace_section(document: str, name: str, content: str) -> str:
    """`document` with the text between `name`'s markers replaced (markers appended when absent)."""
    start, end = markers(name)
    block = f"{start}\n{content}{end}"
    if start in document and end in document:
        before, rest = document.split(start, 1)
        return before + block + rest.split(end, 1)[1]
    return document.rstrip("\n") + "\n\n" + block + "\n"


def publish(result: Result, report: Path | None) -> None:
    """Print the result's table; write its section into `report` unless None."""
    print(f"\n{result.title}\n{table(result.rows) if result.rows else ''}")
    for note in result.notes:
        print(f"- {note}")
    if report is None:
        return
    document = report.read_text(encoding="utf-8") if report.exists() else "# Benchmarks\n"
    report.write_text(replace_section(document, result.name, section(result)), encoding="utf-8")
    logger.info("wrote section %s of %s", result.name, report)


def arguments(description: str, argv: list[str] | None = None, **sizes: tuple[int, int]) -> argparse.Namespace:
    """Common options; `sizes` maps option name -> (full default, --small default).

    `--small` runs tiny inputs and writes no report unless `--report` names one.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--small", action="store_true", help="tiny inputs (the smoke test); no report by default")
    parser.add_argument("--seed", type=int, default=1, help="generator seed")
    parser.add_argument("--report", type=Path, help=f"markdown file to update (default {DEFAULT_REPORT.name})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="cache and scratch directory")
    for name in sizes:
        parser.add_argument(
            f"--{name.replace('_', '-')}", type=int, help=f"default {sizes[name][0]} (--small: {sizes[name][1]})"
        )
    options = parser.parse_args(argv)
    for name, (full, small) in sizes.items():
        if getattr(options, name) is None:
            setattr(options, name, small if options.small else full)
    if options.report is None and not options.small:
        options.report = DEFAULT_REPORT
    options.out.mkdir(parents=True, exist_ok=True)
    return options


def command(module: str, options: argparse.Namespace, **sizes: int) -> str:
    """The command line that reproduces this run."""
    flags = " --small" if options.small else ""
    flags += "".join(f" --{name.replace('_', '-')} {value}" for name, value in sizes.items())
    return f"python -m bench.{module}{flags}"
