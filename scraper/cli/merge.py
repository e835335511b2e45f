"""`kronika merge`: combine shard archives (one per Scrapyd node, say) into one archive."""

from __future__ import annotations

import click

from scraper.cli.options import ArchiveLocked


@click.command()
@click.argument("shards", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--into",
    "into",
    required=True,
    type=click.Path(dir_okay=False),
    help="The archive to merge into (created if missing).",
)
def merge(shards, into):
    """Merge the SHARDS archives into the archive INTO.

    Articles with every version, raw pages, attachments, tags, images, fetch
    warnings and crawl rows. The same content is never stored twice, the
    newest content of an article stays current, and merging again changes
    nothing. Every shard is checked first (intact, a Kronika archive, not of
    a newer schema): one that is not refuses the merge with a one-line
    reason and exit status 1, and INTO is not touched. Exit status 75 when a
    crawl of INTO is running. Prints one summary line per shard.

    \b
    Example: kronika merge node1.db node2.db --into archive.db
    """
    from scraper.archive.merge import MergeRefused, merge_archives
    from scraper.crawl.locking import CrawlLocked, crawl_lock

    try:
        with crawl_lock(into):
            outcomes = merge_archives(list(shards), into)
    except CrawlLocked as locked:
        raise ArchiveLocked(str(locked)) from None
    except MergeRefused as refused:
        raise click.ClickException(f"merge refused, nothing written: {refused}") from None
    for counts in outcomes:
        click.echo(counts.summary())
