"""Writes the interchange document table by table, byte for byte as

    json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\\n"

would, without holding the whole database in memory.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

INDENT = 1


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=INDENT, sort_keys=True)


def _indented(text: str, depth: int) -> str:
    # json.dumps escapes newlines inside strings, so every line break is layout.
    prefix = " " * (INDENT * depth)
    return "\n".join(prefix + line for line in text.split("\n"))


def write_document(
    write: Callable[[str], Any],
    header: Mapping[str, Any],
    tables: Iterable[tuple[str, Iterable[Mapping[str, Any]]]],
) -> None:
    """``header`` holds scalars whose keys sort before "tables"; ``tables`` come sorted by name."""
    if any(key >= "tables" for key in header):
        raise ValueError("header keys must sort before 'tables'")
    write("{\n")
    for key in sorted(header):
        write(_indented(f"{_dumps(key)}: {_dumps(header[key])},", 1) + "\n")
    write(_indented('"tables": {', 1))
    first_table = True
    for name, rows in tables:
        write("\n" if first_table else ",\n")
        write(_indented(f"{_dumps(name)}: [", 2))
        first_row = True
        for row in rows:
            write("\n" if first_row else ",\n")
            write(_indented(_dumps(row), 3))
            first_row = False
        write("]" if first_row else "\n" + _indented("]", 2))
        first_table = False
    write("}\n}\n" if first_table else "\n" + _indented("}", 1) + "\n}\n")
