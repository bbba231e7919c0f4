"""Reads an interchange file into Python objects, refusing unreadable files and bad JSON.

Everything the JSON parser itself cannot be trusted with is refused here, in
German and with the place in the file: nesting deeper than the parser's
recursion allows, integers longer than Python converts (4300 digits), the
non-JSON constants NaN and Infinity, and strings no database stores — a NUL
character or half of a UTF-16 surrogate pair (both only reachable through
``\\u`` escapes, so the text is searched for those escapes first and the
parsed document only when one is there).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from engagement_desk.services.interchange.envelope import InterchangeError
from engagement_desk.services.interchange.messages import place

GZIP_MAGIC = b"\x1f\x8b"

# The json module's messages, in the words the rest of the program uses.
_JSON_PROBLEMS = {
    "Expecting value": "Wert erwartet",
    "Expecting ',' delimiter": "Komma erwartet",
    "Expecting ':' delimiter": "Doppelpunkt erwartet",
    "Expecting property name enclosed in double quotes": (
        "Feldname in doppelten Anführungszeichen erwartet"
    ),
    "Unterminated string starting at": "Text ohne schließendes Anführungszeichen",
    "Invalid control character at": "Steuerzeichen im Text",
    "Invalid \\escape": "ungültige Escape-Sequenz",
    "Invalid \\uXXXX escape": "ungültige \\u-Escape-Sequenz",
    "Extra data": "weitere Zeichen nach dem Ende",
}
# A \u escape of NUL or of a surrogate. An escaped backslash in front ("\\u0000",
# the text \u0000) matches too; the exact search in the parsed document decides.
_SUSPECT_ESCAPE = re.compile(r"\\u(?:0000|[dD][89a-fA-F])")
_BAD_CHARACTER = re.compile("[\x00\ud800-\udfff]")


class _NotJson(ValueError):
    """NaN or Infinity: Python's parser takes them, JSON does not have them."""


def read_document(path: Path) -> Any:
    text = _read_text(path)
    document = _parse(text, path)
    if _SUSPECT_ESCAPE.search(text):
        _refuse_bad_characters(document)
    return document


def _parse(text: str, path: Path) -> Any:
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        problem = _JSON_PROBLEMS.get(exc.msg, exc.msg)
        raise InterchangeError(
            f"Die Datei {path} ist kein gültiges JSON: Zeile {exc.lineno}, "
            f"Spalte {exc.colno}: {problem}."
        ) from exc
    except _NotJson as exc:
        constant = str(exc)
        raise InterchangeError(
            f"Die Datei {path} ist kein gültiges JSON: {_where(text, re.escape(constant))}"
            f"{constant} gibt es in JSON nicht."
        ) from exc
    except RecursionError as exc:
        raise InterchangeError(
            f"Die Datei {path} ist zu tief verschachtelt, um sie zu lesen; eine "
            "Austauschdatei hat nur vier Ebenen (Datei, Tabellen, Liste, Datensatz)."
        ) from exc
    except ValueError as exc:
        # The only other ValueError: an integer longer than Python converts.
        limit = sys.get_int_max_str_digits()
        where = _where(text, rf"-?[0-9]{{{limit + 1},}}") if limit else ""
        raise InterchangeError(
            f"Die Datei {path} enthält eine zu lange Zahl: {where}mehr als {limit} Ziffern."
        ) from exc


def _refuse_constant(name: str) -> Any:
    raise _NotJson(name)


def _where(text: str, token: str) -> str:
    """'Zeile 3, Spalte 7: ' where a value matching the pattern ``token`` first stands
    (after "[", ":" or ","; not inside a text), or '' if there is none."""
    found = re.search(rf"[\[:,]\s*({token})", text)
    if found is None:
        return ""
    position = found.start(1)
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return f"Zeile {line}, Spalte {column}: "


def _refuse_bad_characters(document: Any) -> None:
    """The first string (value or name) holding NUL or a lone surrogate, by its place."""
    for where, text in _strings(document):
        found = _BAD_CHARACTER.search(text)
        if found is None:
            continue
        code = ord(found.group())
        # ["tables", "person", 3, "note"] is "person[3].note", as in every other refusal.
        shown = (
            place(where[1:] if where[:1] == ["tables"] and len(where) > 1 else where)
            .translate({0: "\\u0000"})
            .encode("utf-8", "backslashreplace")
        )
        what = (
            "ein NUL-Zeichen (\\u0000), das in keinem Text vorkommen darf"
            if code == 0
            else f"ein ungültiges Zeichen (\\u{code:04x}, eine halbe UTF-16-Ersatzfolge)"
        )
        raise InterchangeError(f"{shown.decode()}: enthält {what}; es wurde nichts importiert.")


def _strings(document: Any) -> Iterator[tuple[list[str | int], str]]:
    """Every string of ``document`` with its place, names before values, in file order."""
    stack: list[tuple[list[str | int], Any]] = [([], document)]
    while stack:
        where, node = stack.pop()
        if isinstance(node, str):
            yield where, node
        elif isinstance(node, dict):
            for key in node:
                yield [*where, key], key
            stack.extend(([*where, key], value) for key, value in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend(
                ([*where, index], value) for index, value in reversed(list(enumerate(node)))
            )


def _read_text(path: Path) -> str:
    # A function of its own so that the raw bytes are freed before parsing.
    try:
        data = path.read_bytes()
        if data.startswith(GZIP_MAGIC):  # a compressed snapshot (backup of a PostgreSQL office)
            data = gzip.decompress(data)
    except OSError as exc:
        if isinstance(exc, gzip.BadGzipFile) or exc.errno is None:
            raise InterchangeError(f"Die Datei {path} ist beschädigt (gzip).") from exc
        raise InterchangeError(
            f"Die Datei {path} kann nicht gelesen werden: {exc.strerror or exc}."
        ) from exc
    except EOFError as exc:
        raise InterchangeError(f"Die Datei {path} ist unvollständig (gzip).") from exc
    except zlib.error as exc:
        raise InterchangeError(f"Die Datei {path} ist beschädigt (gzip).") from exc
    if not data.strip():
        raise InterchangeError(f"Die Datei {path} ist leer.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # JSON is UTF-8 (RFC 8259); an editor's "Unicode" is UTF-16.
        raise InterchangeError(
            f"Die Datei {path} ist in UTF-16 gespeichert; eine Austauschdatei ist UTF-8."
        )
    try:
        # utf-8-sig: Windows editors like to put a byte-order mark in front.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InterchangeError(
            f"Die Datei {path} ist nicht in UTF-8 geschrieben (Byte {exc.start})."
        ) from exc
