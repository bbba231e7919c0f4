"""Wiedervorlagen: the placements to call about this week, and the next step after a call.

Overdue calls come first and are shown in red. Recording a step moves the
placement on (``advance_placement``) and sets or clears its next follow-up
date; a placement with no call left this week drops off the list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import PlacementStatus
from engagement_desk.services.errors import ConflictError, NotFoundError, ValidationError
from engagement_desk.services.organizations.placements import (
    FINAL,
    FollowUp,
    PlacementRecord,
    advance_placement,
    allowed_next,
    due_follow_ups,
    get_placement,
)
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.formatting import format_date, format_int
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import enum_label
from engagement_desk.ui.live_updates import follow_changes
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.organizations.rows import Row, RowsModel, RowsView, headers
from engagement_desk.ui.widgets.forms import (
    ERROR_COLOR,
    Form,
    add_row,
    date_edit,
    form_layout,
    from_qdate,
    line_edit,
    to_qdate,
)

NEXT_CALL_AFTER_DAYS = 14
COLUMNS = (
    QT_TRANSLATE_NOOP("FollowUpsPage", "Call on"),
    QT_TRANSLATE_NOOP("FollowUpsPage", "Person"),
    QT_TRANSLATE_NOOP("FollowUpsPage", "Phone"),
    QT_TRANSLATE_NOOP("FollowUpsPage", "Opportunity"),
    QT_TRANSLATE_NOOP("FollowUpsPage", "Organization"),
    QT_TRANSLATE_NOOP("FollowUpsPage", "Status"),
)


def week_end(today: dt.date) -> dt.date:
    return today + dt.timedelta(days=6 - today.weekday())


class FollowUpsPage(Retranslatable, QWidget):
    """The week's call list on the left, the next step of the chosen call on the right."""

    counts_changed = Signal(int, int)  # calls due this week, of them overdue
    status_changed = Signal()
    placement_changed = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.setObjectName("follow_ups_page")
        self.calls: list[FollowUp] = []
        self.placement: PlacementRecord | None = None
        self._loads = Generation()
        self._placement_loads = Generation()
        self._keep_row = 0

        self.heading = QLabel()
        self.heading.setObjectName("follow_ups_heading")
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)
        self.table = RowsView(RowsModel(headers("FollowUpsPage", COLUMNS), self), "follow_ups")
        self.table.set_widths((26, 22, 17, 38, 34))
        self.table.selectionModel().currentRowChanged.connect(self._call_chosen)
        self.empty = QLabel(self.table.viewport())
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        self.empty.hide()

        self.step_box = QGroupBox()
        self.who = QLabel()
        self.who.setObjectName("follow_up_who")
        self.who.setWordWrap(True)
        self.who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = QLabel()
        self.history.setObjectName("follow_up_history")
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.PlainText)
        self.form = Form(self)
        self.status = QComboBox()
        self.status.setObjectName("next_status")
        self.status.currentIndexChanged.connect(self._status_chosen)
        self.on_date = date_edit()
        self.on_date.setObjectName("step_date")
        self.note = line_edit(1000)
        self.note.setObjectName("step_note")
        self.next_call = QCheckBox()
        self.next_call.setObjectName("next_call_wanted")
        self.next_call.setChecked(True)
        self.next_call_on = date_edit()
        self.next_call_on.setObjectName("next_call_on")
        self.next_call.toggled.connect(self.next_call_on.setEnabled)
        self.record_button = QPushButton()
        self.record_button.setObjectName("record_step")
        self.record_button.clicked.connect(self.record_step)
        guard_each(ctx, Capability.EDIT_RECORDS, self.record_button)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {ERROR_COLOR};")
        self.problem.hide()
        fields = form_layout()
        add_row(self.form, fields, "status", self.status)
        add_row(self.form, fields, "on_date", self.on_date)
        add_row(self.form, fields, "note", self.note)
        fields.addRow(self.next_call, self.form.add("follow_up_on", self.next_call_on, label=False))
        story = QVBoxLayout()
        story.addWidget(self.who)
        story.addWidget(self.history)
        story.addStretch(1)
        step = QVBoxLayout()
        step.addLayout(fields)
        step.addWidget(self.problem)
        record_row = QHBoxLayout()
        record_row.addStretch(1)
        record_row.addWidget(self.record_button)
        step.addLayout(record_row)
        step.addStretch(1)
        box = QHBoxLayout(self.step_box)
        box.addLayout(story, 1)
        box.addSpacing(16)
        box.addLayout(step, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.step_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([420, 230])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        QWidget.setTabOrder(self.table, self.status)
        QWidget.setTabOrder(self.status, self.on_date)
        QWidget.setTabOrder(self.on_date, self.note)
        QWidget.setTabOrder(self.note, self.next_call)
        QWidget.setTabOrder(self.next_call, self.next_call_on)
        QWidget.setTabOrder(self.next_call_on, self.record_button)
        follow_changes(ctx, self, ("placement", "placement_step", "person"), self.refresh)
        self.retranslate_ui()
        self._show_placement(None)
        self.refresh()

    # --- texts -----------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.refresh_button.setText(self.tr("Re&load"))
        self.table.setAccessibleName(self.tr("Follow-up calls of this week"))
        self.table.rows_model.retranslate()
        self.step_box.setTitle(self.tr("Next step after the call"))
        self.form.set_label("status", self.tr("New &status"))
        self.form.set_label("on_date", self.tr("D&ate of the step"))
        self.form.set_label("note", self.tr("&Note"))
        self.form.set_label("follow_up_on", self.tr("Next call on"))
        self.next_call.setText(self.tr("Ne&xt call on"))
        self.note.setPlaceholderText(self.tr("What was agreed"))
        self.record_button.setText(self.tr("Record s&tep"))
        self.empty.setText(self.tr("No calls due this week."))
        for index in range(self.status.count()):
            self.status.setItemText(index, enum_label(PlacementStatus, self.status.itemData(index)))
        self._update_heading()
        self._show_who()
        if self.calls:
            self._show_calls(self.calls)

    def _update_heading(self) -> None:
        due = len(self.calls)
        overdue = sum(c.overdue for c in self.calls)
        end = format_date(week_end(self.today()))
        if overdue:
            text = self.tr("%1 calls due by Sunday, %2 – %3 of them overdue")
            text = text.replace("%3", format_int(overdue))
        elif due == 1:
            text = self.tr("1 call due by Sunday, %2")
        else:
            text = self.tr("%1 calls due by Sunday, %2")
        self.heading.setText(text.replace("%1", format_int(due)).replace("%2", end))

    def status_text(self) -> str:
        return self.heading.text()

    # --- the list ----------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        self._loads.advance()
        self.ctx.ops.query(due_follow_ups, self.ctx.db, today=self.today()).discard_if_stale(
            self._loads
        ).success(self._show_calls).run()

    def _show_calls(self, calls: Sequence[FollowUp]) -> None:
        chosen = self.placement.id if self.placement is not None else None
        self.calls = list(calls)
        overdue_text = self.tr("%1 – overdue")
        rows = []
        for call in self.calls:
            due = format_date(call.follow_up_on)
            rows.append(
                Row(
                    call.placement_id,
                    (
                        overdue_text.replace("%1", due) if call.overdue else due,
                        call.person_name,
                        call.phone,
                        call.opportunity_title,
                        call.organization_name,
                        enum_label(PlacementStatus, call.status),
                    ),
                    alert=call.overdue,
                )
            )
        self.table.rows_model.set_rows(rows)
        self.empty.setGeometry(self.table.viewport().rect())
        self.empty.setVisible(not rows)
        row = self.table.rows_model.row_of(chosen) if chosen is not None else None
        if row is None and rows:
            row = min(self._keep_row, len(rows) - 1)
        if row is not None:
            self.table.selectRow(row)
        else:
            self._show_placement(None)
        self._update_heading()
        self.counts_changed.emit(len(self.calls), sum(c.overdue for c in self.calls))
        self.status_changed.emit()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.empty.setGeometry(self.table.viewport().rect())

    @Slot()
    def _call_chosen(self) -> None:
        placement_id = self.table.current_id()
        self.problem.hide()
        self.form.clear_errors()
        if placement_id is None:
            self._show_placement(None)
            return
        self._keep_row = self.table.currentIndex().row()
        self._placement_loads.advance()
        self.ctx.ops.query(get_placement, self.ctx.db, placement_id).discard_if_stale(
            self._placement_loads
        ).success(self._show_placement).failure(self._placement_failed).run()

    def _placement_failed(self, error: Exception) -> None:
        if isinstance(error, NotFoundError):
            self.refresh()
        else:
            self.ctx.ops.show_error(error, self)

    # --- the next step -------------------------------------------------------------

    def _show_placement(self, placement: PlacementRecord | None) -> None:
        self.placement = placement
        self.status.blockSignals(True)
        try:
            self.status.clear()
            if placement is not None:
                for status in allowed_next(placement.status):
                    self.status.addItem(enum_label(PlacementStatus, status), status.value)
        finally:
            self.status.blockSignals(False)
        today = self.today()
        self.on_date.setDate(to_qdate(today))
        self.note.clear()
        self.next_call.setChecked(True)
        self.next_call_on.setDate(to_qdate(today + dt.timedelta(days=NEXT_CALL_AFTER_DAYS)))
        self.step_box.setEnabled(placement is not None and self.status.count() > 0)
        self._status_chosen()
        self._show_who()

    def _show_who(self) -> None:
        placement = self.placement
        if placement is None:
            self.who.setText(self.tr("Choose a call in the list."))
            self.history.clear()
            return
        self.who.setText(
            self.tr("%1 – %2 (%3)")
            .replace("%1", placement.person_name)
            .replace("%2", placement.opportunity_title)
            .replace("%3", placement.organization_name)
        )
        steps = [
            f"{format_date(step.on_date)}  {enum_label(PlacementStatus, step.status)}"
            + (f" – {step.note}" if step.note else "")
            for step in placement.steps
        ]
        self.history.setText("\n".join(steps))

    @Slot()
    def _status_chosen(self) -> None:
        value = self.status.currentData()
        final = value is not None and PlacementStatus(value) in FINAL
        self.next_call.setEnabled(not final)
        self.next_call_on.setEnabled(not final and self.next_call.isChecked())

    @Slot()
    def record_step(self) -> None:
        placement = self.placement
        value = self.status.currentData()
        if placement is None or value is None:
            return
        status = PlacementStatus(value)
        follow_up = None
        if self.next_call.isChecked() and status not in FINAL:
            follow_up = from_qdate(self.next_call_on.date())
        self.form.clear_errors()
        self.problem.hide()
        self.ctx.ops.write(
            advance_placement,
            self.ctx.db,
            placement.id,
            status,
            expected_version=placement.version,
            on_date=from_qdate(self.on_date.date()),
            note=self.note.text(),
            follow_up_on=follow_up,
        ).success(self._recorded).failure(self._failed).run()

    def _recorded(self, placement: PlacementRecord) -> None:
        self.placement = None
        self.placement_changed.emit(placement)
        self.refresh()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ValidationError):
            unplaced = self.form.show_errors(error.errors)
            if unplaced:
                self.problem.setText("\n".join(e.message for e in unplaced))
                self.problem.show()
        elif isinstance(error, ConflictError | NotFoundError):
            question = str(error) + "\n\n" + self.tr("Reload the list now?")
            if self.ctx.dialogs.ask(self, self.tr("Step not recorded"), question):
                self.placement = None
                self.refresh()
        else:
            self.ctx.ops.show_error(error, self)
