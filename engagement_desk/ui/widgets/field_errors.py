"""Validation messages shown at the inputs they concern, for any editor.

An editor wraps each input in a ``FieldCell`` registered under the service's
field name (``errors.cell("postal_code", self.postal_code)``) and puts the
cell into its layout. ``show(errors)`` frames every bad input in red, writes
the message right under it (and into its accessible description), brings
the page holding the first bad input to the front and focuses it. Errors
for names nobody registered are returned, for a summary.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.services.errors import FieldError

# The one colour of errors at inputs, in every editor (forms.py and the hours grid use it too).
ERROR_COLOR = QColor("#b3261e")
FRAME = 2  # pixels around the input, where the red frame is drawn
WIDGET_SIZE_MAX = 16_777_215


class FieldCell(QWidget):
    """An input with room for a red frame around it and its message below.

    A short input (one with a maximum width) keeps its width and ``beside``
    (a hint such as an age) follows it; the message still gets the full width.
    """

    def __init__(
        self, widget: QWidget, beside: QWidget | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.widget = widget
        self.message = QLabel()
        self.message.setObjectName(f"{widget.objectName() or 'field'}_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        palette = self.message.palette()
        palette.setColor(QPalette.ColorRole.WindowText, ERROR_COLOR)
        self.message.setPalette(palette)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(FRAME, FRAME, FRAME, FRAME)
        layout.setSpacing(FRAME)
        if widget.maximumWidth() < WIDGET_SIZE_MAX or beside is not None:
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(widget)
            if beside is not None:
                row.addSpacing(6)
                row.addWidget(beside)
            row.addStretch(1)
            layout.addLayout(row)
        else:
            layout.addWidget(widget)
        layout.addWidget(self.message)
        self._invalid = False
        self._description = widget.accessibleDescription()

    @property
    def invalid(self) -> bool:
        return self._invalid

    def set_error(self, text: str) -> None:
        self._invalid = bool(text)
        self.message.setText(text)
        self.message.setVisible(self._invalid)
        self.widget.setAccessibleDescription(text or self._description)
        self.update()

    def clear_error(self, *_: object) -> None:
        if self._invalid:
            self.set_error("")

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._invalid:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(ERROR_COLOR, FRAME))
        rect = QRectF(self.widget.geometry()).adjusted(-1, -1, 1, 1)
        painter.drawRoundedRect(rect, 3, 3)


def _change_signal(widget: QWidget) -> Signal | None:
    """The signal that says the person edited ``widget`` (then its message goes)."""
    changed = getattr(widget, "changed", None)
    if changed is not None:
        return changed
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    if isinstance(widget, QAbstractSpinBox):
        return widget.editingFinished
    return None


class FieldErrors(QObject):
    """Maps field names to input cells and shows a service's ``FieldError``s at them."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._cells: dict[str, FieldCell] = {}

    def cell(self, field: str, widget: QWidget, beside: QWidget | None = None) -> FieldCell:
        """Wrap ``widget`` for ``field``; put the returned cell into the layout."""
        cell = FieldCell(widget, beside)
        self.register(field, cell)
        return cell

    def register(self, field: str, cell: FieldCell) -> None:
        self._cells[field] = cell
        signal = _change_signal(cell.widget)
        if signal is not None:
            signal.connect(cell.clear_error)

    def widgets(self) -> dict[str, QWidget]:
        """Every registered input by field name."""
        return {name: cell.widget for name, cell in self._cells.items()}

    def widget(self, field: str) -> QWidget | None:
        cell = self._cells.get(field)
        return cell.widget if cell is not None else None

    def message(self, field: str) -> str:
        cell = self._cells.get(field)
        return cell.message.text() if cell is not None and cell.invalid else ""

    def fields_in_error(self) -> list[str]:
        return [name for name, cell in self._cells.items() if cell.invalid]

    def clear(self) -> None:
        for cell in self._cells.values():
            cell.set_error("")

    def show(self, errors: Sequence[FieldError]) -> list[FieldError]:
        """Mark the fields of ``errors``, focus the first in form order; return the unplaced."""
        self.clear()
        messages: dict[str, list[str]] = {}
        unplaced = []
        for error in errors:
            if error.field in self._cells:
                messages.setdefault(error.field, []).append(_message(error))
            else:
                unplaced.append(error)
        for field, texts in messages.items():
            self._cells[field].set_error("\n".join(texts))
        first = next((c for n, c in self._cells.items() if n in messages), None)
        if first is not None:
            reveal(first.widget)
            first.widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return unplaced


def _message(error: FieldError) -> str:
    """Row errors of a list section say which row ("Einwilligung 2: …")."""
    if error.label and error.label[-1:].isdigit():
        return f"{error.label}: {error.message}"
    return error.message


def reveal(widget: QWidget) -> None:
    """Bring the tab page / stacked page holding ``widget`` to the front and scroll to it."""
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget):
            holder = parent.parentWidget()
            if isinstance(holder, QTabWidget):
                holder.setCurrentWidget(child)
            else:
                parent.setCurrentWidget(child)
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        child, parent = parent, parent.parentWidget()
