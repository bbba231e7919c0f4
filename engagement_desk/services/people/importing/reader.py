"""Reading an office's list of people from ``.xlsx`` or CSV into plain rows.

Row numbers are those a spreadsheet shows: the first row of the file is 1,
whatever lines a quoted cell spans.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import warnings
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from engagement_desk.services.errors import ServiceError
from engagement_desk.services.people.importing.columns import recognise_header

Cell = str | int | float | bool | dt.datetime | dt.date | dt.time | None

EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm"})
TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
DELIMITERS = (";", ",", "\t")
HEADER_SEARCH_ROWS = 10
_SNIFF_ROWS = 50
_SEP_LINE = re.compile(r"^sep=(.)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class RawRow:
    line: int
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class RawTable:
    """A sheet as read: one unique header per column, the non-empty rows below it."""

    headers: tuple[str, ...]
    rows: tuple[RawRow, ...]
    header_line: int = 1
    format: str = "csv"
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""

    @property
    def description(self) -> str:
        """How the file was understood, e.g. "CSV, Windows-1252, Trennzeichen „;“"."""
        if self.format == "xlsx":
            return f"Excel, Tabellenblatt „{self.sheet}“"
        delimiter = "Tabulator" if self.delimiter == "\t" else f"„{self.delimiter}“"
        return f"CSV, {self.encoding}, Trennzeichen {delimiter}"


def read_table(path: str | Path) -> RawTable:
    """The table in an ``.xlsx`` file (active sheet) or a CSV/text file, chosen by suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in {".xls", ".ods"}:
        raise ServiceError(
            f"Das Format „{suffix}“ kann nicht gelesen werden. Bitte die Tabelle "
            "als Excel-Arbeitsmappe (.xlsx) oder als CSV speichern."
        )
    if suffix not in EXCEL_SUFFIXES | TEXT_SUFFIXES:
        raise ServiceError(
            f"Unbekanntes Dateiformat „{suffix or path.name}“; "
            "bitte eine Excel-Datei (.xlsx) oder CSV-Datei wählen."
        )
    try:
        if suffix in EXCEL_SUFFIXES:
            return _read_excel(path)
        return _read_text(path.read_bytes())
    except FileNotFoundError:
        raise ServiceError(f"Die Datei „{path}“ gibt es nicht.") from None
    except IsADirectoryError:
        raise ServiceError(f"„{path}“ ist ein Ordner, keine Datei.") from None
    except PermissionError:
        raise ServiceError(
            f"Keine Berechtigung, „{path}“ zu lesen (ist die Datei noch in Excel geöffnet?)."
        ) from None


def _read_excel(path: Path) -> RawTable:
    with warnings.catch_warnings():
        # openpyxl warns, on opening and lazily while rows are read, about parts
        # it drops (data validation and other extensions, conditional formats,
        # missing styles); none of them changes a cell value.
        warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.")
        workbook = _open_workbook(path)
        try:
            sheet = workbook.active
            if sheet is None:
                raise ServiceError(f"„{path.name}“ enthält kein Tabellenblatt.")
            # The dimension some programs write is wrong; without it every row is read.
            sheet.reset_dimensions()
            numbered = enumerate(sheet.iter_rows(values_only=True), start=1)
            return _table(numbered, format="xlsx", sheet=sheet.title)
        except (zipfile.BadZipFile, SyntaxError) as exc:  # XML parse errors are SyntaxErrors
            raise ServiceError(
                f"„{path.name}“ ist beschädigt und kann nicht gelesen werden."
            ) from exc
        finally:
            workbook.close()


def _open_workbook(path: Path) -> Workbook:
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (FileNotFoundError, PermissionError, IsADirectoryError):
        raise
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as exc:
        raise ServiceError(f"„{path.name}“ ist keine lesbare Excel-Datei (.xlsx).") from exc


def _read_text(data: bytes) -> RawTable:
    text, encoding = _decode(data)
    lines = text.splitlines(keepends=True)
    delimiter = None
    if lines and (hint := _SEP_LINE.match(lines[0])):
        # Excel's own hint line; Excel hides it, so the next line is row 1.
        delimiter = hint.group(1)
        text = "".join(lines[1:])
    if delimiter is None:
        delimiter = _sniff_delimiter(text)
    records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return _table(
            enumerate(records, start=1), format="csv", encoding=encoding, delimiter=delimiter
        )
    except csv.Error as exc:
        raise ServiceError(f"Die CSV-Datei ist beschädigt: {exc}") from exc


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "UTF-16"
    try:
        encoding = "UTF-8 mit BOM" if data.startswith(codecs.BOM_UTF8) else "UTF-8"
        return data.decode("utf-8-sig"), encoding
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        raise ServiceError(
            "Die Zeichenkodierung der Datei ist weder UTF-8 noch Windows-1252. "
            "Bitte in Excel als „CSV UTF-8“ speichern."
        ) from None


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first rows into the most columns, most consistently."""

    def score(delimiter: str) -> tuple[int, int]:
        widths: Counter[int] = Counter()
        try:
            for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
                if any(cell.strip() for cell in record):
                    widths[len(record)] += 1
                if widths.total() >= _SNIFF_ROWS:
                    break
        except csv.Error:
            return (0, 0)
        if not widths:
            return (0, 0)
        width, count = max(widths.items(), key=lambda item: (item[1], item[0]))
        return (width, count)

    return max(DELIMITERS, key=lambda d: (score(d), -DELIMITERS.index(d)))


def _is_blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _table(numbered: Iterable[tuple[int, Sequence[Cell]]], **source: str) -> RawTable:
    rows = [
        RawRow(line, _trimmed(cells))
        for line, cells in numbered
        if not all(_is_blank(cell) for cell in cells)
    ]
    if not rows:
        raise ServiceError("Die Datei enthält keine Zeilen.")
    header_index = _header_index(rows)
    header_row, data = rows[header_index], rows[header_index + 1 :]
    width = max(len(row.cells) for row in rows[header_index:])
    headers = _unique_headers(header_row.cells, width)
    return RawTable(
        headers=headers,
        rows=tuple(data),
        header_line=header_row.line,
        **source,
    )


def _trimmed(cells: Sequence[Cell]) -> tuple[Cell, ...]:
    end = len(cells)
    while end and _is_blank(cells[end - 1]):
        end -= 1
    return tuple(cells[:end])


def _header_index(rows: Sequence[RawRow]) -> int:
    """The header row: the first row naming known columns, so title lines above are skipped."""
    best, best_count = 0, 1
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        count = sum(
            1 for cell in row.cells if isinstance(cell, str) and recognise_header(cell) is not None
        )
        if count > best_count:
            best, best_count = index, count
    return best


def _unique_headers(cells: Sequence[Cell], width: int) -> tuple[str, ...]:
    """Header texts, made unique; an empty header becomes "Spalte C" after its letter."""
    headers: list[str] = []
    seen: Counter[str] = Counter()
    for index in range(width):
        cell = cells[index] if index < len(cells) else None
        text = " ".join(_header_text(cell).split()) or f"Spalte {get_column_letter(index + 1)}"
        seen[text.casefold()] += 1
        if seen[text.casefold()] > 1:
            text = f"{text} ({seen[text.casefold()]})"
        headers.append(text)
    return tuple(headers)


def _header_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)
