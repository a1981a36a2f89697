"""Alembic environment: Ascua passes an open connection in ``config.attributes``."""

from __future__ import annotations

from alembic import context

from ascua.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - Ascua always passes one
    raise RuntimeError("run migrations through ascua.store.database.upgrade()")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
