"""The question "Save, discard or cancel?" before unsaved changes would be lost.

Asked through the dialog seam, ``Dialogs.choose``, like every other question.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

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
    return Unsaved(dialogs.choose(parent, title, text, choices))
