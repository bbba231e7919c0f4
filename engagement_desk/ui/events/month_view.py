"""The events of a month as a calendar page, with the selected day's events beside it.

A 6×7 grid of days (Monday first) shows "HH:MM Title" lines per day, coloured
by kind; the list on the right holds the selected day's events. Enter or a
double-click opens an event (``event_activated``). The month loads through
``ctx.ops`` when it is first shown or navigated to; answers for a month that
is no longer shown are dropped.
"""

from __future__ import annotations

import datetime as dt
from calendar import monthrange

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import EventKind
from engagement_desk.services.events.calendar import CalendarEvent, events_between
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.events.month_model import (
    EventDayDelegate,
    EventMonthModel,
    kind_icon,
    long_date,
    min_height,
    summary,
)
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import enum_label
from engagement_desk.ui.live_updates import follow_changes
from engagement_desk.ui.operations import Generation

EVENT_ID_ROLE = Qt.ItemDataRole.UserRole


def _month_after(year: int, month: int, step: int) -> tuple[int, int]:
    year, index = divmod(year * 12 + month - 1 + step, 12)
    return year, index + 1


class EventMonthView(Retranslatable, QWidget):
    """A month of events; emits ``event_activated(id)`` when one is opened."""

    event_activated = Signal(int)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, today: dt.date | None = None
    ):
        super().__init__(parent)
        self.setObjectName("event_month_view")
        self.ctx = ctx
        self._fixed_today = today
        self._kind: EventKind | None = None
        self._loads = Generation()
        self._loaded = False
        start = self._today()
        self._selected = start
        self.model = EventMonthModel(start.year, start.month, start, self)
        self._build()
        follow_changes(ctx, self, ("event",), self.refresh)
        self.retranslate_ui()
        self._select(start)

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        self.previous_button = QPushButton("‹")
        self.previous_button.setObjectName("previous_month")
        self.next_button = QPushButton("›")
        self.next_button.setObjectName("next_month")
        for button in (self.previous_button, self.next_button):
            button.setFixedWidth(36)
            font = button.font()
            font.setPointSizeF(font.pointSizeF() * 1.3)
            button.setFont(font)
        self.today_button = QPushButton()
        self.today_button.setObjectName("this_month")
        self.title = QLabel()
        self.title.setObjectName("month_title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title.setFont(font)
        self.title.setMinimumWidth(self.title.fontMetrics().horizontalAdvance("September 2026W"))

        header = QHBoxLayout()
        header.addWidget(self.previous_button)
        header.addWidget(self.title)
        header.addWidget(self.next_button)
        header.addSpacing(8)
        header.addWidget(self.today_button)
        header.addStretch(1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_grid())
        splitter.addWidget(self._build_day_panel())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([680, 240])
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)

        self.previous_button.clicked.connect(self._previous_month)
        self.next_button.clicked.connect(self._next_month)
        self.today_button.clicked.connect(self._this_month)

    def _build_grid(self) -> QTableView:
        grid = QTableView()
        grid.setObjectName("month_grid")
        grid.setModel(self.model)
        grid.setItemDelegate(EventDayDelegate(grid))
        grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        grid.setTabKeyNavigation(False)
        grid.setCornerButtonEnabled(False)
        grid.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        grid.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        grid.verticalHeader().hide()
        grid.verticalHeader().setMinimumSectionSize(min_height(grid.font()))
        grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        grid.horizontalHeader().setHighlightSections(False)
        grid.setMinimumSize(7 * 52, min_height(grid.font()) * 6 + 30)
        grid.selectionModel().currentChanged.connect(self._current_changed)
        grid.activated.connect(self._cell_activated)
        self.grid = grid
        return grid

    def _build_day_panel(self) -> QWidget:
        self.day_heading = QLabel()
        self.day_heading.setObjectName("month_day_heading")
        self.day_heading.setWordWrap(True)
        font = self.day_heading.font()
        font.setBold(True)
        self.day_heading.setFont(font)
        self.day_list = QListWidget()
        self.day_list.setObjectName("month_day_events")
        self.day_list.setWordWrap(True)
        self.day_list.setUniformItemSizes(False)
        self.day_list.setSpacing(2)
        self.day_list.itemActivated.connect(self._item_activated)
        self.day_heading.setBuddy(self.day_list)
        self.legend = QWidget()
        self.legend.setObjectName("month_legend")
        legend_layout = QGridLayout(self.legend)
        legend_layout.setContentsMargins(0, 4, 0, 0)
        legend_layout.setHorizontalSpacing(6)
        legend_layout.setVerticalSpacing(1)
        legend_layout.setColumnStretch(1, 1)
        self.legend_labels: dict[EventKind, QLabel] = {}
        for row, kind in enumerate(EventKind):
            chip = QLabel()
            chip.setPixmap(kind_icon(kind).pixmap(12, 12))
            label = QLabel()
            label.setObjectName(f"legend_{kind.value}")
            self.legend_labels[kind] = label
            legend_layout.addWidget(chip, row, 0)
            legend_layout.addWidget(label, row, 1)
        panel = QWidget()
        panel.setMinimumWidth(220)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.day_heading)
        layout.addWidget(self.day_list, 1)
        layout.addWidget(self.legend)
        return panel

    def retranslate_ui(self) -> None:
        for button, text in (
            (self.previous_button, self.tr("Previous month")),
            (self.next_button, self.tr("Next month")),
        ):
            button.setToolTip(text)
            button.setAccessibleName(text)
        self.today_button.setText(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Show the current month and select today"))
        self.grid.setAccessibleName(self.tr("Events calendar"))
        self.day_list.setAccessibleName(self.tr("Events of the selected day"))
        for kind, label in self.legend_labels.items():
            label.setText(enum_label(EventKind, kind))
        self.model.relabel()
        self._update_title()
        self._fill_day_list()

    # ----------------------------------------------------------------- public API
    def current_month(self) -> tuple[int, int]:
        return self.model.year, self.model.month

    def selected_date(self) -> dt.date:
        return self._selected

    def show_month(self, year: int, month: int) -> None:
        """Show a month, keeping the selected day of the month where it exists."""
        day = min(self._selected.day, monthrange(year, month)[1])
        self._go_to(dt.date(year, month, day))

    def show_date(self, day: dt.date) -> None:
        """Show the month of ``day`` and select it."""
        self._go_to(day)

    def set_kind(self, kind: EventKind | None) -> None:
        """Show only events of one kind (None: all); applies at once when already loaded."""
        self._kind = None if kind is None else EventKind(kind)
        if self._loaded:
            self.refresh()

    def kind(self) -> EventKind | None:
        return self._kind

    def refresh(self) -> None:
        """Load the shown month's events again (after an event was saved elsewhere)."""
        self._loaded = True
        self._loads.advance()
        self.model.today = self._today()
        days = self.model.days
        self.ctx.ops.query(events_between, self.ctx.db, days[0], days[-1], kind=self._kind).success(
            self._show_events
        ).discard_if_stale(self._loads).run()

    # ----------------------------------------------------------------- internals
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    def _today(self) -> dt.date:
        return self._fixed_today or dt.date.today()

    def _go_to(self, day: dt.date) -> None:
        """Select ``day``; load when its month is not the one shown or nothing was loaded."""
        changed = (day.year, day.month) != self.current_month()
        if changed:
            self.model.set_month(day.year, day.month, self._today())
            self._update_title()
        self._select(day)
        if changed or not self._loaded:
            self.refresh()

    def _select(self, day: dt.date) -> None:
        self.grid.setCurrentIndex(self.model.index_of(day))
        self._set_selected(day)

    def _set_selected(self, day: dt.date) -> None:
        self._selected = day
        self._fill_day_list()

    def _update_title(self) -> None:
        name = QLocale().standaloneMonthName(self.model.month, QLocale.FormatType.LongFormat)
        self.title.setText(f"{name} {self.model.year}")

    def _fill_day_list(self) -> None:
        events = self.model.events_on(self._selected)
        heading = self.tr("Events on %1") if events else self.tr("No events on %1")
        self.day_heading.setText(heading.replace("%1", long_date(self._selected)))
        self.day_list.clear()
        for event in events:
            item = QListWidgetItem(kind_icon(event.kind), summary(event))
            item.setData(EVENT_ID_ROLE, event.id)
            item.setToolTip(self._event_tooltip(event))
            self.day_list.addItem(item)

    def _event_tooltip(self, event: CalendarEvent) -> str:
        lines = [enum_label(EventKind, event.kind)]
        if event.capacity is None:
            lines.append(self.tr("%1 registered").replace("%1", str(event.registered)))
        else:
            taken = self.tr("%1 of %2 places taken")
            lines.append(
                taken.replace("%1", str(event.registered)).replace("%2", str(event.capacity))
            )
        if not event.is_public:
            lines.append(self.tr("Internal event"))
        return "\n".join(lines)

    @Slot(object)
    def _show_events(self, events: tuple[CalendarEvent, ...]) -> None:
        self.model.set_events(events)
        self._fill_day_list()

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid():
            self._set_selected(self.model.day_at(current))

    @Slot(QModelIndex)
    def _cell_activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        events = self.model.events_on(self.model.day_at(index))
        if len(events) == 1:
            self.event_activated.emit(events[0].id)
        elif events:
            self.day_list.setCurrentRow(0)
            self.day_list.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(QListWidgetItem)
    def _item_activated(self, item: QListWidgetItem) -> None:
        self.event_activated.emit(int(item.data(EVENT_ID_ROLE)))

    @Slot()
    def _previous_month(self) -> None:
        self.show_month(*_month_after(*self.current_month(), -1))

    @Slot()
    def _next_month(self) -> None:
        self.show_month(*_month_after(*self.current_month(), 1))

    @Slot()
    def _this_month(self) -> None:
        self.show_date(self._today())
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)
