"""Reading an office's list of people from ``.xlsx`` or CSV into plain rows.

Row numbers are those a spreadsheet shows: the first row of the file is 1,
whatever lines a quoted cell spans.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from engagement_desk.services.errors import ServiceError
from engagement_desk.services.people.importing.columns import recognise_header
from engagement_desk.services.people.importing.encoding import OLE2_MAGIC, ZIP_MAGIC, decode

if TYPE_CHECKING:
    # openpyxl (and numpy under it) loads when a workbook is read, not with the people list.
    from openpyxl import Workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

log = logging.getLogger(__name__)

Cell = str | int | float | bool | dt.datetime | dt.date | dt.time | None

EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm"})
TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
DELIMITERS = (";", ",", "\t")
HEADER_SEARCH_ROWS = 10
_SNIFF_ROWS = 50
_SEP_LINE = re.compile(r"^sep=(.)\s*$", re.IGNORECASE)
MAX_COLUMNS = 16_384
"""Excel's last column, XFD. No list from Excel is wider (openpyxl's letters end at 18,278)."""
# Control characters no cell of a list holds (tab and line breaks are text),
# and halves of UTF-16 surrogate pairs, which no database stores.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# "EncryptedPackage", the stream Office puts a password-protected workbook in.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


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
        return _read_text(path.read_bytes(), path.name)
    except FileNotFoundError:
        raise ServiceError(f"Die Datei „{path}“ gibt es nicht.") from None
    except IsADirectoryError:
        raise ServiceError(f"„{path}“ ist ein Ordner, keine Datei.") from None
    except PermissionError:
        raise ServiceError(
            f"Keine Berechtigung, „{path}“ zu lesen (ist die Datei noch in Excel geöffnet?)."
        ) from None


def _read_excel(path: Path) -> RawTable:
    _require_workbook(path)
    with warnings.catch_warnings():
        # openpyxl warns, on opening and lazily while rows are read, about parts
        # it drops (data validation and other extensions, conditional formats,
        # missing styles); none of them changes a cell value.
        warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.")
        workbook = _open_workbook(path)
        try:
            sheet = _active_sheet(workbook, path)
            return _table(_sheet_rows(sheet, path), format="xlsx", sheet=sheet.title)
        finally:
            workbook.close()


def _require_workbook(path: Path) -> None:
    """Refuse, by its first bytes, what is no workbook: an empty, encrypted or old .xls file."""
    with path.open("rb") as file:
        head = file.read(len(OLE2_MAGIC))
    if not head:
        raise ServiceError(f"„{path.name}“ ist leer (0 Bytes) und keine Excel-Datei.")
    if head.startswith(ZIP_MAGIC):
        return
    if head == OLE2_MAGIC:
        # Office keeps a password-protected workbook in an OLE2 file, as it did .xls.
        if _ENCRYPTED_PACKAGE in path.read_bytes():
            raise ServiceError(
                f"„{path.name}“ ist mit einem Kennwort geschützt (verschlüsselt) und kann "
                "nicht gelesen werden. Bitte in Excel öffnen, unter Datei → Informationen → "
                "Arbeitsmappe schützen das Kennwort entfernen und die Datei speichern."
            )
        raise ServiceError(
            f"„{path.name}“ ist eine Datei im alten Excel-Format (.xls), auch wenn sie auf "
            f"„{path.suffix}“ endet. Bitte in Excel als Excel-Arbeitsmappe (.xlsx) speichern."
        )
    raise ServiceError(f"„{path.name}“ ist keine lesbare Excel-Datei (.xlsx).")


def _open_workbook(path: Path) -> Workbook:
    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (FileNotFoundError, PermissionError, IsADirectoryError):
        raise
    except Exception as exc:
        # A damaged package makes openpyxl raise whatever its zip and XML parsers
        # meet (BadZipFile, KeyError, SyntaxError, ValueError, …).
        log.info("openpyxl cannot open %s", path.name, exc_info=True)
        raise ServiceError(f"„{path.name}“ ist keine lesbare Excel-Datei (.xlsx).") from exc


def _active_sheet(workbook: Workbook, path: Path) -> ReadOnlyWorksheet:
    try:
        sheet = workbook.active
        if sheet is not None:
            # The dimension some programs write is wrong; without it every row is read.
            sheet.reset_dimensions()
    except Exception as exc:
        log.info("openpyxl finds no active sheet in %s", path.name, exc_info=True)
        raise _damaged(path) from exc
    if sheet is None:
        raise ServiceError(f"„{path.name}“ enthält kein Tabellenblatt.")
    return sheet  # type: ignore[return-value]


def _sheet_rows(sheet: ReadOnlyWorksheet, path: Path) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    """The sheet's rows, numbered; whatever openpyxl raises on a damaged sheet is a refusal."""
    rows = sheet.iter_rows(values_only=True)
    line = 0
    while True:
        try:
            cells = next(rows)
        except StopIteration:
            return
        except Exception as exc:
            log.info("openpyxl cannot read row %d of %s", line + 1, path.name, exc_info=True)
            raise _damaged(path, line + 1) from exc
        line += 1
        yield line, cells


