"""OCR with Tesseract's Polish model (Debian tesseract-ocr-pol): image -> (text, mean word confidence)."""

from __future__ import annotations

import csv
import io
import os
import subprocess

from PIL import Image

from scraper.extract.documents.pages import PageError

LANGUAGE = "pol"
# Scans are rendered at this resolution: Tesseract is most accurate on 300 dpi text.
RENDER_DPI = 300
# One thread: the machine is shared and extractions already run one per worker process.
TESSERACT_ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}
WORD_LEVEL = "5"


def ocr_image(image: Image.Image, timeout: float = 60.0) -> tuple[str, float | None]:
    """(text, mean confidence 0-100 over the words read) of one page image; lines kept, paragraphs blank-separated."""
    png = io.BytesIO()
    image.convert("L").save(png, format="PNG")
    try:
        done = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", LANGUAGE, "--dpi", str(RENDER_DPI), "tsv"],
            input=png.getvalue(),
            capture_output=True,
            timeout=timeout,
            env=TESSERACT_ENV,
        )
    except FileNotFoundError as error:
        raise PageError("worker_failed", "tesseract is not installed (Debian: tesseract-ocr-pol)") from error
    except subprocess.TimeoutExpired as error:
        raise PageError("timeout", f"tesseract ran over {timeout:g} s on one page") from error
    if done.returncode != 0:
        last_line = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"])[-1]
        raise PageError("corrupt", f"tesseract cannot read the page ({last_line})")
    return _text_and_confidence(done.stdout.decode("utf-8"))


def _text_and_confidence(tsv: str) -> tuple[str, float | None]:
    lines: dict[tuple[str, str, str], list[str]] = {}
    confidences = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        word = (row.get("text") or "").strip()
        if row["level"] != WORD_LEVEL or not word:
            continue
        lines.setdefault((row["block_num"], row["par_num"], row["line_num"]), []).append(word)
        confidences.append(float(row["conf"]))
    paragraphs: dict[tuple[str, str], list[str]] = {}
    for (block, par, _), words in lines.items():
        paragraphs.setdefault((block, par), []).append(" ".join(words))
    text = "\n\n".join("\n".join(paragraph) for paragraph in paragraphs.values())
    mean = round(sum(confidences) / len(confidences), 1) if confidences else None
    return text, mean
