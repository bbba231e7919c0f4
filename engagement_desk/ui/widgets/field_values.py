"""An input's value as the editors compare it: put it back, and show it as the input does.

``editor_base.widget_value`` reads what a person typed or chose; these are
its counterparts for the conflict dialog: ``set_widget_value`` puts such a
value back into the input, ``shown_value`` writes it the way the input shows
it (the combo's text, the date as displayed, Yes/No for a check box).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

translate = QCoreApplication.translate
DATETIME_FORMAT = "yyyy-MM-dd HH:mm"  # what ``widget_value`` gives for date inputs
EMPTY = "–"


def _children(widget: QWidget) -> Sequence[QWidget]:
    return [c for c in widget.findChildren(QWidget) if c.parentWidget() is widget]


LEAF_INPUTS = (
    QLineEdit,
    QPlainTextEdit,
    QComboBox,
    QSpinBox,
    QDoubleSpinBox,
    QDateTimeEdit,
    QAbstractButton,
    QListWidget,
)


def is_mergeable(widget: QWidget) -> bool:
    """Whether a value can be shown and put back: a plain input, or a row of plain inputs."""
    if isinstance(widget, LEAF_INPUTS):
        return True
    if type(widget) is not QWidget:  # a widget of its own (a person picker): its value is more
        return False
    children = _children(widget)
    return bool(children) and all(isinstance(child, LEAF_INPUTS) for child in children)


def set_widget_value(widget: QWidget, value: Any) -> None:
    """Put ``value`` (as ``widget_value`` read it) back into the input."""
    if isinstance(widget, QLineEdit):
        widget.setText("" if value is None else str(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText("" if value is None else str(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value) if value is not None else -1
        if index >= 0:
            widget.setCurrentIndex(index)
        elif widget.isEditable() and isinstance(value, str):
            widget.setEditText(value)
        elif value is None:
            widget.setCurrentIndex(max(widget.findData(None), -1))
    elif isinstance(widget, QSpinBox | QDoubleSpinBox):
        if value is not None:
            widget.setValue(value)
    elif isinstance(widget, QDateTimeEdit):
        moment = QDateTime.fromString(value, DATETIME_FORMAT) if value else QDateTime()
        widget.setDateTime(moment if moment.isValid() else widget.minimumDateTime())
    elif isinstance(widget, QAbstractButton):
        if widget.isCheckable() and value is not None:
            widget.setChecked(bool(value))
    elif isinstance(widget, QListWidget):
        widget.clear()
        widget.addItems([str(v) for v in value or ()])
    elif isinstance(value, tuple):
        children = _children(widget)
        if len(children) == len(value):
            for child, part in zip(children, value, strict=True):
                set_widget_value(child, part)


def _special(widget: QAbstractSpinBox, at_minimum: bool) -> str | None:
    text = widget.specialValueText()
    return text if at_minimum and text else None


def shown_value(widget: QWidget, value: Any) -> str:
    """How the input shows ``value``; "–" for nothing."""
    text = _shown(widget, value)
    return text if text.strip() else EMPTY


def _shown(widget: QWidget, value: Any) -> str:
    if isinstance(widget, QComboBox):
        index = widget.findData(value) if value is not None else -1
        if index >= 0:
            return widget.itemText(index)
        return value if isinstance(value, str) else ""
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        if value is None:
            return ""
        special = _special(widget, value == widget.minimum())
        if special is not None:
            return special
        return widget.prefix() + widget.textFromValue(value) + widget.suffix()
    if isinstance(widget, QDateTimeEdit):
        moment = QDateTime.fromString(value, DATETIME_FORMAT) if value else QDateTime()
        if not moment.isValid():
            return ""
        special = _special(widget, moment <= widget.minimumDateTime())
        return special if special is not None else moment.toString(widget.displayFormat())
    if isinstance(widget, QAbstractButton):
        if value is None:
            return ""
        return translate("FieldValues", "Yes") if value else translate("FieldValues", "No")
    if isinstance(widget, QListWidget):
        return ", ".join(str(v) for v in value or ())
    if isinstance(value, tuple):
        children = _children(widget)
        if len(children) == len(value):
            parts = (_shown(child, part) for child, part in zip(children, value, strict=True))
            return " ".join(p for p in parts if p)
        return " ".join(str(v) for v in value if v not in (None, ""))
    return "" if value is None else str(value)
