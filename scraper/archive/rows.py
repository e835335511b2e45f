"""Plain INSERT/UPDATE for the archive's hot path (the schema itself is sqlite-utils')."""

from __future__ import annotations

import functools

import sqlite_utils


@functools.lru_cache(maxsize=64)
def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(f"[{column}]" for column in columns)
    return f"INSERT INTO [{table}] ({names}) VALUES ({', '.join('?' * len(columns))})"


@functools.lru_cache(maxsize=64)
def _update_sql(table: str, columns: tuple[str, ...], key: str) -> str:
    assignments = ", ".join(f"[{column}] = ?" for column in columns)
    return f"UPDATE [{table}] SET {assignments} WHERE [{key}] = ?"


def insert_rows(db: sqlite_utils.Database, table: str, rows: list[dict]) -> None:
    """Insert rows that all have the same keys, in order.

    sqlite-utils' insert re-reads the table's columns on every call; per
    article that was most of the archive's write time. SQLite caches the
    prepared statement for the repeated SQL text.
    """
    if not rows:
        return
    columns = tuple(rows[0])
    db.conn.executemany(_insert_sql(table, columns), [tuple(row[column] for column in columns) for row in rows])


def update_row(db: sqlite_utils.Database, table: str, key: str, row: dict) -> None:
    """Set `row`'s columns on the row whose `key` column equals `row[key]`."""
    columns = tuple(column for column in row if column != key)
    db.conn.execute(_update_sql(table, columns, key), [row[column] for column in columns] + [row[key]])
