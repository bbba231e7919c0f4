"""Settings → *Datensicherung*: the folder this workstation writes its backups to.

A setting of the computer, not of the database (``services.backup.location``):
the window's *Sicherung* and ``engagement-desk db backup`` both use it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from engagement_desk.services.backup.location import backup_folder, default_backup_folder
from engagement_desk.services.settings import choose_backup_folder
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.widgets.forms import Form, add_row, form_layout


class BackupPage(Retranslatable, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("backup_page")
        self.ctx = ctx
        self.form = Form(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.folder = QLineEdit(str(backup_folder()))
        self.folder.setReadOnly(True)
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("choose_backup_folder")
        self.choose_button.clicked.connect(self.choose)
        self.default_button = QPushButton()
        self.default_button.setObjectName("default_backup_folder")
        self.default_button.clicked.connect(self.use_default)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.hide()
        layout = form_layout()
        add_row(self.form, layout, "backup_folder", self.folder)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.default_button)
        buttons.addWidget(self.choose_button)
        box = QVBoxLayout(self)
        box.addWidget(self.intro)
        box.addLayout(layout)
        box.addLayout(buttons)
        box.addWidget(self.notice)
        box.addStretch(1)
        self.retranslate_ui()

    def title(self) -> str:
        return self.tr("Backup")

    def retranslate_ui(self) -> None:
        self.form.set_label("backup_folder", self.tr("Backup &folder:"))
        self.intro.setText(
            self.tr(
                "Backups made on this computer are written to this folder, e.g. an external "
                "drive or a network share. It is a setting of this computer, not of the "
                "database."
            )
        )
        self.choose_button.setText(self.tr("Choose folder …"))
        self.default_button.setText(self.tr("Use the default"))
        self.default_button.setToolTip(str(default_backup_folder()))

    @Slot()
    def choose(self) -> None:
        chosen = self.ctx.dialogs.directory_path(self, self.tr("Backup folder"), self.folder.text())
        if chosen:
            self._set(Path(chosen))

    @Slot()
    def use_default(self) -> None:
        self._set(None)

    def _set(self, folder: Path | None) -> None:
        self.notice.hide()
        self.ctx.ops.write(choose_backup_folder, folder).success(self._chosen).failure(
            self._refused
        ).run()

    @Slot(object)
    def _chosen(self, folder: Path) -> None:
        self.form.clear_errors()
        self.folder.setText(str(folder))
        self.notice.setText(self.tr("Saved."))
        self.notice.show()

    def _refused(self, error: Exception) -> None:
        if not self.form.show_failure(error, lambda text: None):
            self.ctx.ops.show_error(error, self)
