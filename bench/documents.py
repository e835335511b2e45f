"""PDF text libraries vs pdftotext on the mirror's PDFs (speed, words, diacritics, columns); OCR s/page and CER."""

from __future__ import annotations

import io
import logging
import subprocess
import sys
import time
from collections import Counter

import pdfminer.high_level
import pdfplumber
import pypdf
import pypdfium2 as pdfium

from scraper.extract.documents.extract import extract_document
from scraper.extract.documents.ocr import RENDER_DPI, ocr_image
from scraper.mirror.documents import DOCUMENTS
from scraper.mirror.files import file_bytes

logger = logging.getLogger(__name__)

TEXT_PDF_KINDS = ("pdf", "pdf_running_header", "pdf_two_columns", "pdf_encrypted_empty")
OCR_KINDS = ("pdf_scan", "pdf_mixed", "jpg_poster")
POLISH_LETTERS = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
ROUNDS = 20


def pdftotext(data: bytes) -> list[str]:
    """The reference: poppler's pdftotext, one process per file as a crawl would run it."""
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True)
    return done.stdout.decode("utf-8").split("\f")[:-1]


def with_pdfium(data: bytes) -> list[str]:
    document = pdfium.PdfDocument(data)
    pages = [document[index].get_textpage().get_text_range() for index in range(len(document))]
    document.close()
    return pages


def with_pypdf(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def with_pdfminer(data: bytes) -> list[str]:
    return pdfminer.high_level.extract_text(io.BytesIO(data)).split("\f")


def with_pdfplumber(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as document:
        return [page.extract_text() or "" for page in document.pages]


def kronika(data: bytes) -> list[str]:
    """The engine end to end: pdfium plus column split and cleaning."""
    return [extract_document(data).text]


LIBRARIES = {
    "pdftotext": pdftotext,
    "pypdfium2": with_pdfium,
    "pypdf": with_pypdf,
    "pdfminer.six": with_pdfminer,
    "pdfplumber": with_pdfplumber,
    "kronika engine": kronika,
}


def words(text: str) -> Counter:
    return Counter(text.replace("-\n", "").replace("\ufffe", "").split())


def agreement(got: str, reference: str) -> float:
    """Shared words (with multiplicity) over the larger word count."""
    a, b = words(got), words(reference)
    return sum((a & b).values()) / max(sum(a.values()), sum(b.values()), 1)


def diacritics_exact(got: str, truth: str) -> bool:
    return Counter(c for c in got if c in POLISH_LETTERS) == Counter(c for c in truth if c in POLISH_LETTERS)


def columns_in_order(got: str) -> bool:
    left_end, right_start = "co pół godziny", "Linia 12"
    flat = " ".join(got.split())
    return left_end in flat and right_start in flat and flat.index(left_end) < flat.index(right_start)


def character_error_rate(got: str, truth: str) -> float:
    """Levenshtein distance over the truth's length, whitespace-normalised (also the OCR tests' measure)."""
    got, truth = " ".join(got.split()), " ".join(truth.split())
    previous = list(range(len(got) + 1))
    for i, expected in enumerate(truth, start=1):
        current = [i]
        for j, character in enumerate(got, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (expected != character)))
        previous = current
    return previous[-1] / max(len(truth), 1)


def bench_pdf_libraries() -> None:
    documents = [document for document in DOCUMENTS if document.kind in TEXT_PDF_KINDS]
    files = [(document, file_bytes(document)) for document in documents]
    pages = sum(len(document.pages) for document in documents)
    references = {document.url: "\n".join(pdftotext(data)) for document, data in files}
    print(f"PDF text: {len(files)} mirror PDFs, {pages} pages, {ROUNDS} rounds\n")
    print(
        "| library | pages/s | × pdftotext | word agreement vs pdftotext (min / mean) | vs ground truth (min) | "
        "diacritics exact | two columns in order |"
    )
    print("|---|---|---|---|---|---|---|")
    reference_speed = None
    for name, extract in LIBRARIES.items():
        started = time.perf_counter()
        for _ in range(ROUNDS):
            outputs = {document.url: "\n".join(extract(data)) for document, data in files}
        speed = pages * ROUNDS / (time.perf_counter() - started)
        reference_speed = reference_speed or speed
        agreements = [agreement(outputs[document.url], references[document.url]) for document in documents]
        truth = min(agreement(outputs[document.url], document.expected_text()) for document in documents)
        exact = sum(diacritics_exact(outputs[document.url], document.expected_text()) for document in documents)
        two_columns = next(document for document in documents if document.kind == "pdf_two_columns")
        print(
            f"| {name} | {speed:.0f} | {speed / reference_speed:.2f} | {min(agreements):.1%} / "
            f"{sum(agreements) / len(agreements):.1%} | {truth:.1%} | {exact}/{len(documents)} | "
            f"{'yes' if columns_in_order(outputs[two_columns.url]) else 'no'} |"
        )


def bench_ocr() -> None:
    print(f"\nOCR (tesseract -l pol, {RENDER_DPI} dpi, one thread):\n")
    print("| file | pages OCRed | s/page | CER | mean confidence |")
    print("|---|---|---|---|---|")
    for document in (document for document in DOCUMENTS if document.kind in OCR_KINDS):
        data = file_bytes(document)
        started = time.perf_counter()
        result = extract_document(data)
        elapsed = time.perf_counter() - started
        ocr_pages = 1  # every OCR file here has exactly one page without a text layer
        print(
            f"| {document.url.rsplit('/', 1)[-1]} | {ocr_pages} | {elapsed / ocr_pages:.2f} | "
            f"{character_error_rate(result.text, document.expected_text()):.2%} | {result.ocr_confidence} |"
        )


def bench_wrong_model() -> None:
    """The CER threshold's other side: the English model on the same Polish scan."""
    import scraper.extract.documents.ocr as ocr

    document = next(document for document in DOCUMENTS if document.kind == "pdf_scan")
    page = pdfium.PdfDocument(file_bytes(document))[0].render(scale=RENDER_DPI / 72, grayscale=True).to_pil()
    ocr.LANGUAGE, polish = "eng", ocr.LANGUAGE
    try:
        text, _ = ocr_image(page)
    finally:
        ocr.LANGUAGE = polish
    print(f"\nSame scan with the English model: CER {character_error_rate(text, document.expected_text()):.2%}")


def bench_worker() -> None:
    """What the child process costs per document (interpreter start, imports, limits) on a one-page PDF."""
    from scraper.extract.documents.worker import extract_in_worker

    data = file_bytes(next(document for document in DOCUMENTS if document.kind == "pdf"))
    started = time.perf_counter()
    for _ in range(5):
        extract_in_worker(data)
    seconds = (time.perf_counter() - started) / 5
    print(f"\nWorker round trip (one-page PDF, in a limited child process): {seconds:.2f} s")


def run(argv: list[str]) -> None:
    bench_pdf_libraries()
    bench_worker()
    bench_ocr()
    bench_wrong_model()


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    run(sys.argv[1:])
