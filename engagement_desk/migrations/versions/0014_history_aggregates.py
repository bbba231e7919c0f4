"""indexes for totals and eligibility over a large hours history

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 23:00:00

Sums of hours over a million entries are read from covering indexes instead of
the table: by day range then person (Ehrenamtskarte windows, hours per person in
a period), by person then day (one person's hours), and by organization, centre
and day (totals per year, organization and centre). Each ends in ``hours``, so
SQLite and PostgreSQL (index-only scan) never visit the rows.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "hours_entry"
# (index, columns before — None: new —, columns now)
INDEXES = (
    ("ix_hours_entry_date", ("on_date",), ("on_date", "person_id", "hours")),
    ("ix_hours_entry_person_date", ("person_id", "on_date"), ("person_id", "on_date", "hours")),
    ("ix_hours_entry_org_center_date", None, ("organization_id", "center_id", "on_date", "hours")),
)


def upgrade() -> None:
    for name, before, now in INDEXES:
        if before is not None:
            op.drop_index(name, table_name=TABLE)
        op.create_index(name, TABLE, list(now))


def downgrade() -> None:
    for name, before, _now in reversed(INDEXES):
        op.drop_index(name, table_name=TABLE)
        if before is not None:
            op.create_index(name, TABLE, list(before))
