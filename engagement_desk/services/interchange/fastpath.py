"""A quick test for rows that certainly match their JSON Schema.

Validating every row with jsonschema costs about 0.1 ms a row, minutes for a
large office. This module compiles a table's row schema into plain Python
checks that accept a row only if jsonschema would accept it too; every row
they do not accept goes to jsonschema, which decides and words the error. A
schema using a keyword not understood here gets no fast path at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jsonschema import FormatChecker

Check = Callable[[Any], bool]

ANNOTATIONS = {"title", "description", "default", "examples", "contentEncoding", "$comment"}
# Exactly these Python types, no subclasses: 3.0 and True are left to jsonschema.
_TYPES: dict[str, type] = {"string": str, "integer": int, "boolean": bool, "null": type(None)}


def row_check(schema: dict[str, Any], formats: FormatChecker) -> Check | None:
    """A check for rows of this schema, or None when the schema is beyond this module."""
    if set(schema) - ANNOTATIONS - {"type", "properties", "required", "additionalProperties"}:
        return None
    if schema.get("type") != "object" or schema.get("additionalProperties") is not False:
        return None
    fields: dict[str, tuple[Check, ...]] = {}
    for name, field_schema in schema.get("properties", {}).items():
        checks = value_checks(field_schema, formats)
        if checks is None:
            return None
        fields[name] = checks
    required = frozenset(schema.get("required", ()))

    def accepts(row: Any) -> bool:
        if type(row) is not dict or not required <= row.keys() or not row.keys() <= fields.keys():
            return False
        for name, value in row.items():
            for check in fields[name]:
                if not check(value):
                    return False
        return True

    return accepts


def value_checks(schema: Any, formats: FormatChecker) -> tuple[Check, ...] | None:
    """Checks that all pass only for a value the schema accepts; None if beyond this module."""
    if not isinstance(schema, dict):
        return None
    checks: list[Check] = []
    for keyword, argument in schema.items():
        if keyword in ANNOTATIONS:
            continue
        check = _keyword(keyword, argument, formats)
        if check is None:
            return None
        checks.append(check)
    return tuple(checks)


def _keyword(keyword: str, argument: Any, formats: FormatChecker) -> Check | None:
    if keyword == "type":
        names = [argument] if isinstance(argument, str) else argument
        if not all(name in _TYPES for name in names):
            return None
        types = frozenset(_TYPES[name] for name in names)
        return lambda v: type(v) in types
    if keyword == "enum" and all(_is_scalar(each) for each in argument):
        allowed = {(type(each), each) for each in argument}
        return lambda v: _is_scalar(v) and (type(v), v) in allowed
    if keyword == "pattern":
        pattern = re.compile(argument)
        return lambda v: type(v) is not str or pattern.search(v) is not None
    if keyword == "format":
        return lambda v: formats.conforms(v, argument)
    if keyword == "maxLength":
        return lambda v: type(v) is not str or len(v) <= argument
    if keyword == "minimum":
        return lambda v: not _is_number(v) or v >= argument
    if keyword == "maximum":
        return lambda v: not _is_number(v) or v <= argument
    return None


def _is_scalar(value: Any) -> bool:
    return value is None or type(value) in (str, int, bool)


def _is_number(value: Any) -> bool:
    return type(value) in (int, float)
