"""Before a new person is saved: people who look like the same one, with the reasons."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.services.people.duplicates import DuplicateHit
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.people.editor.two_line import two_line_list

PERSON_ROLE = Qt.ItemDataRole.UserRole


class DuplicatesDialog(Retranslatable, QDialog):
    """Lists the likely duplicates; "Open" the chosen one, or "Create anyway"."""

    open_requested = Signal(int)
    create_requested = Signal()

    def __init__(self, hits: Sequence[DuplicateHit], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("duplicates_dialog")
        self.hits = list(hits)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.people = two_line_list("duplicate_people")
        self.people.itemActivated.connect(self.open_chosen)
        self.intro.setBuddy(self.people)
        for hit in self.hits:
            item = QListWidgetItem(f"{hit.label}\n{', '.join(hit.reasons)}")
            item.setData(PERSON_ROLE, hit.id)
            self.people.addItem(item)
        self.people.setCurrentRow(0)
        self.open_button = QPushButton()
        self.open_button.setObjectName("open_existing")
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.open_chosen)
        self.create_button = QPushButton()
        self.create_button.setObjectName("create_anyway")
        self.create_button.clicked.connect(self.create_anyway)
        buttons = QDialogButtonBox()
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.people, 1)
        layout.addWidget(buttons)
        self.retranslate_ui()
        self.resize(QSize(520, 300))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Already known?"))
        self.intro.setText(
            self.tr(
                "These people look like the one you are entering. Open the existing "
                "record instead of creating a second one?"
            )
        )
        self.people.setAccessibleName(self.tr("Possible duplicates"))
        self.open_button.setText(self.tr("&Open existing"))
        self.create_button.setText(self.tr("&Create anyway"))

    def chosen_id(self) -> int | None:
        item = self.people.currentItem()
        return int(item.data(PERSON_ROLE)) if item is not None else None

    @Slot()
    def open_chosen(self) -> None:
        person_id = self.chosen_id()
        if person_id is not None:
            self.accept()
            self.open_requested.emit(person_id)

    @Slot()
    def create_anyway(self) -> None:
        self.accept()
        self.create_requested.emit()
