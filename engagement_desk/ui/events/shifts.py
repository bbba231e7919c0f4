"""Helper shifts of one event: the table with slots taken and waiting, and a shift form.

Selecting a shift loads it into the form; "New shift" proposes the next
period (where the last shift ended, as long, not past the event's end).
Raising the slots moves helpers up from the waiting list (the service does
that); deleting a shift keeps its registrations, without a shift.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.services.errors import FieldError, NotFoundError
from engagement_desk.services.events.conflicts import PersonConflicts, schedule_conflicts
from engagement_desk.services.events.records import ShiftData, ShiftRecord
from engagement_desk.services.events.shifts import (
    add_shift,
    delete_shift,
    list_shifts,
    update_shift,
)
from engagement_desk.services.rides.calendar import WEEKDAY_SHORT
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.events.editor import datetime_edit, from_qdatetime, to_qdatetime
from engagement_desk.ui.events.overlaps import warn_about_overlaps
from engagement_desk.ui.formatting import format_time
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.widgets.editor_base import EditorBase
from engagement_desk.ui.widgets.forms import (
    Field,
    Form,
    chain_tab_order,
    form_layout,
    line_edit,
)
from engagement_desk.ui.widgets.tables import setup_row_table

MAX_SLOTS = 999
DEFAULT_START = dt.time(10)
DEFAULT_LENGTH = dt.timedelta(hours=2)
NUMBER_COLUMNS = (3, 4, 5)


def next_shift_period(
    shifts: Sequence[ShiftRecord],
    event_start: dt.datetime | None,
    event_end: dt.datetime | None,
) -> tuple[dt.datetime, dt.datetime]:
    """Where a new shift should start and end by default.

    After the last shift, as long as it, but not past the event's end; the whole
    event when there is no shift yet or the shifts already reach the end.
    """
    if event_start is None or event_end is None or event_end <= event_start:
        start = event_start or dt.datetime.combine(dt.date.today(), DEFAULT_START)
        event_end = None
        event_period = (start, start + DEFAULT_LENGTH)
    else:
        event_period = (event_start, event_end)
    last = last_shift(shifts)
    if last is None:
        return event_period
    start = last.ends_at
    end = start + (last.ends_at - last.starts_at)
    if event_end is not None:
        end = min(end, event_end)
    return (start, end) if end > start else event_period


def last_shift(shifts: Sequence[ShiftRecord]) -> ShiftRecord | None:
    """The shift that ends last (the one a new shift follows)."""
    return max(shifts, key=lambda s: (s.ends_at, s.id), default=None)


def is_one_day(shifts: Sequence[ShiftRecord], *moments: dt.datetime | None) -> bool:
    """True when the shifts (and the event) all lie on one calendar day."""
    days = {m.date() for m in moments if m is not None}
    for shift in shifts:
        days.update((shift.starts_at.date(), shift.ends_at.date()))
    return len(days) <= 1


def shift_time(value: dt.datetime, one_day: bool) -> str:
    """``10:00`` on a one-day event, else ``Sa 21.11. 10:00``."""
    if one_day:
        return format_time(value.time())
    return f"{WEEKDAY_SHORT[value.weekday()]} {value:%d.%m.} {format_time(value.time())}"


class ShiftsPanel(EditorBase, QWidget):
    """The shifts of the selected event; ``changed`` after any change."""

    changed = Signal()
    conflict_asks = False
    record_table = "shift"  # the shift in the form (``self.current``)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("shifts_panel")
        self.event_id: int | None = None
        self.event_start: dt.datetime | None = None
        self.event_end: dt.datetime | None = None
        self.records: tuple[ShiftRecord, ...] = ()
        self.current: ShiftRecord | None = None
        self._generation = Generation()
        self.form = Form(self)

        self.table = self._make_table()
        self.summary = QLabel()
        self.summary.setObjectName("shifts_summary")
        self.summary.setWordWrap(True)
        self.title = line_edit(200)
        self.title.setObjectName("shift_title")
        self.starts_at = datetime_edit()
        self.starts_at.setObjectName("shift_starts_at")
        self.ends_at = datetime_edit()
        self.ends_at.setObjectName("shift_ends_at")
        self.slots = QSpinBox()
        self.slots.setObjectName("shift_slots")
        self.slots.setRange(1, MAX_SLOTS)
        self.slots.setMaximumWidth(self.slots.fontMetrics().averageCharWidth() * 6 + 40)
        self.new_button = self._button("new_shift", self.new_shift)
        self.save_button = self._button("save_shift", self.save)
        self.save_button.setDefault(True)
        self.delete_button = self._button("delete_shift", self.delete_current)
        self.editor_box = self._make_editor_box()

        self.content = QWidget()
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.addWidget(self.table, 1)
        content.addWidget(self.editor_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.content, 1)
        layout.addWidget(self.summary)

        self.save_action = QAction(self)
        self.save_action.setObjectName("save_shift_action")
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save)
        guard_each(ctx, Capability.EDIT_EVENTS, self.new_button, self.save_button)
        guard_each(ctx, Capability.EDIT_EVENTS, self.delete_button, self.save_action)
        self.addAction(self.save_action)

        self.title.returnPressed.connect(self.save)
        self.starts_at.dateTimeChanged.connect(self._period_edited)
        self.ends_at.dateTimeChanged.connect(self._period_edited)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        chain_tab_order(
            [
                self.table,
                self.title,
                self.starts_at,
                self.ends_at,
                self.slots,
                self.delete_button,
                self.new_button,
                self.save_button,
            ]
        )
        self.retranslate_ui()
        self._reset_form()

    # --- building --------------------------------------------------------

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 6)
        setup_row_table(table, "shifts_table")
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _button(self, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _make_editor_box(self) -> QGroupBox:
        box = QGroupBox()
        box.setObjectName("shift_editor")
        layout = form_layout()
        title = self.form.add("title", self.title)
        layout.addRow(self.form.labels["title"], title)
        starts = self.form.add("starts_at", self.starts_at, inline=False)
        ends = self.form.add("ends_at", self.ends_at, inline=False)
        layout.addRow(self.form.labels["starts_at"], self._period_row(starts, ends))
        slots = self.form.add("slots", self.slots)
        layout.addRow(self.form.labels["slots"], slots)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        outer = QVBoxLayout(box)
        outer.addLayout(layout)
        outer.addLayout(buttons)
        return box

    def _period_row(self, starts: Field, ends: Field) -> QWidget:
        """From and to side by side; their messages under the row."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(starts)
        line.addSpacing(8)
        line.addWidget(self.form.labels["ends_at"], 0, Qt.AlignmentFlag.AlignVCenter)
        line.addWidget(ends)
        line.addStretch(1)
        column.addLayout(line)
        column.addWidget(starts.message)
        column.addWidget(ends.message)
        self.form.labels["ends_at"].setContentsMargins(0, 0, 0, 0)
        return box

    # --- texts -----------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Task"),
                self.tr("From"),
                self.tr("To"),
                self.tr("Slots"),
                self.tr("Taken"),
                self.tr("Waiting"),
            ]
        )
        self.table.setAccessibleName(self.tr("Shifts"))
        self.form.set_label("title", self.tr("T&ask:"))
        self.form.set_label("starts_at", self.tr("F&rom:"))
        self.form.set_label("ends_at", self.tr("&To:"))
        self.form.set_label("slots", self.tr("Sl&ots:"))
        self.title.setPlaceholderText(self.tr("e.g. set-up, stand service, clearing away"))
        self.slots.setToolTip(self.tr("How many helpers this shift needs"))
        self.new_button.setText(self.tr("&New shift"))
        self.new_button.setToolTip(self.tr("Plan another shift after the last one"))
        self.save_button.setText(self.tr("&Save shift"))
        self.save_button.setToolTip(self.tr("Save the shift (Ctrl+S)"))
        self.delete_button.setText(self.tr("D&elete shift"))
        self.delete_button.setToolTip(
            self.tr("Delete the selected shift; its helpers stay registered")
        )
        self._update_heading()
        self._show_rows()

    def _update_heading(self) -> None:
        if self.current is None:
            self.editor_box.setTitle(self.tr("New shift"))
        else:
            self.editor_box.setTitle(self.tr("Shift “%1”").replace("%1", self.current.title))

    def _summary_text(self) -> str:
        if self.event_id is None:
            return self.tr("Save or select an event to plan its helper shifts.")
        if not self.records:
            return self.tr("No shifts yet.")
        text = self.tr("%n shift(s), %1 of %2 slots taken, %3 waiting", "", len(self.records))
        return (
            text.replace("%1", str(sum(s.taken for s in self.records)))
            .replace("%2", str(sum(s.slots for s in self.records)))
            .replace("%3", str(sum(s.waiting for s in self.records)))
        )

    # --- loading ---------------------------------------------------------

    def set_event(
        self,
        event_id: int | None,
        starts_at: dt.datetime | None = None,
        ends_at: dt.datetime | None = None,
    ) -> None:
        """Show the shifts of ``event_id``; its period sets the default times of a new shift."""
        changed = event_id != self.event_id
        self.event_id = event_id
        self.event_start, self.event_end = starts_at, ends_at
        if changed:
            self.records = ()
            self._show_rows()
            self._reset_form()
        self.reload()

    @Slot()
    def reload(self) -> None:
        """Fetch the shifts again and keep the shift in the form selected."""
        self._load(None if self.current is None else self.current.id)

    def _load(self, select_id: int | None) -> None:
        self._generation.advance()
        if self.event_id is None:
            self.records = ()
            self._show_rows()
            self._reset_form()
            return
        self.ctx.ops.query(list_shifts, self.ctx.db, self.event_id).discard_if_stale(
            self._generation
        ).success(functools.partial(self._loaded, select_id)).run()

    def _loaded(self, select_id: int | None, records: tuple[ShiftRecord, ...]) -> None:
        self.records = tuple(records)
        self._show_rows()
        row = next((i for i, r in enumerate(self.records) if r.id == select_id), None)
        if row is not None:
            self._select_row(row)
            self.show_shift(self.records[row])
        elif select_id is not None or not self.title.text().strip():
            self._reset_form()
        # else a new shift is being typed: keep it.
        if getattr(self, "_after_save", None) is not None:
            self.save_succeeded()

    def _select_row(self, row: int | None) -> None:
        self.table.blockSignals(True)
        self.table.clearSelection()
        if row is not None:
            self.table.selectRow(row)
        self.table.blockSignals(False)

    def _show_rows(self) -> None:
        one_day = is_one_day(self.records, self.event_start, self.event_end)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.records))
        for row, shift in enumerate(self.records):
            values = (
                shift.title,
                shift_time(shift.starts_at, one_day),
                shift_time(shift.ends_at, one_day),
                str(shift.slots),
                str(shift.taken),
                str(shift.waiting),
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, self._item(shift, column, value))
        self.table.blockSignals(False)
        self.summary.setText(self._summary_text())
        self._update_state()

    def _item(self, shift: ShiftRecord, column: int, value: str) -> QTableWidgetItem:
        item = QTableWidgetItem(value)
        item.setData(Qt.ItemDataRole.UserRole, shift.id)
        if column in NUMBER_COLUMNS:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == 0:
            item.setToolTip(shift.title)
        elif column == 4 and shift.taken >= shift.slots:
            item.setToolTip(self.tr("All slots taken"))
        elif column == 5 and shift.waiting:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        return item

    def _update_state(self) -> None:
        self.content.setEnabled(self.event_id is not None)
        self.delete_button.setEnabled(self.current is not None)

    # --- the form --------------------------------------------------------

    @Slot()
    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.records):
            chosen: ShiftRecord | None = self.records[rows[0].row()]
        elif self.current is not None:
            chosen = None
        else:
            return
        if chosen is not None and self.current is not None and chosen.id == self.current.id:
            return
        then = self._reset_form if chosen is None else functools.partial(self.open_shift, chosen.id)
        if not self.leave(then):
            self._select_current()

    def _select_current(self) -> None:
        current_id = None if self.current is None else self.current.id
        self._select_row(next((i for i, r in enumerate(self.records) if r.id == current_id), None))

    def open_shift(self, shift_id: int) -> None:
        """Show a listed shift (its latest version) and select its row."""
        row = next((i for i, r in enumerate(self.records) if r.id == shift_id), None)
        if row is None:
            self._reset_form()
            return
        self._select_row(row)
        self.show_shift(self.records[row])

    # --- the editor base ---------------------------------------------------

    def describe(self) -> str:
        if self.current is None:
            return self.tr("the new shift")
        return f"„{self.current.title}“"

    def revert(self) -> None:
        if self.current is not None:
            self.show_shift(self.current)
        else:
            self._reset_form()

    def reload_record(self) -> None:
        self.reload()

    def show_unplaced(self, errors: Sequence[FieldError]) -> None:
        self.ctx.dialogs.warn(self, self.tr("Shift"), "\n".join(e.message for e in errors))

    def show_shift(self, shift: ShiftRecord) -> None:
        """Put ``shift`` into the form for editing."""
        self.current = shift
        self.title.setText(shift.title)
        self.starts_at.setDateTime(to_qdatetime(shift.starts_at))
        self.ends_at.setDateTime(to_qdatetime(shift.ends_at))
        self.slots.setValue(shift.slots)
        self.form.clear_errors()
        self._update_heading()
        self._update_state()
        self.mark_clean()

    def _reset_form(self) -> None:
        """An empty form for a new shift, with the proposed period."""
        self.current = None
        self.table.clearSelection()
        start, end = next_shift_period(self.records, self.event_start, self.event_end)
        self.title.clear()
        self.starts_at.setDateTime(to_qdatetime(start))
        self.ends_at.setDateTime(to_qdatetime(end))
        last = last_shift(self.records)
        self.slots.setValue(1 if last is None else last.slots)
        self.form.clear_errors()
        self._update_heading()
        self._update_state()
        self.mark_clean()

    @Slot()
    def new_shift(self) -> None:
        if self.leave(self._reset_form):
            self.title.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def _period_edited(self) -> None:
        # The service puts "end before start" at the end; changing either time can fix it.
        self.form.fields["starts_at"].clear_error()
        self.form.fields["ends_at"].clear_error()

    def data(self) -> ShiftData:
        return ShiftData(
            title=self.title.text(),
            starts_at=from_qdatetime(self.starts_at.dateTime()),
            ends_at=from_qdatetime(self.ends_at.dateTime()),
            slots=self.slots.value(),
        )

    # --- saving and deleting ---------------------------------------------

    @Slot()
    def save(self) -> None:
        if self.event_id is None:
            return
        if self.current is None:
            operation = self.ctx.ops.write(add_shift, self.ctx.db, self.event_id, self.data())
        else:
            operation = self.ctx.ops.write(
                update_shift, self.ctx.db, self.current.id, self.current.version, self.data()
            )
        operation.success(self._saved).failure(self._save_failed).run()

    @Slot(object)
    def _saved(self, record: ShiftRecord) -> None:
        before = self.current
        if record.event_id == self.event_id:
            self.current = record
            self._load(record.id)
        else:
            self.save_succeeded()
        self.changed.emit()
        if before is not None and (before.starts_at, before.ends_at) != (
            record.starts_at,
            record.ends_at,
        ):
            self.ctx.ops.query(schedule_conflicts, self.ctx.db, record.event_id, record.id).success(
                self._moved_overlaps
            ).run()

    @Slot(object)
    def _moved_overlaps(self, conflicts: tuple[PersonConflicts, ...]) -> None:
        warn_about_overlaps(self.ctx, self, conflicts)

    @Slot(object)
    def _save_failed(self, error: Exception) -> None:
        self._failed(error)

    def _failed(self, error: Exception) -> None:
        """Show the error; after a conflict, show what is stored now."""
        self.save_failed(error)
        if isinstance(error, NotFoundError):
            self.reload()

    @Slot()
    def delete_current(self) -> None:
        if self.current is not None:
            self.leave(self._confirm_delete)

    def _confirm_delete(self) -> None:
        shift = self.current
        if shift is None:
            return
        helpers = shift.taken + shift.waiting
        if helpers:
            text = self.tr(
                "Delete the shift “%1”?\n\n%n helper(s) registered for it stay registered "
                "for the event, without a shift.",
                "",
                helpers,
            )
        else:
            text = self.tr("Delete the shift “%1”? Nobody is registered for it.")
        if not self.ctx.dialogs.ask(self, self.tr("Delete shift"), text.replace("%1", shift.title)):
            return
        self.ctx.ops.write(delete_shift, self.ctx.db, shift.id, shift.version).success(
            self._deleted
        ).failure(self._failed).run()

    @Slot(object)
    def _deleted(self, _result: object) -> None:
        self._reset_form()
        self._load(None)
        self.changed.emit()
