"""A fourth city declared only in a user's sites file (no Python) is crawled, archived, searched and exported."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

HOST = "www.kalisz.example"
UNSERVED_HOST = "bez-lustra.example"
SITES_FILE = f"""
[kalisz]
city = "Kalisz"
publisher = "Urząd Miasta Kalisza"
hosts = ["{HOST}", "kalisz.example"]
start_urls = ["https://{HOST}/wiadomosci/"]
article_url = '/wiadomosci/(?P<id>\\d+)-(?P<slug>[a-z0-9-]+)\\.htm'
canonical_url = "https://{HOST}/wiadomosci/{{id}}-{{slug}}.htm"
listing_url = '/wiadomosci/(?:strona-\\d+/)?'
chrome = ["stopka-wpisu"]

[bez-lustra]
city = "Bez Lustra"
publisher = "Urząd bez lustra"
hosts = ["{UNSERVED_HOST}"]
start_urls = ["https://{UNSERVED_HOST}/news"]
article_url = '/news/(?P<id>\\d+)'
canonical_url = "https://{UNSERVED_HOST}/news/{{id}}"
listing_url = '/news'
"""
# The city's own markup: no class the packaged sites or the generic selectors know.
ARTICLES = {
    "1201-kamienice-przy-rynku": (
        "Remont kamienic przy Rynku",
        "Data dodania: 12 marca 2024 r., godz. 9:30",
        "Autorka: Ewa Malinowska",
        "Miasto rozpoczyna rewitalizację kamienic przy Rynku Głównym. Prace potrwają "
        "do jesieni, a mieszkańcy dostaną lokale zastępcze na czas remontu.",
    ),
    "1202-park-przy-prosnie": (
        "Nowe alejki w parku nad Prosną",
        "Opublikowano: 03.04.2024, 10:15",
        "Autor: Jan Wiśniewski",
        "W parku nad Prosną powstaną nowe alejki i ławki. Inwestycja jest częścią "
        "lokalnego programu rewitalizacji Śródmieścia.",
    ),
    "1203-konsultacje-spoleczne": (
        "Konsultacje w sprawie placu Jana Pawła",
        "Data publikacji: 2024-05-20 14:00",
        "Autor: Wydział Rozwoju",
        "Zapraszamy mieszkańców na konsultacje społeczne dotyczące przebudowy placu. "
        "Spotkanie odbędzie się w ratuszu w sali sesyjnej.",
    ),
}


def article_page(slug: str) -> str:
    title, published, author, text = ARTICLES[slug]
    return f"""<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>{title} | Kalisz</title></head>
<body><div class="kal-naglowek"><a href="/wiadomosci/">Wiadomości</a></div>
<div class="kal-tresc"><h1>{title}</h1>
<div class="kal-info"><span>{published}</span><br><span>{author}</span></div>
<p>{text}</p><p>Więcej informacji udziela Biuro Prasowe urzędu, tel. 62 765 43 21.</p>
<div class="stopka-wpisu">Udostępnij wpis znajomym</div></div></body></html>"""


def listing_page() -> str:
    links = "".join(
        f'<div class="kal-wpis"><a href="/wiadomosci/{slug}.htm">{title}</a></div>'
        for slug, (title, *_rest) in ARTICLES.items()
    )
    return f'<!doctype html><html lang="pl"><head><meta charset="utf-8"></head><body>{links}</body></html>'


class CityServer(BaseHTTPRequestHandler):
    """Serves the city the way the mirror transport asks: /<live host>/<path>; anything else is 404."""

    def do_GET(self):
        host, _, path = self.path.lstrip("/").partition("/")
        slug = path.removeprefix("wiadomosci/").removesuffix(".htm")
        if host == HOST and path == "wiadomosci/":
            self.reply(200, listing_page())
        elif host == HOST and slug in ARTICLES:
            self.reply(200, article_page(slug))
        else:
            self.reply(404, "<h1>404</h1>")

    def reply(self, status: int, text: str):
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def city_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), CityServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def kronika(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scraper", *args], capture_output=True, text=True, timeout=180)


@pytest.fixture(scope="module")
def crawled(city_server, tmp_path_factory):
    folder = tmp_path_factory.mktemp("user-site")
    sites_file, db = folder / "sites.toml", folder / "archive.db"
    sites_file.write_text(SITES_FILE, encoding="utf-8")
    result = kronika(
        "crawl", "kalisz", "bez-lustra", "--sites", str(sites_file), "--db", str(db), "--mirror", city_server
    )
    return result, sites_file, db


def exported(sites_file, db, *args: str) -> list[dict]:
    result = kronika("export", "--sites", str(sites_file), "--db", str(db), *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.slow
def test_the_declared_city_is_crawled_into_the_archive(crawled):
    result, _sites_file, _db = crawled
    assert "kalisz: 3 new, 0 changed, 0 unchanged, 0 failed" in result.stdout


@pytest.mark.slow
def test_a_site_without_a_mirror_route_alone_is_reported_unreachable(crawled):
    result, _sites_file, _db = crawled
    assert result.returncode == 1
    failures = [line for line in result.stdout.splitlines() if "FAILED" in line]
    assert len(failures) == 1 and failures[0].startswith("bez-lustra:") and "listing unreachable" in failures[0]


@pytest.mark.slow
def test_the_declared_city_exports_with_site_and_generic_fields(crawled):
    _result, sites_file, db = crawled
    articles = {article["id"]: article for article in exported(sites_file, db, "--site", "kalisz")}
    assert sorted(articles) == ["kalisz:1201", "kalisz:1202", "kalisz:1203"]
    rynek = articles["kalisz:1201"]
    assert (rynek["site"], rynek["city"], rynek["publisher"]) == ("kalisz", "Kalisz", "Urząd Miasta Kalisza")
    assert rynek["title"] == "Remont kamienic przy Rynku"
    assert rynek["url"] == f"https://{HOST}/wiadomosci/1201-kamienice-przy-rynku.htm"
    assert rynek["published_at"] == "2024-03-12T09:30:00+01:00"
    assert rynek["author"] == "Ewa Malinowska"
    assert rynek["revitalisation"] is True
    assert articles["kalisz:1202"]["published_at"] == "2024-04-03T10:15:00+02:00"
    assert articles["kalisz:1203"]["revitalisation"] is False


@pytest.mark.slow
def test_the_declared_chrome_is_dropped_from_the_body(crawled):
    _result, sites_file, db = crawled
    body = exported(sites_file, db, "--site", "kalisz")[0]["body_text"]
    assert "Biuro Prasowe" in body and "Udostępnij wpis" not in body


@pytest.mark.slow
def test_the_declared_city_is_found_by_polish_search(crawled):
    _result, sites_file, db = crawled
    found = exported(sites_file, db, "--search", "kamienica")
    assert [article["id"] for article in found] == ["kalisz:1201"]
