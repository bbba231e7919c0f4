"""German wording of the importer's refusals: where in the file, and what is wrong."""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from typing import Any

from jsonschema import ValidationError
from sqlalchemy import Column

from engagement_desk.services.interchange.catalog import tables_by_name
from engagement_desk.services.interchange.codec import IntegerCodec, codec_for

MAX_SHOWN = 60

Place = Sequence[str | int]


def place(path: Place) -> str:
    """'person[3].birth_date' for ["person", 3, "birth_date"]."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "Datei"


def show(value: Any) -> str:
    """A value as the person sees it in the file, shortened.

    A list or object is shown one level deep only: it may be nested deeper than
    ``json.dumps`` can recurse, and is cut to ``MAX_SHOWN`` characters anyway.
    """
    if isinstance(value, str):
        text = _shortened(value).translate({9: "\\t", 10: "\\n", 13: "\\r"})
        return "'" + _shortened(text) + "'"
    if isinstance(value, dict):
        items = itertools.islice(value.items(), MAX_SHOWN // 4)
        text = "{" + ", ".join(f"{_scalar(key)}: {_scalar(item)}" for key, item in items)
        return _shortened(text + (", …}" if len(value) > MAX_SHOWN // 4 else "}"))
    if isinstance(value, list):
        text = "[" + ", ".join(_scalar(item) for item in value[: MAX_SHOWN // 2])
        return _shortened(text + (", …]" if len(value) > MAX_SHOWN // 2 else "]"))
    return _scalar(value)


def _scalar(value: Any) -> str:
    if isinstance(value, dict):
        return "{…}" if value else "{}"
    if isinstance(value, list):
        return "[…]" if value else "[]"
    if isinstance(value, str):
        value = _shortened(value)
    return _shortened(json.dumps(value, ensure_ascii=False))


def _shortened(text: str) -> str:
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"


def refused_value(path: Place, column: Column[Any], value: Any) -> str:
    """The value of a field does not have the field's form."""
    return f"{place(path)}: {show(value)} {codec_for(column).refusal()}"


def schema_error(path: Place, error: ValidationError) -> str:
    """One message for the first JSON Schema error; ``path`` starts at the table for rows."""
    keyword = error.validator
    instance = error.instance
    if keyword == "additionalProperties" and isinstance(instance, dict):
        known = error.schema.get("properties", {})  # type: ignore[union-attr]
        extra = next(key for key in instance if key not in known)
        return f"{place([*path, extra])}: {_unknown(path)}"
    if keyword == "required" and isinstance(instance, dict):
        missing = next(key for key in error.validator_value if key not in instance)
        return f"{place([*path, missing])}: Pflichtfeld fehlt"
    column = _column(path)
    if column is not None:
        return _field_error(path, column, error)
    if keyword == "type":
        return f"{place(path)}: {_expected_container(path)}"
    if path == ["schema_revision"]:
        return f"{place(path)}: {show(instance)} ist kein Text"
    return f"{place(path)}: {_shortened(error.message)}"


def _unknown(path: Place) -> str:
    if not path:
        return "unbekannter Eintrag"
    if list(path) == ["tables"]:
        return "unbekannte Tabelle"
    return "unbekanntes Feld"


def _expected_container(path: Place) -> str:
    if list(path) == ["tables"]:
        return "muss ein Objekt mit einer Liste je Tabelle sein"
    if len(path) == 1:
        return "muss eine Liste von Datensätzen sein"
    return "muss ein Objekt (ein Datensatz) sein"


def _column(path: Place) -> Column[Any] | None:
    if len(path) != 3 or not isinstance(path[0], str) or not isinstance(path[2], str):
        return None
    table = tables_by_name().get(path[0])
    return None if table is None else table.columns.get(path[2])


def _field_error(path: Place, column: Column[Any], error: ValidationError) -> str:
    value = error.instance
    codec = codec_for(column)
    if value is None:
        return f"{place(path)}: darf nicht leer (null) sein"
    if error.validator == "maxLength":
        return f"{place(path)}: {show(value)} ist länger als {error.validator_value} Zeichen"
    if error.validator in ("minimum", "maximum") and isinstance(codec, IntegerCodec):
        return (
            f"{place(path)}: {show(value)} liegt außerhalb des erlaubten Bereichs "
            f"({codec.minimum} bis {codec.maximum})"
        )
    return refused_value(path, column, value)
