"""Step 1: choose the Excel or CSV file; it is read at once to show what it holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from engagement_desk.services.errors import ServiceError
from engagement_desk.services.people.importing import RawTable, read_table
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.formatting import format_int
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.people.import_wizard.notice import Notice
from engagement_desk.ui.people.import_wizard.state import ImportState

DIRECTORY_KEY = "people_import/directory"


class ImportFilePage(Retranslatable, QWizardPage):
    def __init__(self, ctx: AppContext, state: ImportState):
        super().__init__()
        self.ctx = ctx
        self.state = state
        self.setObjectName("import_file_page")
        self._generation = Generation()
        self._error = ""
        self._path: Path | None = None

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.path_label = QLabel()
        self.path_field = QLineEdit()
        self.path_field.setObjectName("import_path")
        self.path_field.setReadOnly(True)
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("import_choose_file")
        self.choose_button.clicked.connect(self.choose_file)
        self.path_label.setBuddy(self.choose_button)
        self.info = Notice("import_file_info")

        row = QHBoxLayout()
        row.addWidget(self.path_field, 1)
        row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(12)
        layout.addWidget(self.path_label)
        layout.addLayout(row)
        layout.addWidget(self.info)
        layout.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Choose the list"))
        self.setSubTitle(self.tr("An Excel workbook (.xlsx) or a CSV file, one person per row."))
        self.intro.setText(
            self.tr(
                "The first row with column titles (Nachname, Vorname, PLZ, …) is found "
                "by itself; title lines above it are skipped. In the next steps you check "
                "which column holds what, and see every row that cannot be imported. "
                "Nothing is saved before the last step."
            )
        )
        self.path_label.setText(self.tr("File:"))
        self.choose_button.setText(self.tr("&Choose file …"))
        self._show_info()

    def initializePage(self) -> None:
        self.choose_button.setFocus()

    def isComplete(self) -> bool:
        return self.state.table is not None

    @Slot()
    def choose_file(self) -> None:
        directory = str(self.ctx.settings.value(DIRECTORY_KEY, str(Path.home())))
        path = self.ctx.dialogs.open_path(
            self,
            self.tr("Import people"),
            directory,
            self.tr("Lists of people (*.xlsx *.csv *.txt);;All files (*)"),
        )
        if path:
            self.ctx.settings.setValue(DIRECTORY_KEY, str(Path(path).parent))
            self.load(Path(path))

    def load(self, path: Path) -> None:
        """Read ``path`` off the GUI thread; the page is complete once it was read."""
        self.path_field.setText(str(path))
        self.state.table = None
        self._error = ""
        self.info.show_info(self.tr("Reading the file …"))
        self.completeChanged.emit()
        self._generation.advance()
        self._path = path
        self.ctx.ops.query(read_table, path).discard_if_stale(self._generation).success(
            self._read
        ).failure(self._failed).run()

    def _read(self, table: RawTable) -> None:
        assert self._path is not None
        self.state.choose(self._path, table)
        self._show_info()
        self.completeChanged.emit()

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, ServiceError | OSError):
            self.ctx.ops.show_error(error, self)
        self._error = str(error)
        self._show_info()

    def _show_info(self) -> None:
        table = self.state.table
        if self._error:
            self.info.show_error(self._error)
        elif table is not None:
            self.info.show_info(
                self.tr("%1 · %2 rows · %3 columns, titles in row %4")
                .replace("%1", table.description)
                .replace("%2", format_int(len(table.rows)))
                .replace("%3", format_int(len(table.headers)))
                .replace("%4", str(table.header_line))
            )
        else:
            self.info.show_info("")
