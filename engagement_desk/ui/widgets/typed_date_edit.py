"""Date and time inputs that take what people type: '15.12.', 'di', 'morgen', '830'.

Both are line edits (so forms, snapshots and the conflict merge treat them like
any text input) that show what the typed text resolves to inside the box on the
right, in grey ("→ Di, 15.12.2026"), or in red why it is no day. ``value()``
gives the day or time, or raises ``TypedInputError`` with the German message for
the field. The parsing is ``services.typed_input``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from engagement_desk.services.typed_input import TypedDay, TypedInputError, parse_day, parse_time
from engagement_desk.ui.widgets.field_errors import ERROR_COLOR

HINT_COLOR = QColor("#666666")
HINT_GAP = 8


def short_day(day: dt.date) -> str:
    """'Di, 15.12.2026' in the window's language."""
    name = QLocale().dayName(QDate(day.year, day.month, day.day).dayOfWeek(), QLocale.ShortFormat)
    return f"{name.rstrip('.')}, {day:%d.%m.%Y}"


class _HintedEdit(QLineEdit):
    """A line edit with a short grey (or red) note inside, right-aligned."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._hint = ""
        self._hint_is_error = False
        self.textChanged.connect(self._update_hint)

    def hint(self) -> str:
        return self._hint

    def hint_is_error(self) -> bool:
        return self._hint_is_error

    def _resolve(self) -> tuple[str, bool]:
        raise NotImplementedError

    def _update_hint(self, *_: object) -> None:
        self._hint, self._hint_is_error = self._resolve()
        width = self.fontMetrics().horizontalAdvance(self._hint) + HINT_GAP if self._hint else 0
        self.setTextMargins(0, 0, width, 0)
        self.setToolTip(self._hint)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._hint:
            return
        painter = QPainter(self)
        painter.setPen(ERROR_COLOR if self._hint_is_error else HINT_COLOR)
        area = self.rect().adjusted(0, 0, -HINT_GAP, 0)
        painter.drawText(
            area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self._hint
        )
        painter.end()


class TypedDateEdit(_HintedEdit):
    """A day typed as people say it; never silently in the past."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        allow_past: bool = False,
        today: Callable[[], dt.date] = dt.date.today,
    ):
        self.allow_past = allow_past
        self.today = today
        self.kept_day: dt.date | None = None
        """A past day that stays acceptable: the one stored (an old ride's notes change)."""
        super().__init__(parent)
        self.setPlaceholderText(self.tr("e.g. 15.12., tue, tomorrow"))
        self.setMinimumWidth(
            self.fontMetrics().horizontalAdvance("15.12.2026 → Mi, 30.12.2026 (nächstes Jahr)") + 24
        )

    def set_date(self, day: dt.date | None) -> None:
        self.setText("" if day is None else f"{day:%d.%m.%Y}")

    def typed_day(self) -> TypedDay | None:
        typed = parse_day(self.text(), self.today(), allow_past=True)
        if typed is None or self.allow_past or typed.day == self.kept_day:
            return typed
        return parse_day(self.text(), self.today(), allow_past=False)

    def value(self) -> dt.date | None:
        """The day typed ('' → None); TypedInputError with the German message otherwise."""
        typed = self.typed_day()
        return typed.day if typed else None

    def _resolve(self) -> tuple[str, bool]:
        try:
            typed = self.typed_day()
        except TypedInputError as error:
            if "Vergangenheit" in str(error):
                return self.tr("in the past"), True
            return self.tr("no date"), True
        if typed is None:
            return "", False
        hint = f"→ {short_day(typed.day)}"
        if typed.next_year:
            hint += " " + self.tr("(next year)")
        return hint, False


class TypedTimeEdit(_HintedEdit):
    """A time typed as '8', '830', '8:30' or '8.30 Uhr'."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("e.g. 830"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("08:30 Uhr → 08:30") + 24)

    def set_time(self, value: dt.time | None) -> None:
        self.setText("" if value is None else f"{value:%H:%M}")

    def value(self) -> dt.time | None:
        return parse_time(self.text())

    def _resolve(self) -> tuple[str, bool]:
        try:
            value = parse_time(self.text())
        except TypedInputError:
            return self.tr("no time"), True
        if value is None:
            return "", False
        shown = f"{value:%H:%M}"
        return ("" if self.text().strip() == shown else f"→ {shown}"), False
