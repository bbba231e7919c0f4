"""Ride services (Fahrdienste): a list and a form to create, change and archive them."""

from __future__ import annotations

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
from engagement_desk.services.people.persons import PersonChoice
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
    selected_record,
)
from engagement_desk.ui.widgets.forms import Form, add_row, form_layout
from engagement_desk.ui.widgets.person_picker import PersonPicker, person_choice

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


class RideServicesEditor(QWidget):
    """Sub-tab "Fahrdienste"."""

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
        self.list.setAccessibleName(self.tr("Ride services"))
        self.list.itemSelectionChanged.connect(self._selected)
        self.new_button = QPushButton(self.tr("New ride service"))
        self.new_button.setToolTip(self.tr("Create a new ride service (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_service)

        self.name = QLineEdit()
        self.name.setMaxLength(170)
        self.kind = QComboBox()
        for kind in RideServiceKind:
            self.kind.addItem(self.kind_label(kind), kind)
        self.center = QComboBox()
        self.center.addItem(self.tr("(no centre)"), None)
        self.coordinator = PersonPicker(ctx)
        days = QWidget()
        days_layout = QHBoxLayout(days)
        days_layout.setContentsMargins(0, 0, 0, 0)
        self.weekdays = [QCheckBox(day_name(i)) for i in range(7)]
        for box in self.weekdays:
            days_layout.addWidget(box)
        days_layout.addStretch(1)
        self.duration = QSpinBox()
        self.duration.setRange(MIN_DURATION, MAX_DURATION)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setValue(60)
        self.holidays = QCheckBox(self.tr("Runs on public holidays"))

        layout = form_layout()
        for key, widget, text in (
            ("name", self.name, self.tr("&Name:")),
            ("kind", self.kind, self.tr("&Kind:")),
            ("center_id", self.center, self.tr("&Centre:")),
            ("coordinator_id", self.coordinator, self.tr("C&oordinator:")),
            ("operating_days", days, self.tr("Da&ys of operation:")),
            ("default_duration_minutes", self.duration, self.tr("Default d&uration:")),
            ("runs_on_holidays", self.holidays, self.tr("&Holidays:")),
        ):
            add_row(self.form, layout, key, widget)
            self.form.set_label(key, text)
        self.form.labels["operating_days"].setBuddy(self.weekdays[0])
        self.other_errors = QLabel()
        self.other_errors.setObjectName("other_errors")
        self.other_errors.setWordWrap(True)
        self.other_errors.setStyleSheet("color: #b3261e;")
        self.other_errors.hide()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the ride service (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.archive_button = QPushButton(self.tr("Archive"))
        self.archive_button.clicked.connect(self.archive)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.archive_button)
        buttons.addWidget(self.save_button)

        self.new_action, self.save_action = editor_actions(
            self,
            self.tr("New ride service"),
            self.tr("Save ride service"),
            self.new_service,
            self.save,
        )
        list_beside_form(self, self.new_button, self.list, (layout, self.other_errors, buttons))
        self.show_service(None)
        self.refresh()

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
        if service is not None:
            self.show_service(service)

    @Slot()
    def new_service(self) -> None:
        self.list.clearSelection()
        self.show_service(None)
        self.name.setFocus()

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

    @Slot(object)
    def _show_coordinator(self, choice: PersonChoice | None) -> None:
        if choice is not None and self.current and self.current.coordinator_id == choice.id:
            self.coordinator.set_person(choice)

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
            self.show_failure(error)
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
        self.current = record
        self.archive_button.setEnabled(True)
        self.form.clear_errors()
        self._reload()

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

    @Slot()
    def archive(self) -> None:
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
