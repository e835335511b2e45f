"""A search's matching article rowids, kept in a temp table of the connection so a page's queries share one FTS pass."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import hashlib
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from datasette.database import Database

from scraper.archive.document_search import matching_article_rowid_selects, matching_article_rowids_sql

# Temp tables of one connection; the least recently used goes past this many. A researcher's session
# returns to a few searches (facets, pages, the order switch); a broad search on 1,000,000 articles keeps
# about 7 MB of rowids, in SQLite's temp file beyond its page cache.
MAX_MATCH_SETS = 32
MATCH_SET_PREFIX = "kronika_match_"
# Which match sets this connection holds, when each was last used, and the
# database's data_version they were built at (another connection's commit
# changes it: a crawl added articles, and every set is rebuilt).
LEDGER = "temp.kronika_match_sets"
EXPRESSION_PARAMETER = "kronika_match_set"
# A search matching at most this share of the articles is read article by article from its set: the articles
# filter's `+rowid in (…)` (which walks the published_at index probing the set, the right plan for a common
# word) becomes `rowid in (…)`. On 100,000 articles a search matching none: its page 146 -> 36 ms; at 1.4%
# ("kamienicy Grodzka") both plans cost the same.
DRIVEN_BY_SET_SHARE = 0.005


@dataclass(frozen=True)
class MatchSet:
    """One search of one request: its MATCH expression and whether documents count as matches."""

    expression: str
    with_documents: bool

    @property
    def table(self) -> str:
        digest = hashlib.sha1(f"{self.with_documents}:{self.expression}".encode()).hexdigest()[:16]
        return f"temp.{MATCH_SET_PREFIX}{digest}"

    def rowids_sql(self) -> str:
        """The SELECT of the set's rowids, for an `IN (…)` of the page's queries."""
        return f"select rowid from {self.table}"


# The parameter the articles search filter (plugin.filters_from_request) passes its MATCH expression in.
SEARCH_PARAMETER = "polish_search"
# The match set the query being executed reads instead of its FTS subquery (MatchSetDatabase).
_pending: contextvars.ContextVar[MatchSet | None] = contextvars.ContextVar("kronika_pending_match_set", default=None)


def shared_match_sql(sql: str, params) -> tuple[str, MatchSet | None]:
    """`sql` reading its search's matches from the match set instead of its FTS subquery, and that set.

    (`sql`, None) when `sql` has no articles search subquery of :polish_search.
    """
    expression = params.get(SEARCH_PARAMETER) if isinstance(params, dict) else None
    if not isinstance(expression, str):
        return sql, None
    for with_documents in (True, False):  # the longer subquery first: it begins with the shorter
        subquery = matching_article_rowids_sql(SEARCH_PARAMETER, with_documents=with_documents)
        if subquery in sql:
            match_set = MatchSet(expression, with_documents)
            return sql.replace(subquery, match_set.rowids_sql()), match_set
    return sql, None


@contextlib.contextmanager
def reading(match_set: MatchSet | None):
    """Within this block, a MatchSetDatabase builds `match_set` on each connection it runs a function on."""
    token = _pending.set(match_set)
    try:
        yield
    finally:
        _pending.reset(token)


class MatchSetDatabase(Database):
    """Datasette's Database, running a search's FTS subquery once per search instead of once per query.

    An articles page with a search asks for its rows, its count and each
    facet; each repeated `rowid in (<the FTS match of :polish_search>)`, one
    FTS pass each. Here the subquery is replaced, as the query runs, by a
    read of the match set's temp table, built on first use. The SQL the page
    shows (and its "View and edit SQL" link) keeps the plain subquery.

    Every query reading a match set runs on one thread and connection of its
    own: the sets are the connection's temp tables, and a broad search's set
    on 1,000,000 articles takes 350 ms to build, which a second connection
    would pay again. Datasette's SQL thread meanwhile ranks the search's hits.
    """

    _match_set_executor: ThreadPoolExecutor | None = None
    _match_set_connection: sqlite3.Connection | None = None

    async def execute(self, sql, params=None, *args, **kwargs):
        shared, match_set = shared_match_sql(sql, params)
        if match_set is None:
            return await super().execute(sql, params, *args, **kwargs)
        share, _ = await self._on_match_set_thread(match_set, lambda conn: None)
        if share <= DRIVEN_BY_SET_SHARE:
            shared = shared.replace(f"+rowid in ({match_set.rowids_sql()})", f"rowid in ({match_set.rowids_sql()})")
        with reading(match_set):
            return await super().execute(shared, params, *args, **kwargs)

    async def execute_fn(self, fn):
        match_set = _pending.get()
        if match_set is None:
            return await super().execute_fn(fn)
        _, result = await self._on_match_set_thread(match_set, fn)
        return result

    async def _on_match_set_thread(self, match_set: MatchSet, fn):
        """(the set's share of the articles, `fn(connection)`), on the match sets' thread with the set built."""
        if self._match_set_executor is None:
            self._match_set_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kronika-match-sets")

        def in_thread():
            if self._match_set_connection is None:
                connection = self.connect()
                self.ds._prepare_connection(connection, self.name)  # as Datasette prepares its own
                self._match_set_connection = connection
            share = ensure_match_set(self._match_set_connection, match_set)
            return share, fn(self._match_set_connection)

        return await asyncio.get_running_loop().run_in_executor(self._match_set_executor, in_thread)


def ensure_match_set(conn, match_set: MatchSet) -> float:
    """Build `match_set`'s temp table on `conn` unless it is there and current; forget the oldest past MAX_MATCH_SETS.

    Returns the set's share of the archive's articles (0 to 1, estimated by the highest article rowid).
    """
    conn.execute(
        f"create table if not exists {LEDGER} (name text primary key, used integer, data_version integer, share real)"
    )
    data_version = conn.execute("pragma data_version").fetchone()[0]
    for (name,) in conn.execute(f"select name from {LEDGER} where data_version != ?", [data_version]).fetchall():
        _forget(conn, name)
    name = match_set.table
    used = (conn.execute(f"select coalesce(max(used), 0) + 1 from {LEDGER}").fetchone())[0]
    known = conn.execute(f"select share from {LEDGER} where name = ?", [name]).fetchone()
    if known:
        conn.execute(f"update {LEDGER} set used = ? where name = ?", [used, name])
        _end_transaction(conn)
        return known[0]
    conn.execute(f"create table {name} (rowid integer primary key)")
    # A statement per source, not their `union`: its de-duplication took a third of a broad set's 520 ms.
    for select in matching_article_rowid_selects(EXPRESSION_PARAMETER, with_documents=match_set.with_documents):
        conn.execute(f"insert or ignore into {name} {select}", {EXPRESSION_PARAMETER: match_set.expression})
    size = conn.execute(f"select count(*) from {name}").fetchone()[0]
    articles = conn.execute("select coalesce(max(rowid), 0) from articles").fetchone()[0]
    share = size / articles if articles else 0.0
    conn.execute(f"insert into {LEDGER} values (?, ?, ?, ?)", [name, used, data_version, share])
    for (oldest,) in conn.execute(
        f"select name from {LEDGER} order by used desc limit -1 offset {MAX_MATCH_SETS}"
    ).fetchall():
        _forget(conn, oldest)
    _end_transaction(conn)
    return share


def _end_transaction(conn) -> None:
    # Python's sqlite3 opens a transaction before an INSERT, even into a temp
    # table; left open, it would pin this connection to the archive as it was
    # then, and visitors would never see a crawl's new articles.
    if conn.in_transaction:
        conn.commit()


def _forget(conn, name: str) -> None:
    conn.execute(f"drop table if exists {name}")
    conn.execute(f"delete from {LEDGER} where name = ?", [name])
