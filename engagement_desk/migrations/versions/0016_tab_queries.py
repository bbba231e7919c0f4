"""indexes for the tabs' first queries

The week plan counts a week's rides per day and status (and the open ones without
a driver) before it reads any card: with this index that is read from the index
alone, not from 25,000 ride rows.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 23:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


INDEX = "ix_ride_week_counts"
COLUMNS = ["ride_date", "status", "service_id", "driver_id"]


def upgrade() -> None:
    op.create_index(INDEX, "ride", COLUMNS)


def downgrade() -> None:
    op.drop_index(INDEX, table_name="ride")
