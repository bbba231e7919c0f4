"""summaries the Auswertung reads for whole months and years

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-08 00:10:00

``hours_month_total`` holds the hours (in hundredths) and the number of entries
per calendar month, centre (0: none) and source (by hand, ride, event), kept by
triggers on every insert, update and delete of ``hours_entry`` — also those of a
cascade or of a centre's deletion setting ``center_id`` to NULL. The Auswertung
sums a year's hours from a few hundred of its rows instead of half a million
entries. On PostgreSQL the trigger function upserts (``ON CONFLICT``), so two
sessions adding the first entry of a month cannot collide. Derived data like
``hours_year_total`` (migration 0014): never exported, filled by the triggers.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "hours_entry"
TOTALS = "hours_month_total"
_KEY = "year, month, center_key, source"
_SQLITE_PART = "CAST(strftime('{part}', {row}.on_date) AS INTEGER)"
_PG_PART = "CAST(extract({part} FROM {row}.on_date) AS INTEGER)"


def _parts(sqlite: bool, row: str) -> tuple[str, str]:
    if sqlite:
        return _SQLITE_PART.format(part="%Y", row=row), _SQLITE_PART.format(part="%m", row=row)
    return _PG_PART.format(part="year", row=row), _PG_PART.format(part="month", row=row)


def _values(sqlite: bool, row: str) -> str:
    year, month = _parts(sqlite, row)
    return f"{year}, {month}, coalesce({row}.center_id, 0), {row}.source"


def _match(sqlite: bool, row: str) -> str:
    year, month = _parts(sqlite, row)
    return (
        f"year = {year} AND month = {month} AND center_key = coalesce({row}.center_id, 0) "
        f"AND source = {row}.source"
    )


def _add(sqlite: bool, row: str) -> str:
    return (
        f"INSERT INTO {TOTALS} ({_KEY}, cents, entries) VALUES ({_values(sqlite, row)}, "
        f"CAST(round({row}.hours * 100) AS INTEGER), 1) ON CONFLICT ({_KEY}) DO UPDATE SET "
        f"cents = {TOTALS}.cents + excluded.cents, entries = {TOTALS}.entries + 1"
    )


def _remove(sqlite: bool, row: str) -> list[str]:
    return [
        f"UPDATE {TOTALS} SET cents = cents - CAST(round({row}.hours * 100) AS INTEGER), "
        f"entries = entries - 1 WHERE {_match(sqlite, row)}",
        f"DELETE FROM {TOTALS} WHERE {_match(sqlite, row)} AND entries <= 0",
    ]


_WATCHED = "on_date, center_id, source, hours"


def _sqlite_triggers() -> list[str]:
    return [
        f"CREATE TRIGGER {TOTALS}_insert AFTER INSERT ON {TABLE} BEGIN {_add(True, 'NEW')}; END",
        f"CREATE TRIGGER {TOTALS}_delete AFTER DELETE ON {TABLE} BEGIN "
        + "; ".join(_remove(True, "OLD"))
        + "; END",
        f"CREATE TRIGGER {TOTALS}_update AFTER UPDATE OF {_WATCHED} ON {TABLE} BEGIN "
        + "; ".join([*_remove(True, "OLD"), _add(True, "NEW")])
        + "; END",
    ]


def _postgresql_triggers() -> list[str]:
    removal = "; ".join(_remove(False, "OLD"))
    return [
        f"CREATE FUNCTION {TOTALS}_apply() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF TG_OP IN ('UPDATE', 'DELETE') THEN {removal}; END IF; "
        f"IF TG_OP IN ('UPDATE', 'INSERT') THEN {_add(False, 'NEW')}; END IF; "
        "RETURN NULL; END $$",
        f"CREATE TRIGGER {TOTALS}_write AFTER INSERT OR DELETE ON {TABLE} "
        f"FOR EACH ROW EXECUTE FUNCTION {TOTALS}_apply()",
        f"CREATE TRIGGER {TOTALS}_update AFTER UPDATE OF {_WATCHED} ON {TABLE} "
        f"FOR EACH ROW EXECUTE FUNCTION {TOTALS}_apply()",
    ]


def upgrade() -> None:
    op.create_table(
        TOTALS,
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("center_key", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=6), nullable=False),
        sa.Column("cents", sa.Integer(), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "year", "month", "center_key", "source", name=op.f("pk_hours_month_total")
        ),
    )
    sqlite = op.get_bind().dialect.name == "sqlite"
    year, month = _parts(sqlite, TABLE)
    op.execute(
        f"INSERT INTO {TOTALS} ({_KEY}, cents, entries) SELECT {year}, {month}, "
        f"coalesce(center_id, 0), source, CAST(sum(round(hours * 100)) AS INTEGER), count(*) "
        f"FROM {TABLE} GROUP BY {year}, {month}, coalesce(center_id, 0), source"
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
    op.drop_table(TOTALS)
