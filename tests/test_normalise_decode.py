"""Bytes to text: BOMs, UTF-8, trustworthy declared charsets, windows-1250 / ISO-8859-2 without or with a wrong charset."""

import codecs
import unicodedata

import pytest

from scraper.extract.decode import decode_html
from scraper.extract.errors import ExtractionError

PANGRAM = "Zażółć gęślą jaźń. ZAŻÓŁĆ GĘŚLĄ JAŹŃ. Śląsk, Łódź, Źródło, Ąę."


def page(text: str, meta: str = "") -> str:
    return f"<html><head>{meta}<title>{text}</title></head><body><p>{text}</p></body></html>"


def is_clean(text: str) -> bool:
    """No replacement characters and no C1 control characters."""
    return "\ufffd" not in text and not any(
        unicodedata.category(char) == "Cc" and 0x80 <= ord(char) <= 0x9F for char in text
    )


@pytest.mark.parametrize(
    "encoding, headers",
    [
        ("cp1250", None),
        ("cp1250", {"Content-Type": "text/html"}),
        ("cp1250", {"Content-Type": "text/html; charset=ISO-8859-2"}),
        ("cp1250", {"Content-Type": "text/html; charset=ISO-8859-1"}),
        ("iso-8859-2", None),
        ("iso-8859-2", {"Content-Type": "text/html; charset=ISO-8859-1"}),
        ("iso-8859-2", {"Content-Type": "text/html; charset=windows-1250"}),
        ("iso-8859-2", {"content-type": "text/html; charset=windows-1252"}),
    ],
)
def test_legacy_polish_pages_decode_exactly(encoding, headers):
    text, _ = decode_html(page(PANGRAM).encode(encoding), headers)
    assert PANGRAM in text and is_clean(text)


@pytest.mark.parametrize("encoding", ["cp1250", "iso-8859-2"])
def test_legacy_pages_name_the_encoding_they_were_read_with(encoding):
    assert decode_html(page(PANGRAM).encode(encoding))[1] == encoding


def test_meta_charset_is_honoured_when_it_decodes_cleanly():
    body = page(PANGRAM, '<meta charset="iso-8859-2">').encode("iso-8859-2")
    assert decode_html(body) == (page(PANGRAM, '<meta charset="iso-8859-2">'), "iso-8859-2")


def test_valid_utf8_wins_over_a_wrong_header():
    assert PANGRAM in decode_html(page(PANGRAM).encode("utf-8"), {"Content-Type": "text/html; charset=ISO-8859-2"})[0]


@pytest.mark.parametrize("bom, encoding", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")])
def test_bom_decides(bom, encoding):
    text, _ = decode_html(bom + page(PANGRAM).encode(encoding))
    assert text.lstrip("\ufeff").startswith("<html>") and PANGRAM in text


@pytest.mark.parametrize("body", [b"", b"   \n", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"%PDF-1.4\x00\x00binary"])
def test_empty_or_binary_input_raises(body):
    with pytest.raises(ExtractionError):
        decode_html(body)
