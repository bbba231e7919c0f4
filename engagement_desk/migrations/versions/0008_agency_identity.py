"""agency identity

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 19:50:00

Agency identity for prints and the set-up wizard.

- ``signatory.signature_png``: an optional scanned signature, printed above the name.
- ``agency_settings.set_up_at``: when someone first chose the settings. A database
  that already has people, or whose agency name was changed, counts as set up
  (filled here), so the set-up wizard only ever appears on a really empty one.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("signatory") as batch:
        batch.add_column(sa.Column("signature_png", sa.LargeBinary(), nullable=True))
    with op.batch_alter_table("agency_settings") as batch:
        batch.add_column(sa.Column("set_up_at", sa.DateTime(), nullable=True))
    op.execute(
        "UPDATE agency_settings SET set_up_at = CURRENT_TIMESTAMP "
        "WHERE name <> 'Freiwilligenagentur' OR EXISTS (SELECT 1 FROM person)"
    )


def downgrade() -> None:
    with op.batch_alter_table("agency_settings") as batch:
        batch.drop_column("set_up_at")
    with op.batch_alter_table("signatory") as batch:
        batch.drop_column("signature_png")
