"""kronika warc: WARC/1.1 export (records, revisits, marks, streaming), import, and the round trip."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from crawling import run_crawl
from export_memory import export_peak_bytes
from factories import make_item, make_page
from scraper.archive import Archive
from scraper.archive.warc import FETCH_MARK_HEADER, export_warc
from scraper.archive.warc_import import import_warc
from scraper.cli import main
from scraper.mirror.server import MirrorServer
from scraper.mirror.site import build_routes, bundled_articles

BIN = Path(sys.executable).parent
CHANGED_ID, SHRUNK_ID = "546990", "42350"


def html_page(item, text: str):
    return make_page(item, body=f"<html><body><h1>{item['title']}</h1><p>{text}</p></body></html>".encode())


@pytest.fixture
def archive():
    return Archive(sqlite_utils.Database(memory=True))


def records(path) -> list:
    with open(path, "rb") as stream:
        return [
            (record.rec_type, dict(record.rec_headers.headers), record.content_stream().read())
            for record in ArchiveIterator(stream)
        ]


def exported(archive, tmp_path, **filters) -> list:
    path = tmp_path / "out.warc.gz"
    with open(path, "wb") as out:
        export_warc(archive.db, out, path.name, **filters)
    return records(path)


def test_first_record_is_warcinfo_naming_kronika(archive, tmp_path):
    kind, _headers, body = exported(archive, tmp_path)[0]
    assert (kind, b"software: Kronika 0.1.0" in body) == ("warcinfo", True)


def test_records_are_warc_1_1(archive, tmp_path):
    item = make_item()
    archive.store(item, html_page(item, "Treść"))
    with open(tmp_path / "a.warc.gz", "wb") as out:
        export_warc(archive.db, out)
    with open(tmp_path / "a.warc.gz", "rb") as stream:
        assert {record.rec_headers.protocol for record in ArchiveIterator(stream)} == {"WARC/1.1"}


def test_response_carries_live_url_fetch_time_and_body(archive, tmp_path):
    item = make_item("gdynia:7", fetched_at="2024-03-05T06:07:08.123456Z")
    page = html_page(item, "Zażółć gęślą jaźń")
    archive.store(item, page)
    kind, headers, body = exported(archive, tmp_path)[1]
    assert (kind, headers["WARC-Target-URI"], headers["WARC-Date"], body) == (
        "response",
        item["url"],
        "2024-03-05T06:07:08.123456Z",
        page["body"],
    )


def test_response_has_digests(archive, tmp_path):
    item = make_item()
    archive.store(item, html_page(item, "Treść"))
    headers = exported(archive, tmp_path)[1][1]
    assert headers["WARC-Payload-Digest"].startswith("sha1:") and headers["WARC-Block-Digest"].startswith("sha1:")


def test_http_head_rebuilt_from_stored_status_and_headers(archive, tmp_path):
    item = make_item(http_status=200)
    page = html_page(item, "Treść")
    page["headers"] = {**page["headers"], "Content-Encoding": "gzip", "Content-Length": "12"}
    archive.store(item, page)
    with open(tmp_path / "a.warc.gz", "wb") as out:
        export_warc(archive.db, out)
    with open(tmp_path / "a.warc.gz", "rb") as stream:
        response = [record for record in ArchiveIterator(stream) if record.rec_type == "response"][0]
    head = response.http_headers
    assert (
        head.statusline,
        head.get_header("Content-Encoding"),
        head.get_header("Content-Length"),
        head.get_header("ETag"),
    ) == ("200 OK", None, str(len(page["body"])), '"v1"')


def test_identical_payload_later_becomes_revisit_of_first(archive, tmp_path):
    first = make_item("gdynia:1", fetched_at="2024-01-01T10:00:00Z")
    later = make_item("gdynia:2", fetched_at="2024-02-01T10:00:00Z")
    for item in (later, first):  # stored out of order: records still follow fetch time
        archive.store(item, make_page(item))
    (_, first_headers, _), (kind, headers, _) = exported(archive, tmp_path)[1:]
    assert (
        kind,
        headers["WARC-Profile"],
        headers["WARC-Refers-To-Target-URI"],
        headers["WARC-Refers-To-Date"],
        headers["WARC-Payload-Digest"],
    ) == (
        "revisit",
        "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
        first["url"],
        "2024-01-01T10:00:00Z",
        first_headers["WARC-Payload-Digest"],
    )


def test_distinct_payloads_are_all_responses(archive, tmp_path):
    for number in range(3):
        item = make_item(f"gdynia:{number}")
        archive.store(item, html_page(item, f"Artykuł {number}"))
    assert [kind for kind, _, _ in exported(archive, tmp_path)] == ["warcinfo"] + ["response"] * 3


def test_degraded_fetch_included_and_marked(archive, tmp_path):
    item = make_item()
    archive.store(item, html_page(item, "Pełna treść"))
    error = make_item(title="404 Nie znaleziono", body_text="", http_status=404, fetched_at="2024-02-01T00:00:00Z")
    archive.store(error, html_page(error, "Błąd"))
    marks = [headers.get(FETCH_MARK_HEADER) for kind, headers, _ in exported(archive, tmp_path)[1:]]
    assert marks == [None, "degraded"]


def test_site_filter_like_export(archive, tmp_path):
    for article_id in ("gdynia:1", "przemysl:2"):
        item = make_item(article_id, site=article_id.split(":")[0])
        archive.store(item, html_page(item, article_id))
    uris = [headers["WARC-Target-URI"] for _, headers, _ in exported(archive, tmp_path, site="przemysl")[1:]]
    assert uris == [make_item("przemysl:2")["url"]]


def test_since_filter_on_published_date(archive, tmp_path):
    for number, published in ((1, "2020-01-01T10:00:00+01:00"), (2, "2023-01-01T10:00:00+01:00")):
        item = make_item(f"gdynia:{number}", published_at=published)
        archive.store(item, html_page(item, str(number)))
    uris = [headers["WARC-Target-URI"] for _, headers, _ in exported(archive, tmp_path, since="2022-01-01")[1:]]
    assert uris == [make_item("gdynia:2")["url"]]


def peak_export_bytes(pages: int) -> int:
    archive = Archive(sqlite_utils.Database(memory=True))
    for number in range(pages):
        item = make_item(f"gdynia:{number}")
        archive.store(item, html_page(item, os.urandom(23 * 1024).hex()))  # barely compressible: 46 KB stored as ~25
    return export_peak_bytes(archive.db)


def test_export_memory_flat_in_number_of_pages():
    # 200 pages of ~46 KB are ~9 MB of bodies (~5 MB compressed); streaming holds one at a time.
    assert peak_export_bytes(200) < peak_export_bytes(1) + 512 * 1024


def test_cli_needs_output_or_import(tmp_path):
    Archive(tmp_path / "a.db")
    result = CliRunner().invoke(main, ["warc", "--db", str(tmp_path / "a.db")])
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        1,
        "kronika: error: give -o FILE.warc.gz to export, or --import FILE.warc.gz",
    )


def test_cli_export_reports_counts(tmp_path):
    archive = Archive(tmp_path / "a.db")
    item = make_item()
    archive.store(item, html_page(item, "Treść"))
    result = CliRunner().invoke(main, ["warc", "--db", str(tmp_path / "a.db"), "-o", str(tmp_path / "a.warc.gz")])
    assert result.output == f"wrote 1 responses and 0 revisits (0 marked) to {tmp_path / 'a.warc.gz'}\n"


def test_import_rejects_a_file_that_is_no_warc(tmp_path):
    (tmp_path / "x.warc.gz").write_bytes(b"not a warc")
    result = CliRunner().invoke(main, ["warc", "--db", str(tmp_path / "a.db"), "--import", str(tmp_path / "x.warc.gz")])
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1


# --- a real mirror crawl: two crawls (a changed article, a shrunk one), export, import, replay -----------------


def changed_routes():
    """The bundled mirror with one Gdynia article rewritten and one Przemyśl article's body cut short."""
    specs = bundled_articles()

    def edit(site, article_id, **changes):
        return [dataclasses.replace(spec, **changes) if spec.article_id == article_id else spec for spec in specs[site]]

    gdynia = edit(
        "gdynia",
        CHANGED_ID,
        body=next(s for s in specs["gdynia"] if s.article_id == CHANGED_ID).body
        + ("Dodano nowy akapit o zieleni na Witominie.",),
    )
    przemysl = edit("przemysl", SHRUNK_ID, body=("Krótko.",))
    return build_routes(przemysl=przemysl, gdynia=gdynia)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory, reference_crawl):
    """An archive from a crawl and a --full re-crawl of a changed mirror, and its WARC export."""
    root = tmp_path_factory.mktemp("warc")
    assert reference_crawl.result.returncode == 0
    db = reference_crawl.copy(root)
    with MirrorServer(routes=changed_routes()) as changed:
        assert run_crawl(db, changed.base_url, "--full").returncode == 0
    warc = root / "archive.warc.gz"
    result = CliRunner().invoke(main, ["warc", "--db", str(db), "-o", str(warc)])
    assert result.exit_code == 0, result.output
    return db, warc


