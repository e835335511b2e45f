"""The `--sites FILE` option every site-aware command shares, and site names checked against the registry."""

from __future__ import annotations

import os

import click

from scraper.sites import ENVIRONMENT_VARIABLE, SITES, SitesError, environment_files, use_sites_files


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
    "--sites", "sites_file", metavar="FILE", is_eager=True, expose_value=False, callback=_use_sites_file,
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
