"""The seam for modal dialogs: message boxes, file choosers, files opened on the desktop.

Widgets never call ``QMessageBox``/``QFileDialog``/``QDesktopServices``
directly but go through the ``Dialogs`` object in the application context,
so a test swaps in a recorder with scripted answers instead of blocking on a
modal loop or launching another program.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class Dialogs:
    """Real modal dialogs."""

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def critical(self, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        box = QMessageBox(
            QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent
        )
        if details:
            box.setDetailedText(details)
        box.exec()

    def ask(self, parent: QWidget | None, title: str, question: str) -> bool:
        answer = QMessageBox.question(parent, title, question)
        return answer == QMessageBox.StandardButton.Yes

    def choose(self, parent: QWidget | None, title: str, text: str, choices: Sequence[str]) -> int:
        """Index of the button pressed: the first is the default, the last is Esc (cancel)."""
        box = QMessageBox(
            QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
        )
        buttons = []
        for index, label in enumerate(choices):
            if index == 0:
                role = QMessageBox.ButtonRole.AcceptRole
            elif index == len(choices) - 1:
                role = QMessageBox.ButtonRole.RejectRole
            else:
                role = QMessageBox.ButtonRole.DestructiveRole
            buttons.append(box.addButton(label, role))
        box.setDefaultButton(buttons[0])
        box.setEscapeButton(buttons[-1])
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else len(choices) - 1

    def about(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.about(parent, title, text)

    def save_path(
        self, parent: QWidget | None, title: str, suggested: str, file_filter: str
    ) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
        return path or None

    def open_path(
        self, parent: QWidget | None, title: str, directory: str, file_filter: str
    ) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, title, directory, file_filter)
        return path or None

    def directory_path(self, parent: QWidget | None, title: str, directory: str) -> str | None:
        path = QFileDialog.getExistingDirectory(parent, title, directory)
        return path or None

    def open_file(self, path: Path) -> bool:
        """Open ``path`` in the program the desktop uses for it; False if that failed."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
