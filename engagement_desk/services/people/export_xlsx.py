"""The people export as an Excel workbook (openpyxl, write-only, streamed beside the file).

A module of its own so that openpyxl (and numpy under it) loads only when a
workbook is written: the people list imports ``export`` at start.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterator
from contextlib import suppress
from itertools import chain, islice
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import ALL_TEMP_FILES, WorksheetWriter

from engagement_desk.services.people.export import (
    BATCH,
    DATE_FORMAT,
    HEADERS,
    MAX_WIDTH,
    MIN_WIDTH,
    SHEET_TITLE,
    ExportRow,
    _values,
)


def write_xlsx(rows: Iterator[ExportRow], path: Path) -> int:
    workbook = Workbook(write_only=True)
    sheet: WriteOnlyWorksheet = workbook.create_sheet(SHEET_TITLE)
    # Widths must be set before the first row is written: measure the first batch.
    first = list(islice(rows, BATCH))
    _set_widths(sheet, [_values(row) for row in first])
    sheet.freeze_panes = "A2"
    _stream_beside(sheet, path)  # after widths and panes: the top of the sheet is written now
    bold = Font(bold=True)
    sheet.append([_cell(sheet, title, font=bold) for title in HEADERS])
    count = 0
    try:
        for row in chain(first, rows):
            sheet.append([_cell(sheet, value) for value in _values(row)])
            count += 1
    except BaseException:
        with suppress(Exception):
            workbook.save(path)  # openpyxl removes its streaming file on save only
        raise
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{count + 1}"
    workbook.save(path)
    return count


def _stream_beside(sheet: WriteOnlyWorksheet, path: Path) -> None:
    """openpyxl streams a write-only sheet through a file it makes in the system's temp
    folder; a killed export would leave the people list there. Put that file beside the
    export instead, owner-only, where the person who exported looks anyway."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".sheet")
    os.close(handle)
    ALL_TEMP_FILES.append(name)
    sheet._writer = WorksheetWriter(sheet, out=name)
    sheet._writer.write_top()


def _cell(sheet: WriteOnlyWorksheet, value: Any, font: Font | None = None) -> Any:
    """A styled cell for dates, headers and text Excel would run as a formula; else the value."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    formula_like = isinstance(value, str) and value.startswith("=")
    if not (formula_like or isinstance(value, dt.date) or font):
        return value  # a plain value is much faster to write than a cell
    cell = WriteOnlyCell(sheet, value=value)
    if formula_like:
        cell.data_type = "s"
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    if font is not None:
        cell.font = font
    return cell


def _set_widths(sheet: WriteOnlyWorksheet, sample: list[list[Any]]) -> None:
    for index, title in enumerate(HEADERS):
        longest = max(
            [len(title) + 3]  # room for the filter button
            + [10 if isinstance(r[index], dt.date) else len(str(r[index] or "")) for r in sample]
        )
        width = min(max(longest + 1, MIN_WIDTH), MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
