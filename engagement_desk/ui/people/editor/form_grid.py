"""A two-column office form: labels and inputs on one grid, with section headings.

Columns: label, input, label, input. A row either spans the whole width or
holds a pair side by side; every input sits in a ``FieldCell`` so its
validation message appears right under it. Widgets are added in reading
order, which is also the tab order.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLineEdit, QWidget

from engagement_desk.ui.widgets.field_errors import (
    FRAME,
    FieldCell,
    FieldErrors,
)

HEADING_SPACING = 10
TOP = Qt.AlignmentFlag.AlignTop  # a message under one input of a pair must not move the other


def heading_label() -> QLabel:
    label = QLabel()
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


def separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


class FormGrid:
    """Fills a ``QGridLayout`` row by row."""

    def __init__(self, layout: QGridLayout, errors: FieldErrors):
        self.layout = layout
        self.errors = errors
        self.row = 0
        self.line_height = QLineEdit().sizeHint().height()
        layout.setColumnStretch(1, 1)
        layout.setColumnStretch(3, 1)
        layout.setHorizontalSpacing(10)
        layout.setVerticalSpacing(2)

    def heading(self, label: QLabel) -> None:
        if self.row:
            self.layout.setRowMinimumHeight(self.row, HEADING_SPACING)
            self.row += 1
        self.layout.addWidget(label, self.row, 0, 1, 4)
        self.layout.addWidget(separator(), self.row + 1, 0, 1, 4)
        self.row += 2

    def cell(self, field: str | None, widget: QWidget, beside: QWidget | None = None) -> FieldCell:
        return self.errors.cell(field, widget, beside) if field else FieldCell(widget, beside)

    def full(
        self, label: QLabel, field: str | None, widget: QWidget, *, beside: QWidget | None = None
    ) -> None:
        """One input over the width of both columns (``beside`` e.g. a hint after a short input)."""
        self._label(label, widget, 0)
        self.layout.addWidget(self.cell(field, widget, beside), self.row, 1, 1, 3, TOP)
        self.row += 1

    def pair(
        self,
        left_label: QLabel,
        left_field: str | None,
        left: QWidget,
        right_label: QLabel,
        right_field: str | None,
        right: QWidget,
    ) -> None:
        self._label(left_label, left, 0)
        self.layout.addWidget(self.cell(left_field, left), self.row, 1, TOP)
        self._label(right_label, right, 2)
        self.layout.addWidget(self.cell(right_field, right), self.row, 3, TOP)
        self.row += 1

    def _label(self, label: QLabel, widget: QWidget, column: int) -> None:
        label.setBuddy(widget)
        # As tall as the input (and its frame), so the text lines up with it
        # even when a message makes the row taller.
        label.setMinimumHeight(min(widget.sizeHint().height(), self.line_height) + 2 * FRAME)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.layout.addWidget(label, self.row, column, Qt.AlignmentFlag.AlignTop)
