"""Saving over a record someone else changed: choose, field by field, whose value stays.

The editor (``EditorBase``) has loaded the stored version and lists only the
fields where it differs from what was typed: the field's label, the value
saved by the other person and the value typed here, each a radio button. By
default the typed value stays where the person changed the field, the saved
one where they did not. *Apply* emits ``resolved`` with, per field, whether
the typed value is taken; the editor then saves against the new version.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

MAX_VALUE_CHARS = 200


@dataclass(frozen=True)
class ConflictRow:
    """One field that differs: its label, both values as shown, which one is preselected."""

    key: str
    label: str
    theirs: str
    mine: str
    prefer_mine: bool


def _short(text: str) -> str:
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"


class ConflictDialog(QDialog):
    """Per field: the other's saved value or mine. ``resolved(dict[key, take_mine])``."""

    resolved = Signal(object)

    def __init__(
        self,
        rows: Sequence[ConflictRow],
        author: str,
        when: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("conflict_dialog")
        self.rows = tuple(rows)
        self._groups: dict[str, QButtonGroup] = {}
        self.theirs_buttons: dict[str, QRadioButton] = {}
        self.mine_buttons: dict[str, QRadioButton] = {}

        self.setWindowTitle(self.tr("Changed elsewhere"))
        intro = QLabel()
        intro.setObjectName("conflict_intro")
        intro.setWordWrap(True)
        if author:
            text = self.tr(
                "%1 saved this record at %2 while you were editing it. "
                "Choose for each field which value to keep."
            )
            intro.setText(text.replace("%1", author).replace("%2", when))
        else:
            intro.setText(
                self.tr(
                    "This record was saved at another workstation while you were editing it. "
                    "Choose for each field which value to keep."
                )
            )

        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setHorizontalSpacing(18)
        field_title, theirs_title, mine_title = QLabel(), QLabel(), QLabel()
        field_title.setText(self.tr("Field"))
        theirs_title.setText(
            self.tr("Saved by %1").replace("%1", author) if author else self.tr("Saved")
        )
        mine_title.setText(self.tr("Your input"))
        for column, title in enumerate((field_title, theirs_title, mine_title)):
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            grid.addWidget(title, 0, column)
        for number, row in enumerate(self.rows, start=1):
            label = QLabel(row.label)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            theirs = QRadioButton(_short(row.theirs))
            theirs.setObjectName(f"theirs_{row.key}")
            theirs.setToolTip(row.theirs)
            mine = QRadioButton(_short(row.mine))
            mine.setObjectName(f"mine_{row.key}")
            mine.setToolTip(row.mine)
            group = QButtonGroup(self)
            group.addButton(theirs)
            group.addButton(mine)
            (mine if row.prefer_mine else theirs).setChecked(True)
            theirs.setAccessibleName(f"{row.label}: {theirs_title.text()}")
            mine.setAccessibleName(f"{row.label}: {mine_title.text()}")
            self._groups[row.key] = group
            self.theirs_buttons[row.key] = theirs
            self.mine_buttons[row.key] = mine
            grid.addWidget(label, number, 0)
            grid.addWidget(theirs, number, 1)
            grid.addWidget(mine, number, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(self.rows) + 1, 1)  # rows stay together at the top
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(grid_host)

        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(
            self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setObjectName("conflict_apply")
        self.cancel_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setObjectName("conflict_cancel")
        self.buttons.accepted.connect(self._apply)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.resize(720, min(150 + 30 * len(self.rows), 560))

    def choose(self, key: str, mine: bool) -> None:
        (self.mine_buttons if mine else self.theirs_buttons)[key].setChecked(True)

    def choices(self) -> Mapping[str, bool]:
        """Per field key: True if the typed value is kept."""
        return {key: self.mine_buttons[key].isChecked() for key in self._groups}

    @Slot()
    def _apply(self) -> None:
        choices = dict(self.choices())
        self.accept()
        self.resolved.emit(choices)
