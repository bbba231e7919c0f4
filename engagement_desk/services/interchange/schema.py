"""The JSON Schema (draft 2020-12) of the interchange file, built from ``models.metadata``.

The generated schema ships as ``resources/interchange.schema.json`` (written by
``tools/generate_interchange_docs.py``; a test keeps the two equal) and is
what the importer validates against.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from sqlalchemy import Column, Table

from engagement_desk import paths
from engagement_desk.services.interchange.catalog import (
    NO_DEFAULT,
    is_required,
    scalar_default,
    table_description,
    tables_by_name,
)
from engagement_desk.services.interchange.codec import (
    codec_for,
    parse_date,
    parse_local_date_time,
    parse_utc_date_time,
)
from engagement_desk.services.interchange.envelope import FORMAT_NAME, FORMAT_VERSION

SCHEMA_RESOURCE = "interchange.schema.json"
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = f"urn:engagement-desk:interchange:format-version-{FORMAT_VERSION}"


def column_schema(column: Column[Any]) -> dict[str, Any]:
    codec = codec_for(column)
    schema = codec.schema()
    if column.nullable:
        schema["type"] = [schema["type"], "null"]
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
    default = scalar_default(column)
    if default is not NO_DEFAULT:
        schema["default"] = codec.encode(default)
    if column.doc:
        schema["description"] = column.doc
    return schema


def row_schema(table: Table) -> dict[str, Any]:
    return {
        "title": table.name,
        "description": table_description(table),
        "type": "object",
        "properties": {column.name: column_schema(column) for column in table.columns},
        "required": [column.name for column in table.columns if is_required(column)],
        "additionalProperties": False,
    }


def build_schema() -> dict[str, Any]:
    """The schema for the model this program has."""
    tables = tables_by_name()
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        "title": f"Engagement Desk interchange file, format version {FORMAT_VERSION}",
        "description": "The whole database of Engagement Desk; see docs/interchange.md.",
        "type": "object",
        "properties": {
            "format": {"const": FORMAT_NAME, "description": "Identifies the file."},
            "format_version": {
                "const": FORMAT_VERSION,
                "description": "Version of this format; raised on incompatible changes.",
            },
            "schema_revision": {
                "type": "string",
                "description": "Alembic revision of the database the file was written from.",
            },
            "tables": {
                "type": "object",
                "description": "Rows of every table, sorted by primary key. "
                "A table missing on import counts as empty.",
                "properties": {
                    name: {"type": "array", "items": {"$ref": f"#/$defs/{name}"}} for name in tables
                },
                "additionalProperties": False,
            },
        },
        "required": ["format", "format_version", "schema_revision", "tables"],
        "additionalProperties": False,
        "$defs": {name: row_schema(table) for name, table in tables.items()},
    }


def schema_text(schema: dict[str, Any] | None = None) -> str:
    """The schema file's exact text."""
    schema = build_schema() if schema is None else schema
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@cache
def shipped_schema() -> dict[str, Any]:
    """The schema file shipped in resources/."""
    return json.loads(paths.resource(SCHEMA_RESOURCE).read_text(encoding="utf-8"))


def _format_checker() -> FormatChecker:
    """Asserts the formats the schema uses; "local-date-time" is this format's own."""
    checker = FormatChecker(formats=())
    checker.checks("date", raises=ValueError)(_accepts(parse_date))
    checker.checks("date-time", raises=ValueError)(_accepts(parse_utc_date_time))
    checker.checks("local-date-time", raises=ValueError)(_accepts(parse_local_date_time))
    return checker


def _accepts(parse: Any) -> Any:
    def check(instance: object) -> bool:
        # Formats only speak about strings; "type" judges everything else.
        if isinstance(instance, str):
            parse(instance)
        return True

    return check


FORMATS = _format_checker()


def validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=FORMATS)
