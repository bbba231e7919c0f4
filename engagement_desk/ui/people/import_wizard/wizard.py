"""Datei ▸ Personen importieren: file → columns → check → import → summary."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.people.import_wizard.file_page import ImportFilePage
from engagement_desk.ui.people.import_wizard.mapping_page import ImportMappingPage
from engagement_desk.ui.people.import_wizard.preview_page import ImportPreviewPage
from engagement_desk.ui.people.import_wizard.state import ImportState
from engagement_desk.ui.people.import_wizard.summary_page import ImportSummaryPage

SIZE = (960, 680)


class ImportWizard(Retranslatable, QWizard):
    """Imports an office's Excel or CSV list of people: all rows, or none if any is bad.

    Nothing is written before the "Import" button on the check step; reading,
    checking and importing run off the GUI thread, checking and importing
    with progress and a Cancel button. Emits ``imported(report)`` once people
    were saved.
    """

    FILE, MAPPING, PREVIEW, SUMMARY = range(4)
    imported = Signal(object)  # ImportReport

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.state = ImportState()
        self.setObjectName("import_wizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = ImportFilePage(ctx, self.state)
        self.mapping_page = ImportMappingPage(self.state)
        self.preview_page = ImportPreviewPage(ctx, self.state)
        self.summary_page = ImportSummaryPage(self.state)
        self.setPage(self.FILE, self.file_page)
        self.setPage(self.MAPPING, self.mapping_page)
        self.setPage(self.PREVIEW, self.preview_page)
        self.setPage(self.SUMMARY, self.summary_page)
        self.preview_page.imported.connect(self.imported)
        self.resize(*SIZE)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import people"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
