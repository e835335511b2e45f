"""The options every `kronika` command shares, declared once: --db, --sites, --site, --format, --since/--until, -v."""

from __future__ import annotations

import os
from pathlib import Path

import click

from scraper.archive.export import FORMATS, date_bound
from scraper.sites import ENVIRONMENT_VARIABLE, SITES, SitesError, environment_files, use_sites_files

DEFAULT_DB = "archive.db"
EXIT_LOCKED = 75  # EX_TEMPFAIL: another crawl of the archive is running, try again later; nothing was done


class ArchiveLocked(click.ClickException):
    """Another crawl (or merge) of the archive holds its lock: the group's one-line error, exit 75."""

    exit_code = EXIT_LOCKED


db_option = click.option(
    "--db",
    "db_path",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The archive database (an SQLite file).",
)


def existing_db(db_path: str) -> Path:
    """The archive path, or a one-line error if there is none (SQLite would silently create it)."""
    path = Path(db_path)
    if not path.is_file():
        raise click.ClickException(f"no archive at {db_path} (run `kronika crawl` first or pass --db)")
    return path


def _use_sites_file(ctx, param, value):
    if value:
        try:
            use_sites_files(value)
        except SitesError as error:
            raise click.BadParameter(str(error), ctx=ctx, param=param) from None
        # Worker processes (Datasette's, say) read the registry afresh: they get the same sites.
        os.environ[ENVIRONMENT_VARIABLE] = os.pathsep.join([*environment_files(), value])
    return value


sites_option = click.option(
    "--sites",
    "sites_file",
    metavar="FILE",
    is_eager=True,
    expose_value=False,
    callback=_use_sites_file,
    type=click.Path(exists=True, dir_okay=False),
    help=f"A sites file (the shape of scraper/sites/sites.toml) adding sites or replacing same-named ones "
    f"(also env {ENVIRONMENT_VARIABLE}).",
)


class SiteName(click.Choice):
    """A declared site's name; the choices are read when used, so a --sites file's sites count."""

    def __init__(self):
        super().__init__(())

    @property
    def choices(self):
        return tuple(sorted(SITES))

    @choices.setter
    def choices(self, _):
        pass  # always the registry's


site_option = click.option("--site", type=SiteName(), help="Only this declared site.")

format_option = click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True, help="Output format."
)


def _date_bound(ctx, param, value):
    option = f"--{param.name}"
    try:
        return date_bound(value, option) if value else None
    except ValueError as error:  # click names the option itself
        raise click.BadParameter(str(error).removeprefix(f"{option}: "), ctx=ctx, param=param) from None


since_option = click.option(
    "--since", callback=_date_bound, metavar="DATE", help="Published on or after: YYYY-MM-DD or ISO 8601."
)
until_option = click.option(
    "--until", callback=_date_bound, metavar="DATE", help="Published on or before: YYYY-MM-DD or ISO 8601."
)

verbose_option = click.option("-v", "--verbose", count=True, help="More logging (-v: info, -vv: debug).")
