"""The `kronika extract` command: parse one saved page as the page at a URL and print the item."""

from __future__ import annotations

import json
from pathlib import Path

import click

from scraper.cli.options import sites_option
from scraper.extract.assemble import extract_article
from scraper.extract.errors import ExtractionError, NoArticleFound


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--url", required=True, help="The live URL the page was fetched from (decides the site layer).")
@sites_option
def extract(file: Path, url: str) -> None:
    """Parse one saved page FILE (raw bytes, any encoding) as the page at URL; print the item as JSON.

    Hosts of a declared site (scraper/sites/sites.toml, or --sites FILE) use
    the site's own layer first; any other host goes straight to labels,
    meta/JSON-LD and the generic extractor. Exits 1 with a one-line reason when
    FILE is no HTML article, and with "no article found in FILE" when it is
    readable but nothing in it is article-like (plain text; neither a title nor
    a body of substance).

    \b
    Example: kronika extract saved.html --url https://przemysl.pl/123456/tytul.html
    """
    try:
        item = extract_article(file.read_bytes(), url)
    except NoArticleFound:
        raise click.ClickException(f"no article found in {file}") from None
    except ExtractionError as error:
        raise click.ClickException(f"{file}: {error}") from error
    click.echo(json.dumps(item, ensure_ascii=False, indent=2))
