"""The `kronika` command line: crawl, serve, export, reparse, suspects, warc, extract, document, mirror, demo."""

from __future__ import annotations

import sys

import click

from scraper import __version__


class KronikaGroup(click.Group):
    """A click group that turns any failure into one line on stderr, `kronika: error: REASON`.

    The exit status is 2 for a usage error (a bad option or argument), the
    exception's own for a command's refusal (1, or 75 for a locked archive)
    and 1 for anything else.
    """

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.Abort):
            raise
        except click.ClickException as error:
            click.echo(f"kronika: error: {error.format_message()}", err=True)
            sys.exit(error.exit_code)
        except Exception as error:  # the contract: a one-line reason, non-zero exit
            click.echo(f"kronika: error: {error}", err=True)
            sys.exit(1)


@click.group(cls=KronikaGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kronika")
def main():
    """Kronika: an archive of Polish municipal revitalisation news.

    Crawl the city websites (or the bundled mirror) into a SQLite archive,
    serve it with Datasette, export it as JSON, JSON Lines or CSV.

    \b
    Example: kronika demo
    Example: kronika crawl przemysl --db archive.db
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
