"""The `kronika mirror` command: serve the bundled site mirror over HTTP."""

from __future__ import annotations

import click

from scraper.cli.ports import ensure_port_free
from scraper.mirror.server import serve_mirror


@click.command()
@click.option("--port", default=8765, show_default=True, type=int, help="Port to listen on (0 picks a free one).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
def mirror(port: int, host: str):
    """Serve the bundled mirror of przemysl.pl and gdynia.pl over HTTP.

    Every live page is served under its host, e.g.
    http://127.0.0.1:8765/przemysl.pl/aktualnosci.html mirrors
    https://przemysl.pl/aktualnosci.html. The mirror is offline test and demo
    data: point a crawl at it with `kronika crawl --mirror URL`. Stop with Ctrl-C.

    \b
    Example: kronika mirror --port 8765
    """
    ensure_port_free(host, port, "--port")
    serve_mirror(host=host, port=port)
