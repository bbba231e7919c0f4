"""A German date field (TT.MM.JJJJ) that may stay empty, typed fast or picked from a calendar.

``QDateEdit`` cannot be empty and makes people type into sections; office
staff type ``1.2.54`` or ``010254`` and expect ``01.02.1954``. This is a line
edit that understands those, shows the date as ``dd.MM.yyyy`` once the
field is left, and opens a calendar with F4, Alt+Down or its button.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QPoint, QRectF, QRegularExpression, Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QColor,
    QFontMetrics,
    QIcon,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QRegularExpressionValidator,
)
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QVBoxLayout, QWidget

from engagement_desk.ui.formatting import format_date
from engagement_desk.ui.i18n import Retranslatable

_DOTTED = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$")
_DIGITS = re.compile(r"^(\d{2})(\d{2})(\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
ICON_SIZE = 16


def parse_date(text: str, *, past: bool = False, today: dt.date | None = None) -> dt.date | None:
    """``"1.2.54"``, ``"010254"``, ``"01.02.1954"``, ``"1954-02-01"`` → a date; else None.

    Two-digit years: with ``past`` (birth dates) the latest year not after
    this one, otherwise 20yy.
    """
    text = text.strip()
    if match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DOTTED.match(text) or _DIGITS.match(text):
        day, month = int(match.group(1)), int(match.group(2))
        year_text = match.group(3)
        year = int(year_text)
        if len(year_text) == 2:
            this_year = (today or dt.date.today()).year
            year += 2000
            if past and year > this_year:
                year -= 100
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _calendar_icon(color: QColor) -> QIcon:
    pixmap = QPixmap(ICON_SIZE * 2, ICON_SIZE * 2)
    pixmap.setDevicePixelRatio(2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(color, 1.2))
    painter.drawRoundedRect(QRectF(2.5, 3.5, 11, 10), 1.5, 1.5)
    painter.fillRect(QRectF(2.5, 3.5, 11, 2.5), color)
    for x in (5, 8, 11):
        for y in (8, 11):
            painter.fillRect(QRectF(x - 0.75, y - 0.75, 1.5, 1.5), color)
    painter.drawLine(5, 2, 5, 4)
    painter.drawLine(11, 2, 11, 4)
    painter.end()
    return QIcon(pixmap)


class _CalendarPopup(QWidget):
    picked = Signal(QDate)

    def __init__(self, parent: QWidget):
        super().__init__(parent, Qt.WindowType.Popup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.activated.connect(self._pick)
        self.calendar.clicked.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calendar)

    @Slot(QDate)
    def _pick(self, date: QDate) -> None:
        self.picked.emit(date)
        self.hide()


class DateEdit(Retranslatable, QLineEdit):
    """A date or nothing; ``date()`` is None for an empty field and for text that is no date."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, past: bool = False):
        super().__init__(parent)
        self._past = past
        self._popup: _CalendarPopup | None = None
        self.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9./\- ]{0,10}"), self)
        )
        self.calendar_action = QAction(self)
        self.calendar_action.setIcon(_calendar_icon(self.palette().color(QPalette.ColorRole.Text)))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        width = self.width_for(self.fontMetrics())
        self.setMinimumWidth(width)
        self.setMaximumWidth(width)
        self.editingFinished.connect(self._tidy)
        self.textChanged.connect(self.changed)
        self.retranslate_ui()

    @staticmethod
    def width_for(metrics: QFontMetrics) -> int:
        return metrics.horizontalAdvance("00.00.00000") + ICON_SIZE + 28

    def retranslate_ui(self) -> None:
        self.setPlaceholderText(self.tr("DD.MM.YYYY"))
        self.calendar_action.setText(self.tr("Choose from calendar (F4)"))
        self.calendar_action.setToolTip(self.tr("Choose from calendar (F4)"))

    def date(self) -> dt.date | None:
        return parse_date(self.text(), past=self._past)

    def setDate(self, value: dt.date | None) -> None:
        self.setText(format_date(value))

    def is_empty(self) -> bool:
        return not self.text().strip()

    def is_valid(self) -> bool:
        """Empty or a real date."""
        return self.is_empty() or self.date() is not None

    @Slot()
    def _tidy(self) -> None:
        value = self.date()
        if value is not None and self.text() != format_date(value):
            self.setDate(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        opens = event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if opens:
            self.show_calendar()
            return
        super().keyPressEvent(event)

    @Slot()
    def show_calendar(self) -> None:
        if self._popup is None:
            self._popup = _CalendarPopup(self)
            self._popup.picked.connect(self._picked)
        value = self.date() or dt.date.today()
        self._popup.calendar.setSelectedDate(QDate(value.year, value.month, value.day))
        self._popup.adjustSize()
        self._popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self._popup.show()
        self._popup.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    @Slot(QDate)
    def _picked(self, date: QDate) -> None:
        self.setDate(dt.date(date.year(), date.month(), date.day()))
        self.setFocus(Qt.FocusReason.PopupFocusReason)
