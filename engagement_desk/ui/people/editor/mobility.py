"""Mobility needs for the ride service: health data under DSGVO Art. 9, kept to what is needed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.services.people.sections import MobilityEntry
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.people.editor.form_grid import heading_label, separator
from engagement_desk.ui.widgets.field_errors import FRAME


class MobilityForm(Retranslatable, QWidget):
    """Wheelchair, rollator, escort and a note; ``value()`` is a ``MobilityEntry``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mobility")
        self.heading = heading_label()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.wheelchair = QCheckBox()
        self.wheelchair.setObjectName("wheelchair")
        self.rollator = QCheckBox()
        self.rollator.setObjectName("rollator")
        self.escort = QCheckBox()
        self.escort.setObjectName("escort")
        self.notes_label = QLabel()
        self.notes = QLineEdit()
        self.notes.setObjectName("mobility_notes")
        self.notes.setMaxLength(500)
        self.notes_label.setBuddy(self.notes)

        checks = QHBoxLayout()
        for check in (self.wheelchair, self.rollator, self.escort):
            checks.addWidget(check)
            check.toggled.connect(self.changed)
        checks.addStretch(1)
        notes = QHBoxLayout()
        notes.addWidget(self.notes_label)
        notes.addWidget(self.notes, 1)
        self.notes.textChanged.connect(self.changed)
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(box)
        inner.addWidget(self.hint)
        inner.addLayout(checks)
        inner.addLayout(notes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(FRAME, FRAME, FRAME, FRAME)
        layout.addWidget(self.heading)
        layout.addWidget(separator())
        layout.addWidget(box)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Mobility – health data (Art. 9 DSGVO)"))
        self.hint.setText(
            self.tr(
                "Only what the ride service needs to choose the car and the help. "
                "Special category of personal data: record it with the person's consent."
            )
        )
        self.wheelchair.setText(self.tr("Wheelchair"))
        self.rollator.setText(self.tr("Rollator"))
        self.escort.setText(self.tr("Needs an escort"))
        self.notes_label.setText(self.tr("Notes for the &driver"))
        for widget in (self.wheelchair, self.rollator, self.escort):
            widget.setAccessibleName(widget.text())
        self.notes.setAccessibleName(self.tr("Notes for the driver"))
        self.setAccessibleName(self.heading.text())

    def set_value(self, value: MobilityEntry) -> None:
        self.wheelchair.setChecked(value.wheelchair)
        self.rollator.setChecked(value.rollator)
        self.escort.setChecked(value.escort)
        self.notes.setText(value.notes)

    def value(self) -> MobilityEntry:
        return MobilityEntry(
            wheelchair=self.wheelchair.isChecked(),
            rollator=self.rollator.isChecked(),
            escort=self.escort.isChecked(),
            notes=self.notes.text(),
        )
