"""The list of a template's placeholders: activating one types it into the text."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPlainTextEdit, QTextEdit


def placeholder_list(
    placeholders: Mapping[str, str], target: QPlainTextEdit | QTextEdit, object_name: str
) -> QListWidget:
    """``{name} – meaning`` per placeholder; Enter or a double-click inserts it at the cursor."""
    view = QListWidget()
    view.setObjectName(object_name)
    for name, meaning in placeholders.items():
        item = QListWidgetItem(f"{{{name}}} – {meaning}")
        item.setData(Qt.ItemDataRole.UserRole, name)
        view.addItem(item)

    def insert(item: QListWidgetItem) -> None:
        target.insertPlainText("{" + item.data(Qt.ItemDataRole.UserRole) + "}")
        target.setFocus()

    view.itemActivated.connect(insert)
    return view
