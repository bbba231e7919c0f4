"""indexes and yearly totals for a large hours history

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 23:00:00

``hours_year_total`` holds the hours (in hundredths) and the number of entries
per year, person, organization and centre (0: none), kept by triggers on every
insert, update and delete of ``hours_entry`` — also those of a cascade or of an
organization's deletion setting ``organization_id`` to NULL. Totals over whole
years read its hundred thousand rows instead of a million entries. On
PostgreSQL the trigger function upserts (``ON CONFLICT``), so two sessions
adding the first entry of the same year and person cannot collide.

Sums of hours over a million entries are read from covering indexes instead of
the table: by day range then person (Ehrenamtskarte windows, hours per person in
a period), by person then day (one person's hours), and by organization, centre
and day (totals per year, organization and centre). Each ends in ``hours``, so
SQLite and PostgreSQL (index-only scan) never visit the rows.
"""

from collections.abc import Sequence

import sqlalchemy as sa
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


TOTALS = "hours_year_total"
_KEY = "year, organization_key, center_key, person_id"
_SQLITE_YEAR = "CAST(strftime('%Y', {row}.on_date) AS INTEGER)"
_PG_YEAR = "CAST(extract(year FROM {row}.on_date) AS INTEGER)"


def _values(year: str, row: str) -> str:
    return (
        f"{year.format(row=row)}, coalesce({row}.organization_id, 0), "
        f"coalesce({row}.center_id, 0), {row}.person_id"
    )


def _match(year: str, row: str) -> str:
    return (
        f"year = {year.format(row=row)} AND organization_key = coalesce({row}.organization_id, 0) "
        f"AND center_key = coalesce({row}.center_id, 0) AND person_id = {row}.person_id"
    )


def _add(year: str, row: str, table: str = TOTALS) -> str:
    return (
        f"INSERT INTO {TOTALS} ({_KEY}, cents, entries) VALUES ({_values(year, row)}, "
        f"CAST(round({row}.hours * 100) AS INTEGER), 1) ON CONFLICT ({_KEY}) DO UPDATE SET "
        f"cents = {table}.cents + excluded.cents, entries = {table}.entries + 1"
    )


def _remove(year: str, row: str) -> list[str]:
    return [
        f"UPDATE {TOTALS} SET cents = cents - CAST(round({row}.hours * 100) AS INTEGER), "
        f"entries = entries - 1 WHERE {_match(year, row)}",
        f"DELETE FROM {TOTALS} WHERE {_match(year, row)} AND entries <= 0",
    ]


_WATCHED = "on_date, person_id, organization_id, center_id, hours"


def _sqlite_triggers() -> list[str]:
    year = _SQLITE_YEAR
    return [
        f"CREATE TRIGGER {TOTALS}_insert AFTER INSERT ON {TABLE} BEGIN {_add(year, 'NEW')}; END",
        f"CREATE TRIGGER {TOTALS}_delete AFTER DELETE ON {TABLE} BEGIN "
        + "; ".join(_remove(year, "OLD"))
        + "; END",
        f"CREATE TRIGGER {TOTALS}_update AFTER UPDATE OF {_WATCHED} ON {TABLE} BEGIN "
        + "; ".join([*_remove(year, "OLD"), _add(year, "NEW")])
        + "; END",
    ]


def _postgresql_triggers() -> list[str]:
    year = _PG_YEAR
    removal = "; ".join(_remove(year, "OLD"))
    return [
        f"CREATE FUNCTION {TOTALS}_apply() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF TG_OP IN ('UPDATE', 'DELETE') THEN {removal}; END IF; "
        f"IF TG_OP IN ('UPDATE', 'INSERT') THEN {_add(year, 'NEW')}; END IF; "
        "RETURN NULL; END $$",
        f"CREATE TRIGGER {TOTALS}_write AFTER INSERT OR DELETE ON {TABLE} "
        f"FOR EACH ROW EXECUTE FUNCTION {TOTALS}_apply()",
        f"CREATE TRIGGER {TOTALS}_update AFTER UPDATE OF {_WATCHED} ON {TABLE} "
        f"FOR EACH ROW EXECUTE FUNCTION {TOTALS}_apply()",
    ]


def upgrade() -> None:
    for name, before, now in INDEXES:
        if before is not None:
            op.drop_index(name, table_name=TABLE)
        op.create_index(name, TABLE, list(now))
    op.create_table(
        TOTALS,
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("organization_key", sa.Integer(), nullable=False),
        sa.Column("center_key", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("cents", sa.Integer(), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "year", "organization_key", "center_key", "person_id", name=op.f("pk_hours_year_total")
        ),
    )
    op.create_index("ix_hours_year_total_person", TOTALS, ["person_id", "year"])
    sqlite = op.get_bind().dialect.name == "sqlite"
    year = (_SQLITE_YEAR if sqlite else _PG_YEAR).format(row=TABLE)
    op.execute(
        f"INSERT INTO {TOTALS} ({_KEY}, cents, entries) SELECT {year}, "
        f"coalesce(organization_id, 0), coalesce(center_id, 0), person_id, "
        f"CAST(sum(round(hours * 100)) AS INTEGER), count(*) FROM {TABLE} "
        f"GROUP BY {year}, coalesce(organization_id, 0), coalesce(center_id, 0), person_id"
    )
    for statement in _sqlite_triggers() if sqlite else _postgresql_triggers():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for event in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS {TOTALS}_{event}")
    else:
        op.execute(f"DROP TRIGGER IF EXISTS {TOTALS}_write ON {TABLE}")
        op.execute(f"DROP TRIGGER IF EXISTS {TOTALS}_update ON {TABLE}")
        op.execute(f"DROP FUNCTION IF EXISTS {TOTALS}_apply()")
    op.drop_index("ix_hours_year_total_person", table_name=TOTALS)
    op.drop_table(TOTALS)
    for name, before, _now in reversed(INDEXES):
        op.drop_index(name, table_name=TABLE)
        if before is not None:
            op.create_index(name, TABLE, list(before))
