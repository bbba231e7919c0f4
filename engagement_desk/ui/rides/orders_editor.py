"""Standing orders (Daueraufträge): a list and a simple form to create, change, delete."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTime, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.rides.orders import (
    ORDER_STATES,
    OrderPage,
    StandingOrderInput,
    StandingOrderRecord,
    create_standing_order,
    delete_standing_order,
    find_standing_orders,
    get_standing_order,
    passenger_choices,
    update_standing_order,
)
from engagement_desk.services.rides.recurrence import RecurrenceError
from engagement_desk.services.rides.services_admin import list_ride_service_records
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.live_updates import follow_changes
from engagement_desk.ui.rides.intake import parse_time
from engagement_desk.ui.rides.pauses import PausesPanel
from engagement_desk.ui.rides.record_list import refill, select_record, selected_record
from engagement_desk.ui.rides.recurrence_editor import RecurrenceEditor
from engagement_desk.ui.widgets.editor_base import EditorBase
from engagement_desk.ui.widgets.field_errors import ERROR_COLOR
from engagement_desk.ui.widgets.forms import Form, add_row, form_layout, from_qdate, to_qdate

LISTED = 500
"""Orders listed at most; a search or filter narrows a large service's list."""
LIST_TABLES = ("standing_order", "standing_order_pause", "person", "ride_service")
"""What the list shows: changed at another workstation, it reloads."""


