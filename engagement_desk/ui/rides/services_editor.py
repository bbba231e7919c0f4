"""Ride services (Fahrdienste): a list and a form to create, change and archive them."""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QWidget,
)

from engagement_desk.models.enums import RideServiceKind
from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.organizations.centers import CenterRecord, list_centers
from engagement_desk.services.people.persons import PersonChoice, person_choice
from engagement_desk.services.rides.services_admin import (
    MAX_DURATION,
    MIN_DURATION,
    RideServiceInput,
    RideServiceRecord,
    archive_ride_service,
    create_ride_service,
    list_ride_service_records,
    update_ride_service,
)
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.labels import labeller
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

DAY_NAMES = (
    QT_TRANSLATE_NOOP("RideServicesEditor", "Mo"),
    QT_TRANSLATE_NOOP("RideServicesEditor", "Tu"),
    QT_TRANSLATE_NOOP("RideServicesEditor", "We"),
    QT_TRANSLATE_NOOP("RideServicesEditor", "Th"),
    QT_TRANSLATE_NOOP("RideServicesEditor", "Fr"),
    QT_TRANSLATE_NOOP("RideServicesEditor", "Sa"),
    QT_TRANSLATE_NOOP("RideServicesEditor", "Su"),
)


def day_name(index: int) -> str:
    return QCoreApplication.translate("RideServicesEditor", DAY_NAMES[index])


