"""The manual in a window of its own: a QTextBrowser on the packaged HTML, no web engine."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.ui.help.chapters import START, manual_path
from engagement_desk.ui.i18n import Retranslatable


class ManualViewer(Retranslatable, QDialog):
    """Non-modal: the office reads along while working in the main window."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("manual_viewer")
        self.resize(820, 680)
        self.browser = QTextBrowser()
        self.browser.setObjectName("manual_browser")
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)
        self.back_button = QPushButton()
        self.back_button.setObjectName("manual_back")
        self.back_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.back_button.setEnabled(False)
        self.contents_button = QPushButton()
        self.contents_button.setObjectName("manual_contents")
        self.contents_button.clicked.connect(lambda: self.show_chapter(START))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addWidget(self.contents_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(row)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        # The manual is written in German only; the English window says so.
        self.setWindowTitle(self.tr("Manual (in German)"))
        self.back_button.setText(self.tr("&Back"))
        self.contents_button.setText(self.tr("&Contents"))

    def show_chapter(self, anchor: str) -> None:
        url = QUrl.fromLocalFile(str(manual_path()))
        url.setFragment(anchor)
        self.browser.setSource(url)

    def current_anchor(self) -> str:
        return self.browser.source().fragment()
