"""The `kronika document` command: extract one document file and print the result as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import click

from scraper.extract.documents.worker import extract_in_worker

SHOWN_FIELDS = ("type", "pages", "method", "language", "characters", "ocr_confidence", "warnings", "text")


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def document(file: Path) -> None:
    """Extract the text of one document FILE (PDF, DOCX, ODT, ODS, XLSX, XLS, DOC, RTF, JPG, PNG, TIFF) as JSON.

    The type comes from the file's bytes, not its name. Pages without a text
    layer are read by OCR (Tesseract, Polish). Extraction runs in a child
    process limited to 60 s and 1 GB. Exits 1 with a one-line reason when
    FILE is corrupt, password-protected, too large or no document.

    \b
    Example: kronika document uchwala.pdf
    """
    result = extract_in_worker(file.read_bytes())
    if result.error:
        raise click.ClickException(f"{file}: {result.error}")
    click.echo(json.dumps({key: result.to_dict()[key] for key in SHOWN_FIELDS}, ensure_ascii=False, indent=2))
