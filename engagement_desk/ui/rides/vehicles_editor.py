"""Vehicles (Fahrzeuge): a list and a form to create and change them."""

from __future__ import annotations

import functools
from typing import Any

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
from engagement_desk.services.people.persons import PersonChoice, person_choice
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
    select_record,
    selected_record,
)
from engagement_desk.ui.widgets.editor_base import EditorBase
from engagement_desk.ui.widgets.field_errors import ERROR_COLOR
from engagement_desk.ui.widgets.forms import Form, add_row, form_layout
from engagement_desk.ui.widgets.person_picker import PersonPicker

SEATS_RANGE = (1, MAX_SEATS)  # the same limits the service checks
WHEELCHAIR_RANGE = (0, MAX_WHEELCHAIR_SPACES)


class VehiclesEditor(EditorBase, QWidget):
    """Sub-tab "Fahrzeuge"."""

    record_table = "vehicle"

    status_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.vehicles: list[VehicleRecord] = []
        self.current: VehicleRecord | None = None
        self.form = Form(self)

        self.list = QListWidget()
        self.list.setObjectName("vehicles")
        self.list.itemSelectionChanged.connect(self._selected)
        self.new_button = QPushButton()
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
        for key, widget in (
            ("label", self.label),
            ("registration", self.registration),
            ("owner_id", self.owner),
            ("seats", self.seats),
            ("wheelchair_spaces", self.wheelchair_spaces),
        ):
            add_row(self.form, layout, key, widget)
        self.other_errors = QLabel()
        self.other_errors.setObjectName("other_errors")
        self.other_errors.setWordWrap(True)
        self.other_errors.setStyleSheet(f"color: {ERROR_COLOR.name()};")
        self.other_errors.hide()
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        self.new_action, self.save_action = editor_actions(
            self, "", "", self.new_vehicle, self.save
        )
        list_beside_form(self, self.new_button, self.list, (layout, self.other_errors, buttons))
        self.retranslate_ui()
        self.show_vehicle(None)
        self.refresh()

    def retranslate_ui(self) -> None:
        self.list.setAccessibleName(self.tr("Vehicles"))
        self.new_button.setText(self.tr("New vehicle"))
        self.new_button.setToolTip(self.tr("Create a new vehicle (Ctrl+N)"))
        for key, text in (
            ("label", self.tr("&Label:")),
            ("registration", self.tr("&Registration:")),
            ("owner_id", self.tr("&Owner:")),
            ("seats", self.tr("&Seats:")),
            ("wheelchair_spaces", self.tr("&Wheelchair spaces:")),
        ):
            self.form.set_label(key, text)
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the vehicle (Ctrl+S)"))
        self.new_action.setText(self.tr("New vehicle"))
        self.save_action.setText(self.tr("Save vehicle"))
        self.status_changed.emit()

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
        return self.tr("%Ln vehicle(s)", "", len(self.vehicles))

    def focus_search(self) -> None:
        self.list.setFocus()

    # --------------------------------------------------------------- form
    @Slot()
    def _selected(self) -> None:
        vehicle = selected_record(self.list, self.vehicles)
        if vehicle is None or (self.current is not None and vehicle.id == self.current.id):
            return
        if not self.leave(functools.partial(self.open_vehicle, vehicle.id)):
            select_record(self.list, self.current.id if self.current else None)

    def open_vehicle(self, vehicle_id: int) -> None:
        """Show a listed vehicle (its latest version) and select it in the list."""
        vehicle = next((v for v in self.vehicles if v.id == vehicle_id), None)
        select_record(self.list, vehicle_id if vehicle else None)
        self.show_vehicle(vehicle)

    @Slot()
    def new_vehicle(self) -> None:
        if self.leave(self._start_new):
            self.label.setFocus()

    def _start_new(self) -> None:
        self.list.clearSelection()
        self.show_vehicle(None)

    # ------------------------------------------------------- editor base
    def describe(self) -> str:
        if self.current is None:
            return self.tr("the new vehicle")
        return f"„{self.current.description}“"

    def revert(self) -> None:
        self.show_vehicle(self.current)

    def reload_record(self) -> None:
        keep = self.current.id if self.current else None
        self.ctx.ops.query(list_vehicles, self.ctx.db).success(
            functools.partial(self._reloaded, keep)
        ).run()

    def _reloaded(self, keep: int | None, vehicles: list[VehicleRecord]) -> None:
        self._show_vehicles(vehicles)
        if keep is not None:
            self.open_vehicle(keep)
        else:
            self.revert()

    def show_unplaced(self, errors: Any) -> None:
        self.other_errors.setText("\n".join(str(e) for e in errors))
        self.other_errors.show()

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
        self.mark_clean()

    @Slot(object)
    def _show_owner(self, choice: PersonChoice | None) -> None:
        if choice is not None and self.current and self.current.owner_id == choice.id:
            clean = not self.is_dirty()
            self.owner.set_person(choice)
            if clean:
                self.mark_clean()

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
            self.save_failed(error)
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
        self.show_vehicle(record)
        self.refresh()
        self.save_succeeded()

    def _failed(self, error: Exception) -> None:
        self.save_failed(error)

    def show_failure(self, error: ValidationError) -> None:
        self.show_field_errors(error.errors)