class OrdersEditor(EditorBase, QWidget):
    """Sub-tab "Daueraufträge"."""

    record_table = "standing_order"

    status_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.orders: list[StandingOrderRecord] = []
        self.matching = 0
        """How many orders match the search and filters (more are listed only when narrowed)."""
        self.current: StandingOrderRecord | None = None
        self.passenger_ids: dict[str, int] = {}
        self.form = Form(self)

        self.list = QListWidget()
        self.list.setObjectName("orders")
        self.list.itemSelectionChanged.connect(self._selected)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_order)
        self.search = QLineEdit()
        self.search.setObjectName("orders_search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self.service_filter = QComboBox()
        self.service_filter.setObjectName("orders_service_filter")
        self.service_filter.currentIndexChanged.connect(self._filter_changed)
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("orders_state_filter")
        for state in (None, *ORDER_STATES):
            self.state_filter.addItem("", state)
        self.state_filter.currentIndexChanged.connect(self._filter_changed)
        self.pauses = PausesPanel(ctx, self)
        self.pauses.changed.connect(self._pauses_changed)

        self.service = QComboBox()
        self.passenger = QLineEdit()
        self.completer = QCompleter([], self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.passenger.setCompleter(self.completer)
        self.recurrence = RecurrenceEditor()
        self.recurrence.setObjectName("recurrence")
        self.pickup_time = QTimeEdit(QTime(9, 0))
        self.pickup_time.setDisplayFormat("HH:mm")
        self.return_time = QLineEdit()
        self.destination_name = QLineEdit()
        self.destination_street = QLineEdit()
        self.destination_postal_code = QLineEdit()
        self.destination_postal_code.setMaximumWidth(80)
        self.destination_city = QLineEdit()
        place = QWidget()
        place_layout = QHBoxLayout(place)
        place_layout.setContentsMargins(0, 0, 0, 0)
        place_layout.addWidget(self.destination_postal_code)
        place_layout.addWidget(self.destination_city, 1)
        self.valid_from = QDateEdit(to_qdate(dt.date.today()))
        self.valid_from.setCalendarPopup(True)
        self.valid_from.setDisplayFormat("dd.MM.yyyy")
        self.valid_to = QLineEdit()
        needs = QWidget()
        needs_layout = QHBoxLayout(needs)
        needs_layout.setContentsMargins(0, 0, 0, 0)
        self.wheelchair = QCheckBox()
        self.rollator = QCheckBox()
        self.escort = QCheckBox()
        for box in (self.wheelchair, self.rollator, self.escort):
            needs_layout.addWidget(box)
        needs_layout.addStretch(1)
        self.notes = QLineEdit()

        layout = form_layout()
        for key, widget in (
            ("service_id", self.service),
            ("passenger_id", self.passenger),
            ("recurrence", self.recurrence),
            ("pickup_time", self.pickup_time),
            ("return_time", self.return_time),
            ("destination_name", self.destination_name),
            ("destination_street", self.destination_street),
            ("destination_city", place),
            ("valid_from", self.valid_from),
            ("valid_to", self.valid_to),
            ("needs", needs),
            ("notes", self.notes),
        ):
            add_row(self.form, layout, key, widget)
        self.other_errors = QLabel()
        self.other_errors.setObjectName("other_errors")
        self.other_errors.setWordWrap(True)
        self.other_errors.setStyleSheet(f"color: {ERROR_COLOR.name()};")
        self.other_errors.hide()
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.search)
        filters = QHBoxLayout()
        filters.addWidget(self.service_filter, 1)
        filters.addWidget(self.state_filter, 1)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.list, 1)
        self.more_label = QLabel()
        self.more_label.setObjectName("orders_more")
        self.more_label.setWordWrap(True)
        self.more_label.hide()
        left_layout.addWidget(self.more_label)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(layout)
        right_layout.addWidget(self.other_errors)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.pauses)
        right_layout.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        box = QVBoxLayout(self)
        box.addWidget(splitter)
        guard_each(
            ctx, Capability.EDIT_RIDES, self.new_button, self.save_button, self.delete_button
        )
        self.retranslate_ui()
        self.show_order(None)
        self.refresh()
        follow_changes(ctx, self, LIST_TABLES, self._load_orders)

    def retranslate_ui(self) -> None:
        self.list.setAccessibleName(self.tr("Standing orders"))
        self.new_button.setText(self.tr("New standing order"))
        self.search.setPlaceholderText(self.tr("Search passenger or destination …"))
        self._show_more()
        if self.service_filter.count():
            self.service_filter.setItemText(0, self.tr("All services"))
        for index, text in enumerate(
            (self.tr("All orders"), self.tr("Active"), self.tr("Paused today"), self.tr("Ended"))
        ):
            self.state_filter.setItemText(index, text)
        self.recurrence.retranslate_ui()
        self.pauses.retranslate_ui()
        self.return_time.setPlaceholderText(self.tr("e.g. 11:30 – empty: no return trip"))
        self.valid_to.setPlaceholderText(self.tr("dd.mm.yyyy – empty: open-ended"))
        self.wheelchair.setText(self.tr("Wheelchair"))
        self.rollator.setText(self.tr("Rollator"))
        self.escort.setText(self.tr("Escort"))
        for key, text in (
            ("service_id", self.tr("Service:")),
            ("passenger_id", self.tr("Passenger:")),
            ("recurrence", self.tr("Repeats:")),
            ("pickup_time", self.tr("Pick-up time:")),
            ("return_time", self.tr("Return at:")),
            ("destination_name", self.tr("Destination:")),
            ("destination_street", self.tr("Street:")),
            ("destination_city", self.tr("Postcode, town:")),
            ("valid_from", self.tr("Valid from:")),
            ("valid_to", self.tr("Valid until:")),
            ("needs", self.tr("Needs:")),
            ("notes", self.tr("Notes:")),
        ):
            self.form.set_label(key, text)
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the standing order (Ctrl+S)"))
        self.delete_button.setText(self.tr("Delete"))

    # ---------------------------------------------------------------- data
    def refresh(self) -> None:
        self.ctx.ops.query(list_ride_service_records, self.ctx.db).success(
            self._show_services
        ).run()
        self.ctx.ops.query(passenger_choices, self.ctx.db).success(self._show_choices).run()
        self._load_orders()

    def _load_orders(self, then=None) -> None:
        self.ctx.ops.query(
            find_standing_orders,
            self.ctx.db,
            limit=LISTED,
            search=self.search.text(),
            service_id=self.service_filter.currentData(),
            state=self.state_filter.currentData(),
        ).success(then or self._show_orders).run()

    @Slot()
    def _filter_changed(self) -> None:
        self._load_orders()

    @Slot(object)
    def _show_services(self, services) -> None:
        with self.keeping_clean():
            current = self.service.currentData()
            self.service.blockSignals(True)
            self.service.clear()
            for record in services:
                self.service.addItem(record.name, record.id)
            self.service.setCurrentIndex(max(0, self.service.findData(current)))
            self.service.blockSignals(False)
        chosen = self.service_filter.currentData()
        self.service_filter.blockSignals(True)
        self.service_filter.clear()
        self.service_filter.addItem(self.tr("All services"), None)
        for record in services:
            self.service_filter.addItem(record.name, record.id)
        self.service_filter.setCurrentIndex(max(0, self.service_filter.findData(chosen)))
        self.service_filter.blockSignals(False)

    @Slot(object)
    def _show_choices(self, choices: list[tuple[int, str]]) -> None:
        counts: dict[str, int] = {}
        for _, name in choices:
            counts[name] = counts.get(name, 0) + 1
        self.passenger_ids = {
            (name if counts[name] == 1 else f"{name} (Nr. {pid})"): pid for pid, name in choices
        }
        self.completer.model().setStringList(list(self.passenger_ids))

    @Slot(object)
    def _show_orders(self, page: OrderPage) -> None:
        keep = self.current.id if self.current else None
        orders = page.orders
        self.orders = list(orders)
        self.matching = page.total
        self._show_more()
        fresh = next((o for o in orders if o.id == keep), None)
        if self.current is not None and fresh is not None and fresh.pauses != self.current.pauses:
            # Pauses are saved at once, also at other workstations: show them, keep the form.
            self.current = dataclasses.replace(self.current, pauses=fresh.pauses)
            self.pauses.show_order(self.current)
        refill(
            self.list,
            (
                (
                    order.id,
                    f"{order.passenger_name} – {order.recurrence_text}, {order.pickup_time:%H:%M}"
                    f"\n    → {order.destination_name} ({order.service_name})",
                )
                for order in orders
            ),
            keep,
        )
        self.status_changed.emit()

    def _show_more(self) -> None:
        self.more_label.setVisible(self.matching > len(self.orders))
        self.more_label.setText(
            self.tr("The first %1 of %2 standing orders – narrow the search to see others.")
            .replace("%1", QLocale().toString(len(self.orders)))
            .replace("%2", QLocale().toString(self.matching))
        )

    def status_text(self) -> str:
        return self.tr("%Ln standing order(s)", "", self.matching)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --------------------------------------------------------------- form
    @Slot()
    def _selected(self) -> None:
        order = selected_record(self.list, self.orders)
        if order is None or (self.current is not None and order.id == self.current.id):
            return
        if not self.leave(functools.partial(self.open_order, order.id)):
            select_record(self.list, self.current.id if self.current else None)

    def open_order(self, order_id: int) -> None:
        """Show a standing order and select it in the list (if it is listed)."""
        order = next((o for o in self.orders if o.id == order_id), None)
        if order is None and order_id:
            self.ctx.ops.query(get_standing_order, self.ctx.db, order_id).success(
                self._show_unlisted
            ).run()
            return
        select_record(self.list, order_id if order else None)
        self.show_order(order)

    @Slot(object)
    def _show_unlisted(self, order: StandingOrderRecord) -> None:
        """An order beyond the listed ones (a narrower search lists it)."""
        select_record(self.list, None)
        self.show_order(order)

    @Slot()
    def new_order(self) -> None:
        if self.leave(self._start_new):
            self.passenger.setFocus()

    def _start_new(self) -> None:
        self.list.clearSelection()
        self.show_order(None)

    # ------------------------------------------------------- editor base
    def describe(self) -> str:
        if self.current is None:
            return self.tr("the new standing order")
        return f"„{self.current.passenger_name} – {self.current.recurrence_text}“"

    def revert(self) -> None:
        self.show_order(self.current)

    def reload_record(self) -> None:
        keep = self.current.id if self.current else None
        self._load_orders(functools.partial(self._reloaded, keep))

    def _reloaded(self, keep: int | None, page: OrderPage) -> None:
        self._show_orders(page)
        if keep is not None:
            self.open_order(keep)
        else:
            self.revert()

    def show_unplaced(self, errors: Any) -> None:
        self.other_errors.setText("\n".join(str(e) for e in errors))
        self.other_errors.show()

    def show_order(self, order: StandingOrderRecord | None) -> None:
        self._fill(order)
        self.mark_clean()

    def _fill(self, order: StandingOrderRecord | None) -> None:
        self.current = order
        self.form.clear_errors()
        self.other_errors.hide()
        self.delete_button.setEnabled(order is not None)
        self.pauses.show_order(order)
        if order is None:
            self.passenger.clear()
            self.recurrence.set_rule("")
            self.pickup_time.setTime(QTime(9, 0))
            for edit in (
                self.return_time,
                self.destination_name,
                self.destination_street,
                self.destination_postal_code,
                self.destination_city,
                self.valid_to,
                self.notes,
            ):
                edit.clear()
            self.valid_from.setDate(to_qdate(dt.date.today()))
            for box in (self.wheelchair, self.rollator, self.escort):
                box.setChecked(False)
            return
        self.service.setCurrentIndex(max(0, self.service.findData(order.service_id)))
        name = next(
            (k for k, v in self.passenger_ids.items() if v == order.passenger_id),
            order.passenger_name,
        )
        self.passenger.setText(name)
        self.recurrence.set_rule(order.recurrence)
        self.pickup_time.setTime(QTime(order.pickup_time.hour, order.pickup_time.minute))
        self.return_time.setText(f"{order.return_time:%H:%M}" if order.return_time else "")
        self.destination_name.setText(order.destination_name)
        self.destination_street.setText(order.destination_street)
        self.destination_postal_code.setText(order.destination_postal_code)
        self.destination_city.setText(order.destination_city)
        self.valid_from.setDate(to_qdate(order.valid_from))
        self.valid_to.setText(f"{order.valid_to:%d.%m.%Y}" if order.valid_to else "")
        self.wheelchair.setChecked(order.wheelchair)
        self.rollator.setChecked(order.rollator)
        self.escort.setChecked(order.escort)
        self.notes.setText(order.notes)

    def data(self) -> StandingOrderInput:
        errors: list[FieldError] = []
        pid = self.passenger_ids.get(self.passenger.text().strip())
        if pid is None:
            errors.append(
                FieldError("passenger_id", "Fahrgast", self.tr("Please choose a passenger."))
            )
        recurrence = ""
        try:
            recurrence = self.recurrence.rule()
        except RecurrenceError as error:
            errors.append(FieldError("recurrence", "Wiederholung", str(error)))
        back = None
        try:
            back = parse_time(self.return_time.text())
        except ValueError:
            errors.append(
                FieldError("return_time", "Rückfahrt", self.tr("Please enter a time like 11:30."))
            )
        valid_to = None
        if self.valid_to.text().strip():
            try:
                valid_to = dt.datetime.strptime(self.valid_to.text().strip(), "%d.%m.%Y").date()
            except ValueError:
                errors.append(
                    FieldError(
                        "valid_to", "Gültig bis", self.tr("Please enter a date like 31.12.2026.")
                    )
                )
        if errors:
            raise ValidationError(errors)
        assert pid is not None
        return StandingOrderInput(
            service_id=self.service.currentData(),
            passenger_id=pid,
            recurrence=recurrence,
            pickup_time=self.pickup_time.time().toPython(),
            destination_name=self.destination_name.text(),
            valid_from=from_qdate(self.valid_from.date()),
            valid_to=valid_to,
            destination_street=self.destination_street.text(),
            destination_postal_code=self.destination_postal_code.text(),
            destination_city=self.destination_city.text(),
            return_time=back,
            wheelchair=self.wheelchair.isChecked(),
            rollator=self.rollator.isChecked(),
            escort=self.escort.isChecked(),
            notes=self.notes.text(),
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
            operation = self.ctx.ops.write(create_standing_order, self.ctx.db, data)
        else:
            operation = self.ctx.ops.write(
                update_standing_order,
                self.ctx.db,
                self.current.id,
                data,
                expected_version=self.current.version,
            )
        operation.success(self._saved).failure(self._failed).run()

    @Slot(object)
    def _saved(self, record: StandingOrderRecord) -> None:
        self.show_order(record)
        self._load_orders()
        self.save_succeeded()

    def _failed(self, error: Exception) -> None:
        self.save_failed(error)

    def show_field_errors(self, errors: Any) -> None:
        # The postcode shares a row with the town; its message goes under that row.
        super().show_field_errors(
            [
                FieldError("destination_city", e.label, e.message)
                if e.field in ("destination_postal_code",)
                else e
                for e in errors
            ]
        )

    def show_failure(self, error: ValidationError) -> None:
        self.show_field_errors(error.errors)

    @Slot()
    def delete(self) -> None:
        if self.current is not None:
            self.leave(self._confirm_delete)

    def _confirm_delete(self) -> None:
        order = self.current
        if order is None:
            return
        question = self.tr(
            "Delete the standing order of %1 (%2)? Its open rides from today on go too."
        )
        question = question.replace("%1", order.passenger_name).replace("%2", order.recurrence_text)
        if not self.ctx.dialogs.ask(self, self.tr("Delete standing order"), question):
            return
        self.ctx.ops.write(
            delete_standing_order, self.ctx.db, order.id, expected_version=order.version
        ).success(self._deleted).failure(self._failed).run()

    @Slot(object)
    def _deleted(self, _count: int) -> None:
        self.show_order(None)
        self._load_orders()

    @Slot(object)
    def _pauses_changed(self, record: StandingOrderRecord) -> None:
        """A pause was saved at once (not part of the form): keep the form's edits."""
        if self.current is not None and self.current.id == record.id:
            self.current = record
        self.orders = [record if o.id == record.id else o for o in self.orders]
        self._load_orders()
