"""Checks across rows that a JSON Schema cannot express: unique keys and references."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, ForeignKeyConstraint, Table

from engagement_desk.services.interchange.catalog import entity_label, primary_key
from engagement_desk.services.interchange.codec import codec_for
from engagement_desk.services.interchange.decoding import Rows
from engagement_desk.services.interchange.envelope import InterchangeError
from engagement_desk.services.interchange.messages import place, show


def check_primary_keys(tables: dict[Table, Rows]) -> None:
    """No two rows of a table may have the same primary key."""
    for table, rows in tables.items():
        key = primary_key(table)
        first_seen: dict[tuple[Any, ...], int] = {}
        for index, row in enumerate(rows):
            value = tuple(row[column.key] for column in key)
            if value in first_seen:
                named = ", ".join(
                    f"{column.name} = {_shown(column, part)}"
                    for column, part in zip(key, value, strict=True)
                )
                raise InterchangeError(
                    f"{place([table.name, index])}: Schlüssel {named} kommt doppelt vor "
                    f"(wie in {place([table.name, first_seen[value]])})"
                )
            first_seen[value] = index


def check_references(tables: dict[Table, Rows]) -> None:
    """Every foreign-key value must name a row of the referenced table in the same file."""
    for table, rows in tables.items():
        constraints = [
            (constraint, _existing(tables, constraint))
            for constraint in _constraints_in_column_order(table)
        ]
        for index, row in enumerate(rows):
            for constraint, existing in constraints:
                columns = list(constraint.columns)
                value = tuple(row.get(column.key) for column in columns)
                # As in SQL (MATCH SIMPLE): a key with an empty part refers to nothing.
                if None in value or value in existing:
                    continue
                raise InterchangeError(
                    f"{place([table.name, index, columns[0].name])}: "
                    f"{entity_label(constraint.referred_table)} {_shown_key(columns, value)} "
                    "gibt es in der Datei nicht"
                )


def _constraints_in_column_order(table: Table) -> list[ForeignKeyConstraint]:
    position = {column.key: number for number, column in enumerate(table.columns)}
    return sorted(
        table.foreign_key_constraints,
        key=lambda constraint: min(position[column.key] for column in constraint.columns),
    )


def _existing(tables: dict[Table, Rows], constraint: ForeignKeyConstraint) -> set[tuple[Any, ...]]:
    referred = [element.column for element in constraint.elements]
    rows = tables.get(constraint.referred_table, [])
    return {tuple(row.get(column.key) for column in referred) for row in rows}


def _shown(column: Column[Any], value: Any) -> str:
    encoded = codec_for(column).encode(value)
    return str(encoded) if isinstance(encoded, int) else show(encoded)


def _shown_key(columns: list[Column[Any]], value: tuple[Any, ...]) -> str:
    parts = [_shown(column, part) for column, part in zip(columns, value, strict=True)]
    return parts[0] if len(parts) == 1 else "(" + ", ".join(parts) + ")"
