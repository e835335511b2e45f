"""Serve the archive read-only with Datasette: metadata, settings, facets, the database, uvicorn."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import uvicorn
import yaml
from datasette.app import Datasette
from datasette.database import Database, QueryInterrupted
from datasette.facets import Facet
from datasette.plugins import pm
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

from scraper.archive.search import match_expression

logger = logging.getLogger(__name__)

# metadata.yml keys its database section, canned queries and dashboards by
# this name, so the archive is served under it whatever the file is called.
DATABASE_NAME = "archive"
METADATA_RESOURCE = "metadata.yml"
# Datasette only finds templates next to plugins that are packages; the kronika
# plugin is a module, so its templates are handed over explicitly.
TEMPLATES_RESOURCE = "templates"
SETTINGS = {
    "sql_time_limit_ms": 3000,
    "max_returned_rows": 2000,
    "facet_time_limit_ms": 1000,
    # Visitors get the data through JSON/CSV; the whole file is not offered.
    "allow_download": False,
    # Long article bodies would make the table page unreadable; row pages show them in full.
    "truncate_cells_html": 300,
    # Suggesting facets probes every column: 1.4 s of each articles page on 10,000 articles.
    "suggest_facets": False,
    # One query at a time per worker process (`--workers` uses the cores):
    # more threads only make concurrent searches time each other out.
    "num_sql_threads": 1,
}


class _BucketFacet(Facet):
    """A facet whose buckets come from one SQL query and toggle one filter argument."""

    order = "count desc, label"

    async def bucket_query(self, source: str) -> tuple[str, Callable[[object], tuple[str, str]]] | None:
        """(SELECT of value, label, count over `self.sql`; bucket value -> its filter argument), or None."""
        raise NotImplementedError

    async def facet_results(self):
        results, timed_out = [], []
        chosen = set(self.get_querystring_pairs())
        size = self.get_facet_size()
        for config in self.get_configs():
            source = config["config"].get("column") or config["config"]["simple"]
            query = await self.bucket_query(source)
            if query is None:
                logger.warning("%s facet: nothing to facet by for %r", self.type, source)
                continue
            select, filter_pair = query
            try:
                rows = (await self.ds.execute(
                    self.database, f"{select} order by {self.order} limit {size + 1}", self.params,
                    truncate=False, custom_time_limit=self.ds.setting("facet_time_limit_ms"),
                )).rows
            except QueryInterrupted:
                timed_out.append(source)
                continue
            buckets = []
            for row in rows[:size]:
                pair = filter_pair(row["value"])
                selected = pair in chosen
                toggle = (path_with_removed_args if selected else path_with_added_args)(self.request, dict([pair]))
                buckets.append({"value": row["value"], "label": row["label"], "count": row["count"],
                                "toggle_url": self.ds.absolute_url(self.request, toggle), "selected": selected})
            results.append({
                "name": source, "type": self.type, "results": buckets, "hideable": config["source"] != "metadata",
                "toggle_url": path_with_removed_args(self.request, {f"_facet_{self.type}": source}),
                "truncated": len(rows) > size,
            })
        return results, timed_out


class YearFacet(_BucketFacet):
    """`?_facet_year=published_at`: articles per year of an ISO date, in the date's own (Warsaw) time.

    Datasette's date facet converts offsets to UTC, which moves New Year's
    Eve articles into the next year; the first four characters don't.
    """

    type = "year"
    order = "value desc"

    async def bucket_query(self, source):
        column = escape_sqlite(source)
        select = (f"select substr({column}, 1, 4) as value, substr({column}, 1, 4) as label, count(*) as count "
                  f"from ({self.sql}) where {column} is not null group by value")
        return select, lambda value: (f"{source}__startswith", str(value))


class ManyToManyFacet(_BucketFacet):
    """`?_facet_m2m=tags`: rows per row of another table linked through a many-to-many table."""

    type = "m2m"

    async def _link(self, other: str) -> tuple[str, dict, dict] | None:
        database = self.ds.get_database(self.database)
        for candidate in await database.table_names():
            keys = await database.foreign_keys_for_table(candidate)
            to_us = [key for key in keys if key["other_table"] == self.table]
            to_other = [key for key in keys if key["other_table"] == other]
            if to_us and to_other:
                return candidate, to_us[0], to_other[0]
        return None

    async def bucket_query(self, source):
        link = await self._link(source) if self.table else None
        if link is None:
            return None
        through, to_us, to_other = link
        database = self.ds.get_database(self.database)
        label = await database.label_column_for_table(source) or to_other["other_column"]
        select = (
            f"select other.{escape_sqlite(to_other['other_column'])} as value, other.{escape_sqlite(label)} as label, "
            f"count(*) as count from ({self.sql}) inner_rows "
            f"join {escape_sqlite(through)} link on link.{escape_sqlite(to_us['column'])} = "
            f"inner_rows.{escape_sqlite(to_us['other_column'])} "
            f"join {escape_sqlite(source)} other on other.{escape_sqlite(to_other['other_column'])} = "
            f"link.{escape_sqlite(to_other['column'])} group by value"
        )
        return select, lambda value: ("_through", _through_argument(through, to_other["column"], value))


def _through_argument(through: str, column: str, value) -> str:
    return json.dumps({"table": through, "column": column, "value": str(value)}, separators=(",", ":"))


def load_metadata() -> dict:
    """The packaged `scraper/metadata.yml` (the top-level `metadata.yml` is an identical copy)."""
    text = resources.files("scraper").joinpath(METADATA_RESOURCE).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _register_plugin() -> None:
    # Installed packages register the plugin through the `datasette` entry
    # point; a source checkout without `pip install` needs it done by hand.
    from scraper import datasette_plugin

    if not pm.is_registered(datasette_plugin):
        pm.register(datasette_plugin, name="kronika")


# How `serve` tells worker processes (scraper.archive.asgi) which archive to open.
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
    templates = resources.files("scraper").joinpath(TEMPLATES_RESOURCE)
    datasette = Datasette(metadata=load_metadata(), settings=SETTINGS, template_dir=str(templates))
    # With no files Datasette adds an in-memory database; visitors don't need it.
    datasette.remove_database("_memory")
    datasette.add_database(Database(datasette, path=str(path), is_mutable=True), name=DATABASE_NAME)
    return datasette


def serve(db: str, host: str, port: int, workers: int = 1) -> None:
    """Serve the archive at `db` on http://host:port until interrupted, in `workers` processes.

    Datasette answers a request in one process at a time for most of its
    work (templates, metadata); more processes use more cores.
    """
    datasette = datasette_instance(db)  # fails here, once, if `db` is missing
    # The first lemmatisation loads simplemma's Polish dictionary (~2 s); pay it
    # before listening rather than in the first visitor's search.
    match_expression("rewitalizacja")
    logger.info("serving %s read-only at http://%s:%d/ (%d workers)", db, host, port, workers)
    if workers == 1:
        uvicorn.run(datasette.app(), host=host, port=port, log_level="info")
        return
    os.environ[ARCHIVE_ENV] = str(Path(db).resolve())
    uvicorn.run("scraper.archive.asgi:app", host=host, port=port, workers=workers, log_level="info")
