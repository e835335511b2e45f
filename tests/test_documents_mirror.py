"""Every attachment file the mirror serves: extraction status, type, pages, method and text against its ground truth."""

import functools
import urllib.error
import urllib.request

import pytest

from bench.documents import character_error_rate
from scraper.extract.documents.extract import extract_document
from scraper.extract.documents.limits import MAX_DOCUMENT_BYTES, MAX_UNPACKED_BYTES
from scraper.extract.documents.worker import extract_in_worker
from scraper.mirror import build_routes, mirror_url
from scraper.mirror.documents import DOCUMENTS
from scraper.mirror.file_builders import BUILDERS, OVERSIZED_BYTES, ZIP_BOMB_UNPACKED_BYTES, build
from scraper.mirror.files import file_bytes

# Highest character error rate accepted from OCR: well above what bench/documents.py measures with the
# Polish model (BENCHMARKS.md), so another Tesseract release may slip a few letters, and well below the
# English model's rate on the same scan, so a missing Polish model still fails.
MAX_OCR_CER = 0.02
OCR_KINDS = ("pdf_scan", "pdf_mixed", "jpg_poster")
EXPECTED = {
    "pdf": ("pdf", "text"),
    "pdf_running_header": ("pdf", "text"),
    "pdf_two_columns": ("pdf", "text"),
    "pdf_encrypted_empty": ("pdf", "text"),
    "pdf_scan": ("pdf", "ocr"),
    "pdf_mixed": ("pdf", "mixed"),
    "jpg_poster": ("jpg", "ocr"),
    "docx": ("docx", "text"),
    "odt": ("odt", "text"),
    "ods": ("ods", "text"),
    "xlsx": ("xlsx", "text"),
    "rtf": ("rtf", "text"),
    "doc": ("doc", "text"),
    "xls": ("xls", "text"),
}
READABLE = [document for document in DOCUMENTS if document.kind in EXPECTED]
HOSTILE = [document for document in DOCUMENTS if document.expected_error]


def _marks(document):
    return [pytest.mark.slow] if document.kind in OCR_KINDS else []


def readable_cases():
    return [pytest.param(document, id=document.url.rsplit("/", 1)[-1], marks=_marks(document)) for document in READABLE]


@functools.cache
def extracted(url: str):
    document = next(document for document in DOCUMENTS if document.url == url)
    return extract_document(file_bytes(document))


def words(text: str) -> str:
    return " ".join(text.split())


def test_every_document_kind_has_a_builder_or_is_the_missing_file():
    assert {document.kind for document in DOCUMENTS} - set(BUILDERS) == {"missing"}


def test_every_attachment_the_articles_link_is_a_mirror_document():
    routes = build_routes()
    linked = set()
    for route in routes.values():
        if route.article:
            body = route.body.decode("utf-8", "replace")
            linked |= {document.url for document in DOCUMENTS if document.url.split("/", 3)[3] in body}
    article_documents = {document.url for document in DOCUMENTS if "dokumenty-testowe" not in document.url}
    assert linked == article_documents


def test_hostile_sizes_are_past_the_engine_caps():
    assert (OVERSIZED_BYTES > MAX_DOCUMENT_BYTES, ZIP_BOMB_UNPACKED_BYTES > MAX_UNPACKED_BYTES) == (True, True)


@pytest.mark.parametrize("kind", ["pdf", "docx", "odt", "ods", "xlsx", "xls", "doc", "rtf", "jpg_poster", "pdf_scan"])
def test_files_are_built_byte_for_byte_reproducibly(kind):
    document = next(document for document in DOCUMENTS if document.kind == kind)
    assert build(document) == build(document)


@pytest.mark.parametrize("document", readable_cases())
def test_status_no_error(document):
    assert extracted(document.url).error is None


@pytest.mark.parametrize("document", readable_cases())
def test_type_from_magic_bytes(document):
    assert extracted(document.url).type == EXPECTED[document.kind][0]


@pytest.mark.parametrize("document", readable_cases())
def test_pages(document):
    assert extracted(document.url).pages == len(document.pages)


@pytest.mark.parametrize("document", readable_cases())
def test_method(document):
    assert extracted(document.url).method == EXPECTED[document.kind][1]


@pytest.mark.parametrize("document", [case for case in readable_cases() if case.values[0].kind not in OCR_KINDS])
def test_text_layer_text_is_exact(document):
    assert words(extracted(document.url).text) == words(document.expected_text())


@pytest.mark.parametrize("document", [case for case in readable_cases() if case.values[0].kind in OCR_KINDS])
def test_ocr_text_within_character_error_rate(document):
    result = extracted(document.url)
    assert character_error_rate(result.text, document.expected_text()) <= MAX_OCR_CER
    assert result.ocr_confidence > 80


def test_running_header_and_footer_kept_once_and_hyphens_joined():
    document = next(document for document in DOCUMENTS if document.kind == "pdf_running_header")
    text = extracted(document.url).text
    assert text.count(document.header) == 1
    assert "Strona 2 z 3" not in text and "Strona 1 z 3" in text
    assert "termomodernizacji" in text and "-\n" not in text


def test_two_columns_read_column_by_column():
    document = next(document for document in DOCUMENTS if document.kind == "pdf_two_columns")
    text = words(extracted(document.url).text)
    assert text.index("co pół godziny") < text.index("Linia 12")


@pytest.mark.parametrize("document", HOSTILE, ids=lambda document: document.kind)
def test_hostile_file_gives_its_error_in_the_worker(document):
    result = extract_in_worker(file_bytes(document), timeout=60)
    assert (result.error_code, result.text) == (document.expected_error, None)


def test_served_over_http_with_status_and_bytes(mirror):
    document = next(document for document in DOCUMENTS if document.kind == "docx")
    alias = document.url.replace("https://przemysl.pl/", "https://www.przemysl.pl/")
    with urllib.request.urlopen(mirror_url(mirror.base_url, alias), timeout=10) as response:
        assert (response.status, response.read()) == (200, file_bytes(document))


def test_html_error_page_served_as_pdf_with_200(mirror):
    document = next(document for document in DOCUMENTS if document.kind == "html_as_pdf")
    with urllib.request.urlopen(mirror_url(mirror.base_url, document.url), timeout=10) as response:
        assert (response.status, response.headers["Content-Type"]) == (200, "application/pdf")


def test_missing_attachment_is_404(mirror):
    document = next(document for document in DOCUMENTS if document.kind == "missing")
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(mirror_url(mirror.base_url, document.url), timeout=10)
    assert error.value.code == 404
