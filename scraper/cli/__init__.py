"""The `kronika` command line: crawl, serve, export, reparse, suspects, warc, extract, document, mirror, demo."""

from __future__ import annotations

import sys

import click

from scraper import __version__


class KronikaGroup(click.Group):
    """A click group that turns any failure into one line on stderr and exit 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.exceptions.Exit:
            raise
        except (click.ClickException, click.Abort, SystemExit):
            raise
        except Exception as error:  # the contract: a one-line reason, non-zero exit
            click.echo(f"kronika: error: {error}", err=True)
            sys.exit(1)


@click.group(cls=KronikaGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kronika")
def main():
    """Kronika: an archive of Polish municipal revitalisation news.

    Crawl the city websites (or the bundled mirror) into a SQLite archive,
    serve it with Datasette, export it as JSON, JSON Lines or CSV.
    """


def _register():
    # Each area owns its command; imported here so `kronika --help` lists all.
    from scraper.cli.archive import export, reparse, serve, suspects
    from scraper.cli.crawl import crawl
    from scraper.cli.demo import demo
    from scraper.cli.document import document
    from scraper.cli.extract import extract
    from scraper.cli.merge import merge
    from scraper.cli.mirror import mirror
    from scraper.cli.warc import warc

    for command in (crawl, serve, export, reparse, suspects, warc, merge, extract, document, mirror, demo):
        main.add_command(command)


_register()
