"""Datasette facets for the archive: publication year in Warsaw time, and tags through articles_tags."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

logger = logging.getLogger(__name__)


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
                rows = (
                    await self.ds.execute(
                        self.database,
                        f"{select} order by {self.order} limit {size + 1}",
                        self.params,
                        truncate=False,
                        custom_time_limit=self.ds.setting("facet_time_limit_ms"),
                    )
                ).rows
            except QueryInterrupted:
                timed_out.append(source)
                continue
            buckets = []
            for row in rows[:size]:
                pair = filter_pair(row["value"])
                selected = pair in chosen
                toggle = (path_with_removed_args if selected else path_with_added_args)(self.request, dict([pair]))
                buckets.append(
                    {
                        "value": row["value"],
                        "label": row["label"],
                        "count": row["count"],
                        "toggle_url": self.ds.absolute_url(self.request, toggle),
                        "selected": selected,
                    }
                )
            results.append(
                {
                    "name": source,
                    "type": self.type,
                    "results": buckets,
                    "hideable": config["source"] != "metadata",
                    "toggle_url": path_with_removed_args(self.request, {f"_facet_{self.type}": source}),
                    "truncated": len(rows) > size,
                }
            )
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
        select = (
            f"select substr({column}, 1, 4) as value, substr({column}, 1, 4) as label, count(*) as count "
            f"from ({self.sql}) where {column} is not null group by value"
        )
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
