"""The contract between SQL-backed lists and the table models that show them.

A list service takes a ``ListQuery`` (free text, named filters, sort column,
window) and returns a ``Page`` of plain tuples; the UI never builds SQL.

Windows after the first are found by keyset paging: a page says the sort key of
its last row (``Page.last_key``) and the next ``ListQuery`` asks for the rows
after it (``after``), so a batch at row 99,000 seeks in the index like the
first one instead of reading and skipping 99,000 rows (OFFSET). NULLs sort as
each database sorts them (SQLite first, PostgreSQL last when ascending); the
seek condition follows that, so keyset pages are exactly the OFFSET pages.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, and_, false, or_, tuple_
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import UnaryExpression


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
    # The previous page's ``last_key``: the rows after it (``offset`` is then ignored).
    after: tuple[Any, ...] | None = None


@dataclass(frozen=True)
class Page:
    """Rows in column order; ``ids`` holds each row's record id; ``has_more`` when cut by limit.

    ``last_key``: the sort key of the last row, for the next page's ``ListQuery.after``
    (None from a list that pages by offset only).
    """

    ids: tuple[int, ...]
    rows: tuple[tuple[Any, ...], ...]
    has_more: bool
    last_key: tuple[Any, ...] | None = None


@dataclass(frozen=True)
class SortOrder:
    """A list's order: its sort columns, the record id last, all one direction.

    Iterating gives the ORDER BY clauses: ``statement.order_by(*ordering)``.
    """

    columns: tuple[ColumnElement[Any], ...]
    descending: bool = False

    def __iter__(self) -> Iterator[UnaryExpression[Any]]:
        return iter(c.desc() if self.descending else c.asc() for c in self.columns)


@dataclass(frozen=True)
class Window:
    """One window of a list: its rows, whether more follow, and the last row's sort key."""

    rows: list[Row[Any]]
    has_more: bool
    last_key: tuple[Any, ...] | None


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
) -> SortOrder:
    """ORDER BY for the chosen column; the record id last, so pages never overlap."""
    columns = sorts.get(query.sort_key or default, sorts[default])
    return SortOrder((*columns, tie_breaker), query.descending)


def fetch_window(
    session: Session, statement: Select[Any], query: ListQuery, ordering: SortOrder
) -> Window:
    """The query's window of rows, and whether more follow (one row is read ahead).

    With ``query.after`` the window starts after that sort key (keyset paging),
    otherwise at ``query.offset``. The sort key columns are selected as well
    (labelled ``seek_0``, ``seek_1`` …) to give the window's ``last_key``.
    """
    width = len(ordering.columns)
    keyed = statement.add_columns(
        *(c.label(f"seek_{i}") for i, c in enumerate(ordering.columns))
    ).order_by(*ordering)
    wanted = query.limit + 1
    if query.after is None:
        found = list(session.execute(keyed.offset(query.offset).limit(wanted)).all())
    else:
        nulls_first = _nulls_first(session, ordering.descending)
        found = []
        for condition in _after(ordering, tuple(query.after), nulls_first):
            found.extend(session.execute(keyed.where(condition).limit(wanted - len(found))).all())
            if len(found) >= wanted:
                break
    rows = found[: query.limit]
    last_key = tuple(rows[-1][-width:]) if rows else query.after
    return Window(rows, len(found) > query.limit, last_key)


def _nulls_first(session: Session, descending: bool) -> bool:
    """Whether NULLs come before every value in this direction (as ORDER BY puts them)."""
    nulls_smallest = session.get_bind().dialect.name == "sqlite"
    return nulls_smallest != descending


def _nullable(column: ColumnElement[Any]) -> bool:
    return bool(getattr(column, "nullable", True))


def _after(
    ordering: SortOrder, key: tuple[Any, ...], nulls_first: bool
) -> list[ColumnElement[bool]]:
    """Conditions for the rows after ``key``, one per segment, in list order.

    Usually one condition; when the first column can be NULL, NULLs come last
    and ``key`` is not NULL there, the rows with a value and those without are
    two segments, each a plain range in the index.
    """
    columns, descending = ordering.columns, ordering.descending
    first, value = columns[0], key[0]
    if (
        value is not None
        and not any(v is None for v in key)
        and not any(_nullable(c) for c in columns)
    ):
        # Row values: one range both databases seek in the index.
        # Row values: one range both databases seek in an index on all the columns;
        # the bound on the first column serves an index on that one alone.
        mine = tuple_(*columns)
        beyond = mine < key if descending else mine > key
        return [and_(first <= value if descending else first >= value, beyond)]
    if value is None or nulls_first or not _nullable(first):
        bound = _bound(first, value, descending, nulls_first)
        condition = _after_from(columns, key, 0, descending, nulls_first)
        return [condition if bound is None else and_(bound, condition)]
    # NULLs last and a value here: first the rest with a value, then all the NULLs.
    with_value = and_(
        first.is_not(None),
        _bound(first, value, descending, True),
        _after_from(columns, key, 0, descending, nulls_first),
    )
    return [with_value, first.is_(None)]


def _bound(
    column: ColumnElement[Any], value: Any, descending: bool, nulls_first: bool
) -> ColumnElement[bool] | None:
    """A redundant range on the first column that an index can seek to."""
    if value is None:
        return column.is_(None) if not nulls_first else None
    if nulls_first or not _nullable(column):
        return column <= value if descending else column >= value
    return None


def _after_from(
    columns: Sequence[ColumnElement[Any]],
    key: tuple[Any, ...],
    index: int,
    descending: bool,
    nulls_first: bool,
) -> ColumnElement[bool]:
    """Rows whose sort key from ``index`` on comes after ``key``'s (equal before it)."""
    column, value = columns[index], key[index]
    later = _later(column, value, descending, nulls_first)
    if index == len(columns) - 1:
        return later
    same = column.is_(None) if value is None else column == value
    return or_(later, and_(same, _after_from(columns, key, index + 1, descending, nulls_first)))


def _later(
    column: ColumnElement[Any], value: Any, descending: bool, nulls_first: bool
) -> ColumnElement[bool]:
    """The column's value comes strictly after ``value`` in list order."""
    nullable = _nullable(column)
    if value is None:
        return column.is_not(None) if nulls_first else false()
    beyond = column < value if descending else column > value
    if nulls_first or not nullable:
        return beyond
    return or_(beyond, column.is_(None))
