"""indexes for keyset paging of the lists

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 23:00:00

Every sort of the people list, and the ride list's own order, seeks in an index
that ends in the record id: keyset paging (``services/listing.py``) reads the
200 rows after the last one shown straight from the index, anywhere in the
list. SQLite indexes end in the rowid anyway; PostgreSQL's need the id spelled
out (its duplicates are otherwise in heap order).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (index, table, columns before, columns now)
INDEXES = (
    ("ix_person_birth_date", "person", ("birth_date",), ("birth_date", "id")),
    (
        "ix_person_postal_code",
        "person",
        ("postal_code",),
        ("postal_code", "last_name_key", "id"),
    ),
    ("ix_person_email", "person", ("email",), ("email", "id")),
    ("ix_person_phone", "person", ("phone",), ("phone", "id")),
    ("ix_person_status", "person", ("status",), ("status", "last_name_key", "id")),
    ("ix_ride_date", "ride", ("ride_date", "start_time"), ("ride_date", "start_time", "id")),
)


def upgrade() -> None:
    for name, table, _before, now in INDEXES:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, list(now))


def downgrade() -> None:
    for name, table, before, _now in reversed(INDEXES):
        op.drop_index(name, table_name=table)
        op.create_index(name, table, list(before))
