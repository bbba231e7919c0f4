"""Read-only tables of text for the wizard's check step: errors, preview, duplicates."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class TextTableModel(QAbstractTableModel):
    """Rows of strings under translated headers; optionally a check box in the first column.

    Each row has a ``key`` (a line number); ``checked_keys()`` names the rows ticked.
    """

    checks_changed = Signal()

    def __init__(
        self,
        headers: Sequence[Callable[[], str]],
        *,
        checkable: bool = False,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._headers = tuple(headers)
        self._checkable = checkable
        self._rows: list[tuple[str, ...]] = []
        self._keys: list[int] = []
        self._checked: set[int] = set()

    def set_headers(self, headers: Sequence[Callable[[], str]]) -> None:
        self.beginResetModel()
        self._headers = tuple(headers)
        self._rows = []
        self._keys = []
        self.endResetModel()

    def set_rows(self, rows: Sequence[Sequence[str]], keys: Sequence[int] = ()) -> None:
        self.beginResetModel()
        self._rows = [tuple(row) for row in rows]
        self._keys = list(keys) or list(range(len(self._rows)))
        self._checked = set()
        self.endResetModel()
        self.checks_changed.emit()

    def checked_keys(self) -> list[int]:
        return [key for key in self._keys if key in self._checked]

    def set_checked(self, key: int, checked: bool) -> None:
        if key in self._keys:
            row = self._keys.index(key)
            state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
            self.setData(self.index(row, 0), state.value, Qt.ItemDataRole.CheckStateRole)

    def retranslate(self) -> None:
        if self._headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    # --- Qt model interface ----------------------------------------------

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        text = row[index.column()] if index.column() < len(row) else ""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return text
        if role == Qt.ItemDataRole.CheckStateRole and self._checkable and index.column() == 0:
            checked = self._keys[index.row()] in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (self._checkable and index.isValid() and index.column() == 0):
            return False
        if role != Qt.ItemDataRole.CheckStateRole:
            return False
        key = self._keys[index.row()]
        if value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value):
            self._checked.add(key)
        else:
            self._checked.discard(key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checks_changed.emit()
        return True

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

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        if self._checkable and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags


def text_table(name: str, model: TextTableModel) -> QTableView:
    """A read-only table for ``model``: whole rows selected, the last column stretched."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.setCornerButtonEnabled(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table
