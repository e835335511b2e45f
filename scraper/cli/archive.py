"""The archive's `kronika` commands: export, reparse, suspects and serve."""

from __future__ import annotations

import os
import sys

import click
import sqlite_utils

from scraper.archive.export import export as export_articles
from scraper.archive.reparse import reparse_archive, reparse_documents
from scraper.archive.review import accept, held_fetches
from scraper.archive.store import Archive
from scraper.cli.options import (
    db_option,
    existing_db,
    format_option,
    since_option,
    site_option,
    sites_option,
    until_option,
)
from scraper.cli.ports import ensure_port_free


@click.command()
@db_option
@format_option
@site_option
@sites_option
@since_option
@until_option
@click.option("--search", "query", help="Polish full-text search over title, lead and body.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here, not stdout.")
@click.option("--with-text", is_flag=True, help="Add each attachment's extracted text (JSON, JSONL).")
def export(db_path, fmt, site, since, until, query, output, with_text):
    """Export archived articles with nested attachments, tags and images.

    Newest first. JSON is one array, JSONL one article per line; each
    attachment carries its download status, sha256, detected type, size and
    `document` metadata. CSV flattens tags and topics (joined by ';') and
    attachments (count, URLs, download statuses, sha256s). Streams: any
    archive size exports in constant memory.

    \b
    Example: kronika export --site gdynia --since 2024-01-01 -o gdynia.json
    Example: kronika export --format csv --search rewitalizacja
    """
    filters = {"site": site, "since": since, "until": until, "search": query}
    db = sqlite_utils.Database(existing_db(db_path))
    if output:
        with open(output, "w", encoding="utf-8", newline="") as out:
            export_articles(db, out, fmt, with_text=with_text, **filters)
    else:
        export_articles(db, sys.stdout, fmt, with_text=with_text, **filters)


@click.command()
@db_option
@click.option(
    "--workers",
    default=os.cpu_count() or 1,
    show_default="CPUs",
    type=click.IntRange(1, 64),
    help="Extraction processes; one writer stores their results, so the archive ends the same.",
)
def reparse(db_path, workers):
    """Re-extract every archived page and attachment file with the current extractors (no network).

    Results go through the usual archive rules: changed content becomes a new
    version, degraded results never erase archived values. Stored attachment
    files are re-extracted into their documents rows, each in the limited worker.

    \b
    Example: kronika reparse --db archive.db --workers 2
    """
    archive = Archive(existing_db(db_path))
    counts = reparse_archive(archive, workers=workers)
    summary = ", ".join(
        f"{status} {counts[status]}" for status in ("new", "changed", "unchanged", "degraded", "suspect", "failed")
    )
    documents = reparse_documents(archive)
    click.echo(
        f"reparsed {sum(counts.values())} pages: {summary}; "
        f"{sum(documents.values())} documents: ok {documents['ok']}, error {documents['error']}"
    )


@click.command()
@db_option
@click.option(
    "--accept",
    "accept_ids",
    multiple=True,
    metavar="ARTICLE_ID",
    help="Make this article's latest held fetch current (repeatable).",
)
def suspects(db_path, accept_ids):
    """List the suspect fetches held back from the archive, or accept some.

    A re-fetch that looks like a different page (title and body replaced,
    published date moved, author gone, or one page served for many articles;
    see docs/suspects.md) is stored in `pages` but never made current until a
    later crawl fetches it again or it is accepted here. Accepting
    re-extracts the stored page, as reparse does, under the usual archive
    rules. Prints one line per held article: id, fetched at, reason.

    \b
    Example: kronika suspects
    Example: kronika suspects --accept gdynia:1234
    """
    archive = Archive(existing_db(db_path))
    for article_id in accept_ids:
        try:
            outcome = accept(archive, article_id)
        except LookupError as error:
            raise click.ClickException(str(error)) from None
        click.echo(f"accepted {article_id}: {outcome.status}, version {outcome.version}")
    if not accept_ids:
        for fetch in held_fetches(archive):
            click.echo(f"{fetch['article_id']}\t{fetch['fetched_at']}\t{fetch['suspect']}")


@click.command()
@db_option
@click.option("--port", default=8001, show_default=True, type=int, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@sites_option
@click.option(
    "--workers",
    default=min(os.cpu_count() or 1, 4),
    show_default="CPUs, at most 4",
    type=click.IntRange(1, 32),
    help="Server processes; each takes about 100 MB.",
)
def serve(db_path, port, host, workers):
    """Serve the archive with Datasette, the project's metadata.yml and plugins.

    Read-only for visitors: nothing can be written through it.

    \b
    Example: kronika serve --db archive.db --port 8001
    """
    from scraper.serve.app import serve as serve_archive

    ensure_port_free(host, port, "--port")
    serve_archive(str(existing_db(db_path)), host, port, workers)
