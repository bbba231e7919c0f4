"""What the interchange file holds: the tables and columns of ``models.metadata``.

Schema, documentation, exporter and importer all read the model through these
few functions, so a new table or column needs no code here.
"""

from __future__ import annotations

import inspect
from functools import cache

from sqlalchemy import Column, Table

from engagement_desk.models import HEALTH_DATA, Base, metadata


def is_carried(table: Table) -> bool:
    """False for a table about this installation rather than the agency's data: the staff
    register names logins of one server (``Table.info['interchange']`` False)."""
    return table.info.get("interchange", True)


def tables_in_insert_order() -> list[Table]:
    """Every table the format carries, referenced tables before those that refer to them."""
    return [table for table in metadata.sorted_tables if is_carried(table)]


def tables_by_name() -> dict[str, Table]:
    return {table.name: table for table in sorted(tables_in_insert_order(), key=lambda t: t.name)}


def primary_key(table: Table) -> list[Column]:
    return list(table.primary_key.columns)


def is_required(column: Column) -> bool:
    """A file must give this field: a key, or NOT NULL without a default to fall back on."""
    if column.primary_key:
        return True
    return not column.nullable and column.default is None and column.server_default is None


def is_health_data(table: Table, column: Column | None = None) -> bool:
    """Marked as DSGVO Art. 9 health data on the table or the column."""
    if column is not None:
        return column.info.get("dsgvo") == HEALTH_DATA
    return table.info.get("dsgvo") == HEALTH_DATA


@cache
def _classes_by_table() -> dict[str, type]:
    return {mapper.local_table.name: mapper.class_ for mapper in Base.registry.mappers}


def entity_label(table: Table) -> str:
    """The code name of what a row is, e.g. 'Person' for table person."""
    cls = _classes_by_table().get(table.name)
    return cls.__name__ if cls is not None else table.name


def table_description(table: Table) -> str:
    """The mapped class's docstring, or for a plain link table what it links."""
    cls = _classes_by_table().get(table.name)
    if cls is not None and cls.__doc__:
        return inspect.cleandoc(cls.__doc__).split("\n\n")[0].replace("\n", " ")
    if table.comment:
        return table.comment
    linked = sorted({fk.column.table.name for fk in table.foreign_keys})
    return "Links " + " and ".join(linked) + "." if linked else ""


NO_DEFAULT = object()


def scalar_default(column: Column) -> object:
    """The fixed value a missing field gets on import, or NO_DEFAULT (none, or computed)."""
    if column.default is not None and column.default.is_scalar:
        return column.default.arg
    if column.default is None and column.server_default is not None:
        arg = getattr(column.server_default, "arg", None)
        if isinstance(arg, str):
            return arg
    return NO_DEFAULT
