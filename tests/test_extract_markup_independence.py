"""Pages in deliberately different markup (tests/pages/) still yield the right fields."""

from pathlib import Path

import pytest

from scraper.extract import extract_article

PAGES = Path(__file__).parent / "pages"
CHROME = (
    "°C",
    "Wyszukaj w serwisie",
    "Opublikował",
    "Data publikacji",
    "Autor:",
    "Opublikowano",
    "#projekt",
    "POBIERZ PLIK",
    "Plakat_",
    "(1,65MB)",
    "ikona",
)

# page file -> (URL it is read as, expected fields)
CASES = {
    "table_footer.html": (
        "https://przemysl.pl/46001/nowy-skwer.html",
        {
            "id": "przemysl:46001",
            "title": "Nowy skwer na Zasaniu",
            "author": "Jan Kowalski",
            "published_at": "2019-03-14T09:05:00+01:00",
            "modified_at": "2019-07-15T10:00:00+02:00",
            "modified_by": "Ewa Nowak",
            "publisher": "Urząd Miejski w Przemyślu",
            "revitalisation": True,
            "attachments": [
                {
                    "url": "https://przemysl.pl/uploads/files/skwer.pdf",
                    "filename": "skwer.pdf",
                    "title": "Plan skweru",
                    "type": "pdf",
                    "size_bytes": 1730150,
                },
                {
                    "url": "https://przemysl.pl/uploads/files/zdjecie.jpg",
                    "filename": "zdjecie.jpg",
                    "title": None,
                    "type": "jpg",
                    "size_bytes": 168120,
                },
            ],
        },
    ),
    "dl_meta.html": (
        "https://rewitalizacja.sopot.pl/festyn-na-oksywiu/",
        {
            "title": "Festyn sąsiedzki na Oksywiu",
            "author": "Marta Wiśniewska",
            "modified_by": "Piotr Zieliński",
            "published_at": "2022-06-04T10:15:00+02:00",
            "modified_at": "2022-06-05T08:00:00+02:00",
            "site": None,
            "publisher": None,
            "attachments": [
                {
                    "url": "https://rewitalizacja.sopot.pl/storage/uzytkownicy/lis/festyn/program.pdf",
                    "filename": "program.pdf",
                    "title": None,
                    "type": "pdf",
                    "size_bytes": None,
                }
            ],
        },
    ),
    "bare_divs_br.html": (
        "http://example.org/aktualnosci/spotkanie-komitetu-12",
        {
            "id": "example.org:12",
            "title": "Spotkanie Komitetu Rewitalizacji",
            "author": "Tomasz Lis",
            "published_at": "2020-01-21T13:40:00+01:00",
            "modified_at": None,
            "attachments": [
                {
                    "url": "http://example.org/pliki/porzadek.pdf",
                    "filename": "porzadek.pdf",
                    "title": "Porządek obrad",
                    "type": "pdf",
                    "size_bytes": None,
                }
            ],
        },
    ),
    "strong_labels.html": (
        "https://example.com/news/remont",
        {
            "title": "Remont kamienicy przy Rynku",
            "author": "Adam Nowicki",
            "published_at": "2016-05-02T11:30:00+02:00",
            "revitalisation": False,
        },
    ),
    "machine_dates.html": (
        "https://gmina.example.pl/artykul/123/nowe-lawki",
        {
            "id": "gmina.example.pl:123",
            "title": "Nowe ławki w parku miejskim",
            "author": "Karolina Mazur",
            "published_at": "2019-07-01T10:00:00+02:00",
            "modified_at": "2019-07-02T10:30:00+02:00",
            "publisher": "Urząd Gminy Przykładowo",
            "lead": "W parku miejskim stanęło dwadzieścia nowych ławek oraz stojaki na rowery dla odwiedzających.",
        },
    ),
    "time_only.html": (
        "https://example.net/drogi",
        {
            "title": "Zimowe utrzymanie dróg",
            "published_at": "2020-01-15T07:45:00+01:00",
            "modified_at": "2020-01-16T09:00:00+01:00",
            "author": None,
            "lead": "Służby miejskie są w gotowości do zimowego utrzymania dróg. Na ulice wyjadą piaskarki i pługi.",
        },
    ),
    "seed_przemysl.html": (
        "https://przemysl.pl/45707/spolecznie-zorganizowani.html",
        {
            "id": "przemysl:45707",
            "author": "Rafał Porada",
            "published_at": "2018-10-05T08:39:00+02:00",
            "modified_at": None,
            "publisher": "Urząd Miejski w Przemyślu",
            "revitalisation": True,
            "title": "„Społecznie Zorganizowani – model aktywizacji i rewitalizacji społecznej oparty o ideę "
            "Community Organising”",
        },
    ),
    "seed_gdynia.html": (
        "https://www.gdynia.pl/rewitalizacja/aktualnosci,3963/modelownia-dla-mlodziezy,562076",
        {
            "id": "gdynia:562076",
            "title": "Modelownia dla młodzieży",
            "author": "Aleksandra Dylejko",
            "modified_by": "Aleksandra Dylejko",
            "published_at": "2021-12-10T12:50:00+01:00",
            "modified_at": "2021-12-10T12:51:00+01:00",
            "tags": ["projekt", "FFW"],
            "publisher": "Urząd Miasta Gdyni",
            "revitalisation": True,
        },
    ),
}
BODY_CONTAINS = {
    "table_footer.html": ["Zapraszamy do odpoczynku w cieniu nowych drzew."],
    "dl_meta.html": ["W programie warsztaty, koncert i wspólne gotowanie."],
    "bare_divs_br.html": ["sprawozdanie z realizacji Gminnego Programu Rewitalizacji"],
    "strong_labels.html": ["chodnik przy budynku będzie częściowo wyłączony"],
    "machine_dates.html": ["Zakup sfinansowano z budżetu obywatelskiego"],
    "time_only.html": ["Prosimy kierowców o ostrożność"],
    "seed_przemysl.html": [
        "Zapraszamy!",
        "[1] Organizacje pozarządowe",
        "W ramach projektu sześciu mieszkańców Przemyśla ukończy szkolenie",
    ],
    "seed_gdynia.html": ["pracowników domów sąsiedzkich Przystań", "Całość zamykają przykładowe scenariusze"],
}


