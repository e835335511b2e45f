"""A small hand-made archive for the Datasette and browser tests, and checks that it is what they expect."""

from __future__ import annotations

import hashlib

import sqlite_utils

from factories import make_attachment, make_item
from scraper.archive import Archive
from scraper.archive.downloads import store_document
from scraper.archive.files import store_file
from scraper.extract.documents.result import DocumentResult

XSS_ID = "gdynia:562400"
CHANGED_ID = "gdynia:562200"
# Planted as if an extractor had let them through: the served pages must never run them.
XSS_TITLE = 'Uwaga <script>alert(1)</script> na <img src=x onerror="window.__pwned=1"> Witominie'
XSS_AUTHOR = '<img src=x onerror="window.__pwned=1">Jan'
XSS_TAG = "<script>window.__pwned=1</script>"
XSS_ATTACHMENT = {
    "url": "javascript:window.__pwned=1",
    "filename": "x.pdf",
    "type": "pdf",
    "size_bytes": 2048,
    "title": '<img src=x onerror="window.__pwned=1">Plan',
}
XSS_DOCUMENT_TEXT = "<script>window.__pwned=1</script>Treść uchwały"
XSS_BODY_HTML = (
    "<p>Spotkanie w sprawie rewitalizacji Witomina.</p><script>window.__pwned=1;alert(1)</script>"
    '<img src=x onerror="window.__pwned=1"><p onclick="window.__pwned=1">Zapraszamy mieszkańców.</p>'
)


def article(site: str, number: int, title: str, body: str, published_at: str, **fields) -> dict:
    """An item of this archive: the lead is the body's first paragraph; no tags, attachments or images unless given."""
    defaults = {
        "lead": body.split("\n\n")[0],
        "tags": [],
        "attachments": [],
        "images": [],
        "fetched_at": "2024-05-01T10:00:00Z",
        "extraction": {"fields": {"title": "site", "body_text": "site"}, "warnings": []},
    }
    return make_item(
        f"{site}:{number}", title=title, body_text=body, published_at=published_at, **{**defaults, **fields}
    )


def items() -> list[dict]:
    """Both sites, 2018–2024, inflected Polish, attachments of several types, tags, one XSS payload."""
    return [
        article(
            "przemysl",
            45707,
            "Rewitalizacja Plant Miejskich w Przemyślu",
            "Rozpoczęła się rewitalizacja Plant Miejskich.\n\nPrace potrwają do jesieni, a plac zabaw wróci wiosną.",
            "2018-10-05T08:39:00+02:00",
            attachments=[
                make_attachment("przemysl", "plan-plant.pdf", "Plan zagospodarowania", 1730150),
                make_attachment("przemysl", "wizualizacja.jpg", None, 168120),
                make_attachment("przemysl", "harmonogram.pdf", "Harmonogram prac"),
            ],
        ),
        article(
            "przemysl",
            45800,
            "Konsultacje programu rewitalizacji Przemyśla",
            "Zapraszamy na konsultacje Gminnego Programu Rewitalizacji.\n\nUwagi można składać do końca miesiąca.",
            "2019-03-12T10:00:00+01:00",
            attachments=[make_attachment("przemysl", "formularz.docx", "Formularz uwag", 24576)],
        ),
        article(
            "przemysl",
            46000,
            "Przemyśl i Łódź podpisały porozumienie",
            "Prezydenci miast podpisali porozumienie o współpracy.\n\nŁódź podzieli się doświadczeniem z odnowy kamienic.",
            "2020-01-01T00:30:00+01:00",
            revitalisation=False,
            topics=[],
        ),
        article(
            "przemysl",
            46100,
            "Koncert w Rynku",
            "W sobotę na Rynku zagra orkiestra.\n\nWstęp wolny.",
            "2021-06-19T18:00:00+02:00",
            revitalisation=False,
            topics=[],
            author=None,
        ),
        article(
            "gdynia",
            562076,
            "Modelownia dla młodzieży",
            "Publikacja zbiera dobre praktyki pracy z młodzieżą na obszarze rewitalizacji.\n\n"
            "Projekt prowadziło Laboratorium Innowacji Społecznych.",
            "2021-12-10T12:50:00+01:00",
            tags=["projekt", "FFW"],
            subtitle="MODELOWE ROZWIĄZANIA W PRACY Z MŁODZIEŻĄ",
            attachments=[make_attachment("gdynia", "uzytkownicy/u1/modelownia.pdf")],
        ),
        article(
            "gdynia",
            562100,
            "Gdynia OdNowa: nowe centrum sąsiedzkie na Oksywiu",
            "Przystań na Oksywiu otwiera się dla mieszkańców.\n\nProgram Gdynia OdNowa obejmuje sześć obszarów.",
            "2022-04-20T09:15:00+02:00",
            tags=["projekt", "Oksywie"],
            images=[
                {
                    "url": "https://www.gdynia.pl/storage/oksywie.jpg",
                    "caption": "Przystań Oksywie",
                    "credit": "fot. Jan Kowalski",
                }
            ],
        ),
        article(
            "gdynia",
            562200,
            "Spacer badawczy po Chylonii",
            "Mieszkańcy Chylonii spotkali się na spacerze badawczym.\n\nWnioski trafią do projektantów.",
            "2023-05-10T17:00:00+02:00",
            tags=["spacer"],
        ),
        article(
            "gdynia",
            562300,
            "Mieszkańcy wybrali projekty",
            "W głosowaniu wzięło udział ponad tysiąc osób.\n\nZwycięskie projekty zostaną zrealizowane w Babich Dołach.",
            "2023-05-28T11:00:00+02:00",
            attachments=[make_attachment("gdynia", "uzytkownicy/u1/wyniki.xlsx", None, 10240)],
        ),
        article(
            "gdynia",
            562400,
            XSS_TITLE,
            "Spotkanie w sprawie rewitalizacji Witomina.\n\nZapraszamy mieszkańców.",
            "2024-02-02T10:00:00+01:00",
            body_html=XSS_BODY_HTML,
            author=XSS_AUTHOR,
            tags=[XSS_TAG],
            attachments=[XSS_ATTACHMENT],
        ),
    ]


