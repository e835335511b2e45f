"""An HTTP server for the mirror: conditional GET, HEAD, request log, fault injection."""

from __future__ import annotations

import functools
import logging
import random
import socket
import struct
import threading
import zlib
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from scraper.mirror import wordpress
from scraper.mirror.files import file_route
from scraper.mirror.site import Route, build_routes, mirrored_sites, not_found_route
from scraper.sites import SITES

logger = logging.getLogger(__name__)

# Redirect targets no crawl of the live web may follow (loopback, private, link-local).
PRIVATE_REDIRECTS = {
    f"redirect-{host}": f"http://{host}/latest/meta-data/"
    for host in ("127.0.0.1", "10.0.0.1", "169.254.169.254", "[::1]")
}
FAULTS = (
    "500",
    "503-retry-after",
    "429",
    "timeout",
    "reset",
    "apology",
    "truncate",
    "random",
    "huge",
    "huge-unannounced",
    "gzip-bomb",
    *PRIVATE_REDIRECTS,
)
# What "random" picks from, per request (None: the normal answer).
RANDOM_FAULTS = ("500", "timeout", "reset", "truncate", None)
# The hostile bodies: generated while sent, never held in memory.
HUGE_BODY_BYTES = 400 * 2**20
BOMB_INFLATED_BYTES = 2 * 2**30
_CHUNK = bytes(2**20)
# Statuses and extra headers of the faults that still answer.
_FAULT_RESPONSES = {
    "500": (500, {}),
    "503-retry-after": (503, {"Retry-After": "1"}),
    "429": (429, {"Retry-After": "1"}),
    "apology": (200, {}),
}
# A CMS apology of ordinary article length with a date label, served with 200:
# it extracts as a plausible article (title, lead, body, published_at), which
# is what makes it dangerous (issue 9).
APOLOGY_PAGE = """<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8">
<title>Przepraszamy – serwis w przebudowie</title></head><body><main><article>
<h1>Przepraszamy – serwis w przebudowie</h1>
<p class="date">Data publikacji: 01.12.2026</p>
<p>Trwają prace techniczne nad nową wersją serwisu. Część treści może być chwilowo niedostępna lub wyświetlać się nieprawidłowo. Za utrudnienia przepraszamy i zapraszamy ponownie wkrótce.</p>
<p>W sprawach pilnych prosimy o kontakt z Biurem Obsługi Mieszkańców pod numerem telefonu podanym w zakładce Kontakt. Informacje o postępie prac publikujemy na bieżąco w mediach społecznościowych urzędu.</p>
</article></main></body></html>
""".encode()


def _not_modified(route: Route, headers) -> bool:
    """RFC 9110: If-None-Match decides when present, else If-Modified-Since."""
    if_none_match = headers.get("If-None-Match")
    if if_none_match is not None:
        tags = [tag.strip() for tag in if_none_match.split(",")]
        return "*" in tags or route.headers["ETag"] in tags
    if_modified_since = headers.get("If-Modified-Since")
    if if_modified_since is None:
        return False
    try:
        since = parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError):
        return False  # an unparseable date is ignored, as the RFC says
    return parsedate_to_datetime(route.headers["Last-Modified"]) <= since


