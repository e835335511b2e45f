"""`kronika crawl`: crawl the sites into the archive, incrementally, safe for cron."""

from __future__ import annotations

import click

from scraper.cli.options import ArchiveLocked, SiteName, db_option, sites_option, verbose_option
from scraper.sites import SITES


@click.command()
@click.argument("sites", nargs=-1, type=SiteName())
@sites_option
@db_option
@click.option(
    "--mirror", metavar="URL", help="Crawl a recorded mirror (e.g. http://127.0.0.1:8765) instead of the live sites."
)
@click.option("--full", is_flag=True, help="Re-crawl everything instead of stopping at archived articles.")
@click.option(
    "--contact",
    envvar="KRONIKA_CONTACT_URL",
    metavar="URL",
    help="Contact URL for the User-Agent (env KRONIKA_CONTACT_URL); set it for live crawls.",
)
@click.option(
    "-s",
    "--set",
    "overrides",
    multiple=True,
    metavar="NAME=VALUE",
    help="Override a Scrapy or Kronika setting for this run (repeatable), e.g. -s DOWNLOAD_TIMEOUT=10.",
)
@verbose_option
def crawl(sites, db_path, mirror, full, contact, overrides, verbose):
    """Crawl all declared sites (or the named SITES) into the archive.

    Incremental by default: each listing is read until enough already
    archived articles in a row show the rest is archived; recent articles are
    re-checked with conditional requests. Prints one summary line per site.

    Each run is bounded per site (listing pages, new articles, a deadline,
    a page size cap; see docs/crawl-bounds.md); the summary names failed
    articles with their reasons.

    Exit status: 0 when every site crawled cleanly; 1 when a site failed,
    an article failed or was too large, a run bound or the deadline was
    reached, fetches looked suspect, errors were logged, retries ran out or
    a site looks changed (the reason is printed and stored in the `crawls`
    table); 75 when another crawl of the same archive is running (nothing
    is done).

    \b
    Example: kronika crawl
    Example: kronika crawl gdynia --db gdynia.db --full
    Example: kronika crawl --mirror http://127.0.0.1:8765 -v
    """
    from scraper.crawl.locking import CrawlLocked, crawl_lock
    from scraper.crawl.runner import crawl_settings, run_crawl

    settings = crawl_settings(db_path, mirror, full, verbose, contact)
    for override in overrides:
        name, sep, value = override.partition("=")
        if not sep:
            raise click.BadParameter(f"{override!r} is not NAME=VALUE", param_hint="-s")
        settings.set(name, value, priority="cmdline")
    try:
        with crawl_lock(db_path):
            outcomes = run_crawl(list(sites or SITES), settings)
    except CrawlLocked as locked:
        raise ArchiveLocked(str(locked)) from None
    for outcome in outcomes:
        click.echo(outcome.summary())
    failed = [outcome for outcome in outcomes if outcome.exit_status]
    if failed:
        error = click.ClickException(
            "crawl failed: " + " | ".join(f"{o.site}: {'; '.join(o.problems)}" for o in failed)
        )
        error.exit_code = max(outcome.exit_status for outcome in failed)
        raise error
