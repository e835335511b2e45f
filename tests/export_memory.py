"""The peak Python memory of one WARC export, for the streaming tests."""

import os
import tracemalloc

from scraper.archive.warc import export_warc


def export_peak_bytes(db) -> int:
    """Peak traced bytes while `db` is exported as WARC to /dev/null."""
    with open(os.devnull, "wb") as out:
        tracemalloc.start()
        try:
            export_warc(db, out)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
