"""The three-way question an editor asks before unsaved changes would be lost."""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from engagement_desk.ui.widgets.dialogs import Dialogs


class Unsaved(enum.Enum):
    SAVE = 0
    DISCARD = 1
    CANCEL = 2


def ask_unsaved(dialogs: Dialogs, parent: QWidget | None, name: str) -> Unsaved:
    """ "Save changes?" with Save / Discard / Cancel."""
    translate = QCoreApplication.translate
    title = translate("PersonEditor", "Save changes?")
    text = translate("PersonEditor", "The changes to %1 are not saved yet.").replace("%1", name)
    choices = (
        translate("PersonEditor", "Save"),
        translate("PersonEditor", "Discard"),
        translate("PersonEditor", "Cancel"),
    )
    return Unsaved(dialogs.choose(parent, title, text, choices))
