"""Step 3: the whole file checked without writing; "Import" only when no row is bad."""

from __future__ import annotations

import functools

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWizardPage

from engagement_desk.services.errors import Cancelled, ServiceError
from engagement_desk.services.people.importing import (
    ImportPreview,
    ImportReport,
    RowDuplicate,
    import_people,
    preview_import,
)
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.formatting import format_int
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.operations import Operation
from engagement_desk.ui.people.import_wizard.fields import HOUSE_NUMBER, field_label, field_text
from engagement_desk.ui.people.import_wizard.notice import Notice
from engagement_desk.ui.people.import_wizard.state import ImportState
from engagement_desk.ui.people.import_wizard.tables import TextTableModel, text_table

PREVIEW_ROWS = 100
ROW = QT_TRANSLATE_NOOP("ImportPreviewPage", "Row")
COLUMN = QT_TRANSLATE_NOOP("ImportPreviewPage", "Column")
PROBLEM = QT_TRANSLATE_NOOP("ImportPreviewPage", "Problem")
IMPORT_ANYWAY = QT_TRANSLATE_NOOP("ImportPreviewPage", "Import anyway")
SAME_AS = QT_TRANSLATE_NOOP("ImportPreviewPage", "Likely the same person as")
NOTE = QT_TRANSLATE_NOOP("ImportPreviewPage", "Note")


def _header(source: str) -> str:
    return QCoreApplication.translate("ImportPreviewPage", source)


