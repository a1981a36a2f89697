"""per-source mentions per hour: the hour being counted, its count, and the previous hour's

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("source_state", sa.Column("hour_start", sa.DateTime(), nullable=True))
    op.add_column(
        "source_state", sa.Column("hour_mentions", sa.BigInteger(), server_default=sa.text("0"), nullable=False)
    )
    op.add_column(
        "source_state",
        sa.Column("previous_hour_mentions", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table("source_state") as batch:
        batch.drop_column("previous_hour_mentions")
        batch.drop_column("hour_mentions")
        batch.drop_column("hour_start")
