"""`kronika demo`: the offline default — mirror, crawl, Datasette, in one command."""

from __future__ import annotations

import subprocess
import sys

import click

from scraper.cli.options import db_option
from scraper.cli.ports import ensure_port_free

# Both servers listen on loopback only: the demo is for this machine.
DEMO_HOST = "127.0.0.1"


@click.command()
@click.option("--port", default=8001, show_default=True, help="Port for Datasette.")
@db_option
@click.option("--mirror-port", default=8765, show_default=True, help="Port for the bundled site mirror.")
def demo(port, db_path, mirror_port):
    """The offline default: serve the bundled mirror, crawl it, serve Datasette.

    Needs no internet. The archive keeps the live sites' URLs; the mirror
    stays up while Datasette runs so its pages can be compared. Ctrl+C stops.

    \b
    Example: kronika demo
    Example: kronika demo --port 8080 --db demo.db
    """
    from scraper.mirror.server import MirrorServer, served_sites
    from scraper.serve.app import serve

    # Both ports before the crawl: a busy one must not cost a crawl first.
    ensure_port_free(DEMO_HOST, port, "--port")
    ensure_port_free(DEMO_HOST, mirror_port, "--mirror-port")
    if port == mirror_port:
        raise click.UsageError(f"--port and --mirror-port are both {port}; give them different ports")
    # The sites the mirror answers for: a declared site it lacks would only be unreachable.
    sites = served_sites()
    with MirrorServer(host=DEMO_HOST, port=mirror_port) as mirror:
        click.echo(f"mirror of {', '.join(sites)} at {mirror.base_url}/", err=True)
        # A separate process: Scrapy's reactor and Datasette's event loop
        # cannot share one interpreter run.
        crawl = subprocess.run(
            [sys.executable, "-m", "scraper", "crawl", *sites, "--db", db_path, "--mirror", mirror.base_url]
        )
        if crawl.returncode:
            click.echo(
                f"kronika: the crawl reported problems (exit {crawl.returncode}); serving what was archived", err=True
            )
        click.echo(f"Datasette at http://{DEMO_HOST}:{port}/", err=True)
        serve(db_path, DEMO_HOST, port)
