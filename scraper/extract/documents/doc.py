"""Word 97-2003 DOC with catdoc (Debian), which reads the piece table and writes UTF-8.

catdoc, not antiword: antiword crashed on about half the runs (ASLR-dependent
segfault) on a valid minimal DOC without a stylesheet; catdoc read it 20/20.
"""

from __future__ import annotations

import subprocess
import tempfile

from scraper.extract.documents.pages import ExtractedPages, PageError


def extract_doc(data: bytes, timeout: float = 60.0) -> ExtractedPages:
    """The text as one page; catdoc's own complaint becomes the error reason."""
    with tempfile.NamedTemporaryFile(suffix=".doc") as file:
        file.write(data)
        file.flush()
        try:
            # -w: paragraphs on one line, not re-wrapped at 72 columns.
            done = subprocess.run(["catdoc", "-d", "utf-8", "-w", file.name], capture_output=True, timeout=timeout)
        except FileNotFoundError as error:
            raise PageError("worker_failed", "catdoc is not installed (Debian: catdoc)") from error
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().replace(file.name, "the file") or "catdoc failed"
        code = "password_protected" if "encrypt" in reason.lower() else "corrupt"
        raise PageError(code, reason.splitlines()[0])
    pages = ExtractedPages()
    pages.add_text(done.stdout.decode("utf-8", "replace"))
    return pages