def _damaged(path: Path, line: int = 0) -> ServiceError:
    where = f" ab Zeile {line}" if line > 1 else ""
    return ServiceError(
        f"„{path.name}“ ist beschädigt und kann{where} nicht gelesen werden "
        "(oder enthält Werte, die Excel selbst nicht schreibt)."
    )


def _read_text(data: bytes, name: str) -> RawTable:
    text, encoding = decode(data, name)
    lines = text.splitlines(keepends=True)
    delimiter = None
    if lines and (hint := _SEP_LINE.match(lines[0])):
        # Excel's own hint line; Excel hides it, so the next line is row 1.
        delimiter = hint.group(1)
        text = "".join(lines[1:])
    if delimiter is None:
        delimiter = _sniff_delimiter(text)
    records = _csv_records(text, delimiter)
    return _table(records, format="csv", encoding=encoding, delimiter=delimiter)


def _csv_records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """The records of ``text``, numbered as a spreadsheet numbers its rows."""
    records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except csv.Error as exc:
            # In strict=False mode the one error left is a cell over the field size limit.
            raise ServiceError(
                f"Zeile {line + 1} der CSV-Datei ist nicht lesbar: eine Zelle ist länger als "
                f"{_number(csv.field_size_limit())} Zeichen (fehlt ein schließendes "
                "Anführungszeichen?). Es wurde nichts importiert."
            ) from exc
        line += 1
        yield line, record


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
            # A cell over the size limit (an unclosed quote, say): the rows before it
            # still tell the delimiter, and reading then names the broken row.
            pass
        if not widths:
            return (0, 0)
        width, count = max(widths.items(), key=lambda item: (item[1], item[0]))
        return (width, count)

    return max(DELIMITERS, key=lambda d: (score(d), -DELIMITERS.index(d)))


def _number(count: int) -> str:
    """12.345, as German text writes numbers."""
    return f"{count:,}".replace(",", ".")


def _is_blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _table(numbered: Iterable[tuple[int, Sequence[Cell]]], **source: str) -> RawTable:
    rows = []
    for line, cells in numbered:
        trimmed = _trimmed(cells)
        if not trimmed:
            continue
        if len(trimmed) > MAX_COLUMNS:
            raise ServiceError(
                f"Zeile {line} hat {_number(len(trimmed))} Spalten; gelesen werden höchstens "
                f"{_number(MAX_COLUMNS)} (bis Spalte {_column_letter(MAX_COLUMNS)}, wie "
                "in Excel). Es wurde nichts importiert."
            )
        rows.append(RawRow(line, trimmed))
    if not rows:
        raise ServiceError("Die Datei enthält keine Zeilen.")
    header_index = _header_index(rows)
    header_row, data = rows[header_index], rows[header_index + 1 :]
    width = max(len(row.cells) for row in rows[header_index:])
    headers = _unique_headers(header_row.cells, width)
    _refuse_control_characters(rows, headers)
    return RawTable(
        headers=headers,
        rows=tuple(data),
        header_line=header_row.line,
        **source,
    )


def _refuse_control_characters(rows: Sequence[RawRow], headers: Sequence[str]) -> None:
    """A NUL or other control character in a cell: the file is damaged or no list."""
    for row in rows:
        for index, cell in enumerate(row.cells):
            if not isinstance(cell, str) or (found := _CONTROL.search(cell)) is None:
                continue
            header = headers[index] if index < len(headers) else ""
            column = _column_letter(index + 1)
            named = f"„{header}“ ({column})" if header and not _CONTROL.search(header) else column
            code = ord(found.group())
            if code == 0:
                what = "ein NUL-Zeichen (Nullbyte)"
            elif code >= 0xD800:
                what = f"das ungültige Zeichen U+{code:04X}"
            else:
                what = f"das Steuerzeichen U+{code:04X}"
            raise ServiceError(
                f"Zeile {row.line}, Spalte {named} enthält {what}; die Datei ist wohl "
                "beschädigt oder keine Liste. Es wurde nichts importiert."
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
        text = " ".join(_header_text(cell).split()) or f"Spalte {_column_letter(index + 1)}"
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


def _column_letter(number: int) -> str:
    """Excel's letters for a column number from 1: 1 → A, 26 → Z, 27 → AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
