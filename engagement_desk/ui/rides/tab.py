"""Fahrdienst: the week plan (dispatcher's view) and the list of all rides.

``create_rides_tab`` builds a ``RidesTab``: sub-tab "Wochenplan" (plan, override,
status, phone intake, prints; see ``ui/rides``) and sub-tab "Alle Fahrten", the
read-only list of every ride (``panel``, which the global search uses).
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QTabWidget, QWidget

from engagement_desk.models.enums import RideStatus
from engagement_desk.services.rides.ride_list import (
    RIDE_COLUMNS,
    count_rides,
    list_rides,
    week_bounds,
)
from engagement_desk.ui.access import Capability
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import labeller
from engagement_desk.ui.rides.ride_editor import RideEditorDialog
from engagement_desk.ui.rides.week_view import WeekView
from engagement_desk.ui.widgets.choices import ride_service_options
from engagement_desk.ui.widgets.lazy_page import LazyPage
from engagement_desk.ui.widgets.leaving import PageGuard, Then, leave_all
from engagement_desk.ui.widgets.list_view import (
    FilterOption,
    FilterSpec,
    ListPanel,
    ListSpec,
    enum_filter,
)

if TYPE_CHECKING:
    from engagement_desk.ui.rides.drivers_editor import DriversEditor
    from engagement_desk.ui.rides.orders_editor import OrdersEditor
    from engagement_desk.ui.rides.services_editor import RideServicesEditor
    from engagement_desk.ui.rides.vehicles_editor import VehiclesEditor

translate = QCoreApplication.translate


def period_filter(today: dt.date) -> FilterSpec:
    monday, sunday = week_bounds(today)
    month_start = today.replace(day=1)
    next_month = (month_start + dt.timedelta(days=32)).replace(day=1)
    return FilterSpec(
        "period",
        lambda: translate("RidesTab", "Period"),
        (
            FilterOption(lambda: translate("RidesTab", "All dates")),
            FilterOption(lambda: translate("RidesTab", "From today"), {"from_date": today}),
            FilterOption(
                lambda: translate("RidesTab", "Today"), {"from_date": today, "to_date": today}
            ),
            FilterOption(
                lambda: translate("RidesTab", "This week"), {"from_date": monday, "to_date": sunday}
            ),
            FilterOption(
                lambda: translate("RidesTab", "This month"),
                {"from_date": month_start, "to_date": next_month - dt.timedelta(days=1)},
            ),
        ),
    )


def create_rides_list(ctx: AppContext, parent: QWidget | None = None) -> ListPanel:
    """The read-only list of all rides (sub-tab "Alle Fahrten")."""
    spec = ListSpec(
        name="rides",
        tables=("ride", "ride_passenger", "ride_service", "person"),
        fetch=functools.partial(list_rides, ctx.db),
        count=functools.partial(count_rides, ctx.db),
        columns=RIDE_COLUMNS,
        accessible_name=lambda: translate("RidesTab", "List of rides"),
        search_placeholder=lambda: translate("RidesTab", "Search destination, address or driver …"),
        filters=(
            period_filter(dt.date.today()),
            FilterSpec(
                "service",
                lambda: translate("RidesTab", "Service"),
                (FilterOption(lambda: translate("RidesTab", "All services")),),
            ),
            enum_filter(
                "status",
                RideStatus,
                lambda: translate("RidesTab", "Status"),
                lambda: translate("RidesTab", "All statuses"),
            ),
        ),
        value_labels={"status": labeller(RideStatus)},
        column_widths={
            "ride_date": 10,
            "start_time": 6,
            "service": 18,
            "passengers": 28,
            "destination": 28,
            "driver": 18,
            "status": 14,
        },
        descending=True,
        empty_text=lambda: translate("RidesTab", "No rides planned yet."),
    )
    panel = ListPanel(ctx, spec, parent)
    panel.load_filter_options("service", ride_service_options, ctx.db)
    return panel


PAGES = ("week", "panel", "orders", "drivers", "services", "vehicles")
"""The sub-tabs in order; each is built when first shown (``LazyPage``)."""


class RidesTab(Retranslatable, QTabWidget):
    """The Fahrdienst tab: week plan first, the list of all rides second."""

    status_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("rides_tab")
        self.setDocumentMode(True)
        self.ride_editor: RideEditorDialog | None = None
        self._slots = {key: LazyPage(functools.partial(self._build, key)) for key in PAGES}
        for slot in self._slots.values():
            self.addTab(slot, "")
        self._slots["week"].ensure()
        PageGuard(self)
        self.currentChanged.connect(self._switched)
        self.retranslate_ui()

    def _build(self, key: str, parent: QWidget) -> QWidget:
        page: QWidget
        if key == "week":
            page = WeekView(self.ctx, parent)
        elif key == "panel":
            page = create_rides_list(self.ctx, parent)
            page.activated.connect(self.edit_ride)
        # The editors' modules are read when first shown too.
        elif key == "orders":
            from engagement_desk.ui.rides.orders_editor import OrdersEditor

            page = OrdersEditor(self.ctx, parent)
        elif key == "drivers":
            from engagement_desk.ui.rides.drivers_editor import DriversEditor

            page = DriversEditor(self.ctx, parent)
        elif key == "services":
            from engagement_desk.ui.rides.services_editor import RideServicesEditor

            page = RideServicesEditor(self.ctx, parent)
        else:
            from engagement_desk.ui.rides.vehicles_editor import VehiclesEditor

            page = VehiclesEditor(self.ctx, parent)
        page.status_changed.connect(self._sub_status_changed)
        return page

    # The pages, built on first use (a test or the global search may reach one unshown).
    @property
    def week(self) -> WeekView:
        return self._slots["week"].ensure()

    @property
    def panel(self) -> ListPanel:
        return self._slots["panel"].ensure()

    @property
    def orders(self) -> OrdersEditor:
        return self._slots["orders"].ensure()

    @property
    def drivers(self) -> DriversEditor:
        return self._slots["drivers"].ensure()

    @property
    def services(self) -> RideServicesEditor:
        return self._slots["services"].ensure()

    @property
    def vehicles(self) -> VehiclesEditor:
        return self._slots["vehicles"].ensure()

    def retranslate_ui(self) -> None:
        for index, title in enumerate(
            (
                self.tr("Week plan"),
                self.tr("All rides"),
                self.tr("Standing orders"),
                self.tr("Drivers"),
                self.tr("Ride services"),
                self.tr("Vehicles"),
            )
        ):
            self.setTabText(index, title)

    def editors(self) -> tuple:
        """The editors built so far (one never shown has nothing unsaved)."""
        return tuple(
            self._slots[key].content
            for key in ("orders", "drivers", "services", "vehicles")
            if self._slots[key].built
        )

    def has_unsaved(self) -> bool:
        return any(editor.has_unsaved() for editor in self.editors())

    def leave(self, then: Then = None) -> bool:
        return leave_all(self.editors(), then)

    def _pages(self) -> tuple:
        return tuple(slot.content for slot in self._slots.values() if slot.built)

    @property
    def model(self):
        """The model of the list of all rides (as when this tab was only that list)."""
        return self.panel.model

    @Slot()
    def _sub_status_changed(self) -> None:
        self.status_changed.emit()

    @Slot(int)
    def _switched(self, index: int) -> None:
        slot = self.currentWidget()
        if self.indexOf(slot) != index:  # the switch was refused (unsaved changes)
            return
        if isinstance(slot, LazyPage):
            if slot.built:  # a page built just now has started loading already
                page = slot.content
                if page is self.week:
                    page.reload()
                else:
                    page.refresh()
            else:
                slot.ensure()
        self.status_changed.emit()

    # A page is known by itself, not by the placeholder that holds it in the tab bar.
    def _slot_of(self, page: QWidget) -> QWidget:
        return next((s for s in self._slots.values() if s.content is page), page)

    def indexOf(self, page: QWidget) -> int:
        return super().indexOf(self._slot_of(page))

    def setCurrentWidget(self, page: QWidget) -> None:
        super().setCurrentWidget(self._slot_of(page))

    def page_at(self, index: int) -> QWidget:
        slot = self.widget(index)
        return slot.ensure() if isinstance(slot, LazyPage) else slot

    def current_page(self) -> QWidget:
        slot = self.currentWidget()
        return slot.ensure() if isinstance(slot, LazyPage) else slot

    def status_text(self) -> str:
        return self.current_page().status_text()

    def focus_search(self) -> None:
        self.current_page().focus_search()

    def refresh(self) -> None:
        for page in self._pages():
            page.refresh()

    def show_record(self, record_id: int, search_text: str = "") -> None:
        """Global search: show the ride in the list of all rides."""
        self.setCurrentWidget(self._slots["panel"])
        self.panel.show_record(record_id, search_text)

    def edit_ride(self, ride_id: int) -> None:
        """Double-click in the list of all rides: the ride editor (for who plans rides)."""
        if not self.ctx.access.allows(Capability.EDIT_RIDES):
            return
        if self.ride_editor is not None:
            self.ride_editor.close()
        self.ride_editor = RideEditorDialog(self.ctx, ride_id, self)
        self.ride_editor.saved.connect(lambda _result: self.panel.refresh())
        self.ride_editor.open()


def create_rides_tab(ctx: AppContext, parent: QWidget | None = None) -> RidesTab:
    return RidesTab(ctx, parent)
