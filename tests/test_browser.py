"""A researcher's visit in real Chromium against `serve()` on a loopback port: search, article, dashboard, no XSS."""

from __future__ import annotations

import hashlib
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlite_utils
from fpdf import FPDF

from test_datasette_data import CHANGED_ID, PDF_ONLY_WORD, XSS_ID, add_downloads, build_archive
from test_document_pages import add_attachment

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP, PHONE = {"width": 1366, "height": 768}, {"width": 390, "height": 844}
STARTUP_SECONDS = 20

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs the Debian chromium package at /usr/bin/chromium"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"kronika serve exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listening on port {port} after {STARTUP_SECONDS}s")


REAL_PDF_TEXT = "Harmonogram prac na Plantach"


def real_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=14)
    pdf.cell(text=REAL_PDF_TEXT)
    return bytes(pdf.output())


# Made once: fpdf stamps each output with its creation time.
REAL_PDF = real_pdf()


def add_real_pdf(path: str) -> None:
    """A PDF a browser can render, stored and extracted as a download of the Planty article."""
    db = sqlite_utils.Database(path)
    add_attachment(
        db,
        20,
        "harmonogram.pdf",
        REAL_PDF,
        "pdf",
        {"type": "pdf", "pages": 1, "method": "text", "text": REAL_PDF_TEXT, "page_offsets": "[0]"},
    )
    db.close()


def document_path(data: bytes) -> str:
    return "/archive/documents/" + hashlib.sha256(data).hexdigest()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    # With the attachment downloads' columns and documents, so that document text is on the article page too.
    db = add_downloads(build_archive(tmp_path_factory.mktemp("browser") / "archive.db"))
    add_real_pdf(db)
    port = free_port()
    # `kronika serve` itself, in two worker processes as deployed (deploy/kronika-serve.service).
    process = subprocess.Popen(
        [sys.executable, "-m", "scraper", "serve", "--db", str(db), "--port", str(port), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory):
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def viewport():
    return {"width": 1280, "height": 900}


@pytest.fixture
def page(browser, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    # Chromium reports each script, style or frame the CSP blocked on the console.
    page.csp_violations = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and page.csp_violations.append(message.text),
    )
    page.on("pageerror", lambda error: page.csp_violations.append(f"page error: {error}"))
    yield page
    context.close()


def test_home_page_names_the_archive(page, base_url, screenshots):
    page.goto(base_url + "/")
    page.screenshot(path=str(screenshots / "kronika-home.png"), full_page=True)
    assert "Kronika" in page.locator("h1").first.inner_text()


def test_table_search_box_finds_inflected_polish(page, base_url, screenshots):
    page.goto(base_url + "/archive/articles")
    page.fill("#_search", "rewitalizacji")
    page.press("#_search", "Enter")
    page.wait_for_url("**_polish_search=rewitalizacji**")
    page.screenshot(path=str(screenshots / "kronika-search.png"), full_page=True)
    assert "Rewitalizacja Plant Miejskich w Przemyślu" in page.locator("ol.kronika-list").inner_text()


def test_search_box_shows_the_query_as_typed(page, base_url):
    page.goto(base_url + "/archive/articles?_search=lodz")
    assert page.input_value("#_search") == "lodz"


def test_opening_an_article_shows_its_text(page, base_url, screenshots):
    page.goto(base_url + "/archive/articles?_search=lodz")
    page.locator("a.kronika-list-title").first.click()
    page.wait_for_selector(".kronika-body")
    page.screenshot(path=str(screenshots / "kronika-article.png"), full_page=True)
    assert "Łódź podzieli się doświadczeniem" in page.locator(".kronika-body").inner_text()


def test_dashboard_renders_the_chart(page, base_url, screenshots):
    page.goto(base_url + "/-/dashboards/kronika")
    chart = page.wait_for_selector("#card-articles-per-month svg, #card-articles-per-month canvas", timeout=15000)
    page.wait_for_timeout(500)
    page.screenshot(path=str(screenshots / "kronika-dashboard.png"), full_page=True)
    assert chart.bounding_box()["height"] > 50 and page.csp_violations == []


def test_search_all_leads_to_the_matching_articles(page, base_url):
    page.goto(base_url + "/-/search?q=Witomina")
    assert page.locator("ol.kronika-hits li").count() == 1 and page.csp_violations == []


# Every page type, as the CSP leaves it: Datasette's and the plugins' scripts still run.
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/archive",
        "/archive/articles",
        f"/archive/articles/{XSS_ID}",
        "/archive/polish_search?q=lodz",
        "/archive?sql=select+1",
        "/-/dashboards",
        "/-/dashboards/kronika",
        "/-/dashboards/kronika/articles-per-month",
        "/-/search?q=lodz",
        "/-/databases",
        "/no-such-page",
    ],
)
def test_no_page_violates_the_content_security_policy(page, base_url, path):
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    assert page.csp_violations == []


def test_sql_editor_runs_under_the_csp(page, base_url):
    page.goto(base_url + "/archive?sql=select+1")
    # CodeMirror replaces the textarea only if Datasette's inline script ran.
    assert page.locator(".CodeMirror").count() == 1


