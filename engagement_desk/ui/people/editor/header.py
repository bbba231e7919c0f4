"""The editor's title: the person's name, number and dates, and an "Archived" badge."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from engagement_desk.models.enums import PersonStatus
from engagement_desk.services.people.persons import PersonRecord
from engagement_desk.ui.formatting import format_date, format_datetime
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import enum_label

NAME_SCALE = 1.35


class RecordHeader(Retranslatable, QWidget):
    """Shows a ``PersonRecord`` (or "New person" for None)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.record: PersonRecord | None = None
        self.name_label = QLabel()
        self.name_label.setObjectName("person_name")
        font = QFont(self.name_label.font())
        font.setPointSizeF(font.pointSizeF() * NAME_SCALE)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badge = QLabel()
        self.badge.setObjectName("archived_badge")
        self.badge.setStyleSheet(
            "QLabel { color: white; background: #6d4c41; border-radius: 3px; padding: 1px 6px; }"
        )
        self.badge.hide()
        self.details = QLabel()
        self.details.setObjectName("person_details")
        self.details.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        title = QHBoxLayout()
        title.addWidget(self.name_label)
        title.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        title.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(title)
        layout.addWidget(self.details)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.badge.setText(enum_label(PersonStatus, PersonStatus.ARCHIVED))
        self.show_record(self.record)

    def show_record(self, record: PersonRecord | None) -> None:
        self.record = record
        if record is None:
            self.name_label.setText(self.tr("New person"))
            self.details.setText(self.tr("Not saved yet"))
        else:
            self.name_label.setText(record.display_name or record.last_name)
            parts = [self.tr("No. %1").replace("%1", str(record.id))]
            if record.created_at is not None:
                parts.append(
                    self.tr("created %1").replace("%1", format_date(record.created_at.date()))
                )
            if record.updated_at is not None:
                parts.append(
                    self.tr("changed %1").replace("%1", format_datetime(record.updated_at))
                )
            self.details.setText(" · ".join(parts))
        self.badge.setVisible(record is not None and record.status == PersonStatus.ARCHIVED)
