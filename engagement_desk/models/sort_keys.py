"""Sort keys that put names in German dictionary order (DIN 5007-1) inside the database.

A key column sits beside each sortable text column and holds
``german_sort_key(text)``: case folded, ß as ss, umlauts and accents dropped
(Ä sorts with A). Lists order by the key and the record id, so an index serves
the first page of 100,000 people. The ORM keeps keys current on insert and
update; Core inserts get them from the column default; bulk writers that
bypass both call ``fill_sort_keys``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import MutableMapping
from functools import cache
from typing import Any

from sqlalchemy import String, Table, event, inspect
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, Mapper, mapped_column

from engagement_desk.models.base import Base

SORT_KEY_OF = "sort_key_of"
"""``Column.info`` entry naming the text column a key column is computed from."""

# Letters that Unicode does not decompose into a base letter and a mark.
_OWN_LETTERS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i"}
)


def german_sort_key(text: str | None) -> str:
    """The text as DIN 5007-1 compares it: 'Ärger' → 'arger', 'Strauß' → 'strauss'."""
    if not text:
        return ""
    folded = text.strip().casefold().translate(_OWN_LETTERS)
    return "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))


def sort_key_type(length: int) -> String:
    """Byte order on both databases: the key already carries the German rules."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


def sort_key_column(source: str, length: int) -> Mapped[str]:
    """A key column for ``source`` (room for ß → ss doubling the length)."""

    def from_parameters(context: Any) -> str:
        return german_sort_key(context.get_current_parameters().get(source))

    return mapped_column(
        sort_key_type(2 * length),
        nullable=False,
        default=from_parameters,
        server_default="",
        info={SORT_KEY_OF: source},
        doc=f"Sort key of {source} in German order (kept by the program).",
    )


@cache
def key_columns(table: Table) -> tuple[tuple[str, str], ...]:
    """(key column, source column) pairs of a table."""
    return tuple(
        (column.name, column.info[SORT_KEY_OF])
        for column in table.columns
        if SORT_KEY_OF in column.info
    )


def fill_sort_keys(table: Table, row: MutableMapping[str, Any]) -> None:
    """Set the missing keys of a row dict written without the ORM."""
    for key, source in key_columns(table):
        if key not in row:
            row[key] = german_sort_key(row.get(source))


def _refresh_keys(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
    table = mapper.local_table
    if not isinstance(table, Table):
        return
    pairs = key_columns(table)
    if not pairs:
        return
    unloaded = inspect(target).unloaded
    for key, source in pairs:
        if source not in unloaded:
            setattr(target, key, german_sort_key(getattr(target, source)))


event.listen(Base, "before_insert", _refresh_keys, propagate=True)
event.listen(Base, "before_update", _refresh_keys, propagate=True)
