"""Word 97-2003 DOC with antiword (Debian), which reads the piece table and writes UTF-8."""

from __future__ import annotations

import subprocess
import tempfile

from scraper.documents.pages import ExtractedPages, PageError


def extract_doc(data: bytes, timeout: float = 60.0) -> ExtractedPages:
    """The text as one page; antiword's own complaint becomes the error reason."""
    with tempfile.NamedTemporaryFile(suffix=".doc") as file:
        file.write(data)
        file.flush()
        try:
            done = subprocess.run(["antiword", "-m", "UTF-8.txt", "-w", "0", file.name],
                                  capture_output=True, timeout=timeout)
        except FileNotFoundError as error:
            raise PageError("worker_failed", "antiword is not installed (Debian: antiword)") from error
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().replace(file.name, "the file") or "antiword failed"
        code = "password_protected" if "encrypted" in reason.lower() else "corrupt"
        raise PageError(code, reason.splitlines()[0])
    pages = ExtractedPages()
    pages.add_text(done.stdout.decode("utf-8", "replace"))
    return pages