@pytest.mark.parametrize(
    "path",
    [
        f"/archive/articles/{XSS_ID}",
        "/archive/articles",
        "/archive/article_versions",
        "/archive/polish_search?q=Witomina",
        "/archive/articles?_search=Witomina",
    ],
)
def test_planted_payload_never_runs(page, base_url, screenshots, path):
    page.goto(base_url + path)
    page.wait_for_load_state("load")
    if path.endswith(XSS_ID):
        page.screenshot(path=str(screenshots / "kronika-xss-row.png"), full_page=True)
    assert (page.evaluate("typeof window.__pwned"), page.dialogs) == ("undefined", [])


# --- the reading room at a desktop's and a phone's width ---


def article_path(article_id: str) -> str:
    return "/archive/articles/" + article_id.replace(":", "~3A")


READING_PAGES = {
    "article": article_path("przemysl:45707"),
    "diff": article_path(CHANGED_ID) + "#wersja-2",
    "list": "/archive/articles",
    "search": "/archive/articles?_search=" + PDF_ONLY_WORD,
    "dashboard": "/-/dashboards/kronika",
    "quiet-edits": "/archive/quiet_edits",
}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
@pytest.mark.parametrize("name", sorted(READING_PAGES))
def test_reading_pages_fit_the_screen(page, base_url, screenshots, viewport, name):
    page.goto(base_url + READING_PAGES[name])
    page.wait_for_load_state("networkidle")
    if name == "dashboard":
        page.wait_for_selector("#card-articles-per-month svg, #card-articles-per-month canvas", timeout=15000)
    page.screenshot(path=str(screenshots / f"kronika-{name}-{viewport['width']}.png"), full_page=name != "list")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_first_article_is_above_the_fold(page, base_url, viewport):
    page.goto(base_url + "/archive/articles")
    first = page.locator("a.kronika-list-title").first.bounding_box()
    assert first["y"] + first["height"] <= viewport["height"]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_search_hit_snippet_is_visible(page, base_url, viewport):
    page.goto(base_url + "/archive/articles?_search=" + PDF_ONLY_WORD)
    mark = page.locator(".kronika-snippet mark").first
    box = mark.bounding_box()
    assert mark.is_visible() and mark.inner_text() == "kasztanowców" and box["x"] + box["width"] <= viewport["width"]


def test_dashboard_ticks_are_whole_numbers(page, base_url):
    page.goto(base_url + "/-/dashboards/kronika")
    page.wait_for_selector("#card-articles-per-month svg", timeout=15000)
    page.wait_for_timeout(500)
    labels = page.locator("#card-articles-per-month g.role-axis-label text").all_text_contents()
    counts = [label for label in labels if label.isdigit()]
    assert counts and len(counts) == len(set(counts))


def test_diff_marks_the_added_words(page, base_url):
    page.goto(base_url + article_path(CHANGED_ID))
    assert page.locator(".kronika-diff ins").first.inner_text() == " — relacja"


def test_article_page_csp_forbids_inline_script(page, base_url):
    response = page.goto(base_url + article_path(XSS_ID))
    script_src = next(
        part for part in response.headers["content-security-policy"].split(";") if part.strip().startswith("script-src")
    )
    assert "'unsafe-inline'" not in script_src and page.csp_violations == []


def test_payloads_in_every_field_never_run(page, base_url, screenshots):
    # Title, body, author, tag, attachment title and javascript: URL, document text (test_datasette_data.py).
    page.goto(base_url + article_path(XSS_ID))
    page.wait_for_load_state("load")
    page.locator(".kronika-attachments li").first.click()
    page.locator("details.kronika-provenance summary").click()
    page.screenshot(path=str(screenshots / "kronika-xss-article.png"), full_page=True)
    assert (page.evaluate("typeof window.__pwned"), page.dialogs) == ("undefined", [])
    assert "Treść uchwały" in page.locator(".kronika-excerpt").inner_text()


# --- documents: the document page and the stored copy ---


def test_document_page_shows_its_text_under_the_csp(page, base_url, screenshots):
    page.goto(base_url + document_path(REAL_PDF))
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(screenshots / "kronika-document.png"), full_page=True)
    assert page.locator(".kronika-document-page").inner_text() == f"Strona 1\n{REAL_PDF_TEXT}"
    assert page.csp_violations == []


def test_stored_pdf_opens_in_the_pdf_viewer_under_its_sandbox(page, base_url, screenshots):
    page.goto(base_url + document_path(REAL_PDF))
    with page.expect_response(lambda response: "/-/files/" in response.url) as stored:
        page.locator("a", has_text="kopia w archiwum").click()
    page.wait_for_timeout(1000)
    page.screenshot(path=str(screenshots / "kronika-stored-pdf.png"))
    headers = stored.value.all_headers()
    assert (stored.value.status, headers["content-type"], headers["content-security-policy"]) == (
        200,
        "application/pdf",
        "sandbox; default-src 'none'",
    )
    # Chromium's PDF viewer is an extension frame: it ran, the bytes were not shown as a page.
    assert any(frame.url.startswith("chrome-extension://") for frame in page.frames)


def test_stored_copy_of_a_planted_script_never_runs(page, base_url):
    # add_downloads stores '<script>window.__pwned=1</script>…' as the XSS article's "PDF".
    page.goto(base_url + article_path(XSS_ID))
    page.locator("a", has_text="kopia w archiwum").click()
    page.wait_for_timeout(1000)
    assert "/-/files/" in page.url
    assert all(
        frame.evaluate("typeof window.__pwned") == "undefined"
        for frame in page.frames
        if not frame.url.startswith("chrome-extension://")
    )
    assert page.dialogs == []
