"""Attachment badges, sizes, titles, storage paths and de-duplication."""

import pytest

from scraper.extract.attachments import (
    attachment,
    is_null_title,
    parse_badge,
    parse_size,
    size_after_link,
    storage_paths,
    unique_by_url,
)

BASE = "https://przemysl.pl/45707/x.html"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1,65MB", round(1.65 * 1024**2)),
        ("164,18KB", round(164.18 * 1024)),
        ("245,7 KB", round(245.7 * 1024)),
        ("2 GB", 2 * 1024**3),
        ("512 B", 512),
        ("1.5MB", round(1.5 * 1024**2)),
        ("bez rozmiaru", None),
    ],
)
def test_parse_size(text, expected):
    assert parse_size(text) == expected


@pytest.mark.parametrize(
    "label, expected",
    [
        ("PDF Schemat objazdu (245,7KB)", ("pdf", "Schemat objazdu", 251597)),
        ("JPGNULL (164,18KB)", ("jpg", None, 168120)),
        ("DOCFormularz zgłaszania uwag (87,4KB)", ("doc", "Formularz zgłaszania uwag", 89498)),
        ("DOCXRegulamin (58,33KB)", ("docx", "Regulamin", 59730)),
        ("PDFPOBIERZ PLIK - Informacja dla podmiotów", ("pdf", "Informacja dla podmiotów", None)),
        ("PDF POBIERZ PLIK – Program", ("pdf", "Program", None)),
        ("Plan miasta", (None, "Plan miasta", None)),
        ("DOCX Formularz [58,33 KB]", ("docx", "Formularz", 59730)),
        ("Ogłoszenie – 2 MB", (None, "Ogłoszenie", 2097152)),
    ],
)
def test_parse_badge(label, expected):
    assert parse_badge(label) == expected


def test_separate_badge_text_is_used_as_type():
    assert parse_badge("XLSNULL (1,0MB)", badge_type="XLS") == ("xls", None, 1048576)


def test_attachment_is_absolute_with_filename_and_lower_case_type():
    assert attachment("/uploads/files/Plan%20A.PDF", BASE) == {
        "url": "https://przemysl.pl/uploads/files/Plan%20A.PDF",
        "filename": "Plan A.PDF",
        "title": None,
        "type": "pdf",
        "size_bytes": None,
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        ("zob. /storage/uzytkownicy/u1/folder/file.pdf.", ["/storage/uzytkownicy/u1/folder/file.pdf"]),
        (
            "https://www.gdynia.pl/storage/uzytkownicy/a/b.docx i /storage/uzytkownicy/c/d.xlsx",
            ["https://www.gdynia.pl/storage/uzytkownicy/a/b.docx", "/storage/uzytkownicy/c/d.xlsx"],
        ),
        ("/storage/inne/plik.pdf", []),
    ],
)
def test_storage_paths(text, expected):
    assert storage_paths(text) == expected


def test_unique_by_url_keeps_first_in_page_order():
    items = [{"url": "a", "title": "1"}, {"url": "b", "title": "2"}, {"url": "a", "title": "3"}]
    assert unique_by_url(items) == [{"url": "a", "title": "1"}, {"url": "b", "title": "2"}]


@pytest.mark.parametrize(
    "tail, expected",
    [
        (" (1,65MB)", (1730150, "")),
        (" [164,18 KB], dalej tekst", (168120, ", dalej tekst")),
        (" – 2 MB", (2097152, "")),
        (" - 512 B", (512, "")),
        (" oraz plan miasta", (None, " oraz plan miasta")),
        (None, (None, "")),
    ],
)
def test_size_after_link(tail, expected):
    assert size_after_link(tail) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("NULL", True),
        ("null", True),
        ("JPGNULL (164,18KB)", True),
        ("PDF", True),
        ("", False),
        ("Regulamin", False),
        ("PDF Regulamin (1MB)", False),
    ],
)
def test_is_null_title(text, expected):
    assert is_null_title(text) is expected
