"""The hits of a global search as a list: a heading per kind, then that kind's hits.

Kinds appear in the order of their best hit, so the first row that can be
chosen is always the best match of the whole search.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from engagement_desk.services.search import SearchHit

HIT_ROLE = Qt.ItemDataRole.UserRole
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1
HEADING_ROLE = Qt.ItemDataRole.UserRole + 2

KIND_TITLES: Mapping[str, str] = {
    "person": QT_TRANSLATE_NOOP("SearchKind", "People"),
    "organization": QT_TRANSLATE_NOOP("SearchKind", "Clubs & organizations"),
    "opportunity": QT_TRANSLATE_NOOP("SearchKind", "Volunteer opportunities"),
    "event": QT_TRANSLATE_NOOP("SearchKind", "Events"),
}

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def kind_title(kind: str) -> str:
    return QCoreApplication.translate("SearchKind", KIND_TITLES.get(kind, kind))


@dataclass(frozen=True)
class _Row:
    kind: str
    hit: SearchHit | None  # None: the heading of ``kind``


class SearchResultsModel(QAbstractListModel):
    """Rows of headings and hits; ``HIT_ROLE`` gives a row's ``SearchHit`` (None for headings)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[_Row] = []

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        groups: dict[str, list[SearchHit]] = {}
        for hit in hits:
            groups.setdefault(hit.kind, []).append(hit)
        self.beginResetModel()
        self._rows = [
            row
            for kind, kind_hits in groups.items()
            for row in (_Row(kind, None), *(_Row(kind, hit) for hit in kind_hits))
        ]
        self.endResetModel()

    def hit(self, row: int) -> SearchHit | None:
        return self._rows[row].hit if 0 <= row < len(self._rows) else None

    @property
    def hit_count(self) -> int:
        return sum(1 for row in self._rows if row.hit is not None)

    def hit_row(self, start: int, step: int) -> int | None:
        """The first row from ``start`` on, walking by ``step``, that holds a hit."""
        row = start
        while 0 <= row < len(self._rows):
            if self._rows[row].hit is not None:
                return row
            row += 1 if step > 0 else -1
        return None

    def retranslate(self) -> None:
        if self._rows:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._rows) - 1), [Qt.ItemDataRole.DisplayRole]
            )

    # --- Qt model interface ----------------------------------------------

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        hit = row.hit
        if role == HEADING_ROLE:
            return hit is None
        if role == HIT_ROLE:
            return hit
        if hit is None:
            return kind_title(row.kind) if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == DETAIL_ROLE:
            return hit.detail
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return ", ".join(part for part in (hit.title, kind_title(hit.kind), hit.detail) if part)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].hit is None:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


PADDING = 10
GAP = 16


class SearchHitDelegate(QStyledItemDelegate):
    """A hit as its title followed by a greyed detail line; a heading as small grey caps."""

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        height = QFontMetrics(option.font).height()
        if index.data(HEADING_ROLE):
            return QSize(0, height + 10)
        return QSize(0, height + 12)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        palette = opt.palette
        painter.save()
        try:
            if index.data(HEADING_ROLE):
                font = QFont(opt.font)
                font.setBold(True)
                font.setPointSizeF(max(font.pointSizeF() * 0.85, 6.0))
                painter.setFont(font)
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                rect = opt.rect.adjusted(PADDING, 0, -PADDING, -2)
                flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
                painter.drawText(rect, int(flags), text.upper())
                return
            opt.text = ""
            style = opt.widget.style() if opt.widget is not None else QApplication.style()
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
            selected = bool(opt.state & QStyle.StateFlag.State_Selected)
            self._paint_texts(painter, opt, text, str(index.data(DETAIL_ROLE) or ""), selected)
        finally:
            painter.restore()

    def _paint_texts(
        self,
        painter: QPainter,
        opt: QStyleOptionViewItem,
        title: str,
        detail: str,
        selected: bool,
    ) -> None:
        palette = opt.palette
        rect = opt.rect.adjusted(PADDING + 8, 0, -PADDING, 0)
        metrics = QFontMetrics(opt.font)
        # A few pixels of slack: the advance is rounded, and a title cut by one pixel is elided.
        title_width = min(metrics.horizontalAdvance(title) + 4, int(rect.width() * 0.6))
        align = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.setFont(opt.font)
        painter.setPen(
            palette.color(
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            )
        )
        elided = metrics.elidedText(title, Qt.TextElideMode.ElideRight, title_width)
        painter.drawText(QRect(rect.left(), rect.top(), title_width, rect.height()), align, elided)
        left = rect.left() + title_width + GAP
        width = rect.right() - left
        if detail and width > metrics.averageCharWidth() * 4:
            painter.setPen(
                palette.color(
                    QPalette.ColorRole.HighlightedText
                    if selected
                    else QPalette.ColorRole.PlaceholderText
                )
            )
            elided = metrics.elidedText(detail, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRect(left, rect.top(), width, rect.height()), align, elided)
