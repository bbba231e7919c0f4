"""The event form: kind, title, period, place, centre, capacity, public, description.

Trainings add hours credit and trainer; an Arbeitskreis adds agenda, minutes
and the next meeting. Saving runs off the GUI thread; the service's German
messages appear at the fields they concern.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import EventKind
from engagement_desk.services.errors import FieldError
from engagement_desk.services.events.conflicts import PersonConflicts, schedule_conflicts
from engagement_desk.services.events.editing import delete_event, get_event, save_event
from engagement_desk.services.events.records import EventData, EventRecord, WorkingGroupData
from engagement_desk.services.organizations.centers import list_centers
from engagement_desk.services.organizations.clubs import OrganizationChoice, organization_choices
from engagement_desk.ui.access import Capability, guard_each, guard_inputs
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.events.overlaps import warn_about_overlaps
from engagement_desk.ui.labels import enum_label
from engagement_desk.ui.widgets.editor_base import EditorBase, form_snapshot
from engagement_desk.ui.widgets.forms import Form, form_layout, line_edit, text_edit
from engagement_desk.ui.widgets.leaving import Then

DATETIME_FORMAT = "dd.MM.yyyy HH:mm"
NO_DATE = QDate(2000, 1, 1)


def to_qdatetime(value: dt.datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


def from_qdatetime(value: QDateTime) -> dt.datetime:
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def datetime_edit() -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATETIME_FORMAT)
    edit.setMinimumWidth(edit.fontMetrics().averageCharWidth() * 17 + 40)
    return edit


class EventEditor(EditorBase, QWidget):
    """Edits one event; ``saved(event_id)`` after a successful save."""

    record_table = "event"

    saved = Signal(int)
    deleted = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("event_editor")
        self.record: EventRecord | None = None
        self.form = Form(self)

        self.kind = QComboBox()
        for kind in EventKind:
            self.kind.addItem("", kind.value)
        self.title = line_edit(200)
        self.starts_at = datetime_edit()
        self.ends_at = datetime_edit()
        self.place = line_edit(300)
        self.center = QComboBox()
        self.center.addItem("", None)
        self.organization = QComboBox()
        self.organization.setObjectName("event_organization")
        self.organization.setEditable(True)
        self.organization.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.organization.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.organization.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.organization.addItem("", None)
        self.capacity = QSpinBox()
        self.capacity.setRange(-1, 100_000)
        self.capacity.setValue(-1)
        self.capacity.setMaximumWidth(self.capacity.fontMetrics().averageCharWidth() * 14 + 40)
        self.is_public = QCheckBox()
        self.is_public.setChecked(True)
        self.description = text_edit(3)
        self.hours_credit = line_edit(10, chars=8)
        self.trainer = line_edit(200)
        self.agenda = text_edit(3)
        self.minutes = text_edit(3)
        self.next_meeting_on = QDateEdit()
        self.next_meeting_on.setCalendarPopup(True)
        self.next_meeting_on.setDisplayFormat("dd.MM.yyyy")
        self.next_meeting_on.setMinimumDate(NO_DATE)
        self.next_meeting_on.setDate(NO_DATE)
        self.next_meeting_on.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.next_meeting_on.setMaximumWidth(
            self.next_meeting_on.fontMetrics().averageCharWidth() * 16 + 40
        )

        self.heading = QLabel()
        self.heading.setObjectName("event_heading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)

        main = form_layout()
        self._add(main, "kind", self.kind)
        self._add(main, "title", self.title)
        period = QHBoxLayout()
        period.setContentsMargins(0, 0, 0, 0)
        starts = self.form.add("starts_at", self.starts_at, inline=True)
        ends = self.form.add("ends_at", self.ends_at, inline=True)
        period.addWidget(starts)
        self.until_label = QLabel()
        period.addWidget(self.until_label, 0, Qt.AlignmentFlag.AlignTop)
        period.addWidget(ends)
        period.addStretch(1)
        box = QWidget()
        box.setLayout(period)
        main.addRow(self.form.labels["starts_at"], box)
        self.form.labels["ends_at"].hide()
        self._add(main, "place", self.place)
        self._add(main, "center_id", self.center)
        self._add(main, "organization_id", self.organization)
        self._add(main, "capacity", self.capacity)
        self._add(main, "is_public", self.is_public)
        self._add(main, "description", self.description)

        self.training_box = QGroupBox()
        training = form_layout()
        self._add(training, "hours_credit", self.hours_credit)
        self._add(training, "trainer", self.trainer)
        self.training_box.setLayout(training)

        self.group_box = QGroupBox()
        group = form_layout()
        self._add(group, "agenda", self.agenda)
        self._add(group, "minutes", self.minutes)
        self._add(group, "next_meeting_on", self.next_meeting_on)
        self.group_box.setLayout(group)

        self.summary = QLabel()
        self.summary.setObjectName("event_summary")
        self.summary.setWordWrap(True)
        self.new_button = QPushButton()
        self.new_button.setObjectName("new_event")
        self.new_button.clicked.connect(self.new_event)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("delete_event")
        self.delete_button.clicked.connect(self.delete)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_event")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)

        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 6, 0)
        inner_layout.addWidget(self.heading)
        inner_layout.addLayout(main)
        inner_layout.addWidget(self.training_box)
        inner_layout.addWidget(self.group_box)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        self.save_action = QAction(self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save)
        guard_each(ctx, Capability.EDIT_EVENTS, self.new_button, self.delete_button)
        guard_each(ctx, Capability.EDIT_EVENTS, self.save_button, self.save_action)
        guard_inputs(ctx, inner, Capability.EDIT_EVENTS)
        self.addAction(self.save_action)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.retranslate_ui()
        self._reset_form()
        ctx.ops.query(list_centers, ctx.db).success(self._centers_loaded).run()
        ctx.ops.query(organization_choices, ctx.db).success(self._organizations_loaded).run()

    def _add(self, layout: QFormLayout, key: str, widget: QWidget) -> None:
        field = self.form.add(key, widget)
        layout.addRow(self.form.labels[key], field)

    # --- texts -----------------------------------------------------------

    def retranslate_ui(self) -> None:
        for i in range(self.kind.count()):
            self.kind.setItemText(i, enum_label(EventKind, self.kind.itemData(i)))
        labels = {
            "kind": self.tr("&Kind:"),
            "title": self.tr("&Title:"),
            "starts_at": self.tr("&When:"),
            "ends_at": self.tr("Ends:"),
            "place": self.tr("&Venue:"),
            "center_id": self.tr("&Centre:"),
            "organization_id": self.tr("Organi&zed by:"),
            "capacity": self.tr("&Places:"),
            "is_public": self.tr("P&ublic:"),
            "description": self.tr("&Description:"),
            "hours_credit": self.tr("&Hours credited:"),
            "trainer": self.tr("T&rainer:"),
            "agenda": self.tr("&Agenda:"),
            "minutes": self.tr("&Minutes:"),
            "next_meeting_on": self.tr("&Next meeting:"),
        }
        for key, text in labels.items():
            self.form.set_label(key, text)
        self.until_label.setText(self.tr("until"))
        self.center.setItemText(0, self.tr("(no centre)"))
        self.organization.setItemText(0, self.tr("(the agency itself)"))
        self.organization.setToolTip(self.tr("The club or initiative organizing the event"))
        self.capacity.setSpecialValueText(self.tr("unlimited"))
        self.is_public.setText(self.tr("shown in the public calendar"))
        self.next_meeting_on.setSpecialValueText(self.tr("not set"))
        self.hours_credit.setPlaceholderText(self.tr("e.g. 2.5"))
        self.training_box.setTitle(self.tr("Training"))
        self.group_box.setTitle(self.tr("Working group"))
        self.new_button.setText(self.tr("&New"))
        self.new_button.setToolTip(self.tr("Plan a new event (Ctrl+N)"))
        self.delete_button.setText(self.tr("De&lete…"))
        self.delete_button.setToolTip(
            self.tr("Delete the event with its shifts, registrations and questions")
        )
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save the event (Ctrl+S)"))
        self._update_heading()

    def _update_heading(self) -> None:
        self.delete_button.setEnabled(self.record is not None)
        if self.record is None:
            self.heading.setText(self.tr("New event"))
            self.summary.setText("")
            return
        self.heading.setText(self.record.title)
        if self.record.capacity is None:
            text = self.tr("%1 registered, %2 waiting")
        else:
            text = self.tr("%1 of %3 places taken, %2 waiting")
        self.summary.setText(
            text.replace("%1", str(self.record.registered))
            .replace("%2", str(self.record.waiting))
            .replace("%3", str(self.record.capacity or 0))
        )

    # --- loading ---------------------------------------------------------

    @Slot(object)
    def _centers_loaded(self, centers: list) -> None:
        with self.keeping_clean():
            current = self.center.currentData()
            while self.center.count() > 1:
                self.center.removeItem(1)
            for center in centers:
                self.center.addItem(center.name, center.id)
            self._select_data(self.center, current)

    @Slot(object)
    def _organizations_loaded(self, choices: list[OrganizationChoice]) -> None:
        with self.keeping_clean():
            current = self.organization.currentData()
            while self.organization.count() > 1:
                self.organization.removeItem(1)
            for choice in choices:
                self.organization.addItem(choice.label, choice.id)
            self._select_organization(current)

    def _select_organization(self, organization_id: int | None) -> None:
        """Select it; an archived organizer is still shown for the events it ran."""
        if organization_id is not None and self.organization.findData(organization_id) < 0:
            self.organization.addItem(self.tr("(archived organization)"), organization_id)
        self._select_data(self.organization, organization_id)

    @staticmethod
    def _select_data(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    @Slot(int)
    def _kind_changed(self, *_: object) -> None:
        kind = self.current_kind()
        self.training_box.setVisible(kind == EventKind.TRAINING)
        self.group_box.setVisible(kind == EventKind.WORKING_GROUP)

    def current_kind(self) -> EventKind:
        return EventKind(self.kind.currentData() or EventKind.OTHER)

    @Slot()
    def new_event(self) -> None:
        """An empty form for a new event, once unsaved changes are saved or discarded."""
        self.leave(self._reset_form)

    def _reset_form(self) -> None:
        self.record = None
        self.form.clear_errors()
        start = dt.datetime.combine(dt.date.today() + dt.timedelta(days=7), dt.time(10))
        self._select_data(self.kind, EventKind.WORKSHOP.value)
        self.title.clear()
        self.starts_at.setDateTime(to_qdatetime(start))
        self.ends_at.setDateTime(to_qdatetime(start + dt.timedelta(hours=2)))
        self.place.clear()
        self.center.setCurrentIndex(0)
        self.organization.setCurrentIndex(0)
        self.capacity.setValue(-1)
        self.is_public.setChecked(True)
        self.description.clear()
        self.hours_credit.clear()
        self.trainer.clear()
        self.agenda.clear()
        self.minutes.clear()
        self.next_meeting_on.setDate(NO_DATE)
        self._kind_changed()
        self._update_heading()
        self.mark_clean()
        self.title.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- the editor base ----------------------------------------------------

    def snapshot(self) -> dict:
        values = form_snapshot(self.form)
        # The organizer box is editable: what counts is the organization the text names.
        typed = self.organization.currentText() if self._organization_index() < 0 else None
        values["organization_id"] = (self.organization_id(), typed)
        return values

    def describe(self) -> str:
        return self.tr("the new event") if self.record is None else f"„{self.record.title}“"

    def unsaved_text(self) -> str:
        if self.record is None:
            return self.tr("The new event is not saved yet.")
        return super().unsaved_text()

    def revert(self) -> None:
        if self.record is None:
            self._reset_form()
        else:
            self.show_record(self.record)

    def reload_record(self) -> None:
        if self.record is not None:
            self.load(self.record.id)

    def save_then(self, then: Then) -> None:
        if self._organization_index() < 0:
            self.save()  # refused at the field before any service call: nothing to wait for
            return
        super().save_then(then)

    def show_unplaced(self, errors: Sequence[FieldError]) -> None:
        self.ctx.dialogs.warn(self, self.tr("Event"), "\n".join(e.message for e in errors))

    def load(self, event_id: int) -> None:
        self.ctx.ops.query(get_event, self.ctx.db, event_id).success(self.show_record).run()

    @Slot(object)
    def show_record(self, record: EventRecord) -> None:
        self.record = record
        self.form.clear_errors()
        self._select_data(self.kind, record.kind.value)
        self.title.setText(record.title)
        self.starts_at.setDateTime(to_qdatetime(record.starts_at))
        self.ends_at.setDateTime(to_qdatetime(record.ends_at))
        self.place.setText(record.place)
        self._select_data(self.center, record.center_id)
        self._select_organization(record.organization_id)
        self.capacity.setValue(-1 if record.capacity is None else record.capacity)
        self.is_public.setChecked(record.is_public)
        self.description.setPlainText(record.description)
        hours = "" if record.hours_credit is None else str(record.hours_credit)
        self.hours_credit.setText(hours.replace(".", ","))
        self.trainer.setText(record.trainer)
        self.agenda.setPlainText(record.agenda)
        self.minutes.setPlainText(record.minutes)
        meeting = record.next_meeting_on
        self.next_meeting_on.setDate(
            NO_DATE if meeting is None else QDate(meeting.year, meeting.month, meeting.day)
        )
        self._kind_changed()
        self.form.clear_errors()
        self._update_heading()
        self.mark_clean()

    # --- saving ----------------------------------------------------------

    def data(self) -> EventData:
        kind = self.current_kind()
        capacity = self.capacity.value()
        return EventData(
            kind=kind,
            title=self.title.text(),
            starts_at=from_qdatetime(self.starts_at.dateTime()),
            ends_at=from_qdatetime(self.ends_at.dateTime()),
            place=self.place.text(),
            center_id=self.center.currentData(),
            organization_id=self.organization_id(),
            capacity=None if capacity < 0 else capacity,
            description=self.description.toPlainText(),
            is_public=self.is_public.isChecked(),
            hours_credit=self.hours_credit.text().strip() if kind == EventKind.TRAINING else None,
            trainer=self.trainer.text() if kind == EventKind.TRAINING else "",
        )

    def _organization_index(self) -> int:
        """The item matching the text (-1 for a typed name that matches none)."""
        text = self.organization.currentText().strip()
        index = self.organization.currentIndex()
        if index >= 0 and self.organization.itemText(index) == text:
            return index
        return 0 if not text else self.organization.findText(text)

    def organization_id(self) -> int | None:
        return self.organization.itemData(max(self._organization_index(), 0))

    def working_group_data(self) -> WorkingGroupData | None:
        if self.current_kind() != EventKind.WORKING_GROUP:
            return None
        date = self.next_meeting_on.date()
        meeting = None if date == NO_DATE else dt.date(date.year(), date.month(), date.day())
        return WorkingGroupData(self.agenda.toPlainText(), self.minutes.toPlainText(), meeting)

    @Slot()
    def save(self) -> None:
        if self._organization_index() < 0:
            message = self.tr("No organization of this name; please choose one from the list.")
            self.form.show_errors([FieldError("organization_id", "", message)])
            return
        record = self.record
        self.ctx.ops.write(
            save_event,
            self.ctx.db,
            None if record is None else record.id,
            0 if record is None else record.version,
            self.data(),
            self.working_group_data(),
        ).success(self._saved).failure(self._save_failed).run()

    @Slot(object)
    def _saved(self, record: EventRecord) -> None:
        before = self.record
        self.show_record(record)
        self.saved.emit(record.id)
        moved = before is not None and (before.starts_at, before.ends_at) != (
            record.starts_at,
            record.ends_at,
        )
        if moved:
            self.ctx.ops.query(schedule_conflicts, self.ctx.db, record.id).success(
                self._moved_overlaps
            ).run()
        self.save_succeeded()

    @Slot(object)
    def _moved_overlaps(self, conflicts: tuple[PersonConflicts, ...]) -> None:
        warn_about_overlaps(self.ctx, self, conflicts)

    @Slot(object)
    def _save_failed(self, error: Exception) -> None:
        self.save_failed(error)

    @Slot()
    def delete(self) -> None:
        record = self.record
        if record is None:
            return
        question = (
            self.tr(
                "Delete “%1” on %2 with its shifts, registrations and questions?\n\n"
                "This cannot be undone."
            )
            .replace("%1", record.title)
            .replace("%2", f"{record.starts_at:%d.%m.%Y}")
        )
        if not self.ctx.dialogs.ask(self, self.tr("Delete event"), question):
            return
        self.ctx.ops.write(delete_event, self.ctx.db, record.id, record.version).success(
            functools.partial(self._deleted, record.id)
        ).failure(self._save_failed).run()

    def _deleted(self, event_id: int, _result: None) -> None:
        self._reset_form()
        self.deleted.emit(event_id)

    def error_text(self, key: str) -> str:
        return self.form.error_text(key)
