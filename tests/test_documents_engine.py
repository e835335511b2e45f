"""The document engine's parts: magic-byte sniffing, cleaning, the result row, the worker's limits, the command."""

import json
import time

import pytest
from click.testing import CliRunner

from scraper.cli import main
from scraper.extract.documents.clean import clean_page, drop_repeated_margins, join_pages
from scraper.extract.documents.detect import detect_type
from scraper.extract.documents.extract import extract_document
from scraper.extract.documents.result import DocumentResult, document_row
from scraper.extract.documents.worker import extract_in_worker
from scraper.mirror.documents import DOCUMENTS
from scraper.mirror.files import file_bytes


def mirror_file(kind: str) -> bytes:
    return file_bytes(next(document for document in DOCUMENTS if document.kind == kind))


# --- detection -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind, expected",
    [
        ("pdf", "pdf"),
        ("docx", "docx"),
        ("odt", "odt"),
        ("ods", "ods"),
        ("xlsx", "xlsx"),
        ("rtf", "rtf"),
        ("doc", "doc"),
        ("xls", "xls"),
        ("jpg_poster", "jpg"),
        ("html_as_pdf", "wrong_type"),
    ],
)
def test_type_comes_from_the_bytes(kind, expected):
    assert detect_type(mirror_file(kind)) == expected


def test_pdf_header_after_junk_is_still_pdf():
    assert detect_type(b"\r\n\xef\xbb\xbf%PDF-1.4\n...") == "pdf"


def test_plain_zip_and_text_are_wrong_type():
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("zdjecie.jpg", b"\xff\xd8\xff")
    assert (detect_type(out.getvalue()), detect_type(b"Nie znaleziono")) == ("wrong_type", "wrong_type")


def test_word_97_magic_is_doc():
    assert detect_type(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "WordDocument".encode("utf-16-le")) == "doc"


def test_password_protected_office_file_is_recorded_as_such():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "EncryptedPackage".encode("utf-16-le")
    assert extract_document(data).error_code == "password_protected"


def test_a_parser_crashing_on_a_file_is_that_file_s_error_not_an_exception(monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("unexpected group")

    monkeypatch.setattr("scraper.extract.documents.rtf.rtf_to_text", crash)
    assert extract_document(mirror_file("rtf")).error == "corrupt: RuntimeError: unexpected group"


# --- cleaning --------------------------------------------------------------------------------------


def test_line_end_hyphen_joined_but_compound_hyphen_kept():
    text, _ = clean_page("rewitali-\nzacji obszaru Przemyśl-\nZasanie biało-czerwony")
    assert text == "rewitalizacji obszaru Przemyśl-\nZasanie biało-czerwony"


def test_replacement_characters_removed_with_a_warning():
    text, warnings = clean_page("Prze\ufffdmyśl")
    assert (text, warnings) == ("Przemyśl", ["removed 1 U+FFFD replacement characters"])


def test_c1_and_c0_controls_removed_with_a_warning():
    text, warnings = clean_page("ulica\x85 Grodzka\x07\tnr 1")
    assert (text, warnings) == ("ulica Grodzka\tnr 1", ["removed 2 control characters"])


def test_text_is_nfc():
    assert clean_page("z\u0307o\u0301e\u0328")[0] == "żóę"


def test_running_header_and_numbered_footer_kept_on_page_one_only():
    pages = [
        "Raport 2018\nTreść jeden\nStrona 1",
        "Raport 2018\nTreść dwa\nStrona 2",
        "Raport 2018\nTreść trzy\nStrona 3",
    ]
    assert drop_repeated_margins(pages) == ["Raport 2018\nTreść jeden\nStrona 1", "Treść dwa", "Treść trzy"]


def test_differing_first_lines_are_not_a_header():
    pages = ["Rozdział 1\nTreść pierwsza", "Rozdział drugi\nTreść druga"]
    assert drop_repeated_margins(pages) == pages


def test_page_offsets_point_at_each_page():
    text, offsets = join_pages(["jeden", "dwa", "trzy"])
    assert [text[offset : offset + 3] for offset in offsets] == ["jed", "dwa", "trz"]


# --- result row ------------------------------------------------------------------------------------


def test_document_row_is_flat_with_json_lists():
    row = document_row(extract_document(mirror_file("pdf")))
    assert (row["type"], row["method"], json.loads(row["page_offsets"]), json.loads(row["warnings"])) == (
        "pdf",
        "text",
        [0],
        [],
    )
    assert all(not isinstance(value, (list, tuple, dict)) for value in row.values())


def test_result_survives_the_worker_wire_format():
    result = extract_document(mirror_file("pdf_running_header"))
    assert DocumentResult.from_dict(json.loads(json.dumps(result.to_dict()))) == result


def test_polish_text_is_tagged_pl_and_english_en():
    english = next(document for document in DOCUMENTS if "open_days" in document.url)
    assert (extract_document(mirror_file("pdf")).language, extract_document(file_bytes(english)).language) == (
        "pl",
        "en",
    )


# --- the worker ------------------------------------------------------------------------------------


def test_worker_returns_the_same_result_as_in_process():
    data = mirror_file("docx")
    assert extract_in_worker(data) == extract_document(data)


def test_runaway_cpu_is_killed_by_the_cpu_limit():
    started = time.monotonic()
    result = extract_in_worker(b"x", timeout=30, cpu_seconds=1, entry="tests.runaway_extractions:spin")
    assert (result.error, time.monotonic() - started < 10) == (
        "timeout: extraction used up its CPU time and was killed",
        True,
    )


def test_stuck_worker_is_killed_at_the_wall_timeout():
    started = time.monotonic()
    result = extract_in_worker(b"x", timeout=1.5, entry="tests.runaway_extractions:sleep")
    assert (result.error, time.monotonic() - started < 5) == ("timeout: extraction ran over 1.5 s and was killed", True)


def test_runaway_memory_is_stopped_by_the_address_space_limit():
    result = extract_in_worker(b"x", timeout=30, memory_bytes=512 * 1024**2, entry="tests.runaway_extractions:hog")
    assert result.error_code == "out_of_memory"


def test_enormous_image_is_too_large_without_being_decoded():
    import io

    from PIL import Image

    png = io.BytesIO()
    Image.new("1", (15000, 15000), 1).save(png, format="PNG")  # 225 megapixels in a few kilobytes
    result = extract_in_worker(png.getvalue(), timeout=30)
    assert result.error_code == "too_large"


# --- the command -----------------------------------------------------------------------------------


def test_command_prints_the_extraction_as_json(tmp_path):
    path = tmp_path / "regulamin.bin"
    path.write_bytes(mirror_file("docx"))
    result = CliRunner().invoke(main, ["document", str(path)])
    shown = json.loads(result.output)
    assert (result.exit_code, shown["type"], shown["pages"], shown["method"]) == (0, "docx", 1, "text")
    assert "Plaża miejska\t8:00–20:00" in shown["text"]


@pytest.mark.parametrize(
    "kind, reason",
    [
        ("pdf_encrypted_password", "password_protected"),
        ("pdf_corrupt", "corrupt"),
        ("html_as_pdf", "wrong_type"),
    ],
)
def test_command_exits_1_with_one_line_for_unreadable_input(tmp_path, kind, reason):
    path = tmp_path / "plik.pdf"
    path.write_bytes(mirror_file(kind))
    result = CliRunner().invoke(main, ["document", str(path)])
    assert (result.exit_code, len(result.output.strip().splitlines()), reason in result.output) == (1, 1, True)


def test_command_help_has_an_example():
    assert "Example: kronika document" in CliRunner().invoke(main, ["document", "--help"]).output
