"""`kronika demo`: the offline default — mirror, crawl, Datasette, in one command."""

from __future__ import annotations

import subprocess
import sys

import click


@click.command()
@click.option("--port", default=8001, show_default=True, help="Port for Datasette.")
@click.option("--db", default="archive.db", show_default=True, help="Archive database to fill and serve.")
@click.option("--mirror-port", default=8765, show_default=True, help="Port for the bundled site mirror.")
def demo(port, db, mirror_port):
    """The offline default: serve the bundled mirror, crawl it, serve Datasette.

    Needs no internet. The archive keeps the live sites' URLs; the mirror
    stays up while Datasette runs so its pages can be compared. Ctrl+C stops.
    """
    from scraper.serve.app import serve
    from scraper.mirror.server import MirrorServer
    from scraper.mirror.site import mirrored_sites

    # The sites the mirror reconstructs: a declared site it lacks would only be unreachable.
    sites = sorted(mirrored_sites())
    with MirrorServer(port=mirror_port) as mirror:
        click.echo(f"mirror of {', '.join(sites)} at {mirror.base_url}/", err=True)
        # A separate process: Scrapy's reactor and Datasette's event loop
        # cannot share one interpreter run.
        crawl = subprocess.run([sys.executable, "-m", "scraper", "crawl", *sites, "--db", db,
                                "--mirror", mirror.base_url])
        if crawl.returncode:
            click.echo(f"kronika: the crawl reported problems (exit {crawl.returncode}); serving what was archived", err=True)
        click.echo(f"Datasette at http://127.0.0.1:{port}/", err=True)
        serve(db, "127.0.0.1", port)
