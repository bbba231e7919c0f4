"""The registrations of one event as a table model (an event may have thousands).

Rows are plain ``RegistrationRecord`` values; nothing is built per cell until
the view asks for it. The stand of an exhibiting club is editable in place:
``stand_edited(registration_id, version, text)`` tells the panel, which saves.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from engagement_desk.models.enums import RegistrationRole, RegistrationStatus
from engagement_desk.services.events.records import RegistrationRecord
from engagement_desk.ui.labels import enum_label

AnyIndex = QModelIndex | QPersistentModelIndex
NAME, ROLE, STATUS, SHIFT, STAND = range(5)
ID_ROLE = Qt.ItemDataRole.UserRole


class RegistrationsModel(QAbstractTableModel):
    stand_edited = Signal(int, int, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.records: list[RegistrationRecord] = []
        self.headers: tuple[str, ...] = ("", "", "", "", "")

    def set_records(self, records: Sequence[RegistrationRecord]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def set_headers(self, headers: tuple[str, ...]) -> None:
        self.headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)
        # Role and status labels follow the language too.
        if self.records:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.records) - 1, STAND))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.records[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(record, index.column())
        if role == ID_ROLE:
            return record.id
        return None

    @staticmethod
    def _text(record: RegistrationRecord, column: int) -> str:
        if column == NAME:
            return record.name
        if column == ROLE:
            return enum_label(RegistrationRole, record.role)
        if column == STATUS:
            return enum_label(RegistrationStatus, record.status)
        if column == SHIFT:
            return record.shift_title
        return record.stand

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == STAND and self.is_exhibitor(index.row()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def is_exhibitor(self, row: int) -> bool:
        return self.records[row].role == RegistrationRole.EXHIBITOR

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != STAND:
            return False
        record = self.records[index.row()]
        text = str(value).strip()
        if text != record.stand:
            self.stand_edited.emit(record.id, record.version, text)
        return True
