"""The dispatcher's week: plan, look at, override and close the rides of one ISO week.

Days are columns (Mo–So, holidays named, the standby driver per day), rides
are cards coloured by status; the open rides are listed with their German
reasons below. Everything goes through the ride-planning services via
``ctx.ops`` (planning a week runs off the GUI thread with progress/cancel).
"""

from __future__ import annotations

import datetime as dt
import functools

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import RideStatus
from engagement_desk.services.errors import ValidationError
from engagement_desk.services.rides.assignment import (
    RuleWarning,
    assign_driver,
    check_assignment,
    unassign_driver,
)
from engagement_desk.services.rides.calendar import (
    IsoWeek,
    parse_week,
    week_of,
)
from engagement_desk.services.rides.drivers import (
    DriverChoice,
    driver_choices,
    set_standby_driver,
)
from engagement_desk.services.rides.planning import (
    PlannedRide,
    WeekPlan,
    plan_week,
    week_plan_state,
)
from engagement_desk.services.rides.prints.printouts import (
    PrintOut,
    call_list_printout,
    km_summary_printout,
    run_sheet_printout,
)
from engagement_desk.services.rides.services_admin import (
    RideServiceRecord,
    list_ride_service_records,
)
from engagement_desk.services.rides.status import (
    mark_cancelled,
    mark_done,
    mark_no_show,
    not_yet_begun,
    reopen_ride,
)
from engagement_desk.services.rides.week_board import (
    OpenRides,
    WeekOverview,
    open_rides,
    rides_by_id,
    week_overview,
)
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.live_updates import follow_changes
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.rides.day_rides_model import RIDE_ID_ROLE, DayRidesModel
from engagement_desk.ui.rides.intake import IntakeDialog, SavedRequest
from engagement_desk.ui.rides.override import override_question, override_title
from engagement_desk.ui.rides.ride_cards import (
    PIN,
    STATUS_COLOURS,
    short_place,
    status_name,
)
from engagement_desk.ui.rides.ride_editor import RideEditorDialog
from engagement_desk.ui.rides.services_editor import day_name
from engagement_desk.ui.rides.status_dialogs import DoneDialog
from engagement_desk.ui.rides.week_actions import WeekRunSheets, ask_keep_manual
from engagement_desk.ui.widgets.pdf_preview import PdfPreviewDialog

translate = QCoreApplication.translate
CLOSED = (RideStatus.DONE, RideStatus.CANCELLED, RideStatus.NO_SHOW)
HOLIDAY_COLOUR = "#b00020"


DAY_MIN_WIDTH = 120


