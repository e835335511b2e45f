"""Attachment bytes, stored once by sha256 as zstd-compressed BLOBs in the `files` table.

Why BLOBs in the database rather than files beside it (bench/file_storage.py,
mirror attachments x 32): zstd-3 writes 55 MB/s and reads 390 MB/s (a crawl
fetches at most one file a second per site), stores 0.50 of the raw size
(zlib-6: 0.49 but reads at 170 MB/s), and the archive stays one file:
`sqlite3 archive.db "VACUUM INTO 'copy.db'"` backs up pages, documents and
their bytes together, where files beside it need a second, separately
consistent tar/rsync step.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import sqlite_utils

# The media type of each type the download detects, re-exported for whoever serves the files.
from scraper.extract.documents.detect import MEDIA_TYPES  # noqa: F401

try:  # Python 3.14 ships zstd; before it the pinned backport provides the same module
    from compression import zstd
except ImportError:
    from backports import zstd


COMPRESSION = "zstd"
COMPRESSION_LEVEL = 3


def store_file(db: sqlite_utils.Database, sha256: str, data: bytes, media_type: str) -> bool:
    """Keep `data` under its `sha256` (the caller's, checked); True if new, False if already stored.

    `media_type` is the type detected from the magic bytes (scraper.extract.documents.detect).
    """
    if hashlib.sha256(data).hexdigest() != sha256:
        raise ValueError(f"store_file: the data's sha256 is not {sha256}")
    if db.execute("SELECT 1 FROM files WHERE sha256 = ?", [sha256]).fetchone():
        return False
    db.execute(
        "INSERT INTO files (sha256, media_type, size, compression, data, stored_at) VALUES (?, ?, ?, ?, ?, ?)",
        [
            sha256,
            media_type,
            len(data),
            COMPRESSION,
            zstd.compress(data, COMPRESSION_LEVEL),
            datetime.now(UTC).isoformat(timespec="seconds"),
        ],
    )
    return True


def read_file(db: sqlite_utils.Database, sha256: str) -> bytes | None:
    """The stored bytes for `sha256`, or None if the archive does not hold them."""
    row = db.execute("SELECT compression, data FROM files WHERE sha256 = ?", [sha256]).fetchone()
    if row is None:
        return None
    if row[0] != COMPRESSION:
        raise ValueError(f"file {sha256}: unknown compression {row[0]!r}")
    return zstd.decompress(row[1])


def stored_hashes(db: sqlite_utils.Database) -> list[str]:
    """Every stored file's sha256, in order."""
    return [row[0] for row in db.execute("SELECT sha256 FROM files ORDER BY sha256")]
