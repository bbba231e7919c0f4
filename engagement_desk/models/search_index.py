"""Names and layout of the search index objects that migration 0002 creates (not mapped).

They live outside ``models.metadata`` (FTS5 cannot be described there), so
Alembic's comparison and the interchange format never see them; triggers keep
them in step with the tables.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

SearchKind = Literal["person", "organization", "opportunity", "event"]
KINDS: tuple[SearchKind, ...] = ("person", "organization", "opportunity", "event")

# SQLite: rowid = kind_code << KIND_SHIFT | current << 39 | record id.
KIND_CODES: Mapping[SearchKind, int] = {
    "person": 1,
    "organization": 2,
    "opportunity": 3,
    "event": 4,
}
KIND_SHIFT = 40
CURRENT_BAND = 1 << 39
RECORD_MASK = CURRENT_BAND - 1

SQLITE_INDEX = "search_index"
POSTGRESQL_TABLE = "search_document"
SEARCH_TABLES = frozenset(
    {
        POSTGRESQL_TABLE,
        SQLITE_INDEX,
        *(f"{SQLITE_INDEX}_{shadow}" for shadow in ("data", "idx", "content", "docsize", "config")),
    }
)


def include_name(name: str | None, type_: str, parent_names: Mapping[str, str | None]) -> bool:
    """Alembic ``include_name`` hook: leave the search tables out of schema comparison."""
    return not (type_ == "table" and name in SEARCH_TABLES)


def kind_range(kind: SearchKind) -> tuple[int, int]:
    """First and last SQLite rowid a kind can have."""
    base = KIND_CODES[kind] << KIND_SHIFT
    return base, base + (1 << KIND_SHIFT) - 1
