"""The bar at the top of an editor: someone else changed (or deleted) the record shown."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from engagement_desk.ui.i18n import Retranslatable

BAR_STYLE = (
    "QFrame#changed_bar { background: #fff4ce; border: 1px solid #e0b400; border-radius: 3px; }"
)


class ChangedElsewhereBar(Retranslatable, QFrame):
    """ "Changed by NAME at HH:MM" with *Reload* and *Close*; hidden until ``show_change``."""

    reload_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("changed_bar")
        self.setStyleSheet(BAR_STYLE)
        self.label = QLabel()
        self.label.setObjectName("changed_bar_text")
        self.label.setWordWrap(True)
        self.reload_button = QPushButton()
        self.reload_button.setObjectName("changed_bar_reload")
        self.reload_button.clicked.connect(self.reload_requested)
        self.close_button = QPushButton()
        self.close_button.setObjectName("changed_bar_close")
        self.close_button.clicked.connect(self._dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.reload_button)
        layout.addWidget(self.close_button)
        self._who = self._when = ""
        self._deleted = False
        self.retranslate_ui()
        self.hide()

    def show_change(self, who: str, when: str, *, deleted: bool = False) -> None:
        self._who, self._when, self._deleted = who, when, deleted
        self.retranslate_ui()
        self.reload_button.setVisible(not deleted)
        self.show()

    def retranslate_ui(self) -> None:
        deleted = self.tr("Deleted by %1 at %2")
        changed = self.tr("Changed by %1 at %2")
        text = deleted if self._deleted else changed
        self.label.setText(text.replace("%1", self._who).replace("%2", self._when))
        self.reload_button.setText(self.tr("Reload"))
        self.close_button.setText(self.tr("Close"))

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
