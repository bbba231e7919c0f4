"""One day column's ride cards: read a batch at a time as the column scrolls.

A busy day of a large service has thousands of rides; the column shows a dozen.
The model asks ``week_board.day_rides`` for the next batch when the view wants
more (``canFetchMore``/``fetchMore``), always off the GUI thread, and draws each
card only when it is painted (text, colours and tooltip from ``ride_cards``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont

from engagement_desk.models.enums import RideStatus
from engagement_desk.services.rides.planning import PlannedRide
from engagement_desk.services.rides.week_board import day_rides
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.rides.ride_cards import card_text, card_tooltip, status_colours

RIDE_ID_ROLE = Qt.ItemDataRole.UserRole
ModelIndex = QModelIndex | QPersistentModelIndex


class DayRidesModel(QAbstractListModel):
    """The rides of one day (optionally one service), by start time and number."""

    loaded = Signal()
    """A batch arrived (also an empty one)."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.rides: list[PlannedRide] = []
        self.day: dt.date | None = None
        self.service_id: int | None = None
        self.total = 0
        self._loading = False
        self._loads = Generation()
        self._then: list[Callable[[], None]] = []

    def reset(self, day: dt.date, service_id: int | None, total: int) -> None:
        """Show another day (or the same one anew) with ``total`` rides; the first batch follows."""
        self._loads.advance()
        self.beginResetModel()
        self.rides = []
        self.day, self.service_id, self.total = day, service_id, total
        self._loading = False
        self._then = []
        self.endResetModel()
        if total:
            self._fetch()
        else:
            self.loaded.emit()

    def clear(self) -> None:
        self._loads.advance()
        self.beginResetModel()
        self.rides, self.total, self._loading, self._then = [], 0, False, []
        self.endResetModel()

    def row_of(self, ride_id: int) -> int:
        return next((row for row, ride in enumerate(self.rides) if ride.id == ride_id), -1)

    def load_through(self, ride: PlannedRide, then: Callable[[], None]) -> None:
        """Read every card up to ``ride`` (it is further down than read so far), then ``then``."""
        if self.row_of(ride.id) >= 0 or self.day != ride.ride_date:
            then()
            return
        self._then.append(then)
        self._fetch(through=(ride.start_time, ride.id))

    def retranslate(self) -> None:
        if self.rides:
            self.dataChanged.emit(self.index(0), self.index(len(self.rides) - 1), [])

    # ------------------------------------------------------------- Qt model
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rides)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rides):
            return None
        ride = self.rides[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card_text(ride)
        if role == RIDE_ID_ROLE:
            return ride.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return card_tooltip(ride)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(status_colours(ride.status)[0])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(status_colours(ride.status)[1])
        if role == Qt.ItemDataRole.FontRole and ride.status == RideStatus.CANCELLED:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def canFetchMore(self, parent: ModelIndex) -> bool:
        return not parent.isValid() and not self._loading and len(self.rides) < self.total

    def fetchMore(self, parent: ModelIndex) -> None:
        if self.canFetchMore(parent):
            self._fetch()

    # ---------------------------------------------------------------- loads
    def _fetch(self, through: tuple[dt.time, int] | None = None) -> None:
        if self.day is None:
            return
        last = self.rides[-1] if self.rides else None
        self._loading = True
        self.ctx.ops.query(
            day_rides,
            self.ctx.db,
            self.day,
            service_id=self.service_id,
            after=(last.start_time, last.id) if last else None,
            through=through,
        ).discard_if_stale(self._loads).success(self._arrived).failure(self._failed).run()

    def _arrived(self, rides: tuple[PlannedRide, ...]) -> None:
        self._loading = False
        known = {r.id for r in self.rides}
        new = [r for r in rides if r.id not in known]
        if new:
            first = len(self.rides)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self.rides.extend(new)
            self.endInsertRows()
        if len(self.rides) > self.total or (not new and len(rides) == 0):
            self.total = len(self.rides)  # the day lost rides since it was counted
        then, self._then = self._then, []
        self.loaded.emit()
        for callback in then:
            callback()

    def _failed(self, error: Exception) -> None:
        self._loading = False
        self._then = []
        self.ctx.ops.show_error(error)
        self.loaded.emit()
