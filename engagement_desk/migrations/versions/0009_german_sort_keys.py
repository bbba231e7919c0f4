"""german sort keys

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 19:50:00

Lists sort names in German dictionary order (DIN 5007-1: Ä with A, ß as ss,
case and accents ignored) in the database. Each sortable text column gets a
key column beside it (``person.last_name_key`` …) holding the folded text; the
program keeps it current (``models/sort_keys.py``). Here the keys are added,
filled for existing rows in batches with a copy of the program's function, and
indexed with the record id as tie-breaker, so the first page of 100,000 people
comes from an index. On PostgreSQL the keys compare bytewise (``COLLATE "C"``),
as SQLite does.

Columns are only added (no table is recreated), so the search triggers stay.
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 2000
# (table, key column, source column, length of the source)
KEYS = (
    ("person", "last_name_key", "last_name", 100),
    ("person", "first_name_key", "first_name", 100),
    ("person", "city_key", "city", 100),
    ("center", "name_key", "name", 120),
    ("organization", "name_key", "name", 200),
    ("organization", "city_key", "city", 100),
    ("opportunity", "title_key", "title", 200),
    ("opportunity", "place_key", "place", 200),
    ("event", "title_key", "title", 200),
    ("event", "place_key", "place", 300),
)
INDEXES = (
    ("ix_person_last_name_key", "person", ["last_name_key", "first_name_key", "id"]),
    ("ix_person_first_name_key", "person", ["first_name_key", "last_name_key", "id"]),
    ("ix_person_city_key", "person", ["city_key", "last_name_key", "id"]),
    ("ix_organization_name_key", "organization", ["name_key", "id"]),
    ("ix_organization_city_key", "organization", ["city_key", "name_key", "id"]),
    ("ix_opportunity_title_key", "opportunity", ["title_key", "id"]),
    ("ix_event_title_key", "event", ["title_key", "starts_at"]),
)
_OWN_LETTERS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i"}
)


def _key(text: str | None) -> str:
    if not text:
        return ""
    folded = text.strip().casefold().translate(_OWN_LETTERS)
    return "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))


def _key_type(length: int) -> sa.String:
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


def upgrade() -> None:
    for table, key, _source, length in KEYS:
        op.add_column(
            table,
            sa.Column(key, _key_type(2 * length), nullable=False, server_default=""),
        )
    connection = op.get_bind()
    tables = sorted({table for table, *_ in KEYS})
    for table in tables:
        pairs = [(key, source) for name, key, source, _ in KEYS if name == table]
        _fill(connection, table, pairs)
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def _fill(connection: sa.Connection, table: str, pairs: list[tuple[str, str]]) -> None:
    sources = ", ".join(source for _key, source in pairs)
    assignments = ", ".join(f"{key} = :{key}" for key, _source in pairs)
    update = sa.text(f"UPDATE {table} SET {assignments} WHERE id = :id")
    last = 0
    while True:
        rows = connection.execute(
            sa.text(f"SELECT id, {sources} FROM {table} WHERE id > :last ORDER BY id LIMIT :n"),
            {"last": last, "n": BATCH},
        ).all()
        if not rows:
            return
        connection.execute(
            update,
            [
                {"id": row[0], **{key: _key(row[i + 1]) for i, (key, _) in enumerate(pairs)}}
                for row in rows
            ],
        )
        last = rows[-1][0]


def downgrade() -> None:
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)
    for table, key, _source, _length in reversed(KEYS):
        op.drop_column(table, key)
