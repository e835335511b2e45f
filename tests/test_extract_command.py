"""`kronika extract FILE --url URL`: a saved page to JSON; unknown hosts work; garbage exits 1 with one line."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.cli.extract import extract

PAGES = Path(__file__).parent / "pages"


def run(path: Path, url: str):
    return CliRunner().invoke(extract, [str(path), "--url", url])


def test_saved_page_prints_item_json():
    result = run(PAGES / "seed_gdynia.html",
                 "https://www.gdynia.pl/rewitalizacja/aktualnosci,3963/modelownia-dla-mlodziezy,562076")
    assert json.loads(result.output)["author"] == "Aleksandra Dylejko"


def test_output_keeps_polish_letters_unescaped():
    result = run(PAGES / "seed_gdynia.html",
                 "https://www.gdynia.pl/rewitalizacja/aktualnosci,3963/modelownia-dla-mlodziezy,562076")
    assert "młodzieży" in result.output


def test_unknown_host_uses_generic_layers():
    result = run(PAGES / "dl_meta.html", "https://lis.gdynia.pl/festyn-na-oksywiu/")
    assert json.loads(result.output)["published_at"] == "2022-06-04T10:15:00+02:00"


@pytest.mark.parametrize("content", [b"", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", b"<html><body></body></html>"])
def test_garbage_exits_1_with_one_line(tmp_path, content):
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(content)
    result = run(garbage, "https://example.org/x")
    assert (result.exit_code, len(result.output.strip().splitlines())) == (1, 1)
