"""Documents in Datasette, in process: stored copies served safely, the document page, Polish facets, canned query forms."""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
from html import unescape

import pytest
import sqlite_utils

from scraper.archive.files import store_file
from scraper.serve.app import datasette_instance, load_metadata
from scraper.serve.stored_files import content_disposition
from test_datasette_data import XSS_DOCUMENT_TEXT, XSS_ID, add_downloads, build_archive

PLANTY = "przemysl:45707"
HTML_AS_PDF = b"<!doctype html><html><body><script>alert(document.domain)</script></body></html>"
DOCX = b"PK\x03\x04 word/document.xml a stand-in for a DOCX"
SCANNED = "Strona pierwsza skanu.\n\nStrona druga skanu.\n\nStrona trzecia: harmonogram."
SCAN_OFFSETS = [0, 24, 45]
BROKEN = b"%PDF-1.4 broken beyond repair"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def add_attachment(
    db, position: int, filename: str, data: bytes, media_type: str, document: dict | None = None, url: str | None = None
) -> str:
    """`data` stored as the archive's copy of `filename`, attached to the Planty article at `position`."""
    digest = sha(data)
    store_file(db, digest, data, media_type)
    db["attachments"].insert(
        {
            "id": f"{PLANTY}:{position}",
            "article_id": PLANTY,
            "position": position,
            "url": url or f"https://przemysl.pl/uploads/files/{filename}",
            "filename": filename,
            "type": filename.rsplit(".", 1)[-1],
            "download_status": "ok",
            "sha256": digest,
            "fetched_size": len(data),
            "detected_type": media_type,
        }
    )
    if document is not None:
        db["documents"].upsert({"sha256": digest, **document}, pk="sha256")
    return digest


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = add_downloads(build_archive(tmp_path_factory.mktemp("documents") / "archive.db"))
    db = sqlite_utils.Database(path)
    hashes = {
        # The mirror's wrong_type file is never stored: one stored by hand, as a bug or an old archive might.
        "html_as_pdf": add_attachment(db, 10, "uchwala.pdf", HTML_AS_PDF, "wrong_type"),
        "docx": add_attachment(
            db,
            11,
            'Uchwała nr 5 "projekt".docx',
            DOCX,
            "docx",
            {"type": "docx", "pages": 1, "characters": 10, "method": "text", "text": "Uchwała"},
        ),
        "scan": add_attachment(
            db,
            12,
            "skan-harmonogramu.pdf",
            SCANNED.encode(),
            "pdf",
            {
                "type": "pdf",
                "pages": 3,
                "language": "pl",
                "characters": len(SCANNED),
                "method": "ocr",
                "ocr_confidence": 87.4,
                "text": SCANNED,
                "page_offsets": json.dumps(SCAN_OFFSETS),
                "warnings": json.dumps(["removed 2 control characters", "no text found"]),
            },
            url="javascript:alert(1)",
        ),
        "broken": add_attachment(
            db,
            13,
            "zepsuty.pdf",
            BROKEN,
            "pdf",
            {"type": "pdf", "error": "corrupt: PdfReadError: EOF marker not found"},
        ),
    }
    hashes["plan"] = db.execute("select sha256 from attachments where id = ?", [f"{PLANTY}:0"]).fetchone()[0]
    hashes["xss"] = db.execute("select sha256 from attachments where id = ?", [f"{XSS_ID}:0"]).fetchone()[0]
    db.close()
    return path, hashes


@pytest.fixture(scope="module")
def ds(archive):
    return datasette_instance(archive[0])


@pytest.fixture(scope="module")
def hashes(archive):
    return archive[1]


def get(ds, path, **kwargs):
    return asyncio.run(ds.client.get(path, **kwargs))


def stored(ds, digest):
    return get(ds, f"/archive/-/files/{digest}")


def document_html(ds, digest):
    response = get(ds, f"/archive/documents/{digest}")
    assert response.status_code == 200
    return re.search(r'<article class="kronika-article kronika-document".*?</article>', response.text, re.DOTALL).group(
        0
    )


