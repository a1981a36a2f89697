"""per-source health: how many fetches failed, and the newest post each source brought

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "source_state", sa.Column("errors_total", sa.BigInteger(), server_default=sa.text("0"), nullable=False)
    )
    op.add_column("source_state", sa.Column("last_item_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("source_state") as batch:
        batch.drop_column("last_item_at")
        batch.drop_column("errors_total")
