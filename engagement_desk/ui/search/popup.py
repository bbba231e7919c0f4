"""Ctrl+K: one line to find any person, club, opportunity or event, and jump to it."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGraphicsDropShadowEffect,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.services.search import SearchHit, search_everything
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.search.results import SearchHitDelegate, SearchResultsModel

SEARCH_DELAY_MS = 100
RESULT_LIMIT = 20
PAGE_STEP = 5
WIDTH = 700
HEIGHT = 470
TOP_OFFSET = 44  # leaves the tab bar of the window visible
MARGIN = 24


class GlobalSearchPopup(Retranslatable, QFrame):
    """A search box floating over the top of the window: type, Up/Down and Enter pick, Esc closes.

    An overlay inside the window rather than a window of its own, so it never
    fights the window manager for focus. It searches as you type
    (``SEARCH_DELAY_MS`` after the last key) off the GUI thread; answers to
    text that has changed since are dropped. Emits ``chosen(hit)`` and closes
    when a hit is picked; closes when the focus goes elsewhere.
    """

    chosen = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("global_search")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(28)
        shadow.setOffset(0, 6)
        shadow.setColor(QColor(0, 0, 0, 90))
        self.setGraphicsEffect(shadow)
        self.hide()
        self._generation = Generation()
        self._shown_text: str | None = None
        self._choose_when_ready = False
        self._return_focus: QWidget | None = None

        self.field = QLineEdit()
        self.field.setObjectName("global_search_field")
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        self.field.textChanged.connect(self._text_changed)

        self.model = SearchResultsModel(self)
        self.results = QListView()
        self.results.setObjectName("global_search_results")
        self.results.setModel(self.model)
        self.results.setItemDelegate(SearchHitDelegate(self.results))
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setFrameShape(QFrame.Shape.NoFrame)
        self.results.clicked.connect(self._clicked)
        self.results.hide()  # until there is something to show

        self.hint = QLabel()
        self.hint.setObjectName("global_search_hint")
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        parent.installEventFilter(self)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.resize(WIDTH, HEIGHT)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        placeholder = self.tr("Search people, clubs, opportunities and events …")
        self.field.setPlaceholderText(placeholder)
        self.field.setAccessibleName(self.tr("Search everything"))
        self.results.setAccessibleName(self.tr("Search results"))
        self.model.retranslate()
        self._update_hint()

    # --- showing and hiding ----------------------------------------------

    def popup(self) -> None:
        """Show over the top of the window, with the last search selected."""
        if not self.isVisible():
            focused = QApplication.focusWidget()
            self._return_focus = focused if focused is not self.field else None
        self._place()
        self.show()
        self.raise_()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text().strip():
            self.search_now()  # the data may have changed since the last time

    def close_popup(self) -> None:
        """Hide and give the focus back to where it was (Esc)."""
        self.hide()
        target = self._return_focus
        self._return_focus = None
        if target is not None and shiboken6.isValid(target) and target.isVisible():
            target.setFocus(Qt.FocusReason.PopupFocusReason)

    def _place(self) -> None:
        area = self.parentWidget().rect()
        width = min(WIDTH, max(area.width() - 2 * MARGIN, 320))
        height = min(HEIGHT, max(area.height() - TOP_OFFSET - MARGIN, 160))
        if self.results.isHidden():
            height = min(height, self.sizeHint().height())
        central = self.parentWidget().findChild(QWidget, "main_tabs")
        top = central.geometry().top() if central is not None else 0
        self.setGeometry((area.width() - width) // 2, top + TOP_OFFSET, width, height)

    def hideEvent(self, event: QEvent) -> None:
        self._timer.stop()
        self._generation.advance()
        self._choose_when_ready = False
        super().hideEvent(event)

    @Slot(QWidget, QWidget)
    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if self.isVisible() and new is not None and not self.isAncestorOf(new):
            self.hide()

    # --- searching ---------------------------------------------------------

    @Slot(str)
    def _text_changed(self, text: str) -> None:
        self._generation.advance()
        self._choose_when_ready = False
        if text.strip():
            self._timer.start()
        else:
            self._timer.stop()
            self._show_hits([], "")

    @Slot()
    def search_now(self) -> None:
        self._timer.stop()
        text = self.field.text().strip()
        if not text:
            return
        self._generation.advance()
        self.ctx.ops.query(
            search_everything, self.ctx.db, text, limit=RESULT_LIMIT
        ).discard_if_stale(self._generation).success(self._found).failure(self._failed).run()

    def _found(self, hits: list[SearchHit]) -> None:
        self._show_hits(hits, self.field.text().strip())
        if self._choose_when_ready:
            self._choose_when_ready = False
            self.choose_current()

    def _failed(self, error: Exception) -> None:
        self._choose_when_ready = False
        self._show_hits([], "")
        self.hint.setText(self.tr("The search failed: %1").replace("%1", str(error)))

    def _show_hits(self, hits: list[SearchHit], text: str) -> None:
        self.model.set_hits(hits)
        self._shown_text = text
        first = self.model.hit_row(0, 1)
        if first is not None:
            self._select_row(first)
        self.results.setVisible(self.model.rowCount() > 0)
        if self.isVisible():
            self._place()
        self._update_hint()

    def _update_hint(self) -> None:
        if not self._shown_text:
            text = self.tr("Type part of a name, a place, a phone number or an e-mail address.")
        elif self.model.hit_count == 0:
            text = self.tr("Nothing found for “%1”.").replace("%1", self._shown_text)
        else:
            text = self.tr("↑ ↓ choose · Enter opens · Esc closes")
        self.hint.setText(text)

    # --- choosing ----------------------------------------------------------

    def current_hit(self) -> SearchHit | None:
        return self.model.hit(self.results.currentIndex().row())

    def move_selection(self, step: int) -> None:
        """Select the next (``step`` > 0) or previous hit, skipping the headings."""
        current = self.results.currentIndex().row()
        start = (current + step) if current >= 0 else 0
        start = max(0, min(start, self.model.rowCount() - 1))
        row = self.model.hit_row(start, step)
        if row is None:
            row = self.model.hit_row(start, -step)
        if row is not None:
            self._select_row(row)

    def choose_current(self) -> None:
        """Jump to the selected hit; if the results are older than the text, after the search."""
        if self._shown_text != self.field.text().strip():
            self._choose_when_ready = True
            self.search_now()
            return
        hit = self.current_hit()
        if hit is not None:
            self.hide()
            self.chosen.emit(hit)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row)
        self.results.setCurrentIndex(index)
        self.results.scrollTo(index)
        if row == self.model.hit_row(0, 1):
            self.results.scrollToTop()  # keep the first heading in view

    @Slot(QModelIndex)
    def _clicked(self, index: QModelIndex) -> None:
        if self.model.hit(index.row()) is not None:
            self._select_row(index.row())
            self.choose_current()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key_pressed(Qt.Key(event.key()))
        resized = watched is self.parentWidget() and event.type() == QEvent.Type.Resize
        if resized and self.isVisible():
            self._place()
        return super().eventFilter(watched, event)

    def _key_pressed(self, key: Qt.Key) -> bool:
        steps = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Tab: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Backtab: -1,
            Qt.Key.Key_PageDown: PAGE_STEP,
            Qt.Key.Key_PageUp: -PAGE_STEP,
        }
        if key in steps:
            self.move_selection(steps[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.choose_current()
        elif key == Qt.Key.Key_Escape:
            self.close_popup()
        else:
            return False
        return True
