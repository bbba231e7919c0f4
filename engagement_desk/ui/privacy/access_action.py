"""*Access report …* in the person editor: the DSGVO Art. 15 letter and data file for one person.

Asks for a folder, writes the PDF and the JSON file off the GUI thread (the
service also records the export in the audit trail), then shows the letter.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QPushButton, QWidget

from engagement_desk.services.privacy.access import WrittenReport, write_report_files
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.widgets.pdf_preview import PdfPreviewDialog

FOLDER_KEY = "privacy/access_report_folder"


class AccessReportButton(Retranslatable, QPushButton):
    """A button for the person shown in an editor; ``set_person(None)`` disables it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("access_report")
        self.ctx = ctx
        self.person_id: int | None = None
        self.preview: PdfPreviewDialog | None = None
        self.clicked.connect(self.create_report)
        self.retranslate_ui()
        self.set_person(None)

    def retranslate_ui(self) -> None:
        self.setText(self.tr("Access &report …"))
        self.setToolTip(
            self.tr(
                "Everything stored about this person as a letter (PDF) and a data file "
                "(JSON), for a request under Art. 15 GDPR"
            )
        )

    def set_person(self, person_id: int | None) -> None:
        self.person_id = person_id
        self.setEnabled(person_id is not None)

    @Slot()
    def create_report(self) -> None:
        person_id = self.person_id
        if person_id is None:
            return
        start = str(self.ctx.settings.value(FOLDER_KEY, "") or Path.home())
        folder = self.ctx.dialogs.directory_path(
            self.window(), self.tr("Folder for the access report"), start
        )
        if not folder:
            return
        self.ctx.settings.setValue(FOLDER_KEY, folder)
        self.ctx.ops.write(write_report_files, self.ctx.db, person_id, folder).with_progress(
            self.window(), self.tr("Creating the access report …")
        ).success(self._written).run()

    def _written(self, written: WrittenReport) -> None:
        if self.preview is not None:
            self.preview.deleteLater()
        # the title names the folder: the JSON data file lies beside the letter
        title = self.tr("Access report – saved in %1").replace("%1", str(written.pdf_path.parent))
        self.preview = PdfPreviewDialog(self.ctx, title, written.pdf_path, self.window())
        self.preview.open()
