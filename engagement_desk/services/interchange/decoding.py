"""Turns the validated rows of a document into database values, table by table."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Table

from engagement_desk.services.interchange.catalog import tables_by_name
from engagement_desk.services.interchange.codec import Codec, codec_for
from engagement_desk.services.interchange.envelope import Document, InterchangeError
from engagement_desk.services.interchange.messages import refused_value

Rows = list[dict[str, Any]]


def decode_tables(document: Document) -> dict[Table, Rows]:
    """Rows keyed by column key, per table in file order; a row's list index is its file index.

    Takes the rows out of ``document`` as it goes, so that a large file is not
    held in memory twice.
    """
    known = tables_by_name()
    decoded: dict[Table, Rows] = {}
    raw = document["tables"]
    for name in list(raw):
        rows = raw.pop(name)
        table = known[name]
        fields = {column.name: (column, codec_for(column)) for column in table.columns}
        decoded[table] = [_decode_row(fields, name, index, row) for index, row in enumerate(rows)]
    return decoded


def _decode_row(
    fields: dict[str, tuple[Column[Any], Codec]], table: str, index: int, row: dict[str, Any]
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, value in row.items():
        column, codec = fields[name]
        if value is None:
            values[column.key] = None
            continue
        try:
            values[column.key] = codec.decode(value)
        except ValueError as exc:
            # The schema's patterns let through what only a full parse refuses,
            # e.g. a final line break.
            raise InterchangeError(refused_value([table, index, name], column, value)) from exc
    return values
