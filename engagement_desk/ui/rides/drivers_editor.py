"""Driver profiles: weekly maximum, vehicle, notes; availability and absences to read."""

from __future__ import annotations

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
from engagement_desk.services.errors import ValidationError
from engagement_desk.services.rides.calendar import WEEKDAY_SHORT
from engagement_desk.services.rides.drivers import (
    DriverProfileInput,
    DriverRecord,
    list_drivers,
    set_preferred_passengers,
    update_driver_profile,
)
from engagement_desk.services.rides.vehicles import VehicleRecord, list_vehicles
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.widgets.forms import Form, add_row, form_layout
from engagement_desk.ui.widgets.person_picker import PersonPicker

DRIVER_ID_ROLE = Qt.ItemDataRole.UserRole


class DriversEditor(QWidget):
    """Sub-tab "Fahrer/innen"."""

    status_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.drivers: list[DriverRecord] = []
        self.current: DriverRecord | None = None
        self.form = Form(self)
        self.list = QListWidget()
        self.list.setObjectName("drivers")
        self.list.setAccessibleName(self.tr("Drivers"))
        self.list.itemSelectionChanged.connect(self._selected)
        self.name = QLabel()
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.max_rides = QSpinBox()
        self.max_rides.setRange(0, 50)
        self.vehicle = QComboBox()
        self.notes = QLineEdit()
        self.notes.setMaxLength(500)
        self.times = QLabel()
        self.times.setWordWrap(True)
        self.times.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = form_layout()
        for key, widget, text in (
            ("max_rides_per_week", self.max_rides, self.tr("At most rides per week:")),
            ("vehicle_id", self.vehicle, self.tr("Vehicle:")),
            ("notes", self.notes, self.tr("Notes:")),
        ):
            add_row(self.form, layout, key, widget)
            self.form.set_label(key, text)
        self.save_button = QPushButton(self.tr("Save"))
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
        self.refresh()

    def _preferences_box(self) -> QWidget:
        """Passengers this driver usually takes: the planner prefers the pairing."""
        self.preferred = QListWidget()
        self.preferred.setObjectName("preferred_passengers")
        self.preferred.setAccessibleName(self.tr("Preferred passengers"))
        self.preferred.setMaximumHeight(120)
        self.passenger_picker = PersonPicker(self.ctx, role=Role.PASSENGER)
        self.passenger_picker.setAccessibleName(self.tr("Passenger to add"))
        self.add_passenger_button = QPushButton(self.tr("Add"))
        self.remove_passenger_button = QPushButton(self.tr("Remove"))
        self.add_passenger_button.clicked.connect(self.add_preferred)
        self.remove_passenger_button.clicked.connect(self.remove_preferred)
        row = QHBoxLayout()
        row.addWidget(self.passenger_picker, 1)
        row.addWidget(self.add_passenger_button)
        row.addWidget(self.remove_passenger_button)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Preferred passengers (usual driver):")))
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
        ).success(self._saved).failure(self._failed).run()

    def refresh(self) -> None:
        self.ctx.ops.query(list_vehicles, self.ctx.db).success(self._show_vehicles).run()
        self.ctx.ops.query(list_drivers, self.ctx.db).success(self._show_drivers).run()

    @Slot(object)
    def _show_vehicles(self, vehicles: list[VehicleRecord]) -> None:
        self.vehicle.clear()
        self.vehicle.addItem(self.tr("(no vehicle)"), None)
        for vehicle in vehicles:
            self.vehicle.addItem(vehicle.description, vehicle.id)

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
                self.show_driver(driver)
        self.list.blockSignals(False)
        self.status_changed.emit()

    def status_text(self) -> str:
        return self.tr("%1 drivers").replace("%1", str(len(self.drivers)))

    def focus_search(self) -> None:
        self.list.setFocus()

    @Slot()
    def _selected(self) -> None:
        items = self.list.selectedItems()
        if items:
            driver_id = items[0].data(DRIVER_ID_ROLE)
            driver = next((d for d in self.drivers if d.person_id == driver_id), None)
            if driver is not None:
                self.show_driver(driver)

    def show_driver(self, driver: DriverRecord) -> None:
        self.current = driver
        self.form.clear_errors()
        self.save_button.setEnabled(True)
        self.name.setText(f"{driver.name}  {driver.phone}".strip())
        self.max_rides.setValue(driver.max_rides_per_week)
        self.vehicle.setCurrentIndex(max(0, self.vehicle.findData(driver.vehicle_id)))
        self.notes.setText(driver.notes)
        windows = ", ".join(
            f"{WEEKDAY_SHORT[w.weekday]} {w.start_time:%H:%M}–{w.end_time:%H:%M}"
            for w in driver.availability
        )
        absences = ", ".join(
            f"{a.start_date:%d.%m.}–{a.end_date:%d.%m.%Y}" + (f" ({a.reason})" if a.reason else "")
            for a in driver.absences
        )
        self.preferred.clear()
        for passenger in driver.preferred_passengers:
            item = QListWidgetItem(passenger.name)
            item.setData(DRIVER_ID_ROLE, passenger.person_id)
            self.preferred.addItem(item)
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

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ValidationError):
            self.form.show_errors(error.errors)
        else:
            self.ctx.ops.show_error(error, self)
