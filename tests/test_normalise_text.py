"""Text rendering, label finding, chrome lines, sanitised HTML and language detection."""

import pytest
from lxml import html

from scraper.extract.body import body_html, body_text, cleaned_copy, is_dropped_line
from scraper.extract.labels import find_labels
from scraper.extract.language import declared_language, guess_language
from scraper.extract.textlines import render_lines, render_text

BASE = "https://przemysl.pl/1/a.html"


def fragment(markup: str) -> html.HtmlElement:
    return html.fragment_fromstring(markup, create_parent="div")


@pytest.mark.parametrize(
    "markup, expected",
    [
        ("<p>Jeden&nbsp;&nbsp; dwa</p><p>trzy</p>", "Jeden dwa\n\ntrzy"),
        ("<p>Jan Kowalski<br>Kancelaria Prezydenta Miasta</p>", "Jan Kowalski\nKancelaria Prezydenta Miasta"),
        ("<table><tr><td>Autor:</td><td>Jan</td></tr></table>", "Autor:\tJan"),
        ("<dl><dt>Autor:</dt><dd>Jan</dd></dl>", "Autor:\tJan"),
        ("<p><strong>Autor</strong><span>Jan</span></p>", "Autor Jan"),
        ("<p>a<script>var x;</script>b<style>p{}</style></p>", "ab"),
    ],
)
def test_render_text_layout(markup, expected):
    assert render_text(fragment(markup)) == expected


def test_render_text_excludes_the_elements_tail():
    element = fragment("<span>PDF</span> Tytuł")[0]
    assert render_text(element) == "PDF"


@pytest.mark.parametrize(
    "lines, expected",
    [
        (
            ["Opublikował: Rafał Porada | Data publikacji: 05-10-2018 08:39"],
            {"author": "Rafał Porada", "published": "05-10-2018 08:39"},
        ),
        (["Opublikował:  | Data publikacji: 05-10-2018 08:39"], {"author": "", "published": "05-10-2018 08:39"}),
        (
            ["Modyfikował: Anna Nowak | Data modyfikacji: 06-10-2018 10:00"],
            {"modified_by": "Anna Nowak", "modified": "06-10-2018 10:00"},
        ),
        (
            [
                "Opublikowano:\t10.12.2021 12:50",
                "Autor:\tAleksandra Dylejko",
                "Zaktualizowano:\t10.12.2021 12:51",
                "Zmodyfikował:\tAleksandra Dylejko",
            ],
            {
                "published": "10.12.2021 12:50",
                "author": "Aleksandra Dylejko",
                "modified": "10.12.2021 12:51",
                "modified_by": "Aleksandra Dylejko",
            },
        ),
        (
            ["Autor:", "Jan Kowalski", "Data publikacji:", "01.02.2020"],
            {"author": "Jan Kowalski", "published": "01.02.2020"},
        ),
        (
            ["Opublikował: Jan Kowalski Data publikacji: 05-10-2018"],
            {"author": "Jan Kowalski", "published": "05-10-2018"},
        ),
        (["Autor zdjęć jest nieznany.", "Autorem tekstu jest Jan."], {}),
    ],
)
def test_find_labels(lines, expected):
    assert {role: hit.value for role, hit in find_labels(lines).items()} == expected


@pytest.mark.parametrize(
    "line",
    [
        "9 °C",
        "PL",
        "PL / EN / DE",
        "×",
        "Wyszukaj w serwisie",
        "ikona",
        "#projekt",
        "29.03.2021 r.",
        "Plakat_Spolecznie_Zorganizowani.jpeg",
        "PDFPOBIERZ PLIK - Informacja",
        "JPGNULL (164,18KB)",
        "/storage/uzytkownicy/u1/f/plik.pdf",
        "Opublikował: Jan | Data publikacji: 05-10-2018 08:39",
        "Opublikowano:\t10.12.2021 12:50",
    ],
)
def test_chrome_and_metadata_lines_are_dropped(line):
    assert is_dropped_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Zapraszamy!",
        "[1] Organizacje pozarządowe",
        "Kancelaria Prezydenta Miasta",
        "PDF to format plików.",
        "Temperatura wyniesie 9 °C w nocy.",
    ],
)
def test_article_lines_are_kept(line):
    assert not is_dropped_line(line)


def test_body_text_drops_banner_paragraph():
    container = cleaned_copy(fragment("<p>Utrudnienia na Morskiej. Szczegóły w komunikacie.</p><p>Treść.</p>"))
    assert body_text([container]) == "Treść."


@pytest.mark.parametrize("forbidden", ["<script", "onerror", "javascript:", "<style", "onclick"])
def test_body_html_is_sanitised(forbidden):
    container = fragment(
        '<p onclick="x()">A <a href="javascript:alert(1)">b</a></p><script>alert(1)</script>'
        '<style>p{}</style><img src=x onerror="alert(1)">'
    )
    assert forbidden not in (body_html([container], BASE) or "")


def test_body_html_makes_links_absolute():
    assert 'href="https://przemysl.pl/uploads/a.pdf"' in body_html(
        [fragment('<p><a href="/uploads/a.pdf">a</a></p>')], BASE
    )


def test_render_lines_skips_blank_lines():
    assert render_lines(fragment("<p>a</p><p> </p><p>b</p>")) == ["a", "b"]


@pytest.mark.parametrize(
    "declarations, expected",
    [
        (("pl-PL",), "pl"),
        ((None, "en_GB"), "en"),
        (("", None, "de"), "de"),
        (("fr",), None),
    ],
)
def test_declared_language(declarations, expected):
    assert declared_language(*declarations) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Prezydent miasta zaprasza mieszkańców do udziału w konsultacjach, które są ważne dla nas i dla miasta.",
            "pl",
        ),
        ("The Mayor presented the programme of the city and the plans for the riverside in Brussels.", "en"),
        ("Der Bürgermeister stellte das Programm der Stadt und die Pläne für den Fluss vor, die auch neu sind.", "de"),
        ("Przemyśl", None),
    ],
)
def test_guess_language(text, expected):
    assert guess_language(text) == expected
