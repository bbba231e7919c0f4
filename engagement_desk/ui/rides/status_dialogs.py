"""Recording a ride as done: km (required) and the real duration (optional)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.rides.planning import PlannedRide
from engagement_desk.ui.widgets.forms import Form, add_row, form_layout


class DoneDialog(QDialog):
    """Asks km and duration; emits ``submitted``; the caller saves and calls ``finish``."""

    submitted = Signal(str, object)  # km text, duration minutes or None

    def __init__(self, ride: PlannedRide, parent: QWidget | None = None):
        super().__init__(parent)
        self.ride = ride
        self.setWindowTitle(self.tr("Ride done"))
        self.form = Form(self)
        self.km = QLineEdit()
        self.km.setPlaceholderText(self.tr("e.g. 12,5"))
        if ride.km:
            self.km.setText(ride.km.replace(".", ","))
        self.duration = QSpinBox()
        self.duration.setRange(0, 720)
        self.duration.setSpecialValueText(self.tr("as planned"))
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setValue(0)
        layout = form_layout()
        add_row(self.form, layout, "km", self.km)
        add_row(self.form, layout, "duration_minutes", self.duration)
        self.form.set_label("km", self.tr("&Kilometres:"))
        self.form.set_label("duration_minutes", self.tr("&Duration:"))
        about = QLabel(
            f"{ride.ride_date:%d.%m.%Y} {ride.start_time:%H:%M} – {ride.passenger_names}"
            f"\n→ {ride.destination}"
        )
        about.setWordWrap(True)
        self.other_errors = QLabel()
        self.other_errors.setWordWrap(True)
        self.other_errors.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(about)
        box.addLayout(layout)
        box.addWidget(self.other_errors)
        box.addWidget(buttons)
        self.km.setFocus()

    @Slot()
    def submit(self) -> None:
        if not self.km.text().strip():
            self.form.show_errors(
                [FieldError("km", "Kilometer", self.tr("Please enter the kilometres driven."))]
            )
            return
        minutes = self.duration.value() or None
        self.submitted.emit(self.km.text().strip(), minutes)

    def show_failure(self, error: ValidationError) -> None:
        """Put each rejected value's German message at its field."""
        rest = self.form.show_errors(error.errors)
        if rest:
            self.other_errors.setText("\n".join(e.message for e in rest))
            self.other_errors.show()

    def finish(self) -> None:
        self.accept()
