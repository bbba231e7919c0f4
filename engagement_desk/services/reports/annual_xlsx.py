"""The annual report as an Excel workbook: one sheet per table, numbers as numbers.

Hours and km are stored as numbers with a number format (so Excel sums them),
changes as fractions formatted as percent; header rows are bold and frozen,
column widths fit their content. Sheet names and headers are German.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from engagement_desk.services.reports.annual_tables import (
    CHANGE,
    ReportSection,
    ReportTable,
)

MAX_SHEET_NAME = 31
ABOUT_SHEET = "Bericht"
COUNT_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0#"  # hours (quarter hours keep their two places) and km
CHANGE_FORMAT = "+0%;-0%;0%"
MIN_WIDTH, MAX_WIDTH = 8, 48
BOLD = Font(bold=True)


def write_annual_xlsx(
    sections: Sequence[ReportSection], path: Path, *, title: str, notes: Sequence[str]
) -> None:
    """Write the workbook to ``path`` (the caller makes it atomic); ``notes`` on sheet one."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    _about(workbook, title, notes)
    for section in sections:
        for report_table in section.tables:
            _sheet(workbook, report_table)
    workbook.properties.title = title
    workbook.properties.creator = "Engagement Desk"
    workbook.save(path)


def _about(workbook: Workbook, title: str, notes: Sequence[str]) -> None:
    """A first sheet saying what the workbook is: title, period compared, filter, date."""
    sheet: Worksheet = workbook.create_sheet(ABOUT_SHEET)
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    for line in notes:
        sheet.append([line])
    sheet.column_dimensions["A"].width = min(100, max(len(line) for line in (title, *notes)) + 2)


def _sheet(workbook: Workbook, report_table: ReportTable) -> None:
    sheet: Worksheet = workbook.create_sheet(report_table.sheet[:MAX_SHEET_NAME])
    sheet.append([c.header for c in report_table.columns])
    for cell in sheet[1]:
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    body = list(report_table.rows)
    if report_table.total is not None:
        body.append(report_table.total)
    for row in body:
        sheet.append([_value(v, c.kind) for v, c in zip(row, report_table.columns, strict=True)])
    for index, column in enumerate(report_table.columns):
        for row_number, row in enumerate(body, start=2):
            number_format = _format(row[index], column.kind)
            if number_format:
                sheet.cell(row_number, index + 1).number_format = number_format
    if report_table.total is not None:
        for cell in sheet[sheet.max_row]:
            cell.font = BOLD
    sheet.freeze_panes = "B2"
    _fit_widths(sheet, report_table)


def _format(value: object, kind: str) -> str | None:
    if value is None or isinstance(value, str):
        return None
    if kind == CHANGE:
        return CHANGE_FORMAT
    return DECIMAL_FORMAT if isinstance(value, Decimal) else COUNT_FORMAT


def _value(value: object, kind: str) -> object:
    if value is None:
        return None
    if kind == CHANGE and not isinstance(value, str):
        return int(value) / 100  # type: ignore[call-overload]
    if isinstance(value, Decimal):
        return float(value)
    return value


def _fit_widths(sheet: Worksheet, report_table: ReportTable) -> None:
    rows = [*report_table.rows, *([report_table.total] if report_table.total else [])]
    for index, column in enumerate(report_table.columns):
        longest = max(
            [len(_shown(row[index])) for row in rows] + [min(len(column.header), 24)], default=0
        )
        width = min(MAX_WIDTH, max(MIN_WIDTH, longest + 2))
        sheet.column_dimensions[get_column_letter(index + 1)].width = width


def _shown(value: object) -> str:
    if isinstance(value, Decimal | float):
        return f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return "" if value is None else str(value)
