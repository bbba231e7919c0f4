"""A small read-only table of already-fetched rows, and the view that shows it.

For the short lists of this screen (contacts, a club's opportunities, what
belongs to a centre, matches, follow-up calls), which a service returns in
one piece; the long lists use ``SqlTableModel``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from engagement_desk.ui.widgets.tables import setup_row_table

AnyIndex = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole
_ROOT = QModelIndex()
ALERT_COLOR = QColor("#b3261e")


def headers(context: str, sources: Sequence[str]) -> tuple[Callable[[], str], ...]:
    """Column titles translated when shown; mark ``sources`` with ``QT_TRANSLATE_NOOP``."""
    return tuple(functools.partial(QCoreApplication.translate, context, s) for s in sources)


@dataclass(frozen=True)
class Row:
    id: int
    cells: tuple[str, ...]
    tooltip: str = ""
    alert: bool = False  # shown in red and bold (an overdue call)
    numeric: frozenset[int] = field(default_factory=frozenset)  # right-aligned columns


class RowsModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[Callable[[], str]], parent: QWidget | None = None):
        super().__init__(parent)
        self._headers = tuple(headers)
        self.rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show ``rows``; a row whose id was shown before keeps its selection (a reload)."""
        rows = list(rows)
        if not self.rows or not rows:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
            return
        if rows == self.rows:
            return
        self.layoutAboutToBeChanged.emit()
        positions = {row.id: number for number, row in enumerate(rows)}
        persistent = self.persistentIndexList()
        moved = [
            (positions.get(self.rows[index.row()].id), index.column())
            if index.row() < len(self.rows)
            else (None, 0)
            for index in persistent
        ]
        self.rows = rows
        self.changePersistentIndexList(
            persistent,
            [_ROOT if row is None else self.index(row, column) for row, column in moved],
        )
        self.layoutChanged.emit()

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip or row.cells[index.column()] or None
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and row.alert:
            return QBrush(ALERT_COLOR)
        if role == Qt.ItemDataRole.FontRole and row.alert and index.column() == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in row.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]()
        return None

    def retranslate(self) -> None:
        if self._headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    def record_id(self, row: int) -> int:
        return self.rows[row].id

    def row_of(self, record_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.id == record_id), None)


class RowsView(QTableView):
    """A single-selection, read-only table over a ``RowsModel``."""

    def __init__(self, model: RowsModel, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        setup_row_table(self, name)
        self._chars: tuple[int, ...] = ()
        model.headerDataChanged.connect(self._fit_columns)

    @property
    def rows_model(self) -> RowsModel:
        model = self.model()
        assert isinstance(model, RowsModel)
        return model

    def set_widths(self, chars: Sequence[int], *, stretch: int | None = None) -> None:
        """Column widths in average characters (at least the title's).

        Column ``stretch`` takes the spare width (default: the last).
        """
        self._chars = tuple(chars)
        if stretch is not None:
            header = self.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self._fit_columns()

    @Slot()
    def _fit_columns(self) -> None:
        char = self.fontMetrics().averageCharWidth()
        header = self.horizontalHeader()
        titles = header.fontMetrics()
        for column, width in enumerate(self._chars):
            if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
                continue
            title = self.rows_model.headerData(column, Qt.Orientation.Horizontal) or ""
            header.resizeSection(
                column, max(width * char + 16, titles.horizontalAdvance(title) + 24)
            )

    def current_id(self) -> int | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return self.rows_model.record_id(index.row())

    def select_id(self, record_id: int | None) -> None:
        row = None if record_id is None else self.rows_model.row_of(record_id)
        if row is None:
            self.clearSelection()
            self.setCurrentIndex(QModelIndex())
        else:
            self.selectRow(row)
