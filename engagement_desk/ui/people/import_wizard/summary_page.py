"""Step 4: what the import did."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizardPage

from engagement_desk.services.people.importing import ImportReport
from engagement_desk.ui.formatting import format_int
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.people.import_wizard.notice import Notice
from engagement_desk.ui.people.import_wizard.state import ImportState

ERRORS_SHOWN = 20


class ImportSummaryPage(Retranslatable, QWizardPage):
    def __init__(self, state: ImportState):
        super().__init__()
        self.state = state
        self.setObjectName("import_summary_page")
        self.setFinalPage(True)
        self.result = Notice("import_result")
        self.details = QLabel()
        self.details.setObjectName("import_result_details")
        self.details.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.result)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Import finished"))
        self.setSubTitle("")
        self.initializePage()

    def initializePage(self) -> None:
        report = self.state.report
        if report is None:
            self.result.show_info("")
            self.details.setText("")
            return
        if report.errors:
            self._show_failure(report)
            return
        self.result.show_success(
            self.tr(
                "%Ln person(s) imported. They are now in the list “People”.",
                "",
                len(report.imported),
            )
        )
        lines = [self.tr("Rows read: %1").replace("%1", format_int(report.rows_read))]
        if report.duplicates:
            lines.append(
                self.tr("Not imported as likely duplicates: rows %1").replace(
                    "%1", ", ".join(str(d.line) for d in report.duplicates)
                )
            )
        if report.unknown_columns:
            lines.append(
                self.tr("Columns not imported: %1").replace("%1", ", ".join(report.unknown_columns))
            )
        self.details.setText("\n".join(lines))

    def _show_failure(self, report: ImportReport) -> None:
        self.result.show_error(
            self.tr(
                "Nothing was imported: the file has changed since it was checked and now "
                "has rows with errors. Correct them and import the file again."
            )
        )
        lines = [str(error) for error in report.errors[:ERRORS_SHOWN]]
        if len(report.errors) > ERRORS_SHOWN:
            lines.append(
                self.tr("… and %1 more").replace(
                    "%1", format_int(len(report.errors) - ERRORS_SHOWN)
                )
            )
        self.details.setText("\n".join(lines))
