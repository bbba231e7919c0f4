"""Driver profiles: weekly maximum, vehicle, notes; availability and absences to read."""

from __future__ import annotations

import functools

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import Role
from engagement_desk.services.rides.drivers import (
    DriverProfileInput,
    DriverRecord,
    list_drivers,
    set_preferred_passengers,
    update_driver_profile,
)
from engagement_desk.services.rides.vehicles import VehicleRecord, list_vehicles
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.rides.record_list import select_record
from engagement_desk.ui.rides.services_editor import day_name
from engagement_desk.ui.widgets.editor_base import EditorBase
from engagement_desk.ui.widgets.forms import Form, add_row, form_layout
from engagement_desk.ui.widgets.person_picker import PersonPicker

DRIVER_ID_ROLE = Qt.ItemDataRole.UserRole


class DriversEditor(EditorBase, QWidget):
    """Sub-tab "Fahrer/innen"."""

    record_table = "driver_profile"
    record_key = "person_id"

    status_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.drivers: list[DriverRecord] = []
        self.current: DriverRecord | None = None
        self.form = Form(self)
        self.list = QListWidget()
        self.list.setObjectName("drivers")
        self.list.itemSelectionChanged.connect(self._selected)
        self.name = QLabel()
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.max_rides = QSpinBox()
        self.max_rides.setRange(0, 50)
        self.vehicle = QComboBox()
        self.vehicle.addItem("", None)
        self.notes = QLineEdit()
        self.notes.setMaxLength(500)
        self.times = QLabel()
        self.times.setWordWrap(True)
        self.times.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = form_layout()
        for key, widget in (
            ("max_rides_per_week", self.max_rides),
            ("vehicle_id", self.vehicle),
            ("notes", self.notes),
        ):
            add_row(self.form, layout, key, widget)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.name)
        right_layout.addLayout(layout)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.times)
        right_layout.addWidget(self._preferences_box())
        right_layout.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        box = QVBoxLayout(self)
        box.addWidget(splitter)
        self.retranslate_ui()
        self.refresh()

    def retranslate_ui(self) -> None:
        self.list.setAccessibleName(self.tr("Drivers"))
        for key, text in (
            ("max_rides_per_week", self.tr("At most rides per week:")),
            ("vehicle_id", self.tr("Vehicle:")),
            ("notes", self.tr("Notes:")),
        ):
            self.form.set_label(key, text)
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the driver's profile (Ctrl+S)"))
        self.vehicle.setItemText(0, self.tr("(no vehicle)"))
        self.preferred.setAccessibleName(self.tr("Preferred passengers"))
        self.passenger_picker.setAccessibleName(self.tr("Passenger to add"))
        self.add_passenger_button.setText(self.tr("Add"))
        self.remove_passenger_button.setText(self.tr("Remove"))
        self.preferred_label.setText(self.tr("Preferred passengers (usual driver):"))
        self._show_times()
        if self.drivers:
            self._show_drivers(self.drivers)

    def _preferences_box(self) -> QWidget:
        """Passengers this driver usually takes: the planner prefers the pairing."""
        self.preferred = QListWidget()
        self.preferred.setObjectName("preferred_passengers")
        self.preferred.setMaximumHeight(120)
        self.passenger_picker = PersonPicker(self.ctx, role=Role.PASSENGER)
        self.add_passenger_button = QPushButton()
        self.remove_passenger_button = QPushButton()
        self.preferred_label = QLabel()
        self.add_passenger_button.clicked.connect(self.add_preferred)
        self.remove_passenger_button.clicked.connect(self.remove_preferred)
        row = QHBoxLayout()
        row.addWidget(self.passenger_picker, 1)
        row.addWidget(self.add_passenger_button)
        row.addWidget(self.remove_passenger_button)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preferred_label)
        layout.addWidget(self.preferred)
        layout.addLayout(row)
        return box

    def _preferred_ids(self) -> list[int]:
        return [self.preferred.item(i).data(DRIVER_ID_ROLE) for i in range(self.preferred.count())]

    @Slot()
    def add_preferred(self) -> None:
        passenger_id = self.passenger_picker.person_id
        if self.current is None or passenger_id is None:
            return
        self._save_preferred([*self._preferred_ids(), passenger_id])

    @Slot()
    def remove_preferred(self) -> None:
        items = self.preferred.selectedItems()
        if self.current is None or not items:
            return
        gone = items[0].data(DRIVER_ID_ROLE)
        self._save_preferred([i for i in self._preferred_ids() if i != gone])

    def _save_preferred(self, passenger_ids: list[int]) -> None:
        assert self.current is not None
        self.ctx.ops.write(
            set_preferred_passengers, self.ctx.db, self.current.person_id, tuple(passenger_ids)
        ).success(self._preferred_saved).failure(self._failed).run()

    @Slot(object)
    def _preferred_saved(self, record: DriverRecord) -> None:
        """Only the list of passengers changed: what is typed in the form stays."""
        self.current = record
        self._show_preferred(record)
        self.ctx.ops.query(list_drivers, self.ctx.db).success(self._show_drivers).run()

    def refresh(self) -> None:
        self.ctx.ops.query(list_vehicles, self.ctx.db).success(self._show_vehicles).run()
        self.ctx.ops.query(list_drivers, self.ctx.db).success(self._show_drivers).run()

    @Slot(object)
    def _show_vehicles(self, vehicles: list[VehicleRecord]) -> None:
        chosen = self.vehicle.currentData()
        self.vehicle.blockSignals(True)
        while self.vehicle.count() > 1:
            self.vehicle.removeItem(1)
        for vehicle in vehicles:
            self.vehicle.addItem(vehicle.description, vehicle.id)
        self.vehicle.setCurrentIndex(max(0, self.vehicle.findData(chosen)))
        self.vehicle.blockSignals(False)

    @Slot(object)
    def _show_drivers(self, drivers: list[DriverRecord]) -> None:
        keep = self.current.person_id if self.current else None
        self.drivers = list(drivers)
        self.list.blockSignals(True)
        self.list.clear()
        for driver in drivers:
            item = QListWidgetItem(
                f"{driver.name} – {driver.vehicle_label or self.tr('no vehicle')}"
            )
            item.setData(DRIVER_ID_ROLE, driver.person_id)
            self.list.addItem(item)
            if driver.person_id == keep:
                item.setSelected(True)
                if not self.is_dirty():
                    self.show_driver(driver)
        self.list.blockSignals(False)
        self.status_changed.emit()

    def status_text(self) -> str:
        return self.tr("%Ln driver(s)", "", len(self.drivers))

    def focus_search(self) -> None:
        self.list.setFocus()

    @Slot()
    def _selected(self) -> None:
        items = self.list.selectedItems()
        if not items:
            return
        driver_id = items[0].data(DRIVER_ID_ROLE)
        if self.current is not None and driver_id == self.current.person_id:
            return
        if not self.leave(functools.partial(self.open_driver, driver_id)):
            select_record(self.list, self.current.person_id if self.current else None)

    def open_driver(self, person_id: int) -> None:
        driver = next((d for d in self.drivers if d.person_id == person_id), None)
        select_record(self.list, person_id if driver else None)
        if driver is not None:
            self.show_driver(driver)

    # ------------------------------------------------------- editor base
    def describe(self) -> str:
        return f"„{self.current.name}“" if self.current else self.tr("the driver")

    def revert(self) -> None:
        if self.current is not None:
            self.show_driver(self.current)

    def reload_record(self) -> None:
        keep = self.current.person_id if self.current else None
        self.ctx.ops.query(list_drivers, self.ctx.db).success(
            functools.partial(self._reloaded, keep)
        ).run()

    def _reloaded(self, keep: int | None, drivers: list[DriverRecord]) -> None:
        self.drivers = list(drivers)
        self.forget_baseline()
        self._show_drivers(drivers)
        if keep is not None:
            self.open_driver(keep)

    def show_driver(self, driver: DriverRecord) -> None:
        self.current = driver
        self.form.clear_errors()
        self.save_button.setEnabled(True)
        self.name.setText(f"{driver.name}  {driver.phone}".strip())
        self.max_rides.setValue(driver.max_rides_per_week)
        self.vehicle.setCurrentIndex(max(0, self.vehicle.findData(driver.vehicle_id)))
        self.notes.setText(driver.notes)
        self._show_preferred(driver)
        self._show_times()
        self.mark_clean()

    def _show_preferred(self, driver: DriverRecord) -> None:
        self.preferred.clear()
        for passenger in driver.preferred_passengers:
            item = QListWidgetItem(passenger.name)
            item.setData(DRIVER_ID_ROLE, passenger.person_id)
            self.preferred.addItem(item)

    def _show_times(self) -> None:
        driver = self.current
        if driver is None:
            self.times.clear()
            return
        windows = ", ".join(
            f"{day_name(w.weekday)} {w.start_time:%H:%M}–{w.end_time:%H:%M}"
            for w in driver.availability
        )
        absences = ", ".join(
            f"{a.start_date:%d.%m.}–{a.end_date:%d.%m.%Y}" + (f" ({a.reason})" if a.reason else "")
            for a in driver.absences
        )
        self.times.setText(
            self.tr("Available: %1").replace("%1", windows or "–")
            + "\n"
            + self.tr("Away: %1").replace("%1", absences or "–")
        )

    @Slot()
    def save(self) -> None:
        driver = self.current
        if driver is None:
            return
        data = DriverProfileInput(
            max_rides_per_week=self.max_rides.value(),
            vehicle_id=self.vehicle.currentData(),
            notes=self.notes.text(),
        )
        self.ctx.ops.write(
            update_driver_profile,
            self.ctx.db,
            driver.person_id,
            data,
            expected_version=driver.version,
        ).success(self._saved).failure(self._failed).run()

    @Slot(object)
    def _saved(self, record: DriverRecord) -> None:
        self.current = record
        self.show_driver(record)
        self.ctx.ops.query(list_drivers, self.ctx.db).success(self._show_drivers).run()
        self.save_succeeded()

    def _failed(self, error: Exception) -> None:
        self.save_failed(error)