def extracted(name: str) -> dict:
    url, _ = CASES[name]
    return extract_article((PAGES / name).read_bytes(), url)


@pytest.mark.parametrize("name, field", [(name, field) for name, (_, expected) in CASES.items() for field in expected])
def test_field(name, field):
    assert extracted(name)[field] == CASES[name][1][field]


@pytest.mark.parametrize("name, text", [(name, text) for name, texts in BODY_CONTAINS.items() for text in texts])
def test_body_keeps_article_text(name, text):
    assert text in extracted(name)["body_text"]


@pytest.mark.parametrize("name, chrome", [(name, chrome) for name in CASES for chrome in CHROME])
def test_body_has_no_chrome(name, chrome):
    assert chrome not in extracted(name)["body_text"]


def test_body_does_not_repeat_the_title():
    item = extracted("seed_gdynia.html")
    assert not item["body_text"].startswith(item["title"])


@pytest.mark.parametrize("name", ["table_footer.html", "seed_przemysl.html"])
def test_site_layer_misses_are_reported_as_fallbacks(name):
    assert {"title", "published_at", "body_text", "author"} <= set(extracted(name)["extraction"]["fallbacks"])


def test_unknown_host_records_no_fallbacks():
    assert extracted("dl_meta.html")["extraction"]["fallbacks"] == []


def test_machine_layers_are_recorded():
    layers = extracted("machine_dates.html")["extraction"]["fields"]
    assert (layers["published_at"], layers["modified_at"], layers["author"]) == ("meta", "jsonld", "jsonld")
