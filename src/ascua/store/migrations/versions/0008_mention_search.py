"""full-text index of the mentions' text (SQLite FTS5): the query language's prefilter

A search in the query language (the mentions page, ``ascua query test``) asks the index first
for the posts that contain one of the query's anchors (docs/queries.md), then checks the whole
query on those only. SQLite only, where its FTS5 module is built in. The dashboard fills it in the
background, in order of the mentions' ids, and keeps how far it got (``setting`` ``fts_indexed``):
storing mentions does not wait for it, and a search reads the mentions not indexed yet as before
(ascua.store.textsearch). PostgreSQL and a SQLite without FTS5 go on reading every mention.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

STATEMENTS = (
    # only which posts hold which words (detail=none): the whole query is checked on them after
    "CREATE VIRTUAL TABLE mention_fts USING fts5(text, content='mention', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2', detail=none, columnsize=0)",
    "INSERT INTO setting (key, value) VALUES ('fts_indexed', '0')",
    # Ascua never changes a stored text nor deletes a mention; should that ever happen, the index follows
    "CREATE TRIGGER mention_fts_delete AFTER DELETE ON mention "
    "WHEN old.id <= (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'fts_indexed') BEGIN "
    "INSERT INTO mention_fts(mention_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER mention_fts_update AFTER UPDATE OF text ON mention "
    "WHEN old.id <= (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'fts_indexed') BEGIN "
    "INSERT INTO mention_fts(mention_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO mention_fts(rowid, text) VALUES (new.id, new.text); END",
)


def _fts5(connection: sa.engine.Connection) -> bool:
    try:
        connection.execute(sa.text("CREATE VIRTUAL TABLE temp.ascua_fts_probe USING fts5(x)"))
        connection.execute(sa.text("DROP TABLE temp.ascua_fts_probe"))
        return True
    except sa.exc.OperationalError:
        return False


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite" or not _fts5(connection):
        return
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("mention_fts_delete", "mention_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS mention_fts")
    op.execute("DELETE FROM setting WHERE key = 'fts_indexed'")
