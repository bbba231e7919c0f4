"""Reads an interchange file incrementally: the frame, then one row at a time.

A file of a million hours entries is never held in memory: ``ijson`` parses
the bytes as they are read (gzip too), and each row is handed on as soon as it
is complete. Only files in the shape the exporter writes are streamed — the
frame fields before ``"tables"``, the current format version, every table a
list. Anything else (broken JSON, another shape, an older version) raises
``NotStreamable`` before a row reaches the database, and the importer reads
the file whole instead, whose checks word the refusal exactly.

NUL characters and lone surrogates can only come from ``\\u`` escapes (which the
parser would silently replace), so the bytes are searched for those escapes as
they stream past; a file with one is read whole, where the exact check is.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import ijson

from engagement_desk.services.interchange.catalog import tables_by_name
from engagement_desk.services.interchange.envelope import (
    FORMAT_NAME,
    FORMAT_VERSION,
    InterchangeError,
)
from engagement_desk.services.interchange.reading import GZIP_MAGIC
from engagement_desk.services.interchange.validation import validate_document
from engagement_desk.services.progress import NO_PROGRESS

_SUSPECT_ESCAPE = re.compile(rb"\\u(?:0000|[dD][89a-fA-F])")
_OPENING = {"start_map", "start_array"}
_CLOSING = {"end_map", "end_array"}
UTF8_BOM = b"\xef\xbb\xbf"
# Deeper than Python's json module parses: the whole read says so in its words.
MAX_DEPTH = 400


class NotStreamable(Exception):
    """The file is not in the exporter's shape or not valid JSON: read it whole instead."""


class _ScanningReader:
    """Hands the file's bytes to the parser and notes a suspicious ``\\u`` escape."""

    def __init__(self, raw: BinaryIO, counted: BinaryIO):
        self._raw = raw
        self._counted = counted  # the file on disk: its position is the progress
        self._tail = b""

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        if data:
            if _SUSPECT_ESCAPE.search(self._tail + data) is not None:
                raise NotStreamable("an escaped NUL or surrogate")
            self._tail = data[-6:]
        return data

    @property
    def position(self) -> int:
        return self._counted.tell()


@dataclass
class StreamedFile:
    """The frame (fields beside ``tables``) and, once read to the end, the table names."""

    path: Path
    size: int
    header: dict[str, Any] = field(default_factory=dict)
    table_names: list[str] = field(default_factory=list)
    position: int = 0
    saw_tables: bool = False

    def rows(self) -> Iterator[tuple[str, int, Any]]:
        """(table, index in the table, row) in file order; raises ``NotStreamable``."""
        try:
            with open(self.path, "rb") as disk:
                raw: BinaryIO = disk
                if disk.read(2) == GZIP_MAGIC:
                    disk.seek(0)
                    raw = gzip.GzipFile(fileobj=disk)  # type: ignore[assignment]
                else:
                    disk.seek(0)
                    if disk.read(3) != UTF8_BOM:
                        disk.seek(0)
                reader = _ScanningReader(raw, disk)
                yield from self._parse(reader)
        except NotStreamable:
            raise
        except Exception as error:  # ijson, gzip, UTF-8, numbers: the whole read words it
            raise NotStreamable(str(error)) from error

    def _parse(self, reader: _ScanningReader) -> Iterator[tuple[str, int, Any]]:
        events = ijson.parse(reader, use_float=True)
        if next(events, (None, None, None))[1] != "start_map":
            raise NotStreamable("not an object")
        for _prefix, event, value in events:
            if event == "end_map":
                break
            if value != "tables":
                self.header[value] = _value(events, next(events))
                continue
            self._check_frame(reader)
            self.saw_tables = True
            if next(events)[1] != "start_map":
                raise NotStreamable("tables is not an object")
            yield from self._tables(events, reader)
        else:
            raise NotStreamable("unexpected end")
        if not self.saw_tables:
            raise NotStreamable("no tables")
        for _ in events:  # trailing data: ijson refuses it
            raise NotStreamable("data after the end")
        self.position = reader.position

    def _check_frame(self, reader: _ScanningReader) -> None:
        header = self.header
        if header.get("format") != FORMAT_NAME or type(header.get("format_version")) is not int:
            raise NotStreamable("frame")
        if header["format_version"] != FORMAT_VERSION:
            raise NotStreamable("another format version")
        try:
            validate_document({**header, "tables": {}}, NO_PROGRESS)
        except InterchangeError as error:
            raise NotStreamable(str(error)) from error

    def _tables(self, events: Iterator, reader: _ScanningReader) -> Iterator[tuple[str, int, Any]]:
        for _prefix, event, name in events:
            if event == "end_map":
                return
            if name in self.table_names or name not in tables_by_name():
                raise NotStreamable("an unknown table, or one twice")
            self.table_names.append(name)
            if next(events)[1] != "start_array":
                raise NotStreamable("a table is not a list")
            for index, first in enumerate(events):
                if first[1] == "end_array":
                    break
                row = _value(events, first)
                self.position = reader.position
                yield name, index, row


def _value(events: Iterator, first: tuple[str, str, Any]) -> Any:
    """The complete value that starts with the event ``first``."""
    _prefix, event, value = first
    if event not in _OPENING:
        return value
    builder = ijson.ObjectBuilder()
    builder.event(event, value)
    depth = 1
    for _prefix, event, value in events:
        builder.event(event, value)
        if event in _OPENING:
            depth += 1
            if depth > MAX_DEPTH:
                raise NotStreamable("nested too deep")
        elif event in _CLOSING:
            depth -= 1
            if depth == 0:
                return builder.value
    raise NotStreamable("unexpected end")


def streamed(path: Path) -> StreamedFile:
    """The file, to be read with ``rows()``; ``NotStreamable`` if it cannot even be opened."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise NotStreamable(str(error)) from error
    if size == 0:
        raise NotStreamable("empty")
    return StreamedFile(path, size)
