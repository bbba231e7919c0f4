"""The month page of the events calendar: a 6×7 model of days and the painter of a day.

The model holds plain data (``CalendarEvent`` tuples from
``services.event_calendar``); its shape never changes, so switching months only
changes data and the view keeps its current cell.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from engagement_desk.models.enums import EventKind
from engagement_desk.services.events.calendar import (
    GRID_DAYS,
    CalendarEvent,
    events_by_day,
    month_grid,
)
from engagement_desk.ui.formatting import format_time

AnyIndex = QModelIndex | QPersistentModelIndex

DATE_ROLE = Qt.ItemDataRole.UserRole
EVENTS_ROLE = Qt.ItemDataRole.UserRole + 1
IN_MONTH_ROLE = Qt.ItemDataRole.UserRole + 2
TODAY_ROLE = Qt.ItemDataRole.UserRole + 3

KIND_COLOURS: dict[EventKind, str] = {
    EventKind.CLUB_FAIR: "#e8710a",
    EventKind.VOLUNTEER_DAY: "#188038",
    EventKind.WORKSHOP: "#1a73e8",
    EventKind.TRAINING: "#8430ce",
    EventKind.CITIZEN_DIALOGUE: "#d93025",
    EventKind.WORKING_GROUP: "#12858f",
    EventKind.RECOGNITION: "#c58a00",
    EventKind.OTHER: "#70757a",
}
WEEKEND_TINT = 0.06
"""How much of the highlight colour a weekend day gets, so it suits dark palettes too."""
TODAY_COLOUR = QColor("#1a73e8")
PADDING = 4
MARKER = 7


def kind_colour(kind: EventKind) -> QColor:
    return QColor(KIND_COLOURS.get(kind, KIND_COLOURS[EventKind.OTHER]))


def short_date(day: dt.date) -> str:
    return f"{day.day:02d}.{day.month:02d}."


def long_date(day: dt.date) -> str:
    """The date in words in the window's language, e.g. "Donnerstag, 12. November 2026"."""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def weekday_name(weekday: int) -> str:
    """Short name of a weekday (0 = Monday), without the German abbreviation dot."""
    return QLocale().dayName(weekday + 1, QLocale.FormatType.ShortFormat).rstrip(".")


def time_span(event: CalendarEvent) -> str:
    """Start and end, e.g. "10:00–12:00"; with dates when the event runs over days."""
    if not event.is_multi_day:
        return f"{format_time(event.starts_at.time())}–{format_time(event.ends_at.time())}"
    start = f"{short_date(event.starts_at.date())} {format_time(event.starts_at.time())}"
    end = f"{short_date(event.ends_at.date())} {format_time(event.ends_at.time())}"
    return f"{start} – {end}"


def summary(event: CalendarEvent) -> str:
    """One line of the day list and of a tooltip: "10:00–12:00 Title · Place"."""
    text = f"{time_span(event)} {event.title}"
    return f"{text} · {event.place}" if event.place else text


def cell_line(event: CalendarEvent, day: dt.date) -> str:
    """A line in a day's cell: "10:00 Title" on the first day, "… Title" after it."""
    if day > event.first_day:
        return f"… {event.title}"
    return f"{format_time(event.starts_at.time())} {event.title}"


def day_tooltip(day: dt.date, events: tuple[CalendarEvent, ...]) -> str | None:
    if not events:
        return None
    return "\n".join([long_date(day), *(summary(event) for event in events)])


