"""The people a selection yields, as a table model."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from engagement_desk.services.certificates import Candidate
from engagement_desk.ui.formatting import format_date, format_decimal

Index = QModelIndex | QPersistentModelIndex


class CandidatesModel(QAbstractTableModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.candidates: tuple[Candidate, ...] = ()

    def set_candidates(self, candidates: Sequence[Candidate]) -> None:
        self.beginResetModel()
        self.candidates = tuple(candidates)
        self.endResetModel()

    def titles(self) -> list[str]:
        return [self.tr("Name"), self.tr("Hours"), self.tr("Engaged since"), self.tr("Reason")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.candidates)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        candidate = self.candidates[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"{candidate.last_name}, {candidate.first_name}".strip(", ")
            if column == 1:
                return hours_text(candidate.hours)
            if column == 2:
                return format_date(candidate.engaged_since)
            return candidate.reason
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return candidate.reason
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles()[section]
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)


def hours_text(value: Decimal) -> str:
    """``Decimal("90.00")`` → ``90``, ``12.50`` → ``12,5``."""
    return format_decimal(value.normalize())
