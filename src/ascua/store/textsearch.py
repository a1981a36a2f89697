"""The full-text index of the mentions (SQLite FTS5, migration 0008): a prefilter for the query
language.

A compiled query knows its anchors: words (or ``stem*``) of which a matching post contains at
least one (:mod:`ascua.query.compile`). The index finds the posts with one of them at once; the
whole query is then checked on those only, exactly as before. Only plain words are asked of the
index (letters and digits, as both the index and the query language split them); a query with any
other anchor, or none (``lang:es -spam``), and a database without the index (PostgreSQL, a SQLite
without FTS5) read the mentions as before.

The index is filled in the background (:func:`catch_up`, run by the dashboard), in order of the
mentions' ids, and knows how far it got: a search asks it for the mentions up to there and reads
the ones after as before, so it is exact while the index catches up, and storing mentions never
waits for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import column, func, literal_column, or_, select, table, text
from sqlalchemy.engine import Connection, Engine

from ascua.store.schema import mention, setting

FEW_HITS = 20_000  # up to this many posts with a query's words, the index leads a search (they are sorted)
BATCH = 5_000  # mentions indexed per transaction: a short hold of SQLite's write lock
_WORD = re.compile(r"^[^\W_]{2,}\*?$")
_INDEX = table("mention_fts", column("rowid"))
_KEY = "fts_indexed"
_known: WeakKeyDictionary[Engine, bool] = WeakKeyDictionary()
_FILL = text("INSERT INTO mention_fts (rowid, text) SELECT id, text FROM mention WHERE id > :upto AND id <= :last")


def has_index(connection: Connection) -> bool:
    """Whether the database has the full-text index (asked once per engine)."""
    if connection.dialect.name != "sqlite":
        return False
    engine = connection.engine
    found = _known.get(engine)
    if found is None:
        found = connection.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'mention_fts'")).first() is not None
        _known[engine] = found
    return found


def indexed_upto(connection: Connection) -> int | None:
    """The id up to which every mention is in the index (``None``: no index)."""
    if not has_index(connection):
        return None
    value = connection.execute(select(setting.c.value).where(setting.c.key == _KEY)).scalar()
    return int(value or 0)


def catch_up(engine: Engine, *, batch: int = BATCH, limit: int | None = None) -> int:
    """Index the mentions stored since the index last caught up, ``batch`` at a time (at most
    ``limit`` in all); how many were indexed."""
    done = 0
    while limit is None or done < limit:
        with engine.begin() as connection:
            upto = indexed_upto(connection)
            if upto is None:
                return done
            ids = select(mention.c.id).where(mention.c.id > upto).order_by(mention.c.id).limit(batch).subquery()
            count, last = connection.execute(select(func.count(), func.max(ids.c.id))).one()
            if not count:
                return done
            connection.execute(_FILL, {"upto": upto, "last": last})
            connection.execute(setting.update().where(setting.c.key == _KEY).values(value=str(last)))
            done += count
    return done


def match_expression(anchors: frozenset[str] | None) -> str | None:
    """The FTS5 expression for "one of these anchors" (``None``: the index cannot answer it)."""
    if not anchors:
        return None
    parts = []
    for anchor in sorted(anchors):
        if not _WORD.match(anchor):
            return None
        word = anchor.rstrip("*")
        parts.append(f'"{word}"*' if anchor.endswith("*") else f'"{word}"')
    return " OR ".join(parts)


@dataclass(frozen=True)
class Lookup:
    """What the index can say of a query: its FTS5 expression, and how far the index reached."""

    expression: str
    upto: int
    newest: int

    def on(self, key: Any) -> Any:
        """The condition on ``key`` (a mention id column): one of the words, or not indexed yet."""
        matching = key.in_(select(_INDEX.c.rowid).where(literal_column("mention_fts").op("MATCH")(self.expression)))
        return matching if self.newest <= self.upto else or_(key > self.upto, matching)

    def hits(self, connection: Connection, cap: int) -> int:
        """How many indexed posts have one of the words, counted up to ``cap``: few hits are
        best sorted, many are best found walking back in time."""
        found = select(_INDEX.c.rowid).where(literal_column("mention_fts").op("MATCH")(self.expression))
        return int(connection.execute(select(func.count()).select_from(found.limit(cap).subquery())).scalar() or 0)


def lookup(connection: Connection, anchors: frozenset[str] | None) -> Lookup | None:
    """The index's :class:`Lookup` for a query's anchors, or ``None`` when the index cannot help."""
    expression = match_expression(anchors)
    if expression is None:
        return None
    upto = indexed_upto(connection)
    if upto is None or upto == 0:
        return None
    newest = connection.execute(select(func.max(mention.c.id))).scalar() or 0
    return Lookup(expression, upto, newest)


def prefilter(connection: Connection, anchors: frozenset[str] | None) -> Any:
    """A SQL condition on ``mention.id`` keeping only posts with one of ``anchors`` (and every
    post the index has not reached yet), or ``None`` when the index cannot help."""
    found = lookup(connection, anchors)
    return None if found is None else found.on(mention.c.id)
