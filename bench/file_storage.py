"""Where attachment bytes live: zlib / zstd BLOBs in a `files` table vs content-addressed files beside the DB.

Measures write speed, stored size, read speed (what serving a file costs) and
the backup of each layout, on the mirror's real attachment files repeated
(each copy made distinct by one changed byte so neither layout can dedupe it).
The 5 GB figure is extrapolated from the measured ratio, not written.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

from backports import zstd

from scraper.mirror.documents import DOCUMENTS
from scraper.mirror.files import file_bytes

COPIES = 32  # copies of each mirror file: ~25 MB written per layout
FIVE_GB = 5 * 1024**3
# Files the crawl never keeps (over the engine's cap, or an HTML page) are left out.
SKIPPED_KINDS = ("missing", "oversized_pdf", "html_as_pdf")


def sample() -> list[bytes]:
    originals = [file_bytes(document) for document in DOCUMENTS if document.kind not in SKIPPED_KINDS]
    return [data[:-1] + bytes([(data[-1] + copy) % 256]) for copy in range(COPIES) for data in originals]


def blob_layout(directory: Path, files: list[bytes], compress, decompress) -> dict:
    path = directory / "blobs.db"
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")  # as the archive runs (schema.configure_connection)
    db.execute("CREATE TABLE files (sha256 TEXT PRIMARY KEY, size INTEGER, data BLOB)")
    start = time.perf_counter()
    for data in files:
        with db:
            db.execute(
                "INSERT OR IGNORE INTO files VALUES (?, ?, ?)",
                [hashlib.sha256(data).hexdigest(), len(data), compress(data)],
            )
    write = time.perf_counter() - start
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    keys = [row[0] for row in db.execute("SELECT sha256 FROM files")]
    start = time.perf_counter()
    for key in keys:
        decompress(db.execute("SELECT data FROM files WHERE sha256 = ?", [key]).fetchone()[0])
    read = time.perf_counter() - start
    # A Datasette listing of the table reads every column but the BLOB (data is the last column).
    start = time.perf_counter()
    db.execute("SELECT sha256, size FROM files").fetchall()
    listing = time.perf_counter() - start
    start = time.perf_counter()
    db.execute(f"VACUUM INTO '{directory / 'backup.db'}'")
    backup = time.perf_counter() - start
    db.close()
    return {
        "write": write,
        "read": read,
        "size": path.stat().st_size,
        "backup": backup,
        "listing": listing,
        "backup_command": "sqlite3 archive.db \"VACUUM INTO 'copy.db'\"  (one file)",
    }


def beside_layout(directory: Path, files: list[bytes]) -> dict:
    root = directory / "files"
    start = time.perf_counter()
    for data in files:
        key = hashlib.sha256(data).hexdigest()
        target = root / key[:2] / key
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(target)
    write = time.perf_counter() - start
    paths = sorted(root.rglob("*"))
    start = time.perf_counter()
    for path in paths:
        if path.is_file():
            path.read_bytes()
    read = time.perf_counter() - start
    size = sum(path.stat().st_size for path in paths if path.is_file())
    start = time.perf_counter()
    subprocess.run(["tar", "-cf", str(directory / "backup.tar"), "-C", str(directory), "files"], check=True)
    backup = time.perf_counter() - start
    return {
        "write": write,
        "read": read,
        "size": size,
        "backup": backup,
        "listing": None,
        "backup_command": "sqlite3 .backup + tar/rsync of files/ (two steps, must agree)",
    }


def run() -> None:
    files = sample()
    raw = sum(len(data) for data in files)
    print(f"sample: {len(files)} files, {raw / 1e6:.1f} MB (mirror attachments x {COPIES})")
    layouts = {
        "zlib-6 BLOB": lambda d: blob_layout(d, files, lambda b: zlib.compress(b, 6), zlib.decompress),
        "zstd-3 BLOB": lambda d: blob_layout(d, files, lambda b: zstd.compress(b, 3), zstd.decompress),
        "files beside": lambda d: beside_layout(d, files),
    }
    print(
        f"{'layout':14} {'write MB/s':>10} {'read MB/s':>10} {'size/raw':>9} {'5 GB ->':>9} {'backup s':>9} "
        f"{'list ms':>8}  backup"
    )
    for name, measure in layouts.items():
        directory = Path(tempfile.mkdtemp(prefix="kronika-files-"))
        try:
            result = measure(directory)
        finally:
            shutil.rmtree(directory)
        ratio = result["size"] / raw
        listing = f"{result['listing'] * 1000:.1f}" if result["listing"] is not None else "-"
        print(
            f"{name:14} {raw / 1e6 / result['write']:10.0f} {raw / 1e6 / result['read']:10.0f} {ratio:9.3f} "
            f"{ratio * FIVE_GB / 1024**3:8.2f}G {result['backup']:9.2f} {listing:>8}  {result['backup_command']}"
        )


if __name__ == "__main__":
    run()
    sys.exit(0)
