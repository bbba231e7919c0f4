"""A compact read-only table of "figure — this period — the period before" rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class FigureTable(QTableWidget):
    """Rows of (name, current, previous); as tall as its rows, no scroll bar of its own."""

    def __init__(self, name: str):
        super().__init__(0, 3)
        self.setObjectName(name)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(NUMBER_ALIGNMENT)

    def set_headers(self, name: str, current: str, previous: str) -> None:
        self.setHorizontalHeaderLabels([name, current, previous])
        first = self.horizontalHeaderItem(0)
        if first is not None:
            first.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def set_rows(self, rows: list[tuple[str, str, str]]) -> None:
        self.setRowCount(len(rows))
        for row, (name, current, previous) in enumerate(rows):
            label = QTableWidgetItem(name)
            label.setToolTip(name)
            self.setItem(row, 0, label)
            for column, text in ((1, current), (2, previous)):
                item = QTableWidgetItem(text)
                item.setTextAlignment(NUMBER_ALIGNMENT)
                self.setItem(row, column, item)
        self._fit_height()

    def values(self) -> list[tuple[str, str, str]]:
        """What the table shows, row by row (for tests and copy)."""
        return [
            tuple(self.item(row, column).text() for column in range(3))  # type: ignore[misc]
            for row in range(self.rowCount())
        ]

    def _fit_height(self) -> None:
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(row) for row in range(self.rowCount()))
        self.setFixedHeight(height)
