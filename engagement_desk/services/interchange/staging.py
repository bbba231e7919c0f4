"""Rows of a streamed import checked one by one and staged on disk until all are read.

Each row is checked against the schema and decoded as it arrives; its key is
noted (a bitmap for integer ids, so a million ids take a few hundred
kilobytes) and the decoded row is pickled into one staging file per table, in
a private temporary folder deleted afterwards. References can only be checked
once every table is read: the tables come sorted by name, not by dependency.
"""

from __future__ import annotations

import pickle
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Column, Table

from engagement_desk.services.interchange.catalog import (
    entity_label,
    primary_key,
    tables_by_name,
    tables_in_insert_order,
)
from engagement_desk.services.interchange.checks import _constraints_in_column_order, _shown
from engagement_desk.services.interchange.codec import codec_for
from engagement_desk.services.interchange.decoding import Rows, _decode_row
from engagement_desk.services.interchange.envelope import InterchangeError
from engagement_desk.services.interchange.fastpath import row_check
from engagement_desk.services.interchange.messages import place, schema_error
from engagement_desk.services.interchange.schema import FORMATS, shipped_schema, validator
from engagement_desk.services.interchange.validation import _refuse_deep_nesting, _resolved

STAGE_BATCH = 2000
_BITMAP_LIMIT = 1 << 31


class KeySet:
    """Keys seen: single non-negative integers in a growing bitmap, others in a set."""

    def __init__(self) -> None:
        self._bits = bytearray()
        self._others: set[Any] = set()

    def add(self, key: tuple[Any, ...]) -> bool:
        """Adds the key; False if it was there already."""
        number = key[0] if len(key) == 1 else None
        if type(number) is int and 0 <= number < _BITMAP_LIMIT:
            byte, bit = divmod(number, 8)
            if byte >= len(self._bits):
                self._bits.extend(bytes(max(byte + 1 - len(self._bits), len(self._bits))))
            if self._bits[byte] >> bit & 1:
                return False
            self._bits[byte] |= 1 << bit
            return True
        if key in self._others:
            return False
        self._others.add(key)
        return True

    def __contains__(self, key: tuple[Any, ...]) -> bool:
        number = key[0] if len(key) == 1 else None
        if type(number) is int and 0 <= number < _BITMAP_LIMIT:
            byte, bit = divmod(number, 8)
            return byte < len(self._bits) and bool(self._bits[byte] >> bit & 1)
        return key in self._others


def _referred_columns() -> dict[Table, list[tuple[str, ...]]]:
    """Per table, the column groups some foreign key refers to (mostly the primary key)."""
    referred: dict[Table, list[tuple[str, ...]]] = {}
    for table in tables_in_insert_order():
        for constraint in table.foreign_key_constraints:
            columns = tuple(element.column.key for element in constraint.elements)
            groups = referred.setdefault(constraint.referred_table, [])
            if columns not in groups:
                groups.append(columns)
    return referred


class _TableStage:
    """One table's checks, its keys and its staging file."""

    def __init__(self, table: Table, folder: Path, schema: dict[str, Any], check: Any):
        self.table = table
        items = schema["properties"]["tables"]["properties"][table.name]["items"]
        self.quick = row_check(_resolved(schema, items), FORMATS)
        self.full = check.evolve(schema=items)
        self.fields = {column.name: (column, codec_for(column)) for column in table.columns}
        self.key = primary_key(table)
        self.keys = KeySet()
        self.count = 0
        self.path = folder / f"{table.name}.pickle"
        self._file: IO[bytes] = open(self.path, "wb")  # noqa: SIM115 - closed in finish()
        self._batch: Rows = []

    def take(self, index: int, row: Any) -> dict[str, Any]:
        name = self.table.name
        if self.quick is None or not self.quick(row):
            _refuse_deep_nesting(row, [name, index])
            error = next(self.full.iter_errors(row), None)
            if error is not None:
                raise InterchangeError(schema_error([name, index, *error.relative_path], error))
        values = _decode_row(self.fields, name, index, row)
        key = tuple(values[column.key] for column in self.key)
        if not self.keys.add(key):
            raise InterchangeError(self._duplicate(key, index))
        self._batch.append(values)
        self.count += 1
        if len(self._batch) >= STAGE_BATCH:
            self._flush()
        return values

    def _flush(self) -> None:
        pickle.dump(self._batch, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._batch = []

    def finish(self) -> None:
        if self._batch:
            self._flush()
        self._file.close()

    def rows(self) -> Iterator[dict[str, Any]]:
        with open(self.path, "rb") as staged:
            while True:
                try:
                    batch = pickle.load(staged)
                except EOFError:
                    return
                yield from batch

    def _duplicate(self, key: tuple[Any, ...], index: int) -> str:
        self.finish()
        first = next(
            number
            for number, row in enumerate(self.rows())
            if tuple(row[column.key] for column in self.key) == key
        )
        named = ", ".join(
            f"{column.name} = {_shown(column, part)}"
            for column, part in zip(self.key, key, strict=True)
        )
        return (
            f"{place([self.table.name, index])}: Schlüssel {named} kommt doppelt vor "
            f"(wie in {place([self.table.name, first])})"
        )


class Staging:
    """All tables of one import; use as a context manager (the folder is removed after)."""

    def __init__(self) -> None:
        self._folder = Path(tempfile.mkdtemp(prefix="engagement-desk-import-"))
        self._schema = shipped_schema()
        self._check = validator(self._schema)
        self._known = tables_by_name()
        self._stages: dict[Table, _TableStage] = {}
        self._referred = _referred_columns()
        self._targets: dict[tuple[Table, tuple[str, ...]], KeySet] = {}

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *_exc: object) -> None:
        for stage in self._stages.values():
            stage._file.close()
        shutil.rmtree(self._folder, ignore_errors=True)

    def take(self, name: str, index: int, row: Any) -> None:
        table = self._known[name]
        stage = self._stages.get(table)
        if stage is None:
            stage = self._stages[table] = _TableStage(
                table, self._folder, self._schema, self._check
            )
        values = stage.take(index, row)
        for columns in self._referred.get(table, ()):
            target = self._targets.setdefault((table, columns), KeySet())
            target.add(tuple(values.get(column) for column in columns))

    def finish(self) -> None:
        for stage in self._stages.values():
            stage.finish()

    def total(self) -> int:
        return sum(stage.count for stage in self._stages.values())

    def rows(self, table: Table) -> Iterator[dict[str, Any]]:
        """The table's decoded rows in file order, each reference checked."""
        stage = self._stages.get(table)
        if stage is None:
            return
        constraints = [
            (
                list(constraint.columns),
                self._targets.get(
                    (
                        constraint.referred_table,
                        tuple(element.column.key for element in constraint.elements),
                    ),
                    KeySet(),
                ),
                constraint,
            )
            for constraint in _constraints_in_column_order(table)
        ]
        for index, row in enumerate(stage.rows()):
            for columns, existing, constraint in constraints:
                value = tuple(row.get(column.key) for column in columns)
                # As in SQL (MATCH SIMPLE): a key with an empty part refers to nothing.
                if None in value or value in existing:
                    continue
                raise InterchangeError(
                    f"{place([table.name, index, columns[0].name])}: "
                    f"{entity_label(constraint.referred_table)} {_shown_key(columns, value)} "
                    "gibt es in der Datei nicht"
                )
            yield row


def _shown_key(columns: list[Column[Any]], value: tuple[Any, ...]) -> str:
    parts = [_shown(column, part) for column, part in zip(columns, value, strict=True)]
    return parts[0] if len(parts) == 1 else "(" + ", ".join(parts) + ")"