class RideServicesEditor(EditorBase, QWidget):
    """Sub-tab "Fahrdienste"."""

    record_table = "ride_service"

    status_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.services: list[RideServiceRecord] = []
        self.current: RideServiceRecord | None = None
        self.form = Form(self)
        self.kind_label = labeller(RideServiceKind)

        self.list = QListWidget()
        self.list.setObjectName("ride_services")
        self.list.itemSelectionChanged.connect(self._selected)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_service)

        self.name = QLineEdit()
        self.name.setMaxLength(170)
        self.kind = QComboBox()
        for kind in RideServiceKind:
            self.kind.addItem(self.kind_label(kind), kind)
        self.center = QComboBox()
        self.center.addItem("", None)
        self.coordinator = PersonPicker(ctx)
        days = QWidget()
        days_layout = QHBoxLayout(days)
        days_layout.setContentsMargins(0, 0, 0, 0)
        self.weekdays = [QCheckBox() for _ in range(7)]
        for box in self.weekdays:
            days_layout.addWidget(box)
        days_layout.addStretch(1)
        self.duration = QSpinBox()
        self.duration.setRange(MIN_DURATION, MAX_DURATION)
        self.duration.setSingleStep(5)
        self.duration.setValue(60)
        self.holidays = QCheckBox()

        layout = form_layout()
        for key, widget in (
            ("name", self.name),
            ("kind", self.kind),
            ("center_id", self.center),
            ("coordinator_id", self.coordinator),
            ("operating_days", days),
            ("default_duration_minutes", self.duration),
            ("runs_on_holidays", self.holidays),
        ):
            add_row(self.form, layout, key, widget)
        self.form.labels["operating_days"].setBuddy(self.weekdays[0])
        self.other_errors = QLabel()
        self.other_errors.setObjectName("other_errors")
        self.other_errors.setWordWrap(True)
        self.other_errors.setStyleSheet(f"color: {ERROR_COLOR.name()};")
        self.other_errors.hide()
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.archive_button = QPushButton()
        self.archive_button.clicked.connect(self.archive)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.archive_button)
        buttons.addWidget(self.save_button)

        self.new_action, self.save_action = editor_actions(
            self, "", "", self.new_service, self.save
        )
        list_beside_form(self, self.new_button, self.list, (layout, self.other_errors, buttons))
        self.retranslate_ui()
        self.show_service(None)
        self.refresh()

    def retranslate_ui(self) -> None:
        self.list.setAccessibleName(self.tr("Ride services"))
        self.new_button.setText(self.tr("New ride service"))
        self.new_button.setToolTip(self.tr("Create a new ride service (Ctrl+N)"))
        for index in range(self.kind.count()):
            self.kind.setItemText(index, self.kind_label(self.kind.itemData(index)))
        self.center.setItemText(0, self.tr("(no centre)"))
        for index, box in enumerate(self.weekdays):
            box.setText(day_name(index))
        self.duration.setSuffix(self.tr(" min"))
        self.holidays.setText(self.tr("Runs on public holidays"))
        for key, text in (
            ("name", self.tr("&Name:")),
            ("kind", self.tr("&Kind:")),
            ("center_id", self.tr("&Centre:")),
            ("coordinator_id", self.tr("C&oordinator:")),
            ("operating_days", self.tr("Da&ys of operation:")),
            ("default_duration_minutes", self.tr("Default d&uration:")),
            ("runs_on_holidays", self.tr("&Holidays:")),
        ):
            self.form.set_label(key, text)
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the ride service (Ctrl+S)"))
        self.archive_button.setText(self.tr("Archive"))
        self.new_action.setText(self.tr("New ride service"))
        self.save_action.setText(self.tr("Save ride service"))
        if self.services:
            self._show_services(self.services)

    # ---------------------------------------------------------------- data
    def refresh(self) -> None:
        self.ctx.ops.query(list_centers, self.ctx.db).success(self._show_centers).run()
        self._reload()

    def _reload(self) -> None:
        self.ctx.ops.query(list_ride_service_records, self.ctx.db).success(
            self._show_services
        ).run()

    @Slot(object)
    def _show_centers(self, centers: list[CenterRecord]) -> None:
        wanted = self.current.center_id if self.current else self.center.currentData()
        with self.keeping_clean():
            self.center.blockSignals(True)
            self.center.clear()
            self.center.addItem(self.tr("(no centre)"), None)
            for center in centers:
                self.center.addItem(center.name, center.id)
            self.center.setCurrentIndex(max(0, self.center.findData(wanted)))
            self.center.blockSignals(False)

    @Slot(object)
    def _show_services(self, services: list[RideServiceRecord]) -> None:
        keep = self.current.id if self.current else None
        self.services = list(services)
        refill(
            self.list,
            (
                (
                    service.id,
                    f"{service.name} – {self.kind_label(service.kind)}, {service.days_label}",
                )
                for service in services
            ),
            keep,
        )
        self.status_changed.emit()

    def status_text(self) -> str:
        return self.tr("%1 ride services").replace("%1", str(len(self.services)))

    def focus_search(self) -> None:
        self.list.setFocus()

    # --------------------------------------------------------------- form
    @Slot()
    def _selected(self) -> None:
        service = selected_record(self.list, self.services)
        if service is None or (self.current is not None and service.id == self.current.id):
            return
        if not self.leave(functools.partial(self.open_service, service.id)):
            select_record(self.list, self.current.id if self.current else None)

    def open_service(self, service_id: int) -> None:
        """Show a listed ride service and select it in the list."""
        service = next((s for s in self.services if s.id == service_id), None)
        select_record(self.list, service_id if service else None)
        self.show_service(service)

    @Slot()
    def new_service(self) -> None:
        if self.leave(self._start_new):
            self.name.setFocus()

    def _start_new(self) -> None:
        self.list.clearSelection()
        self.show_service(None)

    # ------------------------------------------------------- editor base
    def describe(self) -> str:
        if self.current is None:
            return self.tr("the new ride service")
        return f"„{self.current.name}“"

    def revert(self) -> None:
        self.show_service(self.current)

    def reload_record(self) -> None:
        keep = self.current.id if self.current else None
        self.ctx.ops.query(list_ride_service_records, self.ctx.db).success(
            functools.partial(self._reloaded, keep)
        ).run()

    def _reloaded(self, keep: int | None, services: list[RideServiceRecord]) -> None:
        self._show_services(services)
        if keep is not None:
            self.open_service(keep)
        else:
            self.revert()

    def show_unplaced(self, errors: Any) -> None:
        self.other_errors.setText("\n".join(str(e) for e in errors))
        self.other_errors.show()

    def show_service(self, service: RideServiceRecord | None) -> None:
        self.current = service
        self.archive_button.setEnabled(service is not None)
        values = service or RideServiceInput(name="")
        self.name.setText(values.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(values.kind)))
        self.center.setCurrentIndex(max(0, self.center.findData(values.center_id)))
        self.coordinator.set_person(None)
        if values.coordinator_id is not None:
            self.ctx.ops.query(person_choice, self.ctx.db, values.coordinator_id).success(
                self._show_coordinator
            ).run()
        days = set(values.operating_days)
        for index, box in enumerate(self.weekdays):
            box.setChecked(index in days)
        self.duration.setValue(values.default_duration_minutes)
        self.holidays.setChecked(values.runs_on_holidays)
        self.form.clear_errors()
        self.other_errors.hide()
        self.mark_clean()

    @Slot(object)
    def _show_coordinator(self, choice: PersonChoice | None) -> None:
        if choice is not None and self.current and self.current.coordinator_id == choice.id:
            clean = not self.is_dirty()
            self.coordinator.set_person(choice)
            if clean:
                self.mark_clean()

    def data(self) -> RideServiceInput:
        if self.coordinator.is_unresolved():
            raise ValidationError(
                [
                    FieldError(
                        "coordinator_id",
                        "Koordination",
                        self.tr("Please choose a person from the list."),
                    )
                ]
            )
        return RideServiceInput(
            name=self.name.text(),
            kind=self.kind.currentData(),
            operating_days=tuple(i for i, box in enumerate(self.weekdays) if box.isChecked()),
            default_duration_minutes=self.duration.value(),
            runs_on_holidays=self.holidays.isChecked(),
            center_id=self.center.currentData(),
            coordinator_id=self.coordinator.person_id,
            status=self.current.status if self.current else RideServiceInput.status,
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
            operation = self.ctx.ops.write(create_ride_service, self.ctx.db, data)
        else:
            operation = self.ctx.ops.write(
                update_ride_service,
                self.ctx.db,
                self.current.id,
                data,
                expected_version=self.current.version,
            )
        operation.success(self._saved).failure(self._failed).run()

    @Slot(object)
    def _saved(self, record: RideServiceRecord) -> None:
        self.show_service(record)
        self._reload()
        self.save_succeeded()

    def _failed(self, error: Exception) -> None:
        self.save_failed(error)

    def show_failure(self, error: ValidationError) -> None:
        self.show_field_errors(error.errors)

    @Slot()
    def archive(self) -> None:
        if self.current is not None:
            self.leave(self._confirm_archive)

    def _confirm_archive(self) -> None:
        service = self.current
        if service is None:
            return
        question = self.tr(
            "Archive the ride service “%1”? Its rides stay in the statistics, "
            "but it is no longer planned."
        ).replace("%1", service.name)
        if not self.ctx.dialogs.ask(self, self.tr("Archive ride service"), question):
            return
        self.ctx.ops.write(
            archive_ride_service, self.ctx.db, service.id, expected_version=service.version
        ).success(self._archived).failure(self._failed).run()

    @Slot(object)
    def _archived(self, _record: RideServiceRecord) -> None:
        self.list.clearSelection()
        self.show_service(None)
        self._reload()
        self.save_succeeded()
