"""`kronika extract FILE --url URL`: a saved page to JSON; unknown hosts work; garbage exits 1 with one line."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.cli import main

PAGES = Path(__file__).parent / "pages"


def run(path: Path, url: str):
    return CliRunner().invoke(main, ["extract", str(path), "--url", url])


def test_saved_page_prints_item_json():
    result = run(
        PAGES / "seed_gdynia.html",
        "https://www.gdynia.pl/rewitalizacja/aktualnosci,3963/modelownia-dla-mlodziezy,562076",
    )
    assert json.loads(result.output)["author"] == "Aleksandra Dylejko"


def test_output_keeps_polish_letters_unescaped():
    result = run(
        PAGES / "seed_gdynia.html",
        "https://www.gdynia.pl/rewitalizacja/aktualnosci,3963/modelownia-dla-mlodziezy,562076",
    )
    assert "młodzieży" in result.output


def test_unknown_host_uses_generic_layers():
    result = run(PAGES / "dl_meta.html", "https://rewitalizacja.sopot.pl/festyn-na-oksywiu/")
    assert json.loads(result.output)["published_at"] == "2022-06-04T10:15:00+02:00"


@pytest.mark.parametrize(
    "content", [b"", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", b"<html><body></body></html>"]
)
def test_garbage_exits_1_with_one_line(tmp_path, content):
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(content)
    result = run(garbage, "https://example.org/x")
    assert (result.exit_code, len(result.output.strip().splitlines())) == (1, 1)


PLAIN_TEXT = (
    "Notatki z zebrania.\nNie ma tu żadnej strony, tylko kilka zdań zwykłego tekstu w pliku, "
    "które długością przypominają treść artykułu.\nKronika nie może z tego zrobić artykułu "
    "z tytułem, datą i autorem, bo to nie jest strona HTML.\n"
).encode()
NOTHING_ARTICLE_LIKE = (
    b"<html><body><ul><li><a href='/'>Start</a></li><li><a href='/k'>Kontakt</a></li></ul></body></html>"
)
SHORT_ARTICLE = "<html><body><h2>Dyżur Biura Rewitalizacji</h2><p>W piątek biuro jest nieczynne.</p></body></html>"
SENTENCE = "Mieszkańcy Chylonii mogą zgłaszać pomysły na zagospodarowanie podwórek do końca miesiąca. "
UNTITLED_SUBSTANTIAL = f"<html><body><div><p>{SENTENCE * 3}</p></div></body></html>"


@pytest.mark.parametrize("content", [PLAIN_TEXT, NOTHING_ARTICLE_LIKE], ids=["plain text", "navigation only"])
def test_no_article_found_on_stderr_with_exit_1(tmp_path, content):
    page = tmp_path / "page.txt"
    page.write_bytes(content)
    result = run(page, "https://example.org/x")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"kronika: error: no article found in {page}\n")


@pytest.mark.parametrize(
    "content, title",
    [(SHORT_ARTICLE, "Dyżur Biura Rewitalizacji"), (UNTITLED_SUBSTANTIAL, None)],
    ids=["short with a heading", "untitled with a body of substance"],
)
def test_article_like_pages_still_extract(tmp_path, content, title):
    page = tmp_path / "page.html"
    page.write_text(content, encoding="utf-8")
    result = run(page, "https://example.org/x")
    assert (result.exit_code, json.loads(result.stdout)["title"]) == (0, title)
