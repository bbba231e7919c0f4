"""Vehicles (Fahrzeuge): a list and a form to create and change them."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QWidget,
)

from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.people.persons import PersonChoice
from engagement_desk.services.rides.vehicles import (
    MAX_SEATS,
    MAX_WHEELCHAIR_SPACES,
    VehicleInput,
    VehicleRecord,
    create_vehicle,
    list_vehicles,
    update_vehicle,
)
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.rides.record_list import (
    editor_actions,
    list_beside_form,
    refill,
    selected_record,
)
from engagement_desk.ui.widgets.forms import Form, add_row, form_layout
from engagement_desk.ui.widgets.person_picker import PersonPicker, person_choice

SEATS_RANGE = (1, MAX_SEATS)  # the same limits the service checks
WHEELCHAIR_RANGE = (0, MAX_WHEELCHAIR_SPACES)


class VehiclesEditor(QWidget):
    """Sub-tab "Fahrzeuge"."""

    status_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.vehicles: list[VehicleRecord] = []
        self.current: VehicleRecord | None = None
        self.form = Form(self)

        self.list = QListWidget()
        self.list.setObjectName("vehicles")
        self.list.setAccessibleName(self.tr("Vehicles"))
        self.list.itemSelectionChanged.connect(self._selected)
        self.new_button = QPushButton(self.tr("New vehicle"))
        self.new_button.setToolTip(self.tr("Create a new vehicle (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_vehicle)

        self.label = QLineEdit()
        self.label.setMaxLength(170)
        self.registration = QLineEdit()
        self.registration.setMaxLength(70)
        self.owner = PersonPicker(ctx)
        self.seats = QSpinBox()
        self.seats.setRange(*SEATS_RANGE)
        self.wheelchair_spaces = QSpinBox()
        self.wheelchair_spaces.setRange(*WHEELCHAIR_RANGE)

        layout = form_layout()
        for key, widget, text in (
            ("label", self.label, self.tr("&Label:")),
            ("registration", self.registration, self.tr("&Registration:")),
            ("owner_id", self.owner, self.tr("&Owner:")),
            ("seats", self.seats, self.tr("&Seats:")),
            ("wheelchair_spaces", self.wheelchair_spaces, self.tr("&Wheelchair spaces:")),
        ):
            add_row(self.form, layout, key, widget)
            self.form.set_label(key, text)
        self.other_errors = QLabel()
        self.other_errors.setObjectName("other_errors")
        self.other_errors.setWordWrap(True)
        self.other_errors.setStyleSheet("color: #b3261e;")
        self.other_errors.hide()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the vehicle (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        self.new_action, self.save_action = editor_actions(
            self, self.tr("New vehicle"), self.tr("Save vehicle"), self.new_vehicle, self.save
        )
        list_beside_form(self, self.new_button, self.list, (layout, self.other_errors, buttons))
        self.show_vehicle(None)
        self.refresh()

    # ---------------------------------------------------------------- data
    def refresh(self) -> None:
        self.ctx.ops.query(list_vehicles, self.ctx.db).success(self._show_vehicles).run()

    @Slot(object)
    def _show_vehicles(self, vehicles: list[VehicleRecord]) -> None:
        keep = self.current.id if self.current else None
        self.vehicles = list(vehicles)
        refill(
            self.list,
            (
                (v.id, v.description + (f" – {v.registration}" if v.registration else ""))
                for v in vehicles
            ),
            keep,
        )
        self.status_changed.emit()

    def status_text(self) -> str:
        return self.tr("%1 vehicles").replace("%1", str(len(self.vehicles)))

    def focus_search(self) -> None:
        self.list.setFocus()

    # --------------------------------------------------------------- form
    @Slot()
    def _selected(self) -> None:
        vehicle = selected_record(self.list, self.vehicles)
        if vehicle is not None:
            self.show_vehicle(vehicle)

    @Slot()
    def new_vehicle(self) -> None:
        self.list.clearSelection()
        self.show_vehicle(None)
        self.label.setFocus()

    def show_vehicle(self, vehicle: VehicleRecord | None) -> None:
        self.current = vehicle
        values = vehicle or VehicleInput(label="")
        self.label.setText(values.label)
        self.registration.setText(values.registration)
        self.owner.set_person(None)
        if values.owner_id is not None:
            self.ctx.ops.query(person_choice, self.ctx.db, values.owner_id).success(
                self._show_owner
            ).run()
        self.seats.setValue(values.seats)
        self.wheelchair_spaces.setValue(values.wheelchair_spaces)
        self.form.clear_errors()
        self.other_errors.hide()

    @Slot(object)
    def _show_owner(self, choice: PersonChoice | None) -> None:
        if choice is not None and self.current and self.current.owner_id == choice.id:
            self.owner.set_person(choice)

    def data(self) -> VehicleInput:
        if self.owner.is_unresolved():
            raise ValidationError(
                [
                    FieldError(
                        "owner_id", "Halter/in", self.tr("Please choose a person from the list.")
                    )
                ]
            )
        return VehicleInput(
            label=self.label.text(),
            seats=self.seats.value(),
            wheelchair_spaces=self.wheelchair_spaces.value(),
            registration=self.registration.text(),
            owner_id=self.owner.person_id,
            status=self.current.status if self.current else VehicleInput.status,
        )

    @Slot()
    def save(self) -> None:
        self.other_errors.hide()
        try:
            data = self.data()
        except ValidationError as error:
            self.show_failure(error)
            return
        if self.current is None:
            operation = self.ctx.ops.write(create_vehicle, self.ctx.db, data)
        else:
            operation = self.ctx.ops.write(
                update_vehicle,
                self.ctx.db,
                self.current.id,
                data,
                expected_version=self.current.version,
            )
        operation.success(self._saved).failure(self._failed).run()

    @Slot(object)
    def _saved(self, record: VehicleRecord) -> None:
        self.current = record
        self.form.clear_errors()
        self.refresh()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ValidationError):
            self.show_failure(error)
        else:
            self.ctx.ops.show_error(error, self)

    def show_failure(self, error: ValidationError) -> None:
        rest = self.form.show_errors(error.errors)
        if rest:
            self.other_errors.setText("\n".join(str(e) for e in rest))
            self.other_errors.show()
