"""Checks a parsed interchange document against the shipped JSON Schema.

The frame (top-level fields, table names) is checked first, then each table's
rows in file order, so that the first problem in the file is the one reported
and a long check shows progress and can be cancelled. Rows the fast path
(``fastpath``) accepts skip jsonschema; jsonschema judges all others.
"""

from __future__ import annotations

from typing import Any

from engagement_desk.services.interchange.envelope import Document, InterchangeError
from engagement_desk.services.interchange.fastpath import row_check
from engagement_desk.services.interchange.messages import place, schema_error
from engagement_desk.services.interchange.schema import FORMATS, shipped_schema, validator
from engagement_desk.services.progress import Progress, step

REPORT_EVERY = 500
MAX_NESTING = 16
"""Levels of lists and objects inside one value; a valid file has none, a row one."""
_CONTAINERS = frozenset({dict, list})


def validate_document(document: Document, progress: Progress) -> None:
    schema = shipped_schema()
    check = validator(schema)
    tables = document.get("tables")
    frame = document
    if isinstance(tables, dict):
        frame = {**document, "tables": {name: _emptied(rows) for name, rows in tables.items()}}
    _refuse_deep_nesting(frame, [])
    error = next(check.iter_errors(frame), None)
    if error is not None:
        raise InterchangeError(schema_error(_frame_path(list(error.absolute_path)), error))

    table_schemas = schema["properties"]["tables"]["properties"]
    total = sum(len(rows) for rows in tables.values())
    done = 0
    for name, rows in tables.items():
        items = table_schemas[name]["items"]
        quick = row_check(_resolved(schema, items), FORMATS)
        full = check.evolve(schema=items)
        for index, row in enumerate(rows):
            if index % REPORT_EVERY == 0:
                step(progress, done + index, total, f"Prüfe {name}")
            if quick is not None and quick(row):
                continue
            _refuse_deep_nesting(row, [name, index])
            error = next(full.iter_errors(row), None)
            if error is not None:
                path = [name, index, *error.relative_path]
                raise InterchangeError(schema_error(path, error))
        done += len(rows)


def _refuse_deep_nesting(value: Any, path: list[str | int]) -> None:
    """Refuse lists and objects nested deeper than ``MAX_NESTING``, before jsonschema,
    whose error messages ``repr`` the value recursively, gets to see them."""
    level = [value] if type(value) in _CONTAINERS else []
    for _ in range(MAX_NESTING):
        inner = []
        for node in level:
            children = node.values() if type(node) is dict else node
            inner.extend(child for child in children if type(child) in _CONTAINERS)
        if not inner:
            return
        level = inner
    raise InterchangeError(
        f"{place(path)}: Listen und Objekte sind mehr als {MAX_NESTING} Ebenen tief verschachtelt; "
        "eine Austauschdatei enthält nur einzelne Werte in ihren Datensätzen."
    )


def _resolved(schema: dict[str, Any], subschema: dict[str, Any]) -> dict[str, Any]:
    """Follow a local "$ref" such as "#/$defs/person"."""
    reference = subschema.get("$ref")
    if not isinstance(reference, str) or not reference.startswith("#/") or len(subschema) > 1:
        return subschema
    target: Any = schema
    for part in reference[2:].split("/"):
        target = target[part.replace("~1", "/").replace("~0", "~")]
    return target


def _emptied(rows: Any) -> Any:
    # The rows are checked one by one afterwards; a non-list stays for the frame to refuse.
    return [] if isinstance(rows, list) else rows


def _frame_path(path: list[str | int]) -> list[str | int]:
    # ["tables", "person"] names the table "person"; ["tables"] is the tables object itself.
    return path[1:] if len(path) > 1 and path[0] == "tables" else path
