"""A label for what a step has to say: plain information, or an error that stops the import."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

ERROR_STYLE = (
    "QLabel { color: #7a1b14; background: #fbe4e1; border: 1px solid #e2a39b;"
    " border-radius: 4px; padding: 8px; }"
)
SUCCESS_STYLE = (
    "QLabel { color: #174d24; background: #e2f3e5; border: 1px solid #9fcfa9;"
    " border-radius: 4px; padding: 8px; }"
)
WARNING_STYLE = (
    "QLabel { color: #5c4400; background: #fff4d6; border: 1px solid #e8cf8a;"
    " border-radius: 4px; padding: 8px; }"
)


class Notice(QLabel):
    """Word-wrapped text; the ``show_…`` methods other than ``show_info`` frame it in colour."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.kind = "info"

    def show_info(self, text: str) -> None:
        self._show("info", text, "")

    def show_success(self, text: str) -> None:
        self._show("success", text, SUCCESS_STYLE)

    def show_warning(self, text: str) -> None:
        self._show("warning", text, WARNING_STYLE)

    def show_error(self, text: str) -> None:
        self._show("error", text, ERROR_STYLE)

    def _show(self, kind: str, text: str, style: str) -> None:
        self.kind = kind
        self.setStyleSheet(style)
        self.setText(text)
        self.setVisible(bool(text))
