"""Datei ▸ Wiederherstellen …: the verified backups of this database, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.services.backup import BackupInfo
from engagement_desk.ui.formatting import format_datetime, format_decimal, format_int
from engagement_desk.ui.i18n import Retranslatable

PATH_ROLE = Qt.ItemDataRole.UserRole


def _item(text: str, *, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class RestoreDialog(Retranslatable, QDialog):
    """Lists backups; emits ``chosen`` with the file to restore (after the caller confirms)."""

    chosen = Signal(object)
    other_file_wanted = Signal()

    def __init__(self, backups: Sequence[BackupInfo], folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.backups = list(backups)
        self.folder = folder
        self.resize(760, 420)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(self.backups), 6)
        self.table.setObjectName("backups_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, info in enumerate(self.backups):
            cells = (
                _item(format_datetime(info.created_at)),
                _item(f"{format_decimal(info.size / 1_048_576, 1)} MB", number=True),
                _item(format_int(info.counts.get("people", 0)), number=True),
                _item(format_int(info.counts.get("hours", 0)), number=True),
                _item(format_int(info.counts.get("rides", 0)), number=True),
                _item(info.path.name),
            )
            for column, cell in enumerate(cells):
                cell.setData(PATH_ROLE, str(info.path))
                self.table.setItem(row, column, cell)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(self.restore_selected)
        self.empty = QLabel()
        self.empty.setVisible(not self.backups)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        self.other_button = QPushButton()
        self.other_button.setObjectName("other_backup_button")
        self.other_button.clicked.connect(self.other_file_wanted)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        if self.backups:
            self.table.selectRow(0)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Restore a backup"))
        self.intro.setText(
            self.tr(
                "Verified backups in %1. Restoring replaces all current data; the current "
                "database is kept as a copy beside it first."
            ).replace("%1", str(self.folder))
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Made"),
                self.tr("Size"),
                self.tr("People"),
                self.tr("Hours entries"),
                self.tr("Rides"),
                self.tr("File"),
            ]
        )
        self.empty.setText(self.tr("There is no verified backup of this database here yet."))
        self.restore_button.setText(self.tr("&Restore …"))
        self.other_button.setText(self.tr("&Other file …"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    @Slot()
    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    @Slot()
    def restore_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self.chosen.emit(info)
