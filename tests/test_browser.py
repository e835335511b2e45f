"""A researcher's visit in real Chromium against `serve()` on a loopback port: search, article, dashboard, no XSS."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_datasette_data import XSS_ID, build_archive

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path("/tmp")
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


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    db = build_archive(tmp_path_factory.mktemp("browser") / "archive.db")
    port = free_port()
    # `kronika serve` itself, in two worker processes as deployed (deploy/kronika-serve.service).
    process = subprocess.Popen([sys.executable, "-m", "scraper", "serve", "--db", str(db), "--port", str(port), "--workers", "2"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    # Chromium reports each script, style or frame the CSP blocked on the console.
    page.csp_violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and page.csp_violations.append(message.text))
    page.on("pageerror", lambda error: page.csp_violations.append(f"page error: {error}"))
    yield page
    context.close()


def test_home_page_names_the_archive(page, base_url):
    page.goto(base_url + "/")
    page.screenshot(path=str(SCREENSHOTS / "kronika-home.png"), full_page=True)
    assert "Kronika" in page.locator("h1").first.inner_text()


def test_table_search_box_finds_inflected_polish(page, base_url):
    page.goto(base_url + "/archive/articles")
    page.fill("#_search", "rewitalizacji")
    page.press("#_search", "Enter")
    page.wait_for_url("**_polish_search=rewitalizacji**")
    page.screenshot(path=str(SCREENSHOTS / "kronika-search.png"), full_page=True)
    assert "Rewitalizacja Plant Miejskich w Przemyślu" in page.locator("table.rows-and-columns").inner_text()


def test_search_box_shows_the_query_as_typed(page, base_url):
    page.goto(base_url + "/archive/articles?_search=lodz")
    assert page.input_value("#_search") == "lodz"


def test_opening_an_article_shows_its_text(page, base_url):
    page.goto(base_url + "/archive/articles?_search=lodz")
    page.locator("td.col-id a").first.click()
    page.wait_for_selector(".col-body_text")
    page.screenshot(path=str(SCREENSHOTS / "kronika-article.png"), full_page=True)
    assert "Łódź podzieli się doświadczeniem" in page.locator(".col-body_text").inner_text()


def test_dashboard_renders_the_chart(page, base_url):
    page.goto(base_url + "/-/dashboards/kronika")
    chart = page.wait_for_selector("#card-articles-per-month svg, #card-articles-per-month canvas", timeout=15000)
    page.wait_for_timeout(500)
    page.screenshot(path=str(SCREENSHOTS / "kronika-dashboard.png"), full_page=True)
    assert chart.bounding_box()["height"] > 50 and page.csp_violations == []


def test_search_all_lists_matching_articles(page, base_url):
    page.goto(base_url + "/-/search?q=Witomina")
    # datasette-search-all's inline script fetches each table's results and adds them.
    heading = page.wait_for_selector("#search-all-results h2", timeout=15000)
    assert heading.inner_text() == "1 result in archive: articles" and page.csp_violations == []


# Every page type, as the CSP leaves it: Datasette's and the plugins' scripts still run.
@pytest.mark.parametrize("path", ["/", "/archive", "/archive/articles", f"/archive/articles/{XSS_ID}",
                                  "/archive/polish_search?q=lodz", "/archive?sql=select+1", "/-/dashboards",
                                  "/-/dashboards/kronika", "/-/dashboards/kronika/articles-per-month",
                                  "/-/search?q=lodz", "/-/databases", "/no-such-page"])
def test_no_page_violates_the_content_security_policy(page, base_url, path):
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    assert page.csp_violations == []


def test_sql_editor_runs_under_the_csp(page, base_url):
    page.goto(base_url + "/archive?sql=select+1")
    # CodeMirror replaces the textarea only if Datasette's inline script ran.
    assert page.locator(".CodeMirror").count() == 1


@pytest.mark.parametrize("path", [f"/archive/articles/{XSS_ID}", "/archive/articles", "/archive/article_versions",
                                  "/archive/polish_search?q=Witomina", "/archive/articles?_search=Witomina"])
def test_planted_payload_never_runs(page, base_url, path):
    page.goto(base_url + path)
    page.wait_for_load_state("load")
    if path.endswith(XSS_ID):
        page.screenshot(path=str(SCREENSHOTS / "kronika-xss-row.png"), full_page=True)
    assert (page.evaluate("typeof window.__pwned"), page.dialogs) == ("undefined", [])
