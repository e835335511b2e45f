"""Bounds on visitors' SQL: value size, the project's SQL functions' inputs, the server's file path."""

from __future__ import annotations

import functools
import sqlite3
import threading
import time
from collections.abc import Callable

from datasette.database import Database

# The largest string or blob any query may read or build (SQLITE_LIMIT_LENGTH).
# A stored value above the limit could not be read, so it is far above the
# largest values archived (BENCHMARKS.md, SQL bounds); a query building a huge
# value (randomblob) fails at once instead of running to its time limit.
MAX_VALUE_BYTES = 16 * 1024 * 1024
# Inputs of the Python SQL functions beyond these lengths give NULL: each call
# then stays short (bench/sql_bounds.py, BENCHMARKS.md), so a query overruns
# its time limit by one call at most.
MAX_TEXT_CHARS = 1_000_000
MAX_QUERY_CHARS = 1_000


# When the query running on this thread began, marked by a ClockedDatabase; read by the guards of its connections.
query_clock = threading.local()


class StatementGuard:
    """The project's SQL functions on one connection, bounded in input and in time.

    Datasette's time limit is a progress handler run every 1,000 SQLite
    steps; a query doing little but call an expensive function on each row
    ran dozens of calls between two checks and stopped after 12.3 s instead
    of 3 s (bench/sql_bounds.py). So each function also looks at the clock:
    past `time_limit_s` since the running statement began it interrupts the
    statement, which Datasette reports as its usual "SQL query took too long".

    The start is SQLite's trace callback, or, with `clocked`, `query_clock`
    (a ClockedDatabase's connections): the callback also runs for each
    statement FTS5 runs inside a query, once per ranked match, which made
    ranking 72,000 matches 2.7x slower (250 ms against 90 ms).
    """

    def __init__(self, conn: sqlite3.Connection, time_limit_s: float, *, clocked: bool = False):
        self.conn = conn
        self.time_limit_s = time_limit_s
        self.clocked = clocked
        self.started = time.perf_counter()
        if not clocked:
            conn.set_trace_callback(self._statement_begins)

    def _statement_begins(self, _sql: str) -> None:
        self.started = time.perf_counter()

    def _running_for(self) -> float:
        started = getattr(query_clock, "started", None) if self.clocked else self.started
        return 0.0 if started is None else time.perf_counter() - started

    def bounded(self, function: Callable, *limits: int) -> Callable:
        """`function` giving NULL when its i-th string argument is longer than `limits[i]`, and checking the time."""

        @functools.wraps(function)
        def checked(*args):
            if self._running_for() > self.time_limit_s:
                self.conn.interrupt()
                return None
            if any(isinstance(arg, str) and len(arg) > limit for arg, limit in zip(args, limits)):
                return None
            return function(*args)

        return checked


class ClockedDatabase(Database):
    """Datasette's Database marking when each of its queries begins (`query_clock`), for clocked guards."""

    async def execute_fn(self, fn):
        def clocked(conn):
            query_clock.started = time.perf_counter()
            try:
                return fn(conn)
            finally:
                query_clock.started = None

        return await super().execute_fn(clocked)


def _hide_file_paths(action, table, column, _database, _trigger):
    # `select file from pragma_database_list` would show where the archive
    # lives on the server; its `file` column reads as NULL instead.
    if action == sqlite3.SQLITE_READ and table == "pragma_database_list" and column == "file":
        return sqlite3.SQLITE_IGNORE
    return sqlite3.SQLITE_OK


def limit_connection(conn: sqlite3.Connection) -> None:
    """Cap value sizes and hide the database's file path on a Datasette connection."""
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.set_authorizer(_hide_file_paths)
