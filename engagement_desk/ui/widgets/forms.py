"""Form fields that can show a service's German message where the bad value is.

Each field sits in a thin frame that turns red when the service rejects the
value, with the message under it; the field's accessible description carries
the message for screen readers. Editing the field clears its message.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QDate, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.ui.widgets.field_errors import ERROR_COLOR as ERROR_QCOLOR
from engagement_desk.ui.widgets.field_errors import FRAME

ERROR_COLOR = ERROR_QCOLOR.name()  # for style sheets
DATE_FORMAT = "dd.MM.yyyy"


def plain(text: str) -> str:
    """A label text without mnemonic marker and colon, as an accessible name."""
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&").rstrip(": ")


def change_signal(widget: QWidget) -> SignalInstance | None:
    """The signal a widget sends when the person changes its value."""
    for kind, name in (
        (QLineEdit, "textChanged"),
        (QPlainTextEdit, "textChanged"),
        (QComboBox, "currentIndexChanged"),
        (QSpinBox, "valueChanged"),
        (QDateEdit, "dateChanged"),
        (QAbstractButton, "toggled"),
        (QListWidget, "itemChanged"),
    ):
        if isinstance(widget, kind):
            return getattr(widget, name)
    return getattr(widget, "changed", None)


class Field(QWidget):
    """One input with its red frame and its message line."""

    def __init__(
        self, key: str, widget: QWidget, parent: QWidget | None = None, *, inline: bool = True
    ):
        super().__init__(parent)
        self.key = key
        self.widget = widget
        self.frame = QFrame()
        self.frame.setObjectName(f"{key}_frame")
        inner = QVBoxLayout(self.frame)
        inner.setContentsMargins(FRAME, FRAME, FRAME, FRAME)
        inner.addWidget(widget)
        self.message = QLabel()
        self.message.setObjectName(f"{key}_error")
        self.message.setWordWrap(True)
        palette = self.message.palette()
        palette.setColor(QPalette.ColorRole.WindowText, ERROR_QCOLOR)
        self.message.setPalette(palette)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.frame)
        if inline:  # otherwise ``row`` puts the message under the whole row
            layout.addWidget(self.message)
        self.setSizePolicy(widget.sizePolicy())

    @property
    def has_error(self) -> bool:
        return not self.message.isHidden()

    def show_error(self, text: str) -> None:
        self.frame.setStyleSheet(
            f"QFrame#{self.frame.objectName()} "
            f"{{ border: {FRAME}px solid {ERROR_COLOR}; border-radius: 3px; }}"
        )
        self.message.setText(text)
        self.message.show()
        self.widget.setAccessibleDescription(text)

    def clear_error(self) -> None:
        if not self.has_error:
            return
        self.frame.setStyleSheet("")
        self.message.clear()
        self.message.hide()
        self.widget.setAccessibleDescription("")


class Form(QObject):
    """The fields of one editor by service field name; shows and clears their errors."""

    edited = Signal(str)  # the key of the field the person changed

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.fields: dict[str, Field] = {}
        self.labels: dict[str, QLabel] = {}

    def add(self, key: str, widget: QWidget, *, label: bool = True, inline: bool = True) -> Field:
        """Wrap ``widget``; its label (``self.labels[key]``) gets the widget as buddy.

        ``inline=False`` for fields that share a row (see ``row``).
        """
        widget.setObjectName(widget.objectName() or key)
        field = Field(key, widget, inline=inline)
        self.fields[key] = field
        if label:
            caption = QLabel()
            caption.setBuddy(widget)
            caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            caption.setContentsMargins(0, 5, 0, 0)
            self.labels[key] = caption
        signal = change_signal(widget)
        if signal is not None:
            signal.connect(functools.partial(self._changed, key))
        return field

    def _changed(self, key: str, *_: object) -> None:
        self.fields[key].clear_error()
        self.edited.emit(key)

    def set_label(self, key: str, text: str) -> None:
        """Caption with mnemonic (``"&Name"``); the widget's accessible name follows it."""
        if key in self.labels:
            self.labels[key].setText(text)
        self.fields[key].widget.setAccessibleName(plain(text))

    def widget(self, key: str) -> QWidget:
        return self.fields[key].widget

    def clear_errors(self) -> None:
        for field in self.fields.values():
            field.clear_error()

    def show_failure(self, error: Exception, warn: Callable[[str], object]) -> bool:
        """A ValidationError at its fields, the rest through ``warn``; False for other errors."""
        if not isinstance(error, ValidationError):
            return False
        unplaced = self.show_errors(error.errors)
        if unplaced:
            warn("\n".join(e.message for e in unplaced))
        return True

    def show_errors(self, errors: Iterable[FieldError]) -> list[FieldError]:
        """Put each message at its field, focus the first bad one; return those with no field."""
        self.clear_errors()
        unplaced = []
        for error in errors:
            field = self.fields.get(error.field)
            if field is None:
                unplaced.append(error)
            elif not field.has_error:
                field.show_error(error.message)
        for field in self.fields.values():
            if field.has_error:
                focus_field(field.widget)
                break
        return unplaced

    def error_text(self, key: str) -> str:
        field = self.fields[key]
        return field.message.text() if field.has_error else ""


def focus_field(widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    if isinstance(widget, QLineEdit):
        widget.selectAll()


def row(*fields: Field, stretch: Sequence[int] = ()) -> QWidget:
    """Fields side by side in one form row (PLZ and town), their messages under the row.

    The fields must have been added with ``inline=False``.
    """
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    line = QHBoxLayout()
    line.setContentsMargins(0, 0, 0, 0)
    for i, field in enumerate(fields):
        line.addWidget(field, stretch[i] if i < len(stretch) else 0)
    layout.addLayout(line)
    for field in fields:
        layout.addWidget(field.message)
    return box


def line_edit(max_length: int, *, chars: int | None = None) -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(max_length + 50)  # longer input reaches the service, which names the limit
    if chars is not None:
        edit.setMaximumWidth(edit.fontMetrics().averageCharWidth() * chars + 24)
    return edit


def text_edit(lines: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    height = edit.fontMetrics().lineSpacing() * lines + 14
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(height + edit.fontMetrics().lineSpacing() * 2)
    edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return edit


def date_edit(value: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
    edit.setDate(to_qdate(value or dt.date.today()))
    edit.setMinimumWidth(edit.fontMetrics().averageCharWidth() * 12 + 40)
    return edit


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def chain_tab_order(widgets: Sequence[QWidget]) -> None:
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def form_layout() -> QFormLayout:
    layout = QFormLayout()
    layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    layout.setVerticalSpacing(4)
    return layout


def add_row(form: Form, layout: QFormLayout, key: str, widget: QWidget) -> Field:
    """A labelled field as the next row of ``layout``."""
    field = form.add(key, widget)
    layout.addRow(form.labels[key], field)
    return field


def add_place_row(form: Form, layout: QFormLayout, postal_code: QWidget, city: QWidget) -> None:
    """PLZ and town on one row, labelled "PLZ / Ort" by the postal code's label."""
    place = row(
        form.add("postal_code", postal_code, inline=False),
        form.add("city", city, label=False, inline=False),
        stretch=(0, 1),
    )
    layout.addRow(form.labels["postal_code"], place)
