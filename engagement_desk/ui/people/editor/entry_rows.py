"""Editable rows of one list section: a heading with "Add", a header row, one line per entry.

"Add" sits above the rows, so the tab order runs heading → add → rows, as
the eye does. Subclasses say what a row holds (``sections.py``). A row that
is incomplete (no date) is reported by ``local_errors()`` and never reaches
the service.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.services.errors import FieldError
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.people.editor.date_edit import DateEdit
from engagement_desk.ui.people.editor.form_grid import heading_label, separator

NOTE_MIN_WIDTH = 120


def _remove_button() -> QToolButton:
    button = QToolButton()
    button.setText("✕")
    button.setAutoRaise(True)
    return button


class _Row(QWidget):
    """One entry's inputs; ``inputs`` in tab order, then the remove button.

    Inputs beyond ``widths`` go on a second line over the whole width.
    """

    def __init__(self, inputs: list[QWidget], widths: Sequence[int]):
        super().__init__()
        self.inputs = inputs
        self.remove = _remove_button()
        first = QHBoxLayout()
        first.setContentsMargins(0, 0, 0, 0)
        for widget, width in zip(inputs, widths, strict=False):
            if width:
                widget.setFixedWidth(width)
                first.addWidget(widget)
            else:
                widget.setMinimumWidth(NOTE_MIN_WIDTH)
                first.addWidget(widget, 1)
        if all(widths):
            first.addStretch(1)
        first.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(first)
        for widget in inputs[len(widths) :]:
            second = QHBoxLayout()
            second.setContentsMargins(0, 0, self.remove.sizeHint().width() + first.spacing(), 0)
            second.addWidget(widget)
            layout.addLayout(second)


class EntryRows(Retranslatable, QWidget):
    """Base of the three row lists; subclasses say what a row holds."""

    changed = Signal()
    field = ""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"{self.field}_rows")
        self.title = heading_label()
        self.add_button = QPushButton()
        self.add_button.setObjectName(f"{self.field}_add")
        self.add_button.clicked.connect(self.add_row)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.empty = QLabel()
        self.empty.setObjectName(f"{self.field}_empty")
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.headers = [QLabel() for _ in self.column_widths()]
        self._rows: list[_Row] = []

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.add_button)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        widths = self.column_widths()
        for label, width in zip(self.headers, widths, strict=True):
            if width:
                label.setFixedWidth(width)
                header.addWidget(label)
            else:
                label.setMinimumWidth(NOTE_MIN_WIDTH)
                header.addWidget(label, 1)
        if all(widths):
            header.addStretch(1)
        header.addSpacing(header.spacing() + _remove_button().sizeHint().width())
        self.header_row = QWidget()
        self.header_row.setLayout(header)
        self.rows_box = QVBoxLayout()
        self.rows_box.setContentsMargins(0, 0, 0, 0)
        self.rows_box.setSpacing(8 if len(self.column_widths()) < len(self.header_texts()) else 4)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(separator())
        layout.addWidget(self.hint)
        layout.addWidget(self.header_row)
        layout.addLayout(self.rows_box)
        layout.addWidget(self.empty)
        self._update_empty()
        self.retranslate_ui()

    # --- what subclasses provide -------------------------------------------

    def column_widths(self) -> Sequence[int]:
        """Fixed width per column of the first line; 0 for the one that takes the rest.

        Inputs beyond these columns go on a second line, headed by their placeholder.
        """
        raise NotImplementedError

    def header_texts(self) -> list[str]:
        raise NotImplementedError

    def row_name(self) -> str:
        """ "Availability" → "Availability 2: From" in accessible names."""
        raise NotImplementedError

    def make_inputs(self, entry: Any | None) -> list[QWidget]:
        raise NotImplementedError

    def entry(self, inputs: list[QWidget]) -> Any:
        raise NotImplementedError

    def row_errors(self, inputs: list[QWidget]) -> list[str]:
        return []

    # --- rows ----------------------------------------------------------------

    def retranslate_ui(self) -> None:
        for label, text in zip(self.headers, self.header_texts(), strict=False):
            label.setText(text)
        self.empty.setText(self.tr("No entries yet."))
        self._name_rows()

    def set_entries(self, entries: Sequence[Any]) -> None:
        for row in self._rows:
            row.deleteLater()
            row.hide()
        self._rows = []
        for entry in entries:
            self._append(entry)
        self._finish_change()

    def entries(self) -> tuple[Any, ...]:
        return tuple(self.entry(row.inputs) for row in self._rows)

    def row_count(self) -> int:
        return len(self._rows)

    def row_inputs(self, index: int) -> list[QWidget]:
        return self._rows[index].inputs

    @Slot()
    def add_row(self) -> list[QWidget]:
        row = self._append(None)
        self._finish_change()
        self.changed.emit()
        row.inputs[0].setFocus()
        return row.inputs

    def remove_row(self, index: int) -> None:
        row = self._rows.pop(index)
        row.hide()
        row.deleteLater()
        self._finish_change()
        self.changed.emit()
        if self._rows:
            self._rows[min(index, len(self._rows) - 1)].inputs[0].setFocus()
        else:
            self.add_button.setFocus()

    def _append(self, entry: Any | None) -> _Row:
        inputs = self.make_inputs(entry)
        row = _Row(inputs, self.column_widths())
        row.remove.clicked.connect(functools.partial(self._remove_clicked, row))
        for widget in inputs:
            _connect_changed(widget, self.changed)
        self._rows.append(row)
        self.rows_box.addWidget(row)
        return row

    def _remove_clicked(self, row: _Row) -> None:
        if row in self._rows:
            self.remove_row(self._rows.index(row))

    def _finish_change(self) -> None:
        previous: QWidget = self.add_button
        for row in self._rows:
            for widget in [*row.inputs, row.remove]:
                QWidget.setTabOrder(previous, widget)
                previous = widget
        self._name_rows()
        self._update_empty()

    def _name_rows(self) -> None:
        headers = self.header_texts()
        for number, row in enumerate(self._rows, start=1):
            prefix = f"{self.row_name()} {number}"
            for widget, header in zip(row.inputs, headers, strict=True):
                widget.setAccessibleName(f"{prefix}: {header}")
            for widget, header in zip(
                row.inputs[len(self.headers) :], headers[len(self.headers) :], strict=True
            ):
                if isinstance(widget, QLineEdit):
                    widget.setPlaceholderText(header)
            remove = self.tr("Remove %1").replace("%1", prefix)
            row.remove.setAccessibleName(remove)
            row.remove.setToolTip(remove)

    def _update_empty(self) -> None:
        self.empty.setVisible(not self._rows)
        self.header_row.setVisible(bool(self._rows))

    def local_errors(self) -> list[FieldError]:
        errors = []
        for number, row in enumerate(self._rows, start=1):
            label = f"{self.row_name()} {number}"
            errors += [FieldError(self.field, label, m) for m in self.row_errors(row.inputs)]
        return errors

    def raw_texts(self) -> tuple[str, ...]:
        return tuple(
            widget.text()
            for row in self._rows
            for widget in row.inputs
            if isinstance(widget, DateEdit)
        )


def _connect_changed(widget: QWidget, changed: Signal) -> None:
    if isinstance(widget, DateEdit):
        widget.changed.connect(changed)
    elif isinstance(widget, QLineEdit):
        widget.textChanged.connect(changed)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(changed)
    elif isinstance(widget, QTimeEdit):
        widget.timeChanged.connect(changed)
