"""Reads an interchange file into Python objects, refusing unreadable files and bad JSON."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from engagement_desk.services.interchange.envelope import InterchangeError

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


def read_document(path: Path) -> Any:
    text = _read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        problem = _JSON_PROBLEMS.get(exc.msg, exc.msg)
        raise InterchangeError(
            f"Die Datei {path} ist kein gültiges JSON: Zeile {exc.lineno}, "
            f"Spalte {exc.colno}: {problem}."
        ) from exc


def _read_text(path: Path) -> str:
    # A function of its own so that the raw bytes are freed before parsing.
    try:
        data = path.read_bytes()
        if data.startswith(GZIP_MAGIC):  # a compressed snapshot (backup of a PostgreSQL office)
            data = gzip.decompress(data)
    except OSError as exc:
        raise InterchangeError(
            f"Die Datei {path} kann nicht gelesen werden: {exc.strerror or exc}."
        ) from exc
    except EOFError as exc:
        raise InterchangeError(f"Die Datei {path} ist unvollständig (gzip).") from exc
    try:
        # utf-8-sig: Windows editors like to put a byte-order mark in front.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InterchangeError(
            f"Die Datei {path} ist nicht in UTF-8 geschrieben (Byte {exc.start})."
        ) from exc
