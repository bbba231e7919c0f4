"""The question "Save, discard or cancel?" before unsaved changes would be lost.

``Dialogs`` (ui/dialogs.py) only asks yes/no. This uses the same three-way
seam as the person editor, ``dialogs.choose(parent, title, text, choices)
-> index``, when the dialogs object has it; a test double without it answers
through ``ask`` (yes: save, no: cancel); the real ``Dialogs`` gets a message
box with the three buttons.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from engagement_desk.ui.dialogs import Dialogs

translate = QCoreApplication.translate


class Unsaved(IntEnum):
    SAVE = 0
    DISCARD = 1
    CANCEL = 2


def ask_unsaved(dialogs: Any, parent: QWidget | None, title: str, text: str) -> Unsaved:
    choices = [
        translate("RecordEditor", "Save"),
        translate("RecordEditor", "Discard"),
        translate("RecordEditor", "Cancel"),
    ]
    seam = getattr(dialogs, "choose", None)
    if callable(seam):
        return Unsaved(int(seam(parent, title, text, choices)))
    if type(dialogs).ask is not Dialogs.ask:
        return Unsaved.SAVE if dialogs.ask(parent, title, text) else Unsaved.CANCEL
    return _message_box(parent, title, text, choices)


def _message_box(parent: QWidget | None, title: str, text: str, choices: list[str]) -> Unsaved:
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    roles = (
        QMessageBox.ButtonRole.AcceptRole,
        QMessageBox.ButtonRole.DestructiveRole,
        QMessageBox.ButtonRole.RejectRole,
    )
    buttons = [box.addButton(label, role) for label, role in zip(choices, roles, strict=True)]
    box.setDefaultButton(buttons[Unsaved.SAVE])
    box.setEscapeButton(buttons[Unsaved.CANCEL])
    box.exec()
    clicked = box.clickedButton()
    return Unsaved(buttons.index(clicked)) if clicked in buttons else Unsaved.CANCEL
