"""Changing one ride after the phone call: day, time, length, addresses, needs, return trip.

``RideEditor`` is an EditorBase form (unsaved changes, conflicts, field
errors); ``RideEditorDialog`` shows it from the week plan (double-click or
*Bearbeiten …*). Day and times are typed like in the phone intake. A ride
from a standing order changes only its notes here (the order decides the rest).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import RideStatus
from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.rides.requests import Needs
from engagement_desk.services.rides.ride_editing import (
    RideEditInput,
    RideEditResult,
    RideForEditing,
    ride_for_editing,
    update_ride,
)
from engagement_desk.services.typed_input import TypedInputError
from engagement_desk.ui.access import Capability, guard_each, guard_inputs
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.widgets.editor_base import EditorBase
from engagement_desk.ui.widgets.field_errors import ERROR_COLOR
from engagement_desk.ui.widgets.forms import Form, add_row, form_layout
from engagement_desk.ui.widgets.typed_date_edit import TypedDateEdit, TypedTimeEdit, short_day

CLOSED = (RideStatus.DONE, RideStatus.CANCELLED, RideStatus.NO_SHOW)


class RideEditor(EditorBase, QWidget):
    """The form of one ride; ``saved`` (a RideEditResult) after each save."""

    record_table = "ride"
    saved = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.record: RideForEditing | None = None
        self.form = Form(self)
        self.title = QLabel()
        self.title.setObjectName("ride_title")
        self.title.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a5a00;")
        self.notice.hide()
        self.date = TypedDateEdit(today=today)
        self.time = TypedTimeEdit()
        self.duration = QSpinBox()
        self.duration.setRange(5, 720)
        self.duration.setSingleStep(15)
        self.pickup = QLineEdit()
        self.pickup.setMaxLength(300)
        self.destination = QLineEdit()
        self.destination.setMaxLength(300)
        self.return_time = TypedTimeEdit()
        self.wheelchair = QCheckBox()
        self.rollator = QCheckBox()
        self.escort = QCheckBox()
        self.needs = QWidget()
        needs_layout = QHBoxLayout(self.needs)
        needs_layout.setContentsMargins(0, 0, 0, 0)
        for box in (self.wheelchair, self.rollator, self.escort):
            needs_layout.addWidget(box)
        needs_layout.addStretch(1)
        self.notes = QLineEdit()
        self.notes.setMaxLength(500)
        self.inputs = QWidget()
        layout = form_layout()
        for key, widget in (
            ("ride_date", self.date),
            ("start_time", self.time),
            ("duration_minutes", self.duration),
            ("pickup_address", self.pickup),
            ("destination", self.destination),
            ("return_time", self.return_time),
            ("needs", self.needs),
            ("notes", self.notes),
        ):
            add_row(self.form, layout, key, widget)
        self.inputs.setLayout(layout)
        self.other_errors = QLabel()
        self.other_errors.setWordWrap(True)
        self.other_errors.setStyleSheet(f"color: {ERROR_COLOR.name()};")
        self.other_errors.hide()
        self.content = QVBoxLayout(self)
        self.content.addWidget(self.title)
        self.content.addWidget(self.notice)
        self.content.addWidget(self.inputs)
        self.content.addWidget(self.other_errors)
        guard_inputs(ctx, self.inputs, Capability.EDIT_RIDES)
        guard_each(ctx, Capability.HEALTH_DATA, self.needs)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        for key, text in (
            ("ride_date", self.tr("&Date:")),
            ("start_time", self.tr("Pick-up &time:")),
            ("duration_minutes", self.tr("D&uration:")),
            ("pickup_address", self.tr("Pick-&up at:")),
            ("destination", self.tr("Destinatio&n:")),
            ("return_time", self.tr("&Return at:")),
            ("needs", self.tr("Needs:")),
            ("notes", self.tr("N&otes:")),
        ):
            self.form.set_label(key, text)
        self.duration.setSuffix(self.tr(" min"))
        self.return_time.setPlaceholderText(self.tr("empty: no return trip"))
        self.wheelchair.setText(self.tr("&Wheelchair"))
        self.rollator.setText(self.tr("R&ollator"))
        self.escort.setText(self.tr("&Escort"))
        self._show_title()

    # ---------------------------------------------------------------- data
    def load(self, ride_id: int) -> None:
        self.ctx.ops.query(ride_for_editing, self.ctx.db, ride_id).success(self.show_ride).run()

    @Slot(object)
    def show_ride(self, record: RideForEditing) -> None:
        self.record = record
        ride = record.ride
        # The day stored stays acceptable even once it is past (changing only the notes).
        self.date.kept_day = ride.ride_date
        self.date.set_date(ride.ride_date)
        self.time.set_time(ride.start_time)
        self.duration.setValue(ride.duration_minutes)
        self.pickup.setText(ride.pickup_address)
        self.destination.setText(ride.destination)
        back = record.return_ride
        self.return_time.set_time(back.start_time if back else None)
        first = ride.passengers[0] if ride.passengers else None
        self.wheelchair.setChecked(bool(first and first.wheelchair))
        self.rollator.setChecked(bool(first and first.rollator))
        self.escort.setChecked(bool(first and first.escort))
        self.notes.setText(ride.notes)
        closed = ride.status in CLOSED
        self.notes.setReadOnly(closed)
        one_off = not record.from_standing_order and not closed
        for widget in (self.date, self.time, self.pickup, self.destination, self.return_time):
            widget.setReadOnly(not one_off)
        self.duration.setReadOnly(not one_off)
        for box in (self.wheelchair, self.rollator, self.escort):
            box.setEnabled(one_off)
        self.form.fields["return_time"].setVisible(not ride.is_return)
        label = self.form.labels.get("return_time")
        if label is not None:
            label.setVisible(not ride.is_return)
        self.form.clear_errors()
        self.other_errors.hide()
        self._show_title()
        if closed:
            self.show_notice(
                self.tr("This ride is done, cancelled or a no-show: reopen it to change it.")
            )
        elif not one_off:
            self.show_notice(
                self.tr(
                    "This ride comes from a standing order: change its day, time and addresses "
                    "in the standing order. Here only the notes."
                )
            )
        else:
            self.notice.hide()
        self.mark_clean()

    def _show_title(self) -> None:
        if self.record is None:
            self.title.setText("")
            return
        ride = self.record.ride
        leg = self.tr("Return trip no. %1") if ride.is_return else self.tr("Ride no. %1")
        self.title.setText(
            f"<b>{leg.replace('%1', str(ride.id))}</b> – {_html(ride.passenger_names)}"
            f" · {_html(ride.service_name)} · {short_day(ride.ride_date)} {ride.start_time:%H:%M}"
        )

    # --------------------------------------------------------- editor base
    def describe(self) -> str:
        if self.record is None:
            return self.tr("the ride")
        return self.tr("the ride of %1").replace("%1", self.record.ride.passenger_names)

    def revert(self) -> None:
        if self.record is not None:
            self.show_ride(self.record)

    def reload_record(self) -> None:
        if self.record is not None:
            self.load(self.record.id)

    def show_unplaced(self, errors) -> None:
        self.other_errors.setText("\n".join(e.message for e in errors))
        self.other_errors.show()

    # ---------------------------------------------------------------- save
    def data(self) -> RideEditInput:
        errors: list[FieldError] = []
        day = start = back = None
        try:
            day = self.date.value()
            if day is None:
                errors.append(FieldError("ride_date", "Datum", "Bitte das Datum eingeben."))
        except TypedInputError as error:
            errors.append(FieldError("ride_date", "Datum", str(error)))
        try:
            start = self.time.value()
            if start is None:
                errors.append(
                    FieldError("start_time", "Abholzeit", "Bitte die Abholzeit eingeben.")
                )
        except TypedInputError as error:
            errors.append(FieldError("start_time", "Abholzeit", str(error)))
        try:
            back = self.return_time.value()
        except TypedInputError as error:
            errors.append(FieldError("return_time", "Rückfahrt", str(error)))
        if errors:
            raise ValidationError(errors)
        assert day is not None and start is not None
        return RideEditInput(
            ride_date=day,
            start_time=start,
            duration_minutes=self.duration.value(),
            pickup_address=self.pickup.text(),
            destination=self.destination.text(),
            needs=Needs(
                self.wheelchair.isChecked(), self.rollator.isChecked(), self.escort.isChecked()
            ),
            notes=self.notes.text(),
            return_time=back,
        )

    @Slot()
    def save(self) -> None:
        if self.record is None:
            return
        self.other_errors.hide()
        try:
            data = self.data()
        except ValidationError as error:
            self.save_failed(error)
            return
        self.ctx.ops.write(
            update_ride, self.ctx.db, self.record.id, self.record.version, data
        ).success(self._saved).failure(self.save_failed).run()

    @Slot(object)
    def _saved(self, result: RideEditResult) -> None:
        self.show_ride(result.ride)
        self.save_succeeded()
        if result.unassigned:
            self.show_notice(" ".join(result.unassigned))
        self.saved.emit(result)


class RideEditorDialog(QDialog):
    """The ride editor in a window of its own; *Speichern* keeps it open to show the result."""

    saved = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        ride_id: int,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ):
        super().__init__(parent)
        self.setObjectName("ride_editor")
        self.setWindowTitle(self.tr("Edit ride"))
        self.editor = RideEditor(ctx, self, today=today)
        self.editor.saved.connect(self._saved)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        for button in buttons.buttons():
            button.setAutoDefault(False)
        guard_each(ctx, Capability.EDIT_RIDES, self.save_button)
        self.save_button.clicked.connect(self.editor.save)
        self.close_button.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)
        self.editor.load(ride_id)

    @Slot(object)
    def _saved(self, result: RideEditResult) -> None:
        self.saved.emit(result)
        if not result.unassigned:
            self.accept()

    def reject(self) -> None:
        self.editor.leave(super().reject)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editor.is_dirty():
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