def changed_version() -> dict:
    """A later fetch of CHANGED_ID whose content differs: the archive keeps both versions."""
    first = next(item for item in items() if item["id"] == CHANGED_ID)
    return {
        **first,
        "title": "Spacer badawczy po Chylonii — relacja",
        "body_text": first["body_text"] + "\n\nRelację przygotował zespół LIS.",
        "modified_at": "2023-05-12T08:00:00+02:00",
        "fetched_at": "2024-05-02T10:00:00Z",
    }


def build_archive(path) -> str:
    """Store the test items (and the changed version) in a new archive at `path`; returns `path` as str."""
    archive = Archive(str(path))
    with archive.batch():
        for item in items():
            archive.store(item)
    archive.store(changed_version())
    archive.db.close()
    return str(path)


# The plan's pages: "kasztanowców" is only in its second page, nowhere in the article.
PLAN_PAGES = ("Plan zagospodarowania Plant.\nEtap I.", "Nasadzenia kasztanowców wzdłuż alei.", "Odbiór prac jesienią.")
PDF_ONLY_WORD = "kasztanowce"


def _document(text_pages: tuple[str, ...]) -> tuple[str, list[int]]:
    # Pages separated by a blank line, as the extractors join them.
    text, offsets = "", []
    for page in text_pages:
        text += "\n\n" if text else ""
        offsets.append(len(text))
        text += page
    return text, offsets


def add_downloads(path) -> str:
    """The archive at `path` with two attachments downloaded: stored files and their `documents` rows (indexed)."""
    db = sqlite_utils.Database(path)
    for number, (attachment_id, pages) in enumerate(
        [("przemysl:45707:0", PLAN_PAGES), (f"{XSS_ID}:0", (XSS_DOCUMENT_TEXT,))]
    ):
        text, offsets = _document(pages)
        data = text.encode()
        digest = hashlib.sha256(data).hexdigest()
        store_file(db, digest, data, "application/pdf")
        db["attachments"].update(
            attachment_id,
            {"download_status": "ok", "sha256": digest, "fetched_size": 1700000 + number, "detected_type": "pdf"},
        )
        store_document(
            db,
            DocumentResult(
                sha256=digest,
                type="pdf",
                pages=len(pages),
                text=text,
                characters=len(text),
                page_offsets=tuple(offsets),
            ),
        )
    db.close()
    return str(path)


def test_builds_two_versions_of_the_changed_article(tmp_path):
    db = sqlite_utils.Database(build_archive(tmp_path / "archive.db"))
    assert db["article_versions"].count_where("article_id = ?", [CHANGED_ID]) == 2


def test_keeps_the_planted_payload_unsanitised(tmp_path):
    db = sqlite_utils.Database(build_archive(tmp_path / "archive.db"))
    assert "<script>" in db["articles"].get(XSS_ID)["body_html"]


def test_items_cover_both_sites():
    assert {item["site"] for item in items()} == {"przemysl", "gdynia"}
