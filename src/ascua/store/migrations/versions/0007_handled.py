"""mentions marked as handled: they leave the queue of people waiting for an answer

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "handled",
        sa.Column("mention_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("brand_id", sa.Integer(), nullable=False),
        sa.Column("by", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["brand_id"], ["brand.id"], name=op.f("fk_handled_brand_id_brand")),
        sa.ForeignKeyConstraint(["mention_id"], ["mention.id"], name=op.f("fk_handled_mention_id_mention")),
        sa.PrimaryKeyConstraint("mention_id", "brand_id", name=op.f("pk_handled")),
    )


def downgrade() -> None:
    op.drop_table("handled")
