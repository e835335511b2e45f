"""Bounds on visitors' SQL: value size, the project's SQL functions' inputs, the server's file path."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable

# The largest string or blob any query may read or build (SQLITE_LIMIT_LENGTH).
# The largest values measured: 9.7 KB (an article_versions item) in a 2,000
# article bench archive, 6.9 KB in the mirror archive, whose raw pages are
# 5.3 KB (2.3 KB compressed). A stored value above the limit could not be read,
# so it is far above them; randomblob(5e8) now fails at once instead of after 16 s.
MAX_VALUE_BYTES = 16 * 1024 * 1024
# Inputs of the Python SQL functions beyond these lengths give NULL: each call
# then stays under ~0.1 s (kronika_fold folds ~14 million characters a second),
# so Datasette's time limit, checked between SQLite steps, can stop any query.
MAX_TEXT_CHARS = 1_000_000
MAX_QUERY_CHARS = 1_000


def bounded(function: Callable, *limits: int) -> Callable:
    """`function` returning NULL when its i-th string argument is longer than `limits[i]`."""

    @functools.wraps(function)
    def checked(*args):
        if any(isinstance(arg, str) and len(arg) > limit for arg, limit in zip(args, limits)):
            return None
        return function(*args)

    return checked


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