class _Handler(BaseHTTPRequestHandler):
    server: _MirrorHTTPServer
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        self._serve(with_body=True)

    def do_HEAD(self):
        self._serve(with_body=False)

    def log_message(self, format, *args):
        logger.debug("%s " + format, self.address_string(), *args)

    def _host_path(self) -> str:
        return self.path.lstrip("/")

    def _serve(self, with_body: bool):
        mirror = self.server.mirror
        host_path = self._host_path()
        fault = mirror.fault_for(host_path)
        if fault == "random":
            fault = mirror.random.choice(RANDOM_FAULTS)
        if fault in ("timeout", "reset"):
            mirror.record(self.command, host_path, None)
            self._drop(fault)
            return
        if fault in ("huge", "huge-unannounced"):
            mirror.record(self.command, host_path, 200)
            self._stream_huge(announced=fault == "huge", with_body=with_body)
            return
        status, headers, body = self._answer(fault, host_path)
        # Logged before answering, so a client that got the answer also finds the log entry.
        mirror.record(self.command, host_path, status)
        if fault == "truncate":
            self._respond(status, headers, body, with_body=False)
            # Half the announced body, then an orderly close: what a server dying mid-answer sends.
            self.wfile.write(body[: len(body) // 2])
            self.close_connection = True
            return
        self._respond(status, headers, body, with_body)

    def _answer(self, fault: str | None, host_path: str) -> tuple[int, dict, bytes]:
        if fault in PRIVATE_REDIRECTS:
            return 302, {"Location": PRIVATE_REDIRECTS[fault]}, b""
        if fault == "gzip-bomb":
            return 200, {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"}, gzip_bomb()
        if fault in _FAULT_RESPONSES:
            status, extra = _FAULT_RESPONSES[fault]
            if fault == "apology":
                return status, {"Content-Type": "text/html; charset=utf-8", **extra}, APOLOGY_PAGE
            return status, {"Content-Type": "text/plain; charset=utf-8", **extra}, f"fault {fault}\n".encode()
        # Attachment files are built on first request, not with the pages (files.py).
        mirror = self.server.mirror
        route = (
            wordpress.answer(mirror.wordpress, host_path)
            or mirror.routes.get(host_path)
            or file_route(host_path)
            or not_found_route()
        )
        if route.status == 200 and _not_modified(route, self.headers):
            return 304, {name: route.headers[name] for name in ("ETag", "Last-Modified")}, b""
        return route.status, route.headers, route.body

    def _respond(self, status: int, headers: dict, body: bytes, with_body: bool):
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body and status != 304:
            self.wfile.write(body)

    def _stream_huge(self, announced: bool, with_body: bool):
        # A page of HUGE_BODY_BYTES, written a megabyte at a time as the client reads.
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if announced:
            self.send_header("Content-Length", str(HUGE_BODY_BYTES))
        else:
            self.send_header("Connection", "close")  # the body ends when the connection does
        self.end_headers()
        if with_body:
            self.wfile.write(b"<!DOCTYPE html><html><body><p>")
            for _ in range(HUGE_BODY_BYTES // len(_CHUNK)):
                self.wfile.write(_CHUNK)
        self.close_connection = True

    def _drop(self, fault: str):
        if fault == "timeout":
            # Hold the connection silently; shutdown() releases the wait early.
            self.server.mirror.stopping.wait(self.server.mirror.fault_delay)
        else:
            # SO_LINGER 0 makes close() send RST instead of an orderly FIN.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()


@functools.cache
def gzip_bomb() -> bytes:
    """BOMB_INFLATED_BYTES of zeros as a valid gzip member of about 2 MB.

    Built from one full-flushed deflate block repeated (a full flush resets the
    dictionary, so every megabyte compresses to the same bytes): 0.4 s instead
    of compressing 2 GiB.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    first = compressor.compress(_CHUNK) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(_CHUNK) + compressor.flush(zlib.Z_FULL_FLUSH)
    chunks = BOMB_INFLATED_BYTES // len(_CHUNK)
    crc = 0
    for _ in range(chunks):
        crc = zlib.crc32(_CHUNK, crc)
    final_empty_block = b"\x03\x00"
    trailer = struct.pack("<II", crc, BOMB_INFLATED_BYTES & 0xFFFFFFFF)
    return first + block * (chunks - 1) + final_empty_block + trailer


class _MirrorHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    mirror: MirrorServer

    def handle_error(self, request, client_address):
        # Clients dropping connections (and our own resets) are expected here.
        logger.debug("connection from %s ended abnormally", client_address, exc_info=True)


def served_sites() -> list[str]:
    """The declared sites the mirror answers for: its HTML reconstructions and its WordPress sites."""
    wordpress_hosts = set(wordpress.wordpress_sites())
    return sorted({*mirrored_sites(), *(name for name, site in SITES.items() if site.hosts[0] in wordpress_hosts)})


class MirrorServer:
    """The mirror served over HTTP in a daemon thread; use as a context manager."""

    def __init__(
        self,
        routes: dict[str, Route] | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        fault_delay: float = 5.0,
        seed: int = 9,
        wordpress_sites: dict | None = None,
    ):
        self.routes = build_routes() if routes is None else routes
        # WordPress hosts answer by path and query (the REST API), not from fixed routes.
        self.wordpress = wordpress.wordpress_sites() if wordpress_sites is None else wordpress_sites
        self.faults: dict[str, str] = {}
        self.fault_delay = fault_delay
        self.random = random.Random(seed)  # the "random" fault's choices, reproducible per seed
        self.stopping = threading.Event()
        self._log_lock = threading.Lock()
        self._request_log: list[tuple[str, str, int | None]] = []
        self._httpd = _MirrorHTTPServer((host, port), _Handler)
        self._httpd.mirror = self
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def request_log(self) -> list[tuple[str, str, int | None]]:
        """A snapshot of `(method, host_path, status)` per request; status None = no answer."""
        with self._log_lock:
            return list(self._request_log)

    def clear_log(self):
        with self._log_lock:
            self._request_log.clear()

    def record(self, method: str, host_path: str, status: int | None):
        with self._log_lock:
            self._request_log.append((method, host_path, status))

    def set_routes(self, routes: dict[str, Route]):
        """Swap the served content; requests already running finish with the old routes."""
        self.routes = routes

    def fault_for(self, host_path: str) -> str | None:
        """The injected fault whose host-path prefix matches, longest prefix first."""
        for prefix in sorted(self.faults, key=len, reverse=True):
            if host_path.startswith(prefix):
                fault = self.faults[prefix]
                if fault not in FAULTS:
                    logger.error("unknown fault %r for %s", fault, prefix)
                    raise ValueError(f"unknown fault {fault!r}; expected one of {', '.join(FAULTS)}")
                return fault
        return None

    def start(self) -> MirrorServer:
        self.stopping.clear()
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="kronika-mirror", daemon=True)
        self._thread.start()
        return self

    def stop(self):
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    def serve_forever(self):
        """Serve in the calling thread until interrupted (Ctrl-C)."""
        try:
            self._httpd.serve_forever()
        except KeyboardInterrupt:
            logger.info("mirror interrupted")
        finally:
            self.stopping.set()
            self._httpd.server_close()

    def __enter__(self) -> MirrorServer:
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()


def serve_mirror(host: str = "127.0.0.1", port: int = 8765):
    """Serve the bundled mirror until interrupted, printing where."""
    server = MirrorServer(host=host, port=port)
    print(
        f"Kronika mirror serving at {server.base_url}/ (e.g. {server.base_url}/przemysl.pl/aktualnosci.html)",
        flush=True,
    )
    server.serve_forever()
