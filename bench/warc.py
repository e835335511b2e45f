"""WARC export: `kronika warc` MB/s against warcio alone writing the same bodies as response records."""

from __future__ import annotations

import logging
import time
import zlib
from io import BytesIO

import sqlite_utils
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from bench import report
from bench.generate import cached_pages_archive
from scraper.archive.warc import export_warc

logger = logging.getLogger(__name__)


def stored_bodies(path) -> list[tuple[str, bytes]]:
    db = sqlite_utils.Database(str(path))
    return [(url, zlib.decompress(body)) for url, body in db.execute("SELECT url, body FROM pages")]


def kronika_export(path, out_path) -> float:
    start = time.perf_counter()
    with open(out_path, "wb") as out:
        export_warc(sqlite_utils.Database(str(path)), out)
    return time.perf_counter() - start


def warcio_alone(bodies: list[tuple[str, bytes]], out_path) -> float:
    """The floor: bodies already in memory, one response record each, minimal HTTP head, same gzip per record."""
    start = time.perf_counter()
    with open(out_path, "wb") as out:
        writer = WARCWriter(out, gzip=True, warc_version="1.1")
        for url, body in bodies:
            head = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(body)))], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(url, "response", payload=BytesIO(body), length=len(body), http_headers=head)
            )
    return time.perf_counter() - start


def run(argv: list[str] | None = None) -> report.Result:
    options = report.arguments(__doc__, argv, articles=(5000, 40), rounds=(7, 1))
    path = cached_pages_archive(options.out, options.articles, options.seed)
    bodies = stored_bodies(path)
    megabytes = sum(len(body) for _, body in bodies) / 1e6
    kronika_times, warcio_times = [], []
    for _ in range(options.rounds):  # alternated, so drift hits both
        kronika_times.append(kronika_export(path, options.out / "bench-kronika.warc.gz"))
        warcio_times.append(warcio_alone(bodies, options.out / "bench-warcio.warc.gz"))
    kronika, alone = min(kronika_times), min(warcio_times)
    ratio = (megabytes / kronika) / (megabytes / alone)
    result = report.Result(
        name="warc",
        title="7. WARC export",
        command=report.command("warc", options, articles=options.articles, rounds=options.rounds),
        rows=[
            report.Row(
                f"`export_warc`, {len(bodies)} pages, {megabytes:.1f} MB of bodies",
                f"{kronika:.2f} s = {megabytes / kronika:.1f} MB/s",
            ),
            report.Row("warcio alone, same bodies from memory", f"{alone:.2f} s = {megabytes / alone:.1f} MB/s"),
            report.Row("Kronika / warcio alone (MB/s)", report.ratio_text(ratio)),
        ],
        notes=[
            f"{len(bodies)} generated article pages as the mirror renders them (seed {options.seed}), stored "
            "through `Archive.store`. Kronika reads each row from SQLite, decompresses it, rebuilds the HTTP "
            "head and writes a WARC/1.1 response record (gzip per record, digests by warcio); warcio alone "
            f"writes the same bodies, already decompressed in memory, with a two-header head. Best of "
            f"{options.rounds} alternated rounds (the machine is shared: single runs vary up to 2.5×); both "
            "write to a file."
        ],
    )
    report.publish(result, options.report)
    return result


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    run()