def kind_icon(kind: EventKind, size: int = 12) -> QIcon:
    """A coloured dot for lists and the legend."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(kind_colour(kind))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class EventMonthModel(QAbstractTableModel):
    """Six weeks of days, Monday first; each cell is a day with the events covering it."""

    ROWS = GRID_DAYS // 7

    def __init__(self, year: int, month: int, today: dt.date, parent: Any = None):
        super().__init__(parent)
        self.year, self.month = year, month
        self.today = today
        self.days = month_grid(year, month)
        self._by_day: dict[dt.date, tuple[CalendarEvent, ...]] = {}

    # ----------------------------------------------------------------- content
    def set_month(self, year: int, month: int, today: dt.date) -> None:
        """Show another month; its events follow with ``set_events``."""
        self.year, self.month, self.today = year, month, today
        self.days = month_grid(year, month)
        self._by_day = {}
        self._all_changed()

    def set_events(self, events: tuple[CalendarEvent, ...]) -> None:
        self._by_day = events_by_day(events, self.days)
        self._all_changed()

    def relabel(self) -> None:
        """The language changed: weekday names, tooltips and spoken texts."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)
        self._all_changed()

    def _all_changed(self) -> None:
        self.dataChanged.emit(self.index(0, 0), self.index(self.ROWS - 1, 6), [])

    # ----------------------------------------------------------------- lookup
    def day_at(self, index: AnyIndex) -> dt.date:
        return self.days[index.row() * 7 + index.column()]

    def index_of(self, day: dt.date) -> QModelIndex:
        if day not in self.days:
            return QModelIndex()
        position = self.days.index(day)
        return self.index(position // 7, position % 7)

    def events_on(self, day: dt.date) -> tuple[CalendarEvent, ...]:
        return self._by_day.get(day, ())

    # ----------------------------------------------------------------- Qt model
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.ROWS

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        day = self.day_at(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role == DATE_ROLE:
            return day
        if role == EVENTS_ROLE:
            return self.events_on(day)
        if role == IN_MONTH_ROLE:
            return day.month == self.month
        if role == TODAY_ROLE:
            return day == self.today
        if role == Qt.ItemDataRole.ToolTipRole:
            return day_tooltip(day, self.events_on(day))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            count = len(self.events_on(day))
            events = self.tr("%n event(s)", "", count)
            return f"{long_date(day)}, {events}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < 7:
            if role == Qt.ItemDataRole.DisplayRole:
                return weekday_name(section)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return QLocale().dayName(section + 1, QLocale.FormatType.LongFormat)
        return None


class EventDayDelegate(QStyledItemDelegate):
    """Paints a day: its number, then as many "HH:MM Title" lines as fit, then "+N more"."""

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        return QSize(12 * QFontMetrics(option.font).averageCharWidth(), min_height(option.font))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_background(painter, opt, index)
            top = self._paint_number(painter, opt, index)
            self._paint_events(painter, opt, index, top)
        finally:
            painter.restore()

    # ----------------------------------------------------------------- parts
    def _paint_background(
        self, painter: QPainter, opt: QStyleOptionViewItem, index: AnyIndex
    ) -> None:
        palette = opt.palette
        day: dt.date = index.data(DATE_ROLE)
        base = palette.color(QPalette.ColorRole.Base)
        if day.weekday() >= 5:
            base = _blend(base, palette.color(QPalette.ColorRole.Highlight), WEEKEND_TINT)
        painter.fillRect(opt.rect, base)
        if opt.state & QStyle.StateFlag.State_Selected:
            highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
            highlight.setAlpha(40)
            painter.fillRect(opt.rect, highlight)
            highlight.setAlpha(255 if opt.state & QStyle.StateFlag.State_HasFocus else 160)
            pen = painter.pen()
            pen.setColor(highlight)
            pen.setWidth(2)
            painter.setPen(pen)
            painter.drawRect(opt.rect.adjusted(1, 1, -1, -1))

    def _paint_number(self, painter: QPainter, opt: QStyleOptionViewItem, index: AnyIndex) -> int:
        """Draws the day number at the top left; returns where the event lines start."""
        metrics = QFontMetrics(opt.font)
        text = str(index.data(Qt.ItemDataRole.DisplayRole))
        size = metrics.height() + 2
        width = max(size, metrics.horizontalAdvance(text) + 8)
        badge = QRect(opt.rect.left() + PADDING, opt.rect.top() + PADDING, width, size)
        font = QFont(opt.font)
        if index.data(TODAY_ROLE):
            font.setBold(True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TODAY_COLOUR)
            painter.drawRoundedRect(QRectF(badge), size / 2, size / 2)
            painter.setPen(QColor("white"))
        else:
            painter.setPen(_text_colour(opt, index))
        painter.setFont(font)
        painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), text)
        return badge.bottom() + PADDING

    def _paint_events(
        self, painter: QPainter, opt: QStyleOptionViewItem, index: AnyIndex, top: int
    ) -> None:
        events: tuple[CalendarEvent, ...] = index.data(EVENTS_ROLE) or ()
        step = line_height(opt.font)
        fits = max((opt.rect.bottom() - PADDING - top) // step, 0)
        if not events or fits == 0:
            return
        shown = events if len(events) <= fits else events[: fits - 1]
        day: dt.date = index.data(DATE_ROLE)
        painter.setFont(_small(opt.font))
        for number, event in enumerate(shown):
            line = QRect(opt.rect.left() + 2, top + number * step, opt.rect.width() - 4, step)
            self._paint_line(painter, opt, index, line, event, day)
        if len(shown) < len(events):
            hidden = len(events) - len(shown)
            more = self.tr("+%n more", "", hidden)
            rect = QRect(
                opt.rect.left() + PADDING + MARKER + 4,
                top + len(shown) * step,
                opt.rect.width() - 2 * PADDING - MARKER - 4,
                step,
            )
            painter.setPen(opt.palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignVCenter), more)

    def _paint_line(
        self,
        painter: QPainter,
        opt: QStyleOptionViewItem,
        index: AnyIndex,
        line: QRect,
        event: CalendarEvent,
        day: dt.date,
    ) -> None:
        colour = kind_colour(event.kind)
        if event.is_multi_day:
            # A tinted band that runs on over the following days.
            band = QColor(colour)
            band.setAlpha(38)
            left = line.left() - (2 if day > event.first_day else 0)
            right = line.right() + (2 if day < event.last_day else 0)
            painter.fillRect(QRect(left, line.top() + 1, right - left + 1, line.height() - 2), band)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        marker_top = line.top() + (line.height() - MARKER) / 2
        painter.drawEllipse(QRectF(line.left() + PADDING - 2, marker_top, MARKER, MARKER))
        text_rect = line.adjusted(PADDING + MARKER + 2, 0, -2, 0)
        metrics = QFontMetrics(painter.font())
        text = metrics.elidedText(
            cell_line(event, day), Qt.TextElideMode.ElideRight, text_rect.width()
        )
        painter.setPen(_text_colour(opt, index))
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter), text)


def min_height(font: QFont) -> int:
    """Room for the day number and two event lines."""
    return QFontMetrics(font).height() + 2 + PADDING * 3 + 2 * line_height(font)


def line_height(font: QFont) -> int:
    return QFontMetrics(_small(font)).height() + 3


def _small(font: QFont) -> QFont:
    small = QFont(font)
    size = font.pointSizeF()
    if size > 0:
        small.setPointSizeF(max(size * 0.9, 7.0))
    return small


def _blend(colour: QColor, other: QColor, share: float) -> QColor:
    return QColor.fromRgbF(
        colour.redF() + (other.redF() - colour.redF()) * share,
        colour.greenF() + (other.greenF() - colour.greenF()) * share,
        colour.blueF() + (other.blueF() - colour.blueF()) * share,
    )


def _text_colour(opt: QStyleOptionViewItem, index: AnyIndex) -> QColor:
    if index.data(IN_MONTH_ROLE):
        return opt.palette.color(QPalette.ColorRole.Text)
    return opt.palette.color(QPalette.ColorRole.PlaceholderText)
