"""The phone desk: a one-off ride request, typed without the mouse.

Type the passenger's name (completer over the passengers), the form fills
their usual pick-up addresses, destinations and mobility needs; date, time,
destination, return time; Enter saves. Rejected values show their German
message at the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.rides.orders import passenger_choices
from engagement_desk.services.rides.requests import (
    Needs,
    RequestDefaults,
    RequestResult,
    RideRequestInput,
    create_ride_request,
    most_used_service,
    request_defaults,
)
from engagement_desk.services.rides.services_admin import RideServiceRecord
from engagement_desk.services.typed_input import TypedInputError
from engagement_desk.services.typed_input import parse_time as parse_time  # orders editor
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.rides.clock_notes import MARK, clock_note
from engagement_desk.ui.widgets.field_errors import ERROR_COLOR
from engagement_desk.ui.widgets.forms import Form, add_row, form_layout
from engagement_desk.ui.widgets.typed_date_edit import TypedDateEdit, TypedTimeEdit


@dataclass(frozen=True)
class SavedRequest:
    ride_id: int
    return_ride_id: int | None
    ride_date: dt.date


class IntakeDialog(QDialog):
    """Neue Fahrtanfrage: emits ``saved`` (a SavedRequest) and closes after saving."""

    saved = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        services: list[RideServiceRecord],
        day: dt.date,
        parent: QWidget | None = None,
        *,
        service_id: int | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.setObjectName("ride_intake")
        self.setWindowTitle(self.tr("New ride request"))
        self.passenger_ids: dict[str, int] = {}
        self.passenger_id: int | None = None
        self.defaults: RequestDefaults | None = None
        self.form = Form(self)

        self.service = QComboBox()
        for record in services:
            self.service.addItem(record.name, record.id)
        self.service_chosen = False
        self.service.activated.connect(self._service_chosen)
        if service_id is not None and self.service.findData(service_id) >= 0:
            self.service.setCurrentIndex(self.service.findData(service_id))
            self.service_chosen = True
        elif self.service.count() > 1:
            self.ctx.ops.query(most_used_service, self.ctx.db, today()).success(
                self._show_most_used
            ).run()
        self.passenger = QLineEdit()
        self.passenger.setPlaceholderText(self.tr("Type the name …"))
        self.completer = QCompleter([], self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.passenger.setCompleter(self.completer)
        self.passenger_info = QLabel()
        self.passenger_info.setObjectName("passenger_info")
        self.passenger_info.setStyleSheet("color: #444;")
        self.date = TypedDateEdit(today=today)
        self.date.set_date(day)
        self.time = TypedTimeEdit()
        self.pickup = QComboBox()
        self.pickup.setEditable(True)
        self.pickup.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.pickup.lineEdit().setPlaceholderText(self.tr("Empty: the passenger's home"))
        self.destination = QComboBox()
        self.destination.setEditable(True)
        self.destination.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.destination.lineEdit().setPlaceholderText(
            self.tr("e.g. Hausarztpraxis Dr. Klein, Bahnhofstr. 3, 54634 Bitburg")
        )
        self.return_time = TypedTimeEdit()
        self.return_time.setPlaceholderText(self.tr("e.g. 1130 – empty: no return trip"))
        self.wheelchair = QCheckBox(self.tr("&Wheelchair"))
        self.rollator = QCheckBox(self.tr("R&ollator"))
        self.escort = QCheckBox(self.tr("&Escort"))
        needs = QWidget()
        needs_layout = QHBoxLayout(needs)
        needs_layout.setContentsMargins(0, 0, 0, 0)
        for box in (self.wheelchair, self.rollator, self.escort):
            needs_layout.addWidget(box)
        needs_layout.addStretch(1)
        self.notes = QLineEdit()
        self.notes.setMaxLength(500)

        layout = form_layout()
        add_row(self.form, layout, "service_id", self.service)
        add_row(self.form, layout, "passenger_id", self.passenger)
        layout.addRow("", self.passenger_info)
        add_row(self.form, layout, "ride_date", self.date)
        add_row(self.form, layout, "pickup_time", self.time)
        self.clock_note = QLabel()
        self.clock_note.setObjectName("clock_note")
        self.clock_note.setWordWrap(True)
        self.clock_note.setStyleSheet("color: #8a4b00;")
        self.clock_note.hide()
        layout.addRow("", self.clock_note)
        add_row(self.form, layout, "pickup_address", self.pickup)
        add_row(self.form, layout, "destination", self.destination)
        add_row(self.form, layout, "return_time", self.return_time)
        add_row(self.form, layout, "needs", needs)
        add_row(self.form, layout, "notes", self.notes)
        for key, text in (
            ("service_id", self.tr("Ser&vice:")),
            ("passenger_id", self.tr("&Passenger:")),
            ("ride_date", self.tr("&Date:")),
            ("pickup_time", self.tr("Pick-up &time:")),
            ("pickup_address", self.tr("Pick-&up at:")),
            ("destination", self.tr("Destinatio&n:")),
            ("return_time", self.tr("&Return at:")),
            ("needs", self.tr("Needs:")),
            ("notes", self.tr("Notes:")),
        ):
            self.form.set_label(key, text)
        self.other_errors = QLabel()
        self.other_errors.setWordWrap(True)
        self.other_errors.setStyleSheet(f"color: {ERROR_COLOR.name()};")
        self.other_errors.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save (Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        for button in buttons.buttons():
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(layout)
        box.addWidget(self.other_errors)
        box.addWidget(buttons)
        self.setMinimumWidth(560)

        for edit in (self.date, self.time, self.return_time):
            edit.textChanged.connect(self._show_clock_note)
        self.passenger.editingFinished.connect(self._passenger_typed)
        self.completer.activated.connect(self._passenger_completed)
        self.ctx.ops.query(passenger_choices, self.ctx.db).success(self._show_choices).run()
        self.passenger.setFocus()

    # -------------------------------------------------------------- service
    @Slot(int)
    def _service_chosen(self, _index: int) -> None:
        self.service_chosen = True

    @Slot(object)
    def _show_most_used(self, service_id: int | None) -> None:
        index = self.service.findData(service_id) if service_id is not None else -1
        if index >= 0 and not self.service_chosen:
            self.service.setCurrentIndex(index)

    # ------------------------------------------------------------ passenger
    @Slot(object)
    def _show_choices(self, choices: list[tuple[int, str]]) -> None:
        seen: dict[str, int] = {}
        for _, name in choices:
            seen[name] = seen.get(name, 0) + 1
        self.passenger_ids = {}
        for pid, name in choices:
            label = name if seen[name] == 1 else f"{name} (Nr. {pid})"
            self.passenger_ids[label] = pid
        self.completer.model().setStringList(list(self.passenger_ids))

    @Slot(str)
    def _passenger_completed(self, text: str) -> None:
        self.passenger.setText(text)
        self._passenger_typed()

    @Slot()
    def _passenger_typed(self) -> None:
        text = self.passenger.text().strip()
        pid = self.passenger_ids.get(text)
        if pid is None:
            lowered = {k.lower(): v for k, v in self.passenger_ids.items()}
            pid = lowered.get(text.lower())
        if pid is None or pid == self.passenger_id:
            if pid is None:
                self.passenger_id = None
                self.passenger_info.clear()
            return
        self.passenger_id = pid
        self.ctx.ops.query(request_defaults, self.ctx.db, pid).success(self.show_defaults).run()

    @Slot(object)
    def show_defaults(self, defaults: RequestDefaults) -> None:
        if defaults.passenger_id != self.passenger_id:
            return
        self.defaults = defaults
        self.form.fields["passenger_id"].clear_error()
        info = [defaults.phone] if defaults.phone else []
        if defaults.addresses.home:
            info.append(defaults.addresses.home)
        self.passenger_info.setText("  ·  ".join(info))
        self.wheelchair.setChecked(defaults.needs.wheelchair)
        self.rollator.setChecked(defaults.needs.rollator)
        self.escort.setChecked(defaults.needs.escort)
        self.pickup.clear()
        self.pickup.addItems(list(defaults.addresses.pickups))
        self.pickup.setCurrentIndex(0 if defaults.addresses.pickups else -1)
        self.destination.clear()
        self.destination.addItems(list(defaults.addresses.destinations))
        self.destination.setCurrentIndex(-1)
        self.destination.setEditText("")

    # ---------------------------------------------------------------- save
    @Slot()
    def _show_clock_note(self) -> None:
        """Flag a pick-up or return time the clock change skips or repeats."""
        notes = []
        try:
            day = self.date.value()
            for edit in (self.time, self.return_time):
                note = clock_note(day, edit.value())
                if note:
                    notes.append(note)
        except TypedInputError:
            pass
        self.clock_note.setText("\n".join(f"{MARK} {note}" for note in notes))
        self.clock_note.setVisible(bool(notes))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            popup = self.completer.popup()
            if popup is not None and popup.isVisible():
                return
            event.accept()
            self.submit()
            return
        super().keyPressEvent(event)

    def request(self) -> RideRequestInput:
        """The typed request; ValidationError for what cannot even be sent."""
        errors: list[FieldError] = []
        if self.passenger_id is None:
            self._passenger_typed()
        if self.passenger_id is None:
            errors.append(
                FieldError(
                    "passenger_id",
                    "Fahrgast",
                    self.tr("Please choose a passenger from the list (type part of the name)."),
                )
            )
        if self.service.currentData() is None:
            errors.append(
                FieldError("service_id", "Fahrdienst", self.tr("Please choose a ride service."))
            )
        day: dt.date | None = None
        try:
            day = self.date.value()
            if day is None:
                errors.append(FieldError("ride_date", "Datum", "Bitte das Datum eingeben."))
        except TypedInputError as error:
            errors.append(FieldError("ride_date", "Datum", str(error)))
        start: dt.time | None = None
        try:
            start = self.time.value()
            if start is None:
                errors.append(
                    FieldError("pickup_time", "Abholzeit", "Bitte die Abholzeit eingeben.")
                )
        except TypedInputError as error:
            errors.append(FieldError("pickup_time", "Abholzeit", str(error)))
        back: dt.time | None = None
        try:
            back = self.return_time.value()
        except TypedInputError as error:
            errors.append(FieldError("return_time", "Rückfahrt", str(error)))
        if errors:
            raise ValidationError(errors)
        assert self.passenger_id is not None and day is not None and start is not None
        pickup = self.pickup.currentText().strip()
        if self.defaults is not None and pickup == self.defaults.addresses.home:
            pickup = ""
        return RideRequestInput(
            service_id=self.service.currentData(),
            passenger_id=self.passenger_id,
            ride_date=day,
            pickup_time=start,
            destination=self.destination.currentText(),
            pickup_address=pickup,
            return_time=back,
            needs=Needs(
                self.wheelchair.isChecked(), self.rollator.isChecked(), self.escort.isChecked()
            ),
            notes=self.notes.text(),
        )

    @Slot()
    def submit(self) -> None:
        self.other_errors.hide()
        try:
            data = self.request()
        except ValidationError as error:
            self.show_failure(error)
            return
        self.save_button.setEnabled(False)
        self.ctx.ops.write(create_ride_request, self.ctx.db, data).success(self._saved).failure(
            self._failed
        ).run()

    @Slot(object)
    def _saved(self, result: RequestResult) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(SavedRequest(result.ride_id, result.return_ride_id, result.ride_date))
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.show_failure(error)
        else:
            self.ctx.ops.show_error(error, self)

    def show_failure(self, error: ValidationError) -> None:
        rest = self.form.show_errors(error.errors)
        if rest:
            self.other_errors.setText("\n".join(e.message for e in rest))
            self.other_errors.show()

    def error_text(self, key: str) -> str:
        return self.form.error_text(key)
