"""Serve the archive read-only with Datasette: metadata, settings, facets, the database, uvicorn."""

from __future__ import annotations

import logging
import os
import sqlite3
from importlib import resources
from pathlib import Path

import sqlite_utils
import uvicorn
import yaml
from datasette.app import Datasette
from datasette.plugins import pm

from scraper.archive.search import INDEX_VERSION, match_expression, stored_index_version
from scraper.serve.budget import BudgetedDatabase
from scraper.serve.match_sets import MatchSetDatabase
from scraper.serve.nodelay import NO_DELAY_PROTOCOL
from scraper.serve.plugin import PLUGIN_NAME, READ_ONLY_FLAG
from scraper.serve.sqlbounds import ClockedDatabase

logger = logging.getLogger(__name__)

# metadata.yml keys its database section, canned queries and dashboards by
# this name, so the archive is served under it whatever the file is called.
DATABASE_NAME = "archive"
METADATA_RESOURCE = "metadata.yml"
SETTINGS = {
    "sql_time_limit_ms": 3000,
    "max_returned_rows": 2000,
    # Each facet's own limit; an articles page's facets also share budget.FACET_BUDGET_MS.
    "facet_time_limit_ms": 1000,
    # Visitors get the data through JSON/CSV; the whole file is not offered.
    "allow_download": False,
    # Long article bodies would make the table page unreadable; row pages show them in full.
    "truncate_cells_html": 300,
    # Suggesting facets probes every column: 1.4 s of each articles page on 10,000 articles.
    "suggest_facets": False,
    # One per worker process (`--workers` uses the cores), beside the thread of the searches' match sets
    # (match_sets.py): a best-first search ranks its hits here while its page's rows, count and facets run
    # there (search_page.start_hits). More only make concurrent searches time each other out.
    "num_sql_threads": 1,
}


def load_metadata() -> dict:
    """The packaged `scraper/serve/metadata.yml` (the top-level `metadata.yml` links to it)."""
    text = resources.files("scraper.serve").joinpath(METADATA_RESOURCE).read_text(encoding="utf-8")
    return yaml.safe_load(text)


class ArchiveDatabase(BudgetedDatabase, ClockedDatabase, MatchSetDatabase):
    """The served archive: articles pages within their time budget, a search's FTS pass shared by its
    queries, each query's start marked for the SQL functions' time checks."""


UNUSED_MARKDOWN_PLUGIN = "render_markdown"


def _register_plugin() -> None:
    # Installed packages register the plugin through the `datasette` entry
    # point; a source checkout without `pip install` needs it done by hand,
    # and an install from before the plugin was the package (entry point
    # scraper.serve.plugin) gets the package instead: its templates and static files.
    import scraper.serve as package

    # datasette-dashboards brings datasette-render-markdown; Kronika has no Markdown column or chart, and its
    # render_cell looked up its configuration for every string cell of every table page (40 ms of 100 articles).
    if pm.get_plugin(UNUSED_MARKDOWN_PLUGIN) is not None:
        pm.unregister(name=UNUSED_MARKDOWN_PLUGIN)
    registered = pm.get_plugin(PLUGIN_NAME)
    if registered is package:
        return
    if registered is not None:
        pm.unregister(registered)
    pm.register(package, name=PLUGIN_NAME)


# How `serve` tells worker processes (scraper.serve.asgi) which archive to open.
ARCHIVE_ENV = "KRONIKA_ARCHIVE_DB"


def datasette_instance(db: str | Path) -> Datasette:
    """A Datasette over the archive at `db`: read-only, Kronika's metadata, settings and plugin.

    The file is opened with `mode=ro`, not `immutable`: a crawl may be writing
    to it (WAL), and visitors should see its new rows as they are committed.
    Raises FileNotFoundError when there is no database at `db`.
    """
    path = Path(db)
    if not path.is_file():
        raise FileNotFoundError(f"no archive database at {path} (run `kronika crawl` first)")
    _register_plugin()
    # The plugin package brings its own templates/ and static/ (Datasette finds them).
    metadata = load_metadata()
    # Only this Datasette is read-only-wrapped (scraper.serve.plugin.asgi_wrapper), not every one loading the plugin.
    metadata.setdefault("plugins", {}).setdefault(PLUGIN_NAME, {})[READ_ONLY_FLAG] = True
    datasette = Datasette(metadata=metadata, settings=SETTINGS)
    # With no files Datasette adds an in-memory database; visitors don't need it.
    datasette.remove_database("_memory")
    datasette.add_database(ArchiveDatabase(datasette, path=str(path), is_mutable=True), name=DATABASE_NAME)
    return datasette


def warn_if_search_index_stale(db: str | Path) -> bool:
    """Warn (and say True) when the archive's search index predates this Kronika's: its searches find
    nothing until a writing command re-indexes it, which the read-only server cannot do."""
    connection = sqlite3.connect(f"file:{Path(db).resolve()}?mode=ro", uri=True)
    try:
        version = stored_index_version(sqlite_utils.Database(connection))
    finally:
        connection.close()
    if version == INDEX_VERSION:
        return False
    logger.warning(
        "search index of %s is version %s, this Kronika searches version %d: searches find little "
        "until `kronika crawl` (or any command that writes the archive) re-indexes it once",
        db,
        version,
        INDEX_VERSION,
    )
    return True


def serve(db: str, host: str, port: int, workers: int = 1) -> None:
    """Serve the archive at `db` on http://host:port until interrupted, in `workers` processes.

    Datasette answers a request in one process at a time for most of its
    work (templates, metadata); more processes use more cores.
    """
    datasette = datasette_instance(db)  # fails here, once, if `db` is missing
    warn_if_search_index_stale(db)
    # The first lemmatisation loads Morfeusz's Polish dictionary (~0.2 s); pay
    # it before listening rather than in the first visitor's search.
    match_expression("rewitalizacja")
    logger.info("serving %s read-only at http://%s:%d/ (%d workers)", db, host, port, workers)
    if workers == 1:
        uvicorn.run(datasette.app(), host=host, port=port, http=NO_DELAY_PROTOCOL, log_level="info")
        return
    os.environ[ARCHIVE_ENV] = str(Path(db).resolve())
    uvicorn.run(
        "scraper.serve.asgi:app", host=host, port=port, workers=workers, http=NO_DELAY_PROTOCOL, log_level="info"
    )
