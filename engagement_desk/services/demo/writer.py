"""Batched Core inserts with ids assigned in Python.

Rows are buffered per table and written with one ``executemany`` per table and
batch. A flush writes every buffered table in foreign-key order, so a row may
reference any row added before it, flushed or not.

On SQLite the INSERT compiled from ``insert(table)`` runs through
``exec_driver_sql`` with values already converted by each column type's own
bind processor: the same values SQLAlchemy would bind, without its per-row
parameter bookkeeping, which otherwise costs as much as SQLite itself.
Other databases take the plain Core ``connection.execute(insert(table), rows)``.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import count
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Date, Enum, Integer, Numeric, Table, Time, insert, text
from sqlalchemy.engine import Dialect

from engagement_desk.models import metadata
from engagement_desk.models.sort_keys import fill_sort_keys

Row = dict[str, Any]
BATCH_SIZE = 5000
# Types with few distinct values: their conversion is worth remembering.
_MEMO_TYPES = (Date, Time, Enum, Numeric)


def _memoized(processor: Callable[[Any], Any]) -> Callable[[Any], Any]:
    memo: dict[Any, Any] = {}

    def process(value: Any) -> Any:
        try:
            return memo[value]
        except KeyError:
            result = memo[value] = processor(value)
            return result

    return process


def _repeat_aware(processor: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Remember the last value only: updated_at usually equals the created_at just before it."""
    last: list[Any] = [object(), None]

    def process(value: Any) -> Any:
        if value == last[0]:
            return last[1]
        result = processor(value)
        last[0], last[1] = value, result
        return result

    return process


class _CompiledInsert:
    """The positional INSERT of one table and how to turn a row dict into its parameters."""

    def __init__(self, table: Table, dialect: Dialect):
        compiled = insert(table).compile(
            dialect=dialect, column_keys=[column.key for column in table.columns]
        )
        self.sql = str(compiled)
        self._sequence = dialect.execute_sequence_format
        keys = list(compiled.positiontup or ())
        self._getter = itemgetter(*keys)
        self._keys: list[tuple[str, Any]] = []
        self._processors: list[tuple[int, Callable[[Any], Any]]] = []
        shared: dict[Any, Callable[[Any], Any]] = {}
        for index, key in enumerate(keys):
            column = table.c[key]
            default = column.default
            scalar = default.arg if default is not None and default.is_scalar else None
            self._keys.append((key, scalar))
            processor = column.type.dialect_impl(dialect).bind_processor(dialect)
            if processor is None:
                continue
            # Columns of one type share a conversion cache; an Enum's values are its own.
            kind = column.type if isinstance(column.type, Enum) else type(column.type)
            if kind not in shared:
                wrap = _memoized if isinstance(column.type, _MEMO_TYPES) else _repeat_aware
                shared[kind] = wrap(processor)
            self._processors.append((index, shared[kind]))

    def parameters(self, rows: list[Row]) -> list[Any]:
        getter, processors, sequence = self._getter, self._processors, self._sequence
        result = []
        for row in rows:
            try:
                values = list(getter(row))
            except KeyError:  # a column left to its default
                values = [row.get(key, default) for key, default in self._keys]
            for index, processor in processors:
                values[index] = processor(values[index])
            result.append(sequence(values))
        return result


class Writer:
    """Collects rows and writes them in batches inside the caller's transaction."""

    def __init__(
        self,
        connection: Connection,
        *,
        before_flush: Callable[[], None] = lambda: None,
        batch_size: int = BATCH_SIZE,
        driver_sql: bool | None = None,
    ):
        self._connection = connection
        self._before_flush = before_flush
        self._batch_size = batch_size
        self._order = {table: index for index, table in enumerate(metadata.sorted_tables)}
        self._buffers: dict[Table, list[Row]] = {}
        self._ids: dict[Table, count[int]] = {}
        self._compiled: dict[Table, _CompiledInsert] = {}
        self._dialect = connection.dialect
        self._positional = self._dialect.name == "sqlite" if driver_sql is None else driver_sql
        self.counts: dict[str, int] = {table.name: 0 for table in metadata.sorted_tables}

    def new_id(self, table: Table) -> int:
        ids = self._ids.get(table)
        if ids is None:
            ids = self._ids[table] = count(1)
        return next(ids)

    def add(self, table: Table, row: Row) -> None:
        fill_sort_keys(table, row)
        buffer = self._buffers.get(table)
        if buffer is None:
            buffer = self._buffers[table] = []
        buffer.append(row)
        if len(buffer) >= self._batch_size:
            self.flush()

    def flush(self) -> None:
        for table in sorted(self._buffers, key=self._order.__getitem__):
            rows = self._buffers[table]
            if rows:
                self._before_flush()
                self._insert(table, rows)
                self.counts[table.name] += len(rows)
        self._buffers.clear()

    def _insert(self, table: Table, rows: list[Row]) -> None:
        if not self._positional:
            self._connection.execute(insert(table), rows)
            return
        compiled = self._compiled.get(table)
        if compiled is None:
            compiled = self._compiled[table] = _CompiledInsert(table, self._dialect)
        self._connection.exec_driver_sql(compiled.sql, compiled.parameters(rows))

    def sync_sequences(self) -> None:
        """On PostgreSQL, move each id sequence past the ids written here."""
        if self._dialect.name != "postgresql":
            return
        quote = self._dialect.identifier_preparer.quote
        for table in metadata.sorted_tables:
            key = list(table.primary_key.columns)
            if (
                len(key) == 1
                and key[0].name == "id"
                and isinstance(key[0].type, Integer)
                and self.counts[table.name]
            ):
                self._connection.execute(
                    text(
                        "SELECT setval(pg_get_serial_sequence(:table, 'id'), "
                        f"(SELECT max(id) FROM {quote(table.name)}))"
                    ),
                    {"table": table.name},
                )
