"""The contract between SQL-backed lists and the table models that show them.

A list service takes a ``ListQuery`` (free text, named filters, sort column,
window) and returns a ``Page`` of plain tuples; the UI never builds SQL.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, or_
from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # English source text; the UI translates it
    sortable: bool = True


@dataclass(frozen=True)
class ListQuery:
    text: str = ""
    filters: Mapping[str, Any] = field(default_factory=dict)
    sort_key: str | None = None
    descending: bool = False
    offset: int = 0
    limit: int = 200


@dataclass(frozen=True)
class Page:
    """Rows in column order; ``ids`` holds each row's record id; ``has_more`` when cut by limit."""

    ids: tuple[int, ...]
    rows: tuple[tuple[Any, ...], ...]
    has_more: bool


def like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matches_words(
    session: Session, text: str, columns: Sequence[ColumnElement[str]]
) -> list[ColumnElement[bool]]:
    """One condition per typed word: the word appears in at least one of ``columns``.

    SQLite's LIKE is already case-insensitive (for ASCII) and can use plain
    comparisons; PostgreSQL needs ILIKE.
    """
    case_insensitive = session.get_bind().dialect.name != "sqlite"
    conditions = []
    for word in text.split():
        pattern = like_pattern(word)
        conditions.append(
            or_(
                *(
                    c.ilike(pattern, escape="\\")
                    if case_insensitive
                    else c.like(pattern, escape="\\")
                    for c in columns
                )
            )
        )
    return conditions


def sort_order(
    query: ListQuery,
    sorts: Mapping[str, Sequence[ColumnElement[Any]]],
    default: str,
    tie_breaker: ColumnElement[Any],
) -> list[ColumnElement[Any]]:
    """ORDER BY for the chosen column; the record id last, so pages never overlap."""
    columns = sorts.get(query.sort_key or default, sorts[default])
    return [c.desc() if query.descending else c.asc() for c in (*columns, tie_breaker)]


def fetch_window(
    session: Session, statement: Select[Any], query: ListQuery, ordering: list[ColumnElement[Any]]
) -> tuple[list[Row[Any]], bool]:
    """The query's window of rows, and whether more follow (one row is read ahead)."""
    found = session.execute(
        statement.order_by(*ordering).offset(query.offset).limit(query.limit + 1)
    ).all()
    return found[: query.limit], len(found) > query.limit
