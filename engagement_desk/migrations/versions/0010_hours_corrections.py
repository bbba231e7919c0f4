"""hours corrections

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 19:50:00

Corrections and deletions of hours entries with their reason: the table
``hours_correction`` (the audit trail keeps field names only, the reason and the
old and new values are personal data and stay with the person).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "hours_correction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hours_entry_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(length=100), server_default="", nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('correct', 'delete')",
            name=op.f("ck_hours_correction_hours_correction_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_hours_correction_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hours_correction")),
    )
    with op.batch_alter_table("hours_correction", schema=None) as batch_op:
        batch_op.create_index("ix_hours_correction_entry", ["hours_entry_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_hours_correction_person_id"), ["person_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("hours_correction")
