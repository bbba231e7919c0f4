"""List items of a title and a wrapped second line (e.g. an opportunity and why it fits).

The item text stays ``"title\\nsecond line"``, so what screen readers and
tests read is the whole text; only the painting differs: the title bold,
the rest smaller in the placeholder colour.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

PADDING = 5
AnyIndex = QModelIndex | QPersistentModelIndex


class TwoLineDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title, _, rest = _text(index).partition("\n")
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rest_role = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        rect = opt.rect.adjusted(PADDING + 2, PADDING, -PADDING, -PADDING)
        bold = _bold(opt.font)
        title_height = QFontMetrics(bold).height()
        painter.save()
        painter.setFont(bold)
        painter.setPen(opt.palette.color(text_role))
        elided = QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), title_height), 0, elided)
        if rest:
            painter.setFont(opt.font)
            painter.setPen(opt.palette.color(rest_role))
            below = QRect(rect.left(), rect.top() + title_height, rect.width(), rect.height())
            painter.drawText(below, Qt.TextFlag.TextWordWrap, rest)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        rest = _text(index).partition("\n")[2]
        width = opt.rect.width()
        if isinstance(opt.widget, QAbstractItemView):
            width = opt.widget.viewport().width()
        width = max(width - 2 * PADDING - 2, 100)
        height = QFontMetrics(_bold(opt.font)).height()
        if rest:
            metrics = QFontMetrics(opt.font)
            height += metrics.boundingRect(
                QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, rest
            ).height()
        return QSize(width, height + 2 * PADDING)


def _text(index: AnyIndex) -> str:
    # Not ``opt.text``: the style option has the newline turned into a line separator.
    return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


def two_line_list(name: str) -> QListWidget:
    """A list widget painting its items with ``TwoLineDelegate``, re-wrapping when resized."""
    view = QListWidget()
    view.setObjectName(name)
    view.setItemDelegate(TwoLineDelegate(view))
    view.setResizeMode(QListWidget.ResizeMode.Adjust)
    view.setWordWrap(True)
    view.setAlternatingRowColors(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view