def visible_text(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


# --- stored copies ---


def test_stored_pdf_is_served_inline_as_pdf(ds, hashes):
    response = stored(ds, hashes["scan"])
    assert (response.status_code, response.headers["content-type"], response.content) == (
        200,
        "application/pdf",
        SCANNED.encode(),
    )
    assert response.headers["content-disposition"].startswith("inline;")


def test_html_stored_as_pdf_is_never_served_as_html(ds, hashes):
    response = stored(ds, hashes["html_as_pdf"])
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.headers["content-disposition"].startswith("attachment;")


def test_a_stored_html_media_type_is_not_trusted(tmp_path):
    path = build_archive(tmp_path / "archive.db")
    db = sqlite_utils.Database(path)
    store_file(db, sha(HTML_AS_PDF), HTML_AS_PDF, "text/html")
    db.close()
    response = stored(datasette_instance(path), sha(HTML_AS_PDF))
    assert response.status_code == 200 and response.headers["content-type"] == "application/octet-stream"


def test_docx_is_an_attachment_with_its_polish_file_name(ds, hashes):
    response = stored(ds, hashes["docx"])
    assert response.headers["content-type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert response.headers["content-disposition"] == (
        "attachment; filename=\"Uchwa_a nr 5 _projekt_.docx\"; filename*=UTF-8''Uchwa%C5%82a%20nr%205%20_projekt_.docx"
    )


@pytest.mark.parametrize("name", ["scan", "docx", "html_as_pdf"])
def test_stored_copy_is_sandboxed_and_never_sniffed(ds, hashes, name):
    headers = stored(ds, hashes[name]).headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["content-security-policy"] == "sandbox; default-src 'none'"


def test_stored_copy_is_cached_by_its_hash(ds, hashes):
    headers = stored(ds, hashes["scan"]).headers
    assert headers["etag"] == f'"{hashes["scan"]}"' and "immutable" in headers["cache-control"]


def test_a_cached_copy_is_revalidated_without_its_bytes(ds, hashes):
    response = get(ds, f"/archive/-/files/{hashes['scan']}", headers={"if-none-match": f'"{hashes["scan"]}"'})
    assert (response.status_code, response.content) == (304, b"")


def test_head_sends_the_headers_and_no_body(ds, hashes):
    response = asyncio.run(ds.client.head(f"/archive/-/files/{hashes['scan']}"))
    assert (response.status_code, response.headers["content-length"], response.content) == (
        200,
        str(len(SCANNED.encode())),
        b"",
    )


def test_stored_copies_are_read_only(ds, hashes):
    response = asyncio.run(ds.client.post(f"/archive/-/files/{hashes['scan']}", data={}))
    assert response.status_code == 405


@pytest.mark.parametrize(
    "path",
    [
        "/archive/-/files/" + "0" * 64,
        "/archive/-/files/not-a-hash",
        "/archive/-/files/" + "g" * 64,
        "/nosuchdb/-/files/" + "0" * 64,
    ],
)
def test_unknown_or_malformed_hashes_are_not_found(ds, path):
    assert get(ds, path).status_code == 404


def test_upper_case_hex_finds_the_file(ds, hashes):
    assert stored(ds, hashes["scan"].upper()).content == SCANNED.encode()


def test_a_file_no_attachment_names_is_named_by_its_hash_and_type(tmp_path):
    path = build_archive(tmp_path / "archive.db")
    db = sqlite_utils.Database(path)
    store_file(db, sha(BROKEN), BROKEN, "pdf")
    db.close()
    disposition = stored(datasette_instance(path), sha(BROKEN)).headers["content-disposition"]
    assert disposition.endswith(f"filename*=UTF-8''{sha(BROKEN)[:16]}.pdf")


def test_file_name_loses_quotes_and_path_separators():
    assert (
        content_disposition("image/png", 'a"b/..\\c.png')
        == "inline; filename=\"a_b_.._c.png\"; filename*=UTF-8''a_b_.._c.png"
    )


# --- the document page ---


def test_document_page_is_headed_by_type_and_file_name(ds, hashes):
    assert '<h1><span class="kronika-badge">PDF</span> skan-harmonogramu.pdf</h1>' in document_html(ds, hashes["scan"])


def test_document_page_title_names_the_file(ds, hashes):
    assert (
        "<title>skan-harmonogramu.pdf — dokument — Kronika</title>"
        in get(ds, f"/archive/documents/{hashes['scan']}").text
    )


def test_document_facts_are_in_polish(ds, hashes):
    facts = re.search(r'<p class="kronika-file-facts">(.*?)</p>', document_html(ds, hashes["scan"]), re.DOTALL).group(1)
    assert (
        visible_text(facts)
        == f"stron: 3 język: polski odczyt: OCR (pewność OCR 87%) znaków: {len(SCANNED)} rozmiar {len(SCANNED.encode())} B"
    )


def test_text_is_laid_out_per_page(ds, hashes):
    pages = re.findall(
        r'<h3>(Strona \d)</h3>\s*<div class="kronika-plain">(.*?)</div>', document_html(ds, hashes["scan"])
    )
    assert pages == [
        ("Strona 1", "Strona pierwsza skanu."),
        ("Strona 2", "Strona druga skanu."),
        ("Strona 3", "Strona trzecia: harmonogram."),
    ]


def test_warnings_are_in_polish(ds, hashes):
    warnings = re.search(r'<ul class="kronika-document-warnings">(.*?)</ul>', document_html(ds, hashes["scan"])).group(
        1
    )
    assert visible_text(warnings) == "usunięto 2 znaków sterujących nie znaleziono tekstu"


def test_error_is_in_polish_with_the_recorded_reason(ds, hashes):
    assert "Nie udało się odczytać tekstu: plik jest uszkodzony. (PdfReadError: EOF marker not found)" in visible_text(
        document_html(ds, hashes["broken"])
    )


def test_linking_articles_lead_to_the_article_page_with_its_date(ds, hashes):
    section = re.search(
        r'<section class="kronika-linking-articles">.*?</section>', document_html(ds, hashes["plan"]), re.DOTALL
    ).group(0)
    assert '<a href="/archive/articles/przemysl~3A45707">Rewitalizacja Plant Miejskich w Przemyślu</a>' in section
    assert '<time datetime="2018-10-05T08:39:00+02:00">5 października 2018, 08:39</time>' in section


def test_original_and_stored_copy_are_linked(ds, hashes):
    html = document_html(ds, hashes["plan"])
    assert f'<a href="/archive/-/files/{hashes["plan"]}" rel="nofollow">kopia w archiwum</a>' in html
    assert '<a href="https://przemysl.pl/uploads/files/plan-plant.pdf" rel="noopener noreferrer nofollow">' in html


def test_javascript_original_url_is_not_a_link(ds, hashes):
    assert "javascript:" not in document_html(ds, hashes["scan"])


def test_script_in_the_document_text_shows_as_text(ds, hashes):
    html = document_html(ds, hashes["xss"])
    assert "<script>window" not in html and "&lt;script&gt;window.__pwned=1&lt;/script&gt;Treść uchwały" in html
    assert XSS_DOCUMENT_TEXT in visible_text(html)


def test_document_json_keeps_the_row(ds, hashes):
    row = get(ds, f"/archive/documents/{hashes['scan']}.json?_shape=objects").json()["rows"][0]
    assert (row["method"], row["page_offsets"]) == ("ocr", json.dumps(SCAN_OFFSETS))


# --- the article page ---


def test_article_page_links_the_stored_copy_and_the_document_page(ds, hashes):
    html = get(ds, "/archive/articles/przemysl~3A45707").text
    assert f'<a href="/archive/-/files/{hashes["plan"]}" rel="nofollow">kopia w archiwum</a>' in html
    assert f'<a href="/archive/documents/{hashes["plan"]}">dokument</a>' in html


def test_article_page_reads_the_download_status_in_polish(ds):
    assert "pobieranie: pobrano" in get(ds, "/archive/articles/przemysl~3A45707").text


# --- facets and cells ---


def facet(html, name):
    return visible_text(re.search(rf'id="facet-{name}"[^>]*>(.*?)</ul>', html, re.DOTALL).group(1))


def test_download_status_facet_reads_polish(ds):
    assert facet(get(ds, "/archive/attachments").text, "download_status").startswith("pobieranie 1 pobrano 6")


def test_download_status_cells_read_polish(ds):
    cells = re.findall(
        r'<td class="col-download_status[^"]*">(.*?)</td>', get(ds, "/archive/attachments?download_status=ok").text
    )
    assert cells and set(cells) == {"pobrano"}


def test_download_status_json_keeps_the_code(ds):
    rows = get(ds, "/archive/attachments.json?_shape=objects&download_status=ok").json()["rows"]
    assert {row["download_status"] for row in rows} == {"ok"}


@pytest.mark.parametrize(
    "name, buckets",
    [
        ("type", "typ pliku 2 pdf 4 docx 1"),
        ("method", "odczyt tekstu 2 OCR 1 warstwa tekstowa 1"),
        ("language", "język 1 polski 1"),
    ],
)
def test_documents_are_faceted_by_type_method_and_language_in_polish(ds, name, buckets):
    assert facet(get(ds, "/archive/documents").text, name) == buckets


# --- canned queries ---


def canned_queries():
    return load_metadata()["databases"]["archive"]["queries"]


def test_every_canned_query_hides_its_sql():
    assert [name for name, query in canned_queries().items() if query.get("hide_sql") is not True] == []


def test_canned_query_opens_on_its_form_and_results_with_the_sql_collapsed(ds):
    html = get(ds, "/archive/articles_with_attachments?type=pdf").text
    assert re.search(
        r'<details class="kronika-sql">\s*<summary>Pokaż SQL</summary>\s*<pre id="sql-query"[^>]*>select', html
    )
    assert 'id="sql-editor"' not in html and '<input type="text" id="qp1" name="type" value="pdf">' in html
    assert "Plan zagospodarowania" in html


def test_show_sql_opens_the_collapsed_sql(ds):
    assert (
        '<details class="kronika-sql" open>' in get(ds, "/archive/articles_with_attachments?type=pdf&_show_sql=1").text
    )


def test_arbitrary_sql_keeps_the_editor(ds):
    html = get(ds, "/archive?sql=select+1").text
    assert 'id="sql-editor"' in html and "kronika-sql" not in html
