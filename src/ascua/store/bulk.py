"""Bulk inserts that skip rows already stored, fast on both databases.

On SQLite the rows go straight to the driver's ``executemany`` (a loop in C), with
values converted exactly as SQLAlchemy would store them; on PostgreSQL through
SQLAlchemy's ``executemany`` with ``ON CONFLICT DO NOTHING``. Both run inside the
caller's transaction. Values are always bound parameters, never SQL text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import JSON, Boolean, Connection, Table
from sqlalchemy.dialects import postgresql, sqlite

from ascua.store.schema import UTCDateTime

Converter = Callable[[Any], Any]


def insert_for(connection: Connection, table: Table) -> postgresql.Insert | sqlite.Insert:
    """An INSERT that understands ON CONFLICT on this connection's database."""
    if connection.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def _sqlite_datetime(value: datetime | None) -> str | None:
    # The storage format of SQLAlchemy's SQLite DATETIME, so that reads and comparisons agree.
    if value is None:
        return None
    if value.tzinfo is not UTC:
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; Ascua stores aware UTC times")
        value = value.astimezone(UTC)
    if 1000 <= value.year <= 9999:
        return value.isoformat(" ", "microseconds")[:26]  # drop "+00:00": fixed width up to there
    return value.replace(tzinfo=None).isoformat(" ", "microseconds")


def _sqlite_json(value: Any) -> str | None:
    return None if value is None else orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


def _sqlite_bool(value: Any) -> int | None:
    return None if value is None else int(bool(value))


def _converter(column_type: Any) -> Converter | None:
    if isinstance(column_type, UTCDateTime):
        return _sqlite_datetime
    if isinstance(column_type, JSON) or isinstance(getattr(column_type, "impl", None), JSON):
        return _sqlite_json
    if isinstance(column_type, Boolean):
        return _sqlite_bool
    return None


def insert_ignoring_conflicts(connection: Connection, table: Table, columns: Mapping[str, Sequence[Any]]) -> int | None:
    """Insert rows given column by column (``{"name": [values…], …}``), skipping rows that hit a
    unique constraint. Returns how many rows were inserted when the driver says (SQLite), else ``None``.
    """
    names = list(columns)
    size = len(columns[names[0]]) if names else 0
    if not size:
        return 0
    if connection.dialect.name != "sqlite":
        rows = [dict(zip(names, values, strict=True)) for values in zip(*columns.values(), strict=True)]
        connection.execute(insert_for(connection, table).on_conflict_do_nothing(), rows)
        return None
    quote = connection.dialect.identifier_preparer.quote
    statement = (  # names are the table's own, values are bound parameters
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(name) for name in names)}) "  # noqa: S608
        f"VALUES ({', '.join('?' for _ in names)}) ON CONFLICT DO NOTHING"
    )
    by_column: list[Sequence[Any]] = []
    for name, values in columns.items():
        convert = _converter(table.c[name].type)
        if convert is _sqlite_datetime:  # times repeat (one collection time per batch, authors' ages)
            known: dict[Any, Any] = {}
            values = [known[v] if v in known else known.setdefault(v, convert(v)) for v in values]
        elif convert is not None:
            values = list(map(convert, values))
        by_column.append(values)
    dbapi = connection.connection.driver_connection
    assert dbapi is not None
    cursor = dbapi.cursor()
    try:
        cursor.executemany(statement, zip(*by_column, strict=True))
        return int(cursor.rowcount)
    finally:
        cursor.close()
