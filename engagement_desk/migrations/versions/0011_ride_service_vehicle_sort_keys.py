"""ride service and vehicle sort keys

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 21:15:00

Ride services and vehicles sort in German order too (see 0009 and
``models/sort_keys.py``): ``ride_service.name_key`` and ``vehicle.label_key``,
filled for existing rows with a copy of the program's key function. The
tables are small (a few rows each): no index.
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, key column, source column, length of the source)
KEYS = (
    ("ride_service", "name_key", "name", 120),
    ("vehicle", "label_key", "label", 120),
)
_OWN_LETTERS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i"}
)


def _key(text: str | None) -> str:
    if not text:
        return ""
    folded = text.strip().casefold().translate(_OWN_LETTERS)
    return "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))


def upgrade() -> None:
    connection = op.get_bind()
    for table, key, source, length in KEYS:
        key_type = sa.String(2 * length).with_variant(
            sa.String(2 * length, collation="C"), "postgresql"
        )
        op.add_column(table, sa.Column(key, key_type, nullable=False, server_default=""))
        rows = connection.execute(sa.text(f"SELECT id, {source} FROM {table}")).all()
        if rows:
            connection.execute(
                sa.text(f"UPDATE {table} SET {key} = :key WHERE id = :id"),
                [{"id": row[0], "key": _key(row[1])} for row in rows],
            )


def downgrade() -> None:
    for table, key, _source, _length in reversed(KEYS):
        op.drop_column(table, key)
