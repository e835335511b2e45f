"""The `kronika warc` command: the archive's stored fetches to a WARC file, or a WARC's captures into the archive."""

from __future__ import annotations

import os
from pathlib import Path

import click
import sqlite_utils

from scraper.archive.store import Archive
from scraper.archive.warc import export_warc
from scraper.archive.warc_import import import_warc
from scraper.cli.options import db_option, existing_db, since_option, site_option, sites_option, until_option

OUTCOMES = ("new", "changed", "unchanged", "degraded", "failed")


@click.command()
@db_option
@site_option
@sites_option
@since_option
@until_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="The WARC file to write (gzipped per record, e.g. archive.warc.gz).",
)
@click.option(
    "--import",
    "import_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read this WARC (any crawler's) into the archive instead of exporting.",
)
def warc(db_path, site, since, until, output, import_path):
    """Write every stored fetch as WARC/1.1, or import a WARC's captures.

    Export: a warcinfo record, then one response record per stored fetch
    (original status, headers and body; WARC-Target-URI the live URL,
    WARC-Date the fetch time), oldest first; a fetch whose payload was
    already written becomes a revisit record. Degraded fetches are marked
    with a WARC-Kronika-Fetch header. Then every downloaded attachment file:
    a response at the first URL it came from (its status, media type,
    ETag/Last-Modified, download time), revisits at its other URLs.
    Streams: memory stays flat.

    Import (--import): 200 text/html captures of the known sites' articles
    are extracted and archived under the usual rules, fetched_at being the
    record's WARC-Date; then 200 captures of the archived articles'
    attachment URLs are stored as their files and extracted into documents
    (in the limited worker); everything else is skipped and counted.

    \b
    Example: kronika warc --site gdynia -o gdynia.warc.gz
    Example: kronika warc --db new.db --import browsertrix.warc.gz
    """
    if import_path:
        if output or site or since or until:
            raise click.ClickException("--import takes no -o, --site, --since or --until")
        counts = import_warc(Archive(db_path), import_path)
        summary = ", ".join(f"{status} {counts[status]}" for status in OUTCOMES)
        files = "".join(
            f", {status} {count}" for status, count in sorted(counts.items()) if status.startswith("files ")
        )
        skipped = "".join(
            f", {reason} {count}" for reason, count in sorted(counts.items()) if reason.startswith("skipped")
        )
        click.echo(f"imported {sum(counts[status] for status in OUTCOMES)} captures: {summary}{files}{skipped}")
        return
    if not output:
        raise click.ClickException("give -o FILE.warc.gz to export, or --import FILE.warc.gz")
    filters = {"site": site, "since": since, "until": until}
    db = sqlite_utils.Database(existing_db(db_path))
    partial = output.with_name(output.name + ".partial")
    with open(partial, "wb") as out:
        counts = export_warc(db, out, output.name, **filters)
    os.replace(partial, output)  # a failed export leaves no truncated FILE behind
    click.echo(
        f"wrote {counts['response']} responses and {counts['revisit']} revisits ({counts['marked']} marked) to {output}"
    )
