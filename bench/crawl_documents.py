"""A mirror crawl with documents: peak RSS of the crawl process (target <= 500 MB), its workers', wall time.

The mirror serves the bundled articles plus one Przemyśl article linking
every test file, hostile ones included (a 32 MiB PDF, a zip bomb, an
encrypted PDF ...). The crawl's own peak comes from /proc/<pid>/status
VmHWM, read until it exits; its extraction workers' largest peak from
wait4's rusage. Also: how long Gdynia (no hostile files) takes alongside
Przemyśl's extractions vs alone, which shows whether extraction stalls the
other site.
"""

from __future__ import annotations

import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from scraper.mirror.documents import DOCUMENTS, EXTRA
from scraper.mirror.factory import przemysl_files_article
from scraper.mirror.server import MirrorServer
from scraper.mirror.site import build_routes, bundled_articles

TARGET_MB = 500


def routes():
    bundled = bundled_articles()
    extra = tuple(document.url for document in DOCUMENTS if document.url.startswith(EXTRA))
    return build_routes(
        przemysl=bundled["przemysl"] + [przemysl_files_article("45990", 0, extra)], gdynia=bundled["gdynia"]
    )


def crawl(db: Path, mirror_url: str, *sites: str) -> dict:
    command = [sys.executable, "-m", "scraper", "crawl", "--db", str(db), "--mirror", mirror_url, *sites]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak_kb = 0
    status_file = Path(f"/proc/{child.pid}/status")
    while child.poll() is None:
        try:
            line = next(line for line in status_file.read_text().splitlines() if line.startswith("VmHWM:"))
            peak_kb = max(peak_kb, int(line.split()[1]))
        except (OSError, StopIteration):
            pass
        time.sleep(0.05)
    wall = time.perf_counter() - start
    output = child.stdout.read()
    # poll() reaped the child: its workers' peak is in this process's children usage.
    workers_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "wall": wall,
        "peak_mb": peak_kb / 1024,
        "children_peak_mb": workers_kb / 1024,
        "output": output.strip(),
        "seconds": site_seconds(db),
    }


def site_seconds(db: Path) -> dict[str, float]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT site, started_at, finished_at FROM crawls ORDER BY id DESC LIMIT 2")
        return {
            site: (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds()
            for site, start, end in rows
        }


def run() -> None:
    with MirrorServer(routes=routes()) as mirror, tempfile.TemporaryDirectory() as directory:
        both = crawl(Path(directory) / "both.db", mirror.base_url)
        alone = crawl(Path(directory) / "gdynia.db", mirror.base_url, "gdynia")
    print(both["output"])
    verdict = "met" if both["peak_mb"] <= TARGET_MB else "MISSED"
    print(
        f"crawl with documents: wall {both['wall']:.1f} s, crawl process peak RSS {both['peak_mb']:.0f} MB "
        f"(target <= {TARGET_MB} MB: {verdict}), largest peak of any process in the crawl (workers included) "
        f"{both['children_peak_mb']:.0f} MB"
    )
    print(
        f"gdynia alongside przemysl's extractions: {both['seconds'].get('gdynia', float('nan')):.0f} s "
        f"(przemysl {both['seconds'].get('przemysl', float('nan')):.0f} s); gdynia alone: "
        f"{alone['seconds'].get('gdynia', float('nan')):.0f} s"
    )


if __name__ == "__main__":
    run()
    sys.exit(0)
