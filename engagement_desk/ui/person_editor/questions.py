"""Questions with more than yes/no, asked through the dialog seam of the context.

``Dialogs`` has ``ask`` (yes/no). An editor's guard needs three answers
(save / discard / cancel); this asks ``dialogs.choose(parent, title, text,
choices) -> index`` when the seam offers it, else shows the message box
itself. A test double without ``choose`` answers through ``ask``: yes is
the first choice, no the last.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from engagement_desk.ui.dialogs import Dialogs


class Unsaved(enum.Enum):
    SAVE = 0
    DISCARD = 1
    CANCEL = 2


def choose(
    dialogs: Dialogs, parent: QWidget | None, title: str, text: str, choices: Sequence[str]
) -> int:
    """Index of the chosen button; the last choice is the one Esc gives (cancel)."""
    method = getattr(dialogs, "choose", None)
    if callable(method):
        return int(method(parent, title, text, list(choices)))
    if type(dialogs).ask is Dialogs.ask:
        return message_box_choice(parent, title, text, choices)
    return 0 if dialogs.ask(parent, title, text) else len(choices) - 1


def message_box_choice(
    parent: QWidget | None, title: str, text: str, choices: Sequence[str]
) -> int:
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
    return Unsaved(choose(dialogs, parent, title, text, choices))