class ImportPreviewPage(Retranslatable, QWizardPage):
    """Shows every bad row, the first good rows and likely duplicates; runs the import."""

    imported = Signal(object)  # ImportReport

    def __init__(self, ctx: AppContext, state: ImportState):
        super().__init__()
        self.ctx = ctx
        self.state = state
        self.setObjectName("import_preview_page")
        self.setCommitPage(True)
        self.operation: Operation | None = None
        self._busy = False

        self.summary = Notice("import_summary")
        self.verdict = Notice("import_verdict")
        self.recheck_button = QPushButton()
        self.recheck_button.setObjectName("import_recheck")
        self.recheck_button.clicked.connect(self.check)

        self.errors_model = TextTableModel(
            (
                functools.partial(_header, ROW),
                functools.partial(_header, COLUMN),
                functools.partial(_header, PROBLEM),
            ),
            parent=self,
        )
        self.rows_model = TextTableModel((), parent=self)
        self.duplicates_model = TextTableModel(
            (
                functools.partial(_header, IMPORT_ANYWAY),
                functools.partial(_header, ROW),
                functools.partial(_header, SAME_AS),
            ),
            checkable=True,
            parent=self,
        )
        self.duplicates_model.checks_changed.connect(self._duplicates_ticked)
        self.errors_table = text_table("import_errors", self.errors_model)
        self.rows_table = text_table("import_rows", self.rows_model)
        self.duplicates_table = text_table("import_duplicates", self.duplicates_model)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("import_preview_tabs")
        self.tabs.addTab(self.errors_table, "")
        self.tabs.addTab(self.rows_table, "")
        self.tabs.addTab(self.duplicates_table, "")

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.recheck_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.verdict)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Check the list"))
        self.setSubTitle(
            self.tr("Every row has been checked as the import would; nothing is saved yet.")
        )
        self.recheck_button.setText(self.tr("Check &again"))
        self.recheck_button.setToolTip(
            self.tr("Read the file again, e.g. after correcting it in Excel.")
        )
        for model in (self.errors_model, self.rows_model, self.duplicates_model):
            model.retranslate()
        self._show()

    # --- checking ------------------------------------------------------------

    def initializePage(self) -> None:
        self.check()

    @Slot()
    def check(self) -> None:
        """Read and check the whole file again (off the GUI thread, with progress)."""
        if self.state.path is None:
            return
        self.state.preview = None
        self.state.report = None
        self._set_busy(True)
        self._show()
        self.operation = (
            self.ctx.ops.query(preview_import, self.ctx.db, self.state.path, self.state.mapping)
            .with_progress(self, self.tr("Checking the list …"))
            .success(self._checked)
            .failure(self._check_failed)
            .run()
        )

    def _checked(self, preview: ImportPreview) -> None:
        self.state.preview = preview
        self._fill_tables(preview)
        self._set_busy(False)
        self._show()

    def _check_failed(self, error: Exception) -> None:
        self._set_busy(False)
        self._show()
        if isinstance(error, Cancelled):
            self.verdict.show_warning(self.tr("The check was cancelled. Choose “Check again”."))
        elif isinstance(error, ServiceError):
            self.verdict.show_error(str(error))
        else:
            self.ctx.ops.show_error(error, self)

    # --- importing -------------------------------------------------------------

    def accepted_duplicates(self) -> list[int]:
        return self.duplicates_model.checked_keys()

    def would_import(self) -> int:
        preview = self.state.preview
        if preview is None or preview.errors:
            return 0
        return len(preview.importable(self.accepted_duplicates()))

    def isComplete(self) -> bool:
        return not self._busy and self.would_import() > 0

    def validatePage(self) -> bool:
        """The commit button ("Import"): start the import; the wizard moves on when it is done."""
        if self.state.report is not None:
            return True
        if not self.isComplete():
            return False
        self.start_import()
        return self.state.report is not None

    def start_import(self) -> None:
        assert self.state.path is not None
        self._set_busy(True)
        self.operation = (
            self.ctx.ops.write(
                import_people,
                self.ctx.db,
                self.state.path,
                mapping=self.state.mapping,
                accept_duplicates=self.accepted_duplicates(),
            )
            .with_progress(self, self.tr("Importing people …"))
            .success(self._imported)
            .failure(self._import_failed)
            .run()
        )

    def _imported(self, report: ImportReport) -> None:
        self.state.report = report
        self._set_busy(False)
        if report.imported:
            self.imported.emit(report)
        # When the import ran in the background, the wizard is still waiting on this page.
        QTimer.singleShot(0, self._advance)

    @Slot()
    def _advance(self) -> None:
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            wizard.next()

    def _import_failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, Cancelled):
            self.verdict.show_warning(self.tr("The import was cancelled; nothing was saved."))
        elif isinstance(error, ServiceError):
            self.verdict.show_error(self.tr("Nothing was imported: %1").replace("%1", str(error)))
        else:
            self.ctx.ops.show_error(error, self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.recheck_button.setEnabled(not busy)
        self.completeChanged.emit()

    # --- showing ---------------------------------------------------------------

    @Slot()
    def _duplicates_ticked(self) -> None:
        self._show()
        self.completeChanged.emit()

    def _fill_tables(self, preview: ImportPreview) -> None:
        self.errors_model.set_rows(
            [(str(e.line), e.column, e.message) for e in preview.errors],
            [e.line for e in preview.errors],
        )
        # In the order of the file's columns, as the office knows its list.
        fields = list(
            dict.fromkeys(
                field
                for header in preview.headers
                if (field := preview.mapping.get(header)) and field != HOUSE_NUMBER
            )
        )
        headers = [functools.partial(_header, ROW)]
        headers += [functools.partial(field_label, f) for f in fields]
        headers.append(functools.partial(_header, NOTE))
        self.rows_model.set_headers(headers)
        shown = [row for row in preview.rows if not row.errors][:PREVIEW_ROWS]
        self.rows_model.set_rows(
            [
                (
                    str(row.line),
                    *(field_text(row.person, f) for f in fields),
                    self.tr("likely a duplicate") if row.duplicate is not None else "",
                )
                for row in shown
            ],
            [row.line for row in shown],
        )
        self.duplicates_model.set_rows(
            [("", str(d.line), self._duplicate_text(d)) for d in preview.duplicates],
            [d.line for d in preview.duplicates],
        )
        for table in (self.errors_table, self.rows_table, self.duplicates_table):
            table.resizeColumnsToContents()
        self.tabs.setCurrentIndex(0 if preview.errors else 1)

    def _duplicate_text(self, duplicate: RowDuplicate) -> str:
        reasons = ", ".join(duplicate.reasons)
        if duplicate.same_as_line is not None:
            return (
                self.tr("row %1 of this file (%2)")
                .replace("%1", str(duplicate.same_as_line))
                .replace("%2", reasons)
            )
        return "; ".join(str(hit) for hit in duplicate.existing)

    def _show(self) -> None:
        preview = self.state.preview
        errors = len(preview.errors) if preview else 0
        duplicates = len(preview.duplicates) if preview else 0
        self.tabs.setTabText(0, self.tr("Errors (%1)").replace("%1", format_int(errors)))
        self.tabs.setTabText(
            1, self.tr("Preview (first %1 rows)").replace("%1", format_int(PREVIEW_ROWS))
        )
        self.tabs.setTabText(
            2, self.tr("Likely duplicates (%1)").replace("%1", format_int(duplicates))
        )
        self.tabs.setTabEnabled(0, errors > 0)
        self.tabs.setTabEnabled(2, duplicates > 0)
        if preview is None:
            self.summary.show_info(self.tr("Checking …") if self._busy else "")
            self.verdict.show_info("")
            return
        self.summary.show_info(self._summary_text(preview))
        if preview.errors:
            bad_rows = len({e.line for e in preview.errors})
            self.verdict.show_error(
                self.tr(
                    "Nothing will be imported while any row is bad. Rows with errors: %1 "
                    "(see “Errors”, with row, column and reason). Correct them in the file, "
                    "save it and choose “Check again”, or go back and change the columns."
                ).replace("%1", format_int(bad_rows))
            )
        elif self.would_import() == 0 and preview.duplicates:
            self.verdict.show_warning(
                self.tr(
                    "No row would be imported: every row looks like a person already known. "
                    "Tick “Import anyway” under “Likely duplicates” for rows that are new people."
                )
            )
        elif self.would_import() == 0:
            self.verdict.show_warning(self.tr("No row of the file would be imported."))
        else:
            self.verdict.show_success(
                self.tr("No errors. “Import” saves %Ln person(s).", "", self.would_import())
            )

    def _summary_text(self, preview: ImportPreview) -> str:
        lines = [
            self.tr("%1 · rows read: %2")
            .replace("%1", preview.source)
            .replace("%2", format_int(len(preview.rows)))
        ]
        if preview.duplicates:
            lines.append(
                self.tr(
                    "Likely duplicates: %1. They are left out unless you tick "
                    "“Import anyway” for them."
                ).replace("%1", format_int(len(preview.duplicates)))
            )
        if preview.unknown_columns:
            lines.append(
                self.tr("Columns not imported: %1").replace(
                    "%1", ", ".join(preview.unknown_columns)
                )
            )
        return "\n".join(lines)