class DayColumn(QFrame):
    """One day: header (weekday, date, holiday), standby driver, the ride cards (read as
    the column scrolls, see ``DayRidesModel``)."""

    def __init__(self, ctx: AppContext, index: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.index = index
        self.day: dt.date | None = None
        self.setObjectName(f"day_{index}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.header = QLabel()
        self.header.setObjectName(f"day_{index}_header")
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.holiday = QLabel()
        self.holiday.setObjectName(f"day_{index}_holiday")
        self.holiday.setStyleSheet(f"color: {HOLIDAY_COLOUR}; font-weight: bold;")
        self.holiday.setWordWrap(True)
        self.holiday.hide()
        self.standby = QLabel()
        self.standby.setObjectName(f"day_{index}_standby")
        self.standby.setWordWrap(True)
        self.standby.setStyleSheet("color: #444;")
        self.model = DayRidesModel(ctx, self)
        self.rides = QListView()
        self.rides.setObjectName(f"day_{index}_rides")
        self.rides.setModel(self.model)
        self.rides.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rides.setWordWrap(False)
        self.rides.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.rides.setSpacing(1)
        self.rides.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.rides.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Seven days fit a 1280 px screen; the cards' texts are elided.
        self.rides.setMinimumWidth(DAY_MIN_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.holiday)
        layout.addWidget(self.standby)
        layout.addWidget(self.rides, 1)

    def show_day(
        self,
        day: dt.date,
        holiday: str,
        standby: list[str],
        rides: int,
        service_id: int | None,
        *,
        reload: bool = True,
    ) -> None:
        """Header and standby of ``day``; with ``reload`` its ``rides`` cards are read anew."""
        self.day = day
        self.header.setText(f"{day_name(day.weekday())} {day:%d.%m.}")
        self.holiday.setText(holiday)
        self.holiday.setVisible(bool(holiday))
        self.standby.setText(
            translate("RideWeekView", "Standby: %1").replace("%1", ", ".join(standby))
            if standby
            else translate("RideWeekView", "Standby: –")
        )
        if reload:
            self.rides.selectionModel().blockSignals(True)
            self.model.reset(day, service_id, rides)
            self.rides.selectionModel().blockSignals(False)

    def ride_ids(self) -> list[int]:
        """The rides read so far (all of them once the column has scrolled to its end)."""
        return [ride.id for ride in self.model.rides]

    def selected_id(self) -> int | None:
        rows = self.rides.selectionModel().selectedRows()
        return rows[0].data(RIDE_ID_ROLE) if rows else None

    def clear_selection(self) -> None:
        selection = self.rides.selectionModel()
        selection.blockSignals(True)
        selection.clear()
        selection.blockSignals(False)

    def select_row(self, row: int) -> None:
        index = self.model.index(row)
        self.rides.setCurrentIndex(index)
        self.rides.scrollTo(index)


# What the week shows: another workstation's change to one of these reloads it.
WEEK_TABLES = (
    "ride",
    "ride_passenger",
    "standby_driver",
    "standing_order",
    "standing_order_pause",
    "driver_profile",
    "vehicle",
)


class WeekView(Retranslatable, QWidget):
    """The Wochenplan sub-tab of the Fahrdienst tab."""

    status_changed = Signal()
    plan_shown = Signal()

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, today: dt.date | None = None
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or dt.date.today()
        self.now = dt.datetime.now  # a future ride cannot be done yet
        self.editor: RideEditorDialog | None = None
        self.week: IsoWeek = week_of(self.today)
        self.overview: WeekOverview | None = None
        self.open = OpenRides((), ())
        self._waiting: set[object] = set()
        self.services: list[RideServiceRecord] = []
        self.drivers: list[DriverChoice] = []
        self.selected_day: dt.date = self.today
        self.selected_ride_id: int | None = None
        self.last_summary = ""
        self.preview: PdfPreviewDialog | None = None
        self.done_dialog: DoneDialog | None = None
        self.intake: IntakeDialog | None = None
        self._loads = Generation()
        self._build()
        follow_changes(ctx, self, WEEK_TABLES, self.reload)
        self.retranslate_ui()
        self._load_choices()
        self.reload()

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        self.prev_button = QPushButton("◀")
        self.next_button = QPushButton("▶")
        for button in (self.prev_button, self.next_button):
            button.setFixedWidth(34)
        self.week_edit = QLineEdit()
        self.week_edit.setObjectName("week_edit")
        self.week_edit.setPlaceholderText("2026-W13")
        self.week_edit.setMaximumWidth(100)
        self.week_title = QLabel()
        self.week_title.setObjectName("week_title")
        title_font = self.week_title.font()
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        self.week_title.setFont(title_font)
        self.this_week_button = QPushButton()
        self.service_combo = QComboBox()
        self.service_combo.setObjectName("service_filter")
        self.service_combo.setMinimumContentsLength(18)
        self.plan_button = QPushButton()
        self.plan_button.setObjectName("plan_week")
        self.new_button = QPushButton()

        top = QHBoxLayout()
        top.addWidget(self.prev_button)
        top.addWidget(self.week_edit)
        top.addWidget(self.next_button)
        top.addWidget(self.this_week_button)
        top.addSpacing(12)
        top.addWidget(self.week_title)
        top.addStretch(1)
        self.service_label = QLabel()
        self.service_label.setBuddy(self.service_combo)
        top.addWidget(self.service_label)
        top.addWidget(self.service_combo)
        top.addWidget(self.new_button)
        top.addWidget(self.plan_button)

        self.days = [DayColumn(self.ctx, i) for i in range(7)]
        grid_widget = QWidget()
        self.grid = grid = QGridLayout(grid_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        for index, column in enumerate(self.days):
            grid.addWidget(column, 0, index)
            grid.setColumnStretch(index, 1)
            column.rides.selectionModel().selectionChanged.connect(
                functools.partial(self._ride_selected_in, index)
            )
            column.rides.doubleClicked.connect(self._card_double_clicked)
            column.model.loaded.connect(functools.partial(self._day_loaded, index))

        # legend
        legend = QHBoxLayout()
        legend.setSpacing(6)
        self.legend_label = QLabel()
        legend.addWidget(self.legend_label)
        self.legend_chips: dict[RideStatus, QLabel] = {}
        for status, (background, foreground) in STATUS_COLOURS.items():
            chip = QLabel()
            chip.setObjectName(f"legend_{status.value}")
            chip.setStyleSheet(
                f"background: {background}; color: {foreground}; padding: 2px 8px;"
                "border-radius: 3px;"
            )
            legend.addWidget(chip)
            self.legend_chips[status] = chip
        self.pin_label = QLabel()
        self.marks_label = QLabel()
        legend.addWidget(self.pin_label)
        legend.addWidget(self.marks_label)
        legend.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("plan_summary")
        # After planning the summary is long: a line of its own, wrapping rather than
        # widening the window.
        self.summary.setWordWrap(True)

        # open rides with reasons
        self.unassigned = QListWidget()
        self.unassigned.setObjectName("unassigned")
        self.unassigned.setWordWrap(True)
        self.unassigned.itemActivated.connect(self._unassigned_activated)
        self.unassigned.itemClicked.connect(self._unassigned_activated)
        open_box = QGroupBox()
        self.open_box = open_box
        open_layout = QVBoxLayout(open_box)
        open_layout.setContentsMargins(4, 4, 4, 4)
        open_layout.addWidget(self.unassigned)

        # the selected ride: override, status, prints
        self.ride_label = QLabel()
        self.ride_label.setObjectName("selected_ride")
        self.ride_label.setWordWrap(True)
        self.ride_label.setMinimumWidth(360)
        self.ride_label.setMinimumHeight(self.ride_label.fontMetrics().lineSpacing() * 4)
        self.ride_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.driver_combo = QComboBox()
        self.driver_combo.setObjectName("driver_choice")
        self.driver_combo.setMinimumContentsLength(16)
        self.assign_button = QPushButton()
        self.unassign_button = QPushButton()
        self.standby_button = QPushButton()
        self.standby_button.setObjectName("set_standby")
        self.done_button = QPushButton()
        self.cancel_button = QPushButton()
        self.no_show_button = QPushButton()
        self.reopen_button = QPushButton()
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("edit_ride")
        self.run_sheet_button = QPushButton()
        self.call_list_button = QPushButton()
        self.km_button = QPushButton()
        self.week_sheets_button = QPushButton()
        self.week_sheets_button.setObjectName("week_run_sheets")
        self.week_sheets = WeekRunSheets(self.ctx, self)
        guard_each(
            self.ctx,
            Capability.EDIT_RIDES,
            self.plan_button,
            self.new_button,
            self.assign_button,
            self.unassign_button,
            self.standby_button,
            self.done_button,
            self.cancel_button,
            self.no_show_button,
            self.reopen_button,
            self.edit_button,
            self.km_button,
        )

        ride_box = QGroupBox()
        self.ride_box = ride_box
        ride_layout = QGridLayout(ride_box)
        ride_layout.setContentsMargins(6, 6, 6, 6)
        ride_layout.addWidget(self.ride_label, 0, 0, 1, 4)
        self.driver_label = QLabel()
        self.driver_label.setBuddy(self.driver_combo)
        ride_layout.addWidget(self.driver_label, 1, 0)
        ride_layout.addWidget(self.driver_combo, 1, 1, 1, 2)
        ride_layout.addWidget(self.assign_button, 1, 3)
        ride_layout.addWidget(self.standby_button, 2, 1, 1, 2)
        ride_layout.addWidget(self.unassign_button, 2, 3)
        ride_layout.addWidget(self.edit_button, 2, 0)
        ride_layout.addWidget(self.done_button, 3, 0)
        ride_layout.addWidget(self.cancel_button, 3, 1)
        ride_layout.addWidget(self.no_show_button, 3, 2)
        ride_layout.addWidget(self.reopen_button, 3, 3)
        prints = QGroupBox()
        self.prints_box = prints
        prints_layout = QHBoxLayout(prints)
        prints_layout.setContentsMargins(6, 6, 6, 6)
        prints_layout.addWidget(self.run_sheet_button)
        prints_layout.addWidget(self.call_list_button)
        prints_layout.addWidget(self.km_button)
        prints_layout.addWidget(self.week_sheets_button)
        ride_layout.addWidget(prints, 4, 0, 1, 4)
        ride_box.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)

        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(open_box, 1)
        lower_layout.addWidget(ride_box)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(grid_widget)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([640, 280])
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(legend)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

        self.prev_button.clicked.connect(self.previous_week)
        self.next_button.clicked.connect(self.next_week)
        self.this_week_button.clicked.connect(self.this_week)
        self.week_edit.editingFinished.connect(self._week_typed)
        self.service_combo.activated.connect(self._service_chosen)
        self.plan_button.clicked.connect(self.plan_this_week)
        self.new_button.clicked.connect(self.new_request)
        self.assign_button.clicked.connect(self.assign_selected)
        self.unassign_button.clicked.connect(self.unassign_selected)
        self.standby_button.clicked.connect(self.standby_selected)
        self.done_button.clicked.connect(self.mark_done_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.no_show_button.clicked.connect(self.no_show_selected)
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.edit_button.clicked.connect(self.edit_selected)
        self.run_sheet_button.clicked.connect(self.print_run_sheet)
        self.call_list_button.clicked.connect(self.print_call_list)
        self.km_button.clicked.connect(self.print_km_summary)
        self.week_sheets_button.clicked.connect(self.print_week_run_sheets)
        shortcut = QShortcut(QKeySequence.StandardKey.New, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_request)
        self._update_actions()

    def retranslate_ui(self) -> None:
        for button, text in (
            (self.prev_button, self.tr("Previous week")),
            (self.next_button, self.tr("Next week")),
        ):
            button.setToolTip(text)
            button.setAccessibleName(text)
        self.week_edit.setAccessibleName(self.tr("Calendar week"))
        self.this_week_button.setText(self.tr("This week"))
        self.service_combo.setAccessibleName(self.tr("Ride service"))
        if self.service_combo.count():
            self.service_combo.setItemText(0, self.tr("All services"))
        self.plan_button.setText(self.tr("Plan week"))
        self.plan_button.setToolTip(
            self.tr("Create the week's rides from the standing orders and assign drivers")
        )
        self.new_button.setText(self.tr("New request…"))
        self.new_button.setToolTip(self.tr("Take a one-off ride request (Ctrl+N)"))
        self.service_label.setText(self.tr("&Service:"))
        self.legend_label.setText(self.tr("Legend:"))
        for status, chip in self.legend_chips.items():
            chip.setText(status_name(status))
        self.pin_label.setText(self.tr("%1 assigned by hand").replace("%1", PIN))
        self.marks_label.setText(self.tr("↩ return trip   ♿ wheelchair"))
        self.unassigned.setAccessibleName(self.tr("Open rides and why"))
        self.open_box.setTitle(self.tr("Open rides"))
        self.driver_combo.setAccessibleName(self.tr("Driver"))
        self.assign_button.setText(self.tr("Assign"))
        self.unassign_button.setText(self.tr("Remove driver"))
        self.standby_button.setText(self.tr("Standby that day"))
        self.standby_button.setToolTip(
            self.tr("Make the chosen driver the standby driver of this service on the ride's day")
        )
        self.done_button.setText(self.tr("Done…"))
        self.cancel_button.setText(self.tr("Cancelled"))
        self.no_show_button.setText(self.tr("No-show"))
        self.reopen_button.setText(self.tr("Reopen"))
        self.edit_button.setText(self.tr("Edit…"))
        self.edit_button.setToolTip(
            self.tr("Change day, time, addresses, needs or the return trip (double-click)")
        )
        self.run_sheet_button.setText(self.tr("Run sheet"))
        self.run_sheet_button.setToolTip(
            self.tr("Run sheet of the selected ride's driver (or the chosen driver) for the day")
        )
        self.call_list_button.setText(self.tr("Call list"))
        self.call_list_button.setToolTip(
            self.tr("Passengers of the selected day, to phone them the day before")
        )
        self.km_button.setText(self.tr("Km summary"))
        self.km_button.setToolTip(
            self.tr("Kilometres per driver for the month of the selected day")
        )
        self.week_sheets_button.setText(self.tr("Week's run sheets…"))
        self.week_sheets_button.setToolTip(
            self.tr("All drivers' run sheets of the shown week: one PDF, or one PDF per driver")
        )
        self.ride_box.setTitle(self.tr("Selected ride"))
        self.driver_label.setText(self.tr("&Driver:"))
        self.prints_box.setTitle(self.tr("Print"))
        for column in self.days:
            column.model.retranslate()
        if self.overview is not None:
            self._render(reload=False)  # day headers, counts and the selected ride, in words
        else:
            self._update_actions()

    # ------------------------------------------------------------------ data
    def _load_choices(self) -> None:
        self.ctx.ops.query(list_ride_service_records, self.ctx.db).success(
            self._show_services
        ).run()
        self.ctx.ops.query(driver_choices, self.ctx.db).success(self._show_drivers).run()

    @Slot(object)
    def _show_services(self, services: list[RideServiceRecord]) -> None:
        current = self.service_id
        self.services = list(services)
        self.service_combo.clear()
        self.service_combo.addItem(self.tr("All services"), None)
        for service in services:
            self.service_combo.addItem(service.name, service.id)
        index = self.service_combo.findData(current)
        self.service_combo.setCurrentIndex(max(0, index))

    @Slot(object)
    def _show_drivers(self, drivers: list[DriverChoice]) -> None:
        self.drivers = list(drivers)
        self.driver_combo.clear()
        for driver in drivers:
            label = driver.name
            if driver.vehicle_label:
                label += f" ({driver.vehicle_label})"
            self.driver_combo.addItem(label, driver.person_id)
        self._update_actions()

    @property
    def service_id(self) -> int | None:
        return self.service_combo.currentData() if self.service_combo.count() else None

    def refresh(self) -> None:
        self._load_choices()
        self.reload()

    def reload(self) -> None:
        self.week_edit.setText(self.week.label)
        self.week_title.setText(self.week.title)
        self.ctx.ops.query(
            week_overview, self.ctx.db, self.week, service_id=self.service_id
        ).discard_if_stale(self._loads).success(self.show_overview).run()

    @Slot(object)
    def show_overview(self, overview: WeekOverview) -> None:
        """The week's counts arrived: headers and summary now, each day's cards as they come."""
        self.overview = overview
        # "render": cards read at once (tests, a tiny week) wait until every column is reset.
        self._waiting = {i for i, day in enumerate(self.week.days) if overview.rides_on(day)}
        self._waiting.add("render")
        self.open = OpenRides((), ())
        if overview.open_without_driver:
            self._waiting.add("open")
            self.ctx.ops.query(
                open_rides, self.ctx.db, self.week, service_id=overview.service_id
            ).discard_if_stale(self._loads).success(self._show_open).run()
        self._render(reload=True)
        self._arrived("render")

    def _render(self, *, reload: bool) -> None:
        overview = self.overview
        if overview is None:
            return
        standby: dict[dt.date, list[str]] = {}
        for entry in overview.standby:
            text = entry.driver_name
            if self.service_id is None and len(self.services) > 1:
                text += f" ({entry.service_name})"
            standby.setdefault(entry.day, []).append(text)
        for index, (column, day) in enumerate(zip(self.days, self.week.days, strict=True)):
            count = overview.rides_on(day)
            column.show_day(
                day,
                overview.holiday_name(day),
                standby.get(day, []),
                count,
                overview.service_id,
                reload=reload,
            )
            # Days without rides (weekends, holidays) give their width to the busy ones.
            self.grid.setColumnStretch(index, 3 if count else 1)
        self._show_open_list()
        self.summary.setText(
            self.tr("%Ln ride(s), %1 open", "", overview.total).replace(
                "%1", str(overview.with_status(RideStatus.PLANNED))
            )
            + (f" – {self.last_summary}" if self.last_summary else "")
        )
        self._update_actions()

    @Slot(object)
    def _show_open(self, found: OpenRides) -> None:
        self.open = found
        self._show_open_list()
        self._arrived("open")

    def _show_open_list(self) -> None:
        self.unassigned.clear()
        rides = {r.id: r for r in self.open.rides}
        for entry in self.open.reasons:
            ride = rides.get(entry.ride_id)
            if ride is None:
                continue
            text = (
                f"{day_name(ride.ride_date.weekday())} {ride.ride_date:%d.%m.} "
                f"{ride.start_time:%H:%M}  {ride.passenger_names} → "
                f"{short_place(ride.destination)}\n      {entry.reason}"
            )
            item = QListWidgetItem(text)
            item.setData(RIDE_ID_ROLE, ride.id)
            self.unassigned.addItem(item)
        self.open_box.setTitle(
            self.tr("Open rides (%1)").replace("%1", str(self.unassigned.count()))
        )

    def _day_loaded(self, index: int) -> None:
        self._arrived(index)

    def _arrived(self, part: object) -> None:
        if part in self._waiting:
            self._waiting.discard(part)
            if not self._waiting:
                self._week_shown()

    def _week_shown(self) -> None:
        """Every day's first cards and the open rides are there."""
        if self.selected_ride_id is not None and not self.select_ride(self.selected_ride_id):
            self._select_later(self.selected_ride_id)
        self._update_actions()
        self.status_changed.emit()
        self.plan_shown.emit()

    def ride(self, ride_id: int | None) -> PlannedRide | None:
        if ride_id is None:
            return None
        for column in self.days:
            row = column.model.row_of(ride_id)
            if row >= 0:
                return column.model.rides[row]
        return next((r for r in self.open.rides if r.id == ride_id), None)

    def shown_rides(self) -> list[PlannedRide]:
        """The rides whose cards have been read, day by day."""
        return [ride for column in self.days for ride in column.model.rides]

    @property
    def selected_ride(self) -> PlannedRide | None:
        return self.ride(self.selected_ride_id)

    # ------------------------------------------------------------ navigation
    def show_week(self, week: IsoWeek) -> None:
        self.week = week
        if not week.monday <= self.selected_day <= week.sunday:
            self.selected_day = week.monday
        self.selected_ride_id = None
        self.last_summary = ""
        self._loads.advance()
        self.reload()

    @Slot()
    def previous_week(self) -> None:
        self.show_week(week_of(self.week.monday - dt.timedelta(days=7)))

    @Slot()
    def next_week(self) -> None:
        self.show_week(week_of(self.week.monday + dt.timedelta(days=7)))

    @Slot()
    def this_week(self) -> None:
        self.selected_day = self.today
        self.show_week(week_of(self.today))

    @Slot()
    def _week_typed(self) -> None:
        text = self.week_edit.text()
        if text == self.week.label:
            return
        try:
            week = parse_week(text)
        except ValidationError as error:
            self.week_edit.setText(self.week.label)
            self.ctx.dialogs.warn(self, self.tr("Calendar week"), error.errors[0].message)
            return
        self.show_week(week)

    @Slot(int)
    def _service_chosen(self, _index: int) -> None:
        self.last_summary = ""
        self._loads.advance()
        self.reload()

    # ------------------------------------------------------------- selection
    def _ride_selected_in(self, index: int, *_selection: object) -> None:
        column = self.days[index]
        ride_id = column.selected_id()
        if ride_id is None:
            return
        for other in self.days:
            if other is not column:
                other.clear_selection()
        if column.day is not None:
            self.selected_day = column.day
        self.selected_ride_id = ride_id
        self._update_actions()

    @Slot()
    def _card_double_clicked(self) -> None:
        self.edit_selected()

    @Slot(QListWidgetItem)
    def _unassigned_activated(self, item: QListWidgetItem) -> None:
        ride_id = item.data(RIDE_ID_ROLE)
        if not self.select_ride(ride_id):
            self._select_later(ride_id)

    def select_ride(self, ride_id: int) -> bool:
        """Select the ride's card if it has been read (see ``_select_later``)."""
        for column in self.days:
            row = column.model.row_of(ride_id)
            if row >= 0:
                column.select_row(row)
                self._ride_selected_in(column.index)
                return True
        return False

    def _select_later(self, ride_id: int) -> None:
        """The ride's card is further down its day than read so far: read up to it."""
        ride = self.ride(ride_id)
        if ride is not None:
            self._read_through(ride_id, (ride,))
            return
        self.ctx.ops.query(rides_by_id, self.ctx.db, (ride_id,)).discard_if_stale(
            self._loads
        ).success(functools.partial(self._read_through, ride_id)).run()

    def _read_through(self, ride_id: int, found: tuple[PlannedRide, ...]) -> None:
        ride = next(iter(found), None)
        if ride is None or not self.week.monday <= ride.ride_date <= self.week.sunday:
            self.selected_ride_id = None
            self._update_actions()
            return
        column = self.days[ride.ride_date.weekday()]
        column.model.load_through(ride, functools.partial(self.select_ride, ride_id))

    def _update_actions(self) -> None:
        ride = self.selected_ride
        is_open = ride is not None and ride.status not in CLOSED
        self.assign_button.setEnabled(is_open and self.driver_combo.count() > 0)
        self.standby_button.setEnabled(ride is not None and self.driver_combo.count() > 0)
        self.unassign_button.setEnabled(is_open and ride is not None and ride.driver_id is not None)
        ahead = ride is not None and not_yet_begun(ride.ride_date, ride.start_time, self.now())
        self.done_button.setEnabled(
            is_open and ride is not None and ride.driver_id is not None and not ahead
        )
        self.done_button.setToolTip(
            self.tr("The ride has not begun yet: it can be marked done afterwards") if ahead else ""
        )
        self.edit_button.setEnabled(is_open)
        self.cancel_button.setEnabled(is_open)
        self.no_show_button.setEnabled(is_open)
        self.reopen_button.setEnabled(ride is not None and ride.status in CLOSED)
        self.run_sheet_button.setEnabled(
            (ride is not None and ride.driver_id is not None) or self.driver_combo.count() > 0
        )
        if ride is None:
            self.ride_label.setText(self.tr("No ride selected."))
            return
        driver = ride.driver_name or self.tr("open")
        if ride.assigned_manually and ride.driver_id is not None:
            driver += f" {PIN}"
        self.ride_label.setText(
            f"<b>{day_name(ride.ride_date.weekday())} {ride.ride_date:%d.%m.%Y} "
            f"{ride.start_time:%H:%M}</b> – {_html(ride.passenger_names)}<br>"
            f"{_html(ride.pickup_address)} → {_html(ride.destination)}<br>"
            + self.tr("Driver: %1").replace("%1", _html(driver))
            + f" · {_html(status_name(ride.status))}"
        )
        if ride.driver_id is not None:
            index = self.driver_combo.findData(ride.driver_id)
            if index >= 0:
                self.driver_combo.setCurrentIndex(index)

    # -------------------------------------------------------------- planning
    @Slot()
    def plan_this_week(self) -> None:
        self.plan_button.setEnabled(False)
        self.ctx.ops.query(
            week_plan_state, self.ctx.db, self.week, service_id=self.service_id
        ).success(functools.partial(self._plan_asked, self.week)).failure(self._plan_failed).run()

    def _plan_asked(self, week: IsoWeek, state) -> None:
        keep_manual = ask_keep_manual(self.ctx, self, state, week.title)
        if keep_manual is None or week != self.week:
            self.plan_button.setEnabled(True)
            return
        self.ctx.ops.write(
            plan_week, self.ctx.db, self.week, service_id=self.service_id, keep_manual=keep_manual
        ).with_progress(self, self.tr("Planning %1 …").replace("%1", self.week.title)).success(
            self._planned
        ).failure(self._plan_failed).run()

    @Slot(object)
    def _planned(self, plan: WeekPlan) -> None:
        self.plan_button.setEnabled(True)
        if plan.week != self.week.label:
            return
        assigned = sum(1 for r in plan.rides if r.driver_id is not None)
        text = self.tr("planned: %1 of %2 rides have a driver").replace("%1", str(assigned))
        text = text.replace("%2", str(len(plan.rides)))
        if plan.proven_maximum:
            text += self.tr(" (the most possible)")
        elif plan.could_add:
            text += self.tr(" (a better plan could add at most %n ride(s))", "", plan.could_add)
        if plan.stopped:
            text += self.tr(" – planning was cancelled; the best plan found until then was saved")
        self.last_summary = text
        self._loads.advance()
        self.reload()

    def _plan_failed(self, error: Exception) -> None:
        self.plan_button.setEnabled(True)
        self.ctx.ops.show_error(error, self)
        self.reload()  # cancelled after generating: the week's new rides, still without drivers

    # -------------------------------------------------------------- override
    @Slot()
    def assign_selected(self) -> None:
        ride = self.selected_ride
        driver_id = self.driver_combo.currentData()
        if ride is None or driver_id is None:
            return
        self.ctx.ops.query(check_assignment, self.ctx.db, ride.id, driver_id).success(
            functools.partial(self._checked, ride.id, driver_id)
        ).run()

    def _checked(self, ride_id: int, driver_id: int, warnings: tuple[RuleWarning, ...]) -> None:
        ride = self.ride(ride_id)
        if ride is None:
            return
        if warnings:
            name = next((d.name for d in self.drivers if d.person_id == driver_id), "")
            if not self.ctx.dialogs.ask(self, override_title(), override_question(name, warnings)):
                return
        self.ctx.ops.write(
            assign_driver,
            self.ctx.db,
            ride.id,
            driver_id,
            expected_version=ride.version,
            accept_warnings=bool(warnings),
        ).success(self._changed).run()

    @Slot()
    def unassign_selected(self) -> None:
        ride = self.selected_ride
        if ride is None:
            return
        self.ctx.ops.write(
            unassign_driver, self.ctx.db, ride.id, expected_version=ride.version
        ).success(self._changed).run()

    @Slot(object)
    @Slot()
    def standby_selected(self) -> None:
        """The chosen driver stands by for the selected ride's service on its day."""
        ride = self.selected_ride
        driver_id = self.driver_combo.currentData()
        if ride is None or driver_id is None:
            return
        self.ctx.ops.write(
            set_standby_driver, self.ctx.db, ride.service_id, ride.ride_date, driver_id
        ).success(self._changed).run()

    def _changed(self, _result: object = None) -> None:
        self._loads.advance()
        self.reload()

    # ---------------------------------------------------------------- status
    @Slot()
    def mark_done_selected(self) -> None:
        ride = self.selected_ride
        if ride is None:
            return
        self.done_dialog = DoneDialog(ride, self)
        self.done_dialog.submitted.connect(self._done_submitted)
        self.done_dialog.open()

    @Slot(str, object)
    def _done_submitted(self, km: str, minutes: int | None) -> None:
        dialog = self.done_dialog
        if dialog is None:
            return
        self.ctx.ops.write(
            mark_done,
            self.ctx.db,
            dialog.ride.id,
            km=km,
            expected_version=dialog.ride.version,
            duration_minutes=minutes,
        ).success(self._done_saved).failure(self._done_failed).run()

    @Slot(object)
    def _done_saved(self, ride: PlannedRide) -> None:
        if self.done_dialog is not None:
            self.done_dialog.finish()
            self.done_dialog = None
        self._changed(ride)

    def _done_failed(self, error: Exception) -> None:
        if isinstance(error, ValidationError) and self.done_dialog is not None:
            self.done_dialog.show_failure(error)
        else:
            self.ctx.ops.show_error(error, self)

    def _set_status(self, fn) -> None:
        ride = self.selected_ride
        if ride is None:
            return
        self.ctx.ops.write(fn, self.ctx.db, ride.id, expected_version=ride.version).success(
            self._changed
        ).run()

    @Slot()
    def cancel_selected(self) -> None:
        ride = self.selected_ride
        if ride is None:
            return
        question = (
            self.tr("Cancel the ride of %1 at %2?")
            .replace("%1", ride.passenger_names)
            .replace("%2", f"{ride.ride_date:%d.%m.%Y} {ride.start_time:%H:%M}")
        )
        if self.ctx.dialogs.ask(self, self.tr("Cancel ride"), question):
            self._set_status(mark_cancelled)

    @Slot()
    def no_show_selected(self) -> None:
        self._set_status(mark_no_show)

    @Slot()
    def reopen_selected(self) -> None:
        self._set_status(reopen_ride)

    # ---------------------------------------------------------------- intake
    @Slot()
    def new_request(self) -> None:
        day = self.selected_day if self.selected_day >= self.today else self.today
        self.intake = IntakeDialog(
            self.ctx, self.services, day, self, service_id=self.service_id, today=lambda: self.today
        )
        self.intake.saved.connect(self._request_saved)
        self.intake.open()

    @Slot(object)
    def _request_saved(self, saved: SavedRequest) -> None:
        self.selected_ride_id = saved.ride_id
        self.selected_day = saved.ride_date
        self.week = week_of(saved.ride_date)
        self._changed()

    @Slot()
    def edit_selected(self) -> None:
        ride = self.selected_ride
        if ride is None or ride.status in CLOSED:
            return
        if not self.ctx.access.allows(Capability.EDIT_RIDES):
            return  # a double-click, where the guarded button is off
        if self.editor is not None:
            self.editor.close()
        self.editor = RideEditorDialog(self.ctx, ride.id, self, today=lambda: self.today)
        self.editor.saved.connect(self._changed)
        self.editor.open()

    # -------------------------------------------------------------- printing
    def _driver_for_sheet(self) -> int | None:
        ride = self.selected_ride
        if ride is not None and ride.driver_id is not None:
            return ride.driver_id
        return self.driver_combo.currentData()

    @Slot()
    def print_run_sheet(self) -> None:
        driver_id = self._driver_for_sheet()
        if driver_id is None:
            return
        self.ctx.ops.write(run_sheet_printout, self.ctx.db, driver_id, self.selected_day).success(
            self.show_preview
        ).run()

    @Slot()
    def print_week_run_sheets(self) -> None:
        self.week_sheets.start(self.week, self.service_id)

    @Slot()
    def print_call_list(self) -> None:
        self.ctx.ops.write(call_list_printout, self.ctx.db, self.selected_day).success(
            self.show_preview
        ).run()

    @Slot()
    def print_km_summary(self) -> None:
        day = self.selected_day
        self.ctx.ops.write(km_summary_printout, self.ctx.db, day.year, day.month).success(
            self.show_preview
        ).run()

    @Slot(object)
    def show_preview(self, printout: PrintOut) -> None:
        if self.preview is not None:
            self.preview.close()
        self.preview = PdfPreviewDialog(
            self.ctx, printout.title, printout.data, self, file_name=printout.file_name
        )
        self.preview.open()

    # ------------------------------------------------------------ tab protocol
    def status_text(self) -> str:
        if self.overview is None:
            return ""
        return (
            self.tr("%1: %Ln ride(s), %2 open", "", self.overview.total)
            .replace("%1", self.week.title)
            .replace("%2", str(self.overview.open_without_driver))
        )

    def focus_search(self) -> None:
        self.week_edit.setFocus()
        self.week_edit.selectAll()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
