"""The pauses of a standing order (hospital stay, holiday): a table and a row to add or change one.

Each change is saved at once through the services; the order's form stays as it is.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.services.errors import ValidationError
from engagement_desk.services.rides.orders import (
    PauseRecord,
    StandingOrderRecord,
    add_pause,
    remove_pause,
    update_pause,
)
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.widgets.field_errors import ERROR_COLOR

DATE_FORMAT = "%d.%m.%Y"


def parse_day(text: str) -> dt.date:
    """'24.12.2026' or '24.12.26'; ValueError otherwise."""
    text = text.strip()
    for pattern in (DATE_FORMAT, "%d.%m.%y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


class PausesPanel(QGroupBox):
    """Pauses of the order shown in the editor; empty and disabled for a new order."""

    changed = Signal(object)
    """The order's record after a pause was added, changed or deleted."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("pauses")
        self.order: StandingOrderRecord | None = None
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("pauses_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + 3 * rows + 4)
        self.start = QLineEdit()
        self.start.setObjectName("pause_start")
        self.end = QLineEdit()
        self.end.setObjectName("pause_end")
        for edit in (self.start, self.end):
            edit.setMaximumWidth(110)
        self.reason = QLineEdit()
        self.reason.setObjectName("pause_reason")
        self.reason.setMaxLength(200)
        for edit in (self.start, self.end, self.reason):
            edit.returnPressed.connect(self._enter)
        self.add_button = QPushButton()
        self.add_button.setObjectName("add_pause")
        self.add_button.clicked.connect(self.add)
        self.change_button = QPushButton()
        self.change_button.setObjectName("change_pause")
        self.change_button.clicked.connect(self.change)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("delete_pause")
        self.delete_button.clicked.connect(self.delete)
        self.error = QLabel()
        self.error.setObjectName("pause_error")
        self.error.setStyleSheet(f"color: {ERROR_COLOR.name()};")
        self.error.clear()

        fields = QHBoxLayout()
        self.start_label, self.end_label, self.reason_label = QLabel(), QLabel(), QLabel()
        for label, edit in (
            (self.start_label, self.start),
            (self.end_label, self.end),
            (self.reason_label, self.reason),
        ):
            label.setBuddy(edit)
            fields.addWidget(label)
            fields.addWidget(edit, 1 if edit is self.reason else 0)
        buttons = QHBoxLayout()
        # The message sits beside the buttons: the panel keeps its height.
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(fields)
        layout.addLayout(buttons)
        guard_each(
            ctx, Capability.EDIT_RIDES, self.add_button, self.change_button, self.delete_button
        )
        self.retranslate_ui()
        self.show_order(None)

    def retranslate_ui(self) -> None:
        self.setTitle(
            self.tr("Pauses (hospital stay, holiday)")
            if self.order is not None
            else self.tr("Pauses: save the new standing order first")
        )
        self.table.setHorizontalHeaderLabels([self.tr("From"), self.tr("Until"), self.tr("Reason")])
        self.start_label.setText(self.tr("&From:"))
        self.end_label.setText(self.tr("&Until:"))
        self.reason_label.setText(self.tr("&Reason:"))
        for edit in (self.start, self.end):
            edit.setPlaceholderText(self.tr("dd.mm.yyyy"))
        self.add_button.setText(self.tr("Add pause"))
        self.change_button.setText(self.tr("Change pause"))
        self.delete_button.setText(self.tr("Delete pause"))
        self.setToolTip(
            self.tr("No rides are made on paused days; the week follows at its next planning.")
        )

    # ------------------------------------------------------------ display
    def show_order(self, order: StandingOrderRecord | None) -> None:
        self.order = order
        self.error.clear()
        self.table.setRowCount(0)
        for pause in order.pauses if order else ():
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, value in enumerate(
                (f"{pause.start_date:%d.%m.%Y}", f"{pause.end_date:%d.%m.%Y}", pause.reason)
            ):
                item = QTableWidgetItem(value)
                if column == 0:
                    item.setData(0x0100, pause.id)  # Qt.UserRole
                self.table.setItem(row, column, item)
        for edit in (self.start, self.end, self.reason):
            edit.clear()
        for widget in (self.start, self.end, self.reason, self.table):
            widget.setEnabled(order is not None)
        self._update_buttons()
        self.retranslate_ui()

    def _update_buttons(self) -> None:
        chosen = self.selected_pause() is not None
        self.add_button.setEnabled(self.order is not None)
        self.change_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def selected_pause(self) -> PauseRecord | None:
        if self.order is None:
            return None
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        pause_id = item.data(0x0100) if item else None
        return next((p for p in self.order.pauses if p.id == pause_id), None)

    @Slot()
    def _selected(self) -> None:
        pause = self.selected_pause()
        if pause is not None:
            self.start.setText(f"{pause.start_date:%d.%m.%Y}")
            self.end.setText(f"{pause.end_date:%d.%m.%Y}")
            self.reason.setText(pause.reason)
        self._update_buttons()

    # ------------------------------------------------------------ actions
    def _days(self) -> tuple[dt.date, dt.date] | None:
        try:
            start = parse_day(self.start.text())
        except ValueError:
            self._show_error(self.tr("Please enter the first day like 24.12.2026."))
            self.start.setFocus()
            return None
        try:
            end = parse_day(self.end.text()) if self.end.text().strip() else start
        except ValueError:
            self._show_error(self.tr("Please enter the last day like 24.12.2026."))
            self.end.setFocus()
            return None
        return start, end

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setToolTip(text)

    @Slot()
    def _enter(self) -> None:
        """Enter in a field: change the chosen pause, or add a new one."""
        if self.selected_pause() is not None:
            self.change()
        else:
            self.add()

    @Slot()
    def add(self) -> None:
        days = self._days() if self.order is not None else None
        if days is None or self.order is None:
            return
        self.ctx.ops.write(
            add_pause, self.ctx.db, self.order.id, *days, self.reason.text()
        ).success(self._saved).failure(self._failed).run()

    @Slot()
    def change(self) -> None:
        pause = self.selected_pause()
        days = self._days() if pause is not None else None
        if days is None or pause is None:
            return
        self.ctx.ops.write(update_pause, self.ctx.db, pause.id, *days, self.reason.text()).success(
            self._saved
        ).failure(self._failed).run()

    @Slot()
    def delete(self) -> None:
        pause = self.selected_pause()
        if pause is None:
            return
        question = (
            self.tr("Delete the pause %1 – %2?")
            .replace("%1", f"{pause.start_date:%d.%m.%Y}")
            .replace("%2", f"{pause.end_date:%d.%m.%Y}")
        )
        if not self.ctx.dialogs.ask(self, self.tr("Delete pause"), question):
            return
        self.ctx.ops.write(remove_pause, self.ctx.db, pause.id).success(self._saved).failure(
            self._failed
        ).run()

    @Slot(object)
    def _saved(self, record: StandingOrderRecord) -> None:
        self.show_order(record)
        self.changed.emit(record)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ValidationError):
            self._show_error("\n".join(e.message for e in error.errors))
        else:
            self.ctx.ops.show_error(error, self)
