"""a person's name as printed on certificates and letters

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 23:00:00

``person.certificate_name``: an optional spelling of the name for certificates and
letters (e.g. a Latin spelling of a name in Arabic or Chinese script); empty means
the name itself is printed.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "person",
        sa.Column("certificate_name", sa.String(200), nullable=False, server_default=""),
    )


def downgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.drop_column("certificate_name")
