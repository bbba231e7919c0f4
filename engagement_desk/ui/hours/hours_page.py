"""Fast hours entry: rows of person, date, hours, organization, activity; saved all at once."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.services.errors import ValidationError
from engagement_desk.services.hours import GridRow, HoursInput, HoursSaveResult, save_hours_grid
from engagement_desk.services.hours.grid import split_row_field
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.certificates.sources import Choice, organization_choices
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.formatting import format_int
from engagement_desk.ui.widgets.editor_base import EditorBase
from engagement_desk.ui.widgets.field_errors import ERROR_COLOR
from engagement_desk.ui.widgets.person_picker import PersonPicker

START_ROWS = 8
COLUMNS = ("person_id", "on_date", "hours", "organization_id", "activity")
ERROR_BACKGROUND = QColor("#f9dedc")
ERROR_STYLE = f"border: 2px solid {ERROR_COLOR.name()};"


class HoursPage(EditorBase, QWidget):
    """Rows typed here are unsaved until "Save all rows"; leaving them asks first."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("hours_entry_page")
        self.ctx = ctx
        self.organizations: tuple[Choice, ...] = ()
        self._loaded = False
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("hours_grid")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 16)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        char = self.table.fontMetrics().averageCharWidth()
        for column, chars in enumerate((30, 12, 8, 28)):
            header.resizeSection(column, chars * char + 16)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.add_button = QPushButton()
        self.add_button.setObjectName("hours_add_row")
        self.add_button.clicked.connect(self.add_row)
        self.save_button = QPushButton()
        self.save_button.setObjectName("hours_save")
        self.save_button.clicked.connect(self.save)
        guard_each(ctx, Capability.EDIT_HOURS, self.add_button, self.save_button)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.errors = QLabel()
        self.errors.setObjectName("hours_errors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet(f"color: {ERROR_COLOR.name()};")
        self.errors.hide()
        self.outcome = QLabel()
        self.outcome.setObjectName("hours_outcome")
        self.outcome.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.errors)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)
        for _ in range(START_ROWS):
            self.add_row()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Person"),
                self.tr("Date"),
                self.tr("Hours"),
                self.tr("Organization"),
                self.tr("Activity"),
            ]
        )
        self.table.setAccessibleName(self.tr("Hours to enter"))
        self.add_button.setText(self.tr("&Add row"))
        self.save_button.setText(self.tr("&Save all rows"))
        self.hint.setText(
            self.tr(
                "One row per engagement: type part of a name and choose the person, "
                "date as DD.MM.YYYY, hours like 2,5. Empty rows are left out; "
                "nothing is saved while any row has a problem."
            )
        )
        for row in range(self.table.rowCount()):
            combo = self.organization_combo(row)
            combo.setItemText(0, self.tr("(no organization)"))

    # --- the editor base ---------------------------------------------------------

    def is_dirty(self) -> bool:
        return any(not self._is_empty(row) for row in range(self.table.rowCount()))

    def describe(self) -> str:
        return self.tr("the hours typed in")

    def revert(self) -> None:
        self.clear_errors()
        self.table.setRowCount(0)
        for _ in range(START_ROWS):
            self.add_row()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.load()

    def load(self) -> None:
        self._loaded = True
        self.ctx.ops.query(organization_choices, self.ctx.db).success(
            self._organizations_arrived
        ).run()

    @Slot(object)
    def _organizations_arrived(self, organizations: tuple[Choice, ...]) -> None:
        self.organizations = organizations
        for row in range(self.table.rowCount()):
            self._fill_organizations(self.organization_combo(row))

    def _fill_organizations(self, combo: QComboBox) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(combo.count() - 1)
        for choice in self.organizations:
            combo.addItem(choice.label, choice.id)
        combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
        combo.blockSignals(False)

    # --- rows ------------------------------------------------------------------

    @Slot()
    def add_row(self) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        picker = PersonPicker(self.ctx)
        picker.setObjectName(f"hours_person_{row + 1}")
        picker.setFrame(False)
        self.table.setCellWidget(row, 0, picker)
        combo = QComboBox()
        combo.setObjectName(f"hours_organization_{row + 1}")
        combo.addItem(self.tr("(no organization)"), None)
        self._fill_organizations(combo)
        self.table.setCellWidget(row, 3, combo)
        for column in (1, 2, 4):
            self.table.setItem(row, column, QTableWidgetItem(""))
        return row

    def person_picker(self, row: int) -> PersonPicker:
        widget = self.table.cellWidget(row, 0)
        assert isinstance(widget, PersonPicker)
        return widget

    def organization_combo(self, row: int) -> QComboBox:
        widget = self.table.cellWidget(row, 3)
        assert isinstance(widget, QComboBox)
        return widget

    def text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def set_row(
        self,
        row: int,
        person: object,
        on_date: str,
        hours: str,
        organization_id: int | None = None,
        activity: str = "",
    ) -> None:
        """Fill a row as a person would (``person`` is a ``PersonChoice``)."""
        while row >= self.table.rowCount():
            self.add_row()
        self.person_picker(row).set_person(person)  # type: ignore[arg-type]
        self.table.item(row, 1).setText(on_date)
        self.table.item(row, 2).setText(hours)
        combo = self.organization_combo(row)
        combo.setCurrentIndex(max(combo.findData(organization_id), 0))
        self.table.item(row, 4).setText(activity)

    def _is_empty(self, row: int) -> bool:
        picker = self.person_picker(row)
        return (
            not picker.text().strip()
            and not any(self.text(row, c) for c in (1, 2, 4))
            and self.organization_combo(row).currentData() is None
        )

    def grid_rows(self) -> list[GridRow]:
        rows = []
        for row in range(self.table.rowCount()):
            if self._is_empty(row):
                continue
            rows.append(
                GridRow(
                    HoursInput(
                        person_id=self.person_picker(row).person_id,
                        on_date=self.text(row, 1),
                        hours=self.text(row, 2),
                        organization_id=self.organization_combo(row).currentData(),
                        activity=self.text(row, 4),
                    ),
                    row=row + 1,
                )
            )
        return rows

    # --- saving ------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        self.clear_errors()
        rows = self.grid_rows()
        if not rows:
            self.outcome.setText(self.tr("There is nothing to save yet."))
            self.save_succeeded()
            return
        (
            self.ctx.ops.write(save_hours_grid, self.ctx.db, rows)
            .with_progress(self, self.tr("Saving hours …"))
            .success(self._saved)
            .failure(self._failed)
            .run()
        )

    @Slot(object)
    def _saved(self, result: HoursSaveResult) -> None:
        count = len(result.records)
        text = (
            self.tr("1 entry saved.")
            if count == 1
            else self.tr("%1 entries saved.").replace("%1", format_int(count))
        )
        if result.warnings:
            lines = [text, self.tr("Please check:")]
            for warning in result.warnings:
                where = ", ".join(str(r) for r in warning.rows)
                prefix = self.tr("Row %1: ").replace("%1", where) if where else ""
                lines.append(f"• {prefix}{warning.message}")
            text = "\n".join(lines)
        self.revert()
        self.outcome.setText(text)
        self.save_succeeded()

    @Slot(object)
    def _failed(self, error: Exception) -> None:
        if not isinstance(error, ValidationError):
            self.save_failed(error)
            return
        self._after_save = None
        messages = []
        for problem in error.errors:
            messages.append(str(problem))
            place = split_row_field(problem.field)
            if place is None:
                continue
            row, key = place[0] - 1, place[1]
            if not 0 <= row < self.table.rowCount() or key not in COLUMNS:
                continue
            self.mark_cell(row, COLUMNS.index(key), problem.message)
        self.errors.setText("\n".join(messages))
        self.errors.show()
        self.outcome.setText(self.tr("Nothing was saved."))

    def mark_cell(self, row: int, column: int, message: str) -> None:
        widget = self.table.cellWidget(row, column)
        if widget is not None:
            widget.setStyleSheet(ERROR_STYLE)
            widget.setToolTip(message)
            widget.setAccessibleDescription(message)
            return
        item = self.table.item(row, column)
        if item is not None:
            item.setBackground(QBrush(ERROR_BACKGROUND))
            item.setToolTip(message)

    def cell_error(self, row: int, column: int) -> str:
        widget = self.table.cellWidget(row, column)
        if widget is not None:
            return widget.toolTip()
        item = self.table.item(row, column)
        return item.toolTip() if item else ""

    def clear_errors(self) -> None:
        self.errors.hide()
        self.errors.clear()
        for row in range(self.table.rowCount()):
            for column in range(len(COLUMNS)):
                widget = self.table.cellWidget(row, column)
                if widget is not None:
                    widget.setStyleSheet("")
                    widget.setToolTip("")
                    continue
                item = self.table.item(row, column)
                if item is not None:
                    item.setBackground(QBrush())
                    item.setToolTip("")