def rows(db_path, sql):
    return sqlite_utils.Database(db_path).execute(sql).fetchall()


ARTICLES = "SELECT * FROM articles ORDER BY id"
VERSIONS = "SELECT * FROM article_versions ORDER BY article_id, version"
PAGES = (
    "SELECT article_id, sha256, url, status, fetched_at, degraded, version, etag, last_modified "
    "FROM pages ORDER BY article_id, sha256"
)


@pytest.mark.slow
def test_mirror_archive_has_a_second_version_and_a_degraded_fetch(crawled):
    db, _ = crawled
    assert (
        rows(db, "SELECT version FROM articles WHERE id = 'gdynia:546990'"),
        rows(db, "SELECT count(*) FROM pages WHERE degraded = 1"),
    ) == ([(2,)], [(1,)])


@pytest.mark.slow
@pytest.mark.parametrize("tool", ["check", "index"])
def test_warcio_accepts_export(crawled, tool):
    _, warc = crawled
    completed = subprocess.run([str(BIN / "warcio"), tool, str(warc)], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stdout + completed.stderr


@pytest.mark.slow
def test_export_has_one_response_per_stored_page_and_per_stored_file(crawled):
    db, warc = crawled
    kinds = [kind for kind, _, _ in records(warc)]
    files = rows(db, "SELECT count(*) FROM files")[0][0]
    assert files > 0 and kinds.count("response") == rows(db, "SELECT count(*) FROM pages")[0][0] + files


@pytest.fixture(scope="module")
def reimported(crawled, tmp_path_factory):
    _, warc = crawled
    db = tmp_path_factory.mktemp("reimport") / "archive.db"
    result = CliRunner().invoke(main, ["warc", "--db", str(db), "--import", str(warc)])
    assert result.exit_code == 0, result.output
    return db, result.output


@pytest.mark.slow
@pytest.mark.parametrize("sql", [ARTICLES, VERSIONS, PAGES], ids=["articles", "versions", "pages"])
def test_export_then_import_gives_same_rows(crawled, reimported, sql):
    assert rows(reimported[0], sql) == rows(crawled[0], sql)


FILES = "SELECT sha256, media_type, size, compression, data FROM files ORDER BY sha256"  # not stored_at: when
DOCUMENTS = "SELECT * FROM documents ORDER BY sha256"
LINKS = "SELECT article_id, url, sha256 FROM attachments WHERE sha256 IS NOT NULL ORDER BY article_id, url"


@pytest.mark.slow
@pytest.mark.parametrize("sql", [FILES, DOCUMENTS, LINKS], ids=["files", "documents", "attachment links"])
def test_export_then_import_gives_same_files_and_documents(crawled, reimported, sql):
    assert rows(reimported[0], sql) == rows(crawled[0], sql)


@pytest.mark.slow
def test_import_summary_line(crawled, reimported):
    pages = rows(crawled[0], "SELECT count(*) FROM pages")[0][0]
    assert reimported[1].startswith(f"imported {pages} captures: new 32, changed 1, unchanged 0, degraded 1, failed 0")


def foreign_warc(path, captures):
    """A WARC as another crawler writes it: request/response pairs, non-article pages, a revisit."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, date, status, content_type, body in captures:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "www.gdynia.pl")], is_http_request=True)
            writer.write_record(
                writer.create_warc_record(url, "request", http_headers=request, warc_headers_dict={"WARC-Date": date})
            )
            head = StatusAndHeaders(f"{status} X", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=BytesIO(body),
                    length=len(body),
                    http_headers=head,
                    warc_headers_dict={"WARC-Date": date},
                )
            )


GDYNIA_URL = "https://www.gdynia.pl/rewitalizacja/aktualnosci,3963/przystan,1234"
ARTICLE_HTML = (
    "<html><head><title>Przystań na Oksywiu</title></head><body><article><h1>Przystań na Oksywiu</h1>"
    + "<p>Mieszkańcy Oksywia otworzyli przystań sąsiedzką przy ulicy Dickmana.</p>" * 6
    + "</article></body></html>"
).encode()


def test_import_takes_capture_time_as_fetched_at(tmp_path, archive):
    foreign_warc(tmp_path / "f.warc.gz", [(GDYNIA_URL, "2023-05-06T07:08:09Z", 200, "text/html", ARTICLE_HTML)])
    import_warc(archive, tmp_path / "f.warc.gz")
    assert archive.db.execute("SELECT fetched_at, url FROM pages").fetchall() == [("2023-05-06T07:08:09Z", GDYNIA_URL)]


def test_import_skips_and_counts_what_is_not_an_article(tmp_path, archive):
    foreign_warc(
        tmp_path / "f.warc.gz",
        [
            (
                "https://www.gdynia.pl/rewitalizacja/aktualnosci,3963",
                "2023-05-06T07:08:09Z",
                200,
                "text/html",
                b"<p>x</p>",
            ),
            ("https://example.org/a", "2023-05-06T07:08:09Z", 200, "text/html", b"<p>x</p>"),
            (GDYNIA_URL, "2023-05-06T07:08:09Z", 404, "text/html", ARTICLE_HTML),
            (GDYNIA_URL + "/logo.png", "2023-05-06T07:08:09Z", 200, "image/png", b"\x89PNG"),
        ],
    )
    counts = import_warc(archive, tmp_path / "f.warc.gz")
    assert (dict(counts), archive.db["articles"].count) == (
        {"skipped: not a capture": 4, "skipped: not an article URL": 3, "skipped: not a 200 HTML response": 1},
        0,
    )


def test_import_reads_revisit_body_from_the_record_it_refers_to(tmp_path, archive):
    first = make_item("gdynia:1", fetched_at="2024-01-01T10:00:00Z")
    later = make_item("gdynia:2", fetched_at="2024-02-01T10:00:00Z")
    for item in (first, later):
        archive.store(item, html_page(dict(item, title="Wspólna treść"), "Ta sama strona"))
    with open(tmp_path / "a.warc.gz", "wb") as out:
        export_warc(archive.db, out)
    seen = []

    def recording(body, url, **kwargs):
        seen.append((url, body))
        raise ValueError("not needed")

    import_warc(Archive(sqlite_utils.Database(memory=True)), tmp_path / "a.warc.gz", recording)
    assert [url for url, _ in seen] == [first["url"], later["url"]] and seen[0][1] == seen[1][1]


# --- replay in pywb ----------------------------------------------------------------------------------------------
# pywb's pins clash with the project's (brotlipy replaces the brotli module Scrapy uses; older cryptography), so it
# lives in a virtualenv of its own that `make pywb` builds; KRONIKA_PYWB_VENV points elsewhere.
PYWB_VENV = Path(os.environ.get("KRONIKA_PYWB_VENV", Path(__file__).resolve().parent.parent / ".venv-pywb"))
REPLAYED_ID = "548321"  # 'Inicjatywa lokalna na Leszczynkach – zgłoś swój pomysł', a UTF-8 page


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def wayback(crawled, tmp_path_factory):
    """pywb's `wayback` on loopback over a collection holding the export: its base URL."""
    import time
    import urllib.request

    if not (PYWB_VENV / "bin" / "wayback").exists():
        pytest.skip(f"pywb not installed at {PYWB_VENV} (run `make pywb`)")
    _, warc = crawled
    root = tmp_path_factory.mktemp("pywb")
    for command in (["init", "kronika"], ["add", "kronika", str(warc)]):
        subprocess.run([str(PYWB_VENV / "bin" / "wb-manager"), *command], cwd=root, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [str(PYWB_VENV / "bin" / "wayback"), "-p", str(port), "-b", "127.0.0.1"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/", timeout=2)
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.slow
def test_pywb_replays_article_with_polish_text_intact(crawled, wayback):
    import urllib.request

    from lxml import html

    db, _ = crawled
    ((url, fetched_at, title, body_text),) = rows(
        db,
        "SELECT a.url, p.fetched_at, a.title, a.body_text FROM articles a JOIN pages p ON p.article_id = a.id "
        f"WHERE a.id = 'gdynia:{REPLAYED_ID}'",
    )
    timestamp = "".join(char for char in fetched_at if char.isdigit())[:14]
    with urllib.request.urlopen(f"{wayback}/kronika/{timestamp}id_/{url}", timeout=30) as response:
        text = html.fromstring(response.read().decode("utf-8")).text_content()
    archived = [title, *body_text.split("\n\n")[:2]]  # title and the two text paragraphs before the attachments
    assert set("ąęłóśżń") <= set("".join(archived)) and [part for part in archived if part not in text] == []


@pytest.mark.slow
def test_pywb_indexes_every_response(crawled, wayback):
    import urllib.request

    db, _ = crawled
    with urllib.request.urlopen(f"{wayback}/kronika/cdx?url=*.gdynia.pl/*&output=json", timeout=30) as response:
        lines = response.read().decode("utf-8").splitlines()
    file_urls = rows(
        db,
        "SELECT count(DISTINCT url) FROM attachments WHERE sha256 IN (SELECT sha256 FROM files) "
        "AND url LIKE '%gdynia.pl/%'",
    )[0][0]
    assert len(lines) == rows(db, "SELECT count(*) FROM pages WHERE article_id LIKE 'gdynia:%'")[0][0] + file_urls


@pytest.mark.slow
def test_pywb_replays_a_downloaded_pdf_byte_for_byte(crawled, wayback):
    import urllib.request

    from scraper.archive.files import read_file

    db, _ = crawled
    url, fetched_at, sha256 = rows(
        db,
        "SELECT url, fetched_at, sha256 FROM attachments WHERE detected_type = 'pdf' "
        "AND sha256 IN (SELECT sha256 FROM files) ORDER BY fetched_at LIMIT 1",
    )[0]
    timestamp = "".join(char for char in fetched_at if char.isdigit())[:14]
    with urllib.request.urlopen(f"{wayback}/kronika/{timestamp}id_/{url}", timeout=30) as response:
        replayed, content_type = response.read(), response.headers.get("Content-Type")
    assert (content_type, replayed) == ("application/pdf", read_file(sqlite_utils.Database(db), sha256))
