"""The articles table's search results: hits best first (or newest first), with snippets and where they matched."""

from __future__ import annotations

import asyncio
import contextvars
import json
import logging
import re
import urllib.parse

from datasette.filters import Filters
from datasette.utils import await_me_maybe
from markupsafe import Markup, escape

from scraper.archive.document_search import search_articles
from scraper.archive.snippet import SNIPPET_MARK
from scraper.serve.match_sets import MatchSetDatabase, reading, shared_match_sql

logger = logging.getLogger(__name__)

SEARCHED_TABLE = "articles"
# datasette-search-all's page, answered by search_all_target.
SEARCH_ALL_PATH = "/-/search"
# Best-first results shown on one page: relevance has no keyset to page by.
RELEVANCE_HITS = 50
# Args that order the table: with one, hits keep Datasette's order (newest first), paged as usual.
SORT_ARGS = ("_sort", "_sort_desc")
# Datasette's table SQL ends "limit <page size + 1>[ offset <n>]"; as a subquery of ids it must not.
TRAILING_LIMIT = re.compile(r"\s+limit\s+\d+(\s+offset\s+\d+)?\s*$", re.IGNORECASE)
# Datasette's args that narrow rows and start with "_"; column filters (`site=…`, `published_at__gte=…`) don't.
NARROWING_ARGS = ("_where", "_through")
# Where a hit matched, as the results list says it.
MATCHED_IN = {"title": "w tytule", "lead": "we wstępie", "body": "w treści"}


async def search_all_target(datasette, query_string: str) -> str:
    """Where `/-/search?q=…` leads: the articles table's Polish search in the archive (its index page if none).

    datasette-search-all's own page lists every column of the articles JSON,
    raw body HTML and the index tokens shown as escaped text; the table
    search covers articles and their documents and shows snippets.
    """
    query = urllib.parse.parse_qs(query_string).get("q", [""])[0]
    for name, database in datasette.databases.items():
        if name != "_internal" and await database.table_exists(SEARCHED_TABLE):
            table = datasette.urls.table(name, SEARCHED_TABLE)
            return f"{table}?{urllib.parse.urlencode({'_search': query})}" if query else table
    return datasette.urls.instance()


def marked(snippet: str | None) -> Markup:
    """A snippet as HTML: its text escaped, its **marked** words in <mark> (nothing else is markup)."""
    pieces = str(escape(snippet or "")).split(SNIPPET_MARK)
    # Odd pieces sat between a pair of marks.
    return Markup("".join(f"<mark>{piece}</mark>" if index % 2 else piece for index, piece in enumerate(pieces)))


def matched_in(hit: dict) -> str:
    """Where a hit matched, in Polish: "w tytule", or "w dokumencie plan.pdf, s. 2"."""
    if hit["matched_in"] == "document":
        return f"w dokumencie {hit['filename'] or hit['sha256']}, s. {hit['page']}"
    return MATCHED_IN[hit["matched_in"]]


def newest_first(request) -> bool:
    """True when the visitor chose an order (the "newest first" switch is `_sort_desc=published_at`)."""
    return any(arg in request.args for arg in SORT_ARGS)


def _is_column_filter(key: str) -> bool:
    # Datasette's rule: "_" args without "__" are options (?_search=, ?_sort=), every other arg filters a column.
    return not (key.startswith("_") and "__" not in key)


def narrowed(request) -> bool:
    """True when the table's rows are filtered by more than the search (a facet chosen, a column filter)."""
    return any(_is_column_filter(key) or key in NARROWING_ARGS for key in request.args)


async def best_first_description(datasette, database: str, table: str, request) -> str:
    """The heading's description of a best-first search: Datasette's, without its "sorted by published_at".

    Rebuilt as the table view builds it (column filters, then every
    filters_from_request hook's words): the rows it lists are in Datasette's
    order, but the hits shown are best first.
    """
    # Imported here: datasette.plugins imports this package (the entry point) while it loads.
    from datasette.plugins import pm

    pairs = [(key, value) for key in request.args if _is_column_filter(key) for value in request.args.getlist(key)]
    extra = []
    for hook in pm.hook.filters_from_request(request=request, table=table, database=database, datasette=datasette):
        arguments = await await_me_maybe(hook)
        if arguments:
            extra.extend(arguments.human_descriptions)
    return Filters(sorted(pairs)).human_description_en(extra=extra)


# query -> its best-first hits, started with the page: set (empty) for each articles page that lists its rows.
early_hits: contextvars.ContextVar[dict | None] = contextvars.ContextVar("kronika_early_hits", default=None)


def _best_first_hits(served, query: str):
    return served.execute_fn(lambda conn: search_articles(conn, query, limit=RELEVANCE_HITS))


def _retrieve_error(task: asyncio.Task) -> None:
    # A page that never shows its hits (an error page) leaves the task unawaited: its error is logged, not lost.
    if not task.cancelled() and task.exception() is not None:
        logger.warning("search hits of an unshown page failed: %r", task.exception())


def start_hits(datasette, database: str, request, query: str) -> None:
    """Begin ranking a best-first page's hits now, on Datasette's SQL thread, while the page's rows, count and
    facets run on the match sets' thread (match_sets.MatchSetDatabase).

    Only for the search alone (no facet chosen, no filter), on pages that
    list their hits; the template's kronika_search_hits then awaits them.
    """
    started = early_hits.get()
    if started is None or query in started or newest_first(request) or narrowed(request):
        return
    task = asyncio.ensure_future(_best_first_hits(datasette.get_database(database), query))
    task.add_done_callback(_retrieve_error)
    started[query] = task


def hits_function(datasette, database: str, request, query: str):
    """The template's `kronika_search_hits(sql, params, page_ids)`: search hits among the table's filtered rows.

    Best first: the RELEVANCE_HITS best among every row Datasette's `sql`
    (its filters and facet selections) selects, or among all hits when
    nothing but the search narrows the table. Newest first: the hits of
    the rows on this page (`page_ids`), in their order.
    """

    async def search_hits(sql: str, params: dict, page_ids: list[str]) -> list[dict]:
        if newest_first(request):
            within, within_params, limit = (
                "select value from json_each(:kronika_ids)",
                {"kronika_ids": json.dumps(page_ids)},
                len(page_ids),
            )
        elif narrowed(request):
            within, within_params, limit = f"select id from ({TRAILING_LIMIT.sub('', sql)})", params, RELEVANCE_HITS
        else:  # the search alone: every hit is among the table's rows
            started = (early_hits.get() or {}).get(query)
            return await (started or _best_first_hits(datasette.get_database(database), query))
        served = datasette.get_database(database)
        match_set = None
        if isinstance(served, MatchSetDatabase):  # narrowed: `within` reads the set the page's queries built
            within, match_set = shared_match_sql(within, within_params)
        with reading(match_set):
            hits = await served.execute_fn(
                lambda conn: search_articles(conn, query, limit=limit, within=within, within_params=within_params)
            )
        if newest_first(request):
            place = {article_id: index for index, article_id in enumerate(page_ids)}
            hits.sort(key=lambda hit: place[hit["article_id"]])
        return hits

    return search_hits
