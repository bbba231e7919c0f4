"""*Engagement Desk einrichten*: the short wizard on a really empty database.

First page: set up a new agency, look at the demo data, or open an existing
database. Setting up asks for the agency (name, address, contact, logo), the
Bundesland (it decides the public holidays: no silent default) and the km
rate, the signatories for certificates, and the backup folder; *Finish* writes
everything in one service call (``set_up_agency``), and an input the service
rejects is shown on its page.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from engagement_desk.services.backup.location import backup_folder
from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.settings import (
    DEFAULT_SETTINGS,
    AgencySettingsInput,
    AgencySettingsRecord,
    set_up_agency,
)
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.settings.agency_fields import AgencyFields, placed_errors
from engagement_desk.ui.widgets.forms import add_row, form_layout


class SetupChoice(Enum):
    NEW = "new"
    DEMO = "demo"
    OPEN = "open"


START, AGENCY, RULES, SIGNATURES, BACKUP = range(5)
_PAGE_OF_FIELD = {
    "bundesland": RULES,
    "km_rate": RULES,
    "backup_folder": BACKUP,
}


def page_of(field: str) -> int:
    if field.startswith("signator"):
        return SIGNATURES
    return _PAGE_OF_FIELD.get(field, AGENCY)


class _Page(QWizardPage):
    def __init__(self, wizard: SetupWizard, number: int):
        super().__init__()
        self.setup = wizard
        self.number = number
        self.box = QVBoxLayout(self)

    def validatePage(self) -> bool:
        return self.setup.page_is_valid(self.number)


class StartPage(_Page):
    def __init__(self, wizard: SetupWizard):
        super().__init__(wizard, START)
        self.new = QRadioButton()
        self.new.setObjectName("choice_new")
        self.new.setChecked(True)
        self.demo = QRadioButton()
        self.demo.setObjectName("choice_demo")
        self.open = QRadioButton()
        self.open.setObjectName("choice_open")
        self.hints = [QLabel() for _ in range(3)]
        for button, hint in zip((self.new, self.demo, self.open), self.hints, strict=True):
            hint.setWordWrap(True)
            hint.setContentsMargins(24, 0, 0, 8)
            hint.setStyleSheet("color: palette(placeholder-text);")
            self.box.addWidget(button)
            self.box.addWidget(hint)
            button.toggled.connect(self.completeChanged)
            button.toggled.connect(lambda _on: self.setFinalPage(not self.new.isChecked()))
        self.box.addStretch(1)

    def nextId(self) -> int:
        return AGENCY if self.new.isChecked() else -1

    def choice(self) -> SetupChoice:
        if self.demo.isChecked():
            return SetupChoice.DEMO
        if self.open.isChecked():
            return SetupChoice.OPEN
        return SetupChoice.NEW


class SetupWizard(Retranslatable, QWizard):
    """Emits ``chosen`` with the SetupChoice once it is done; NEW only after the settings
    were stored (then ``record`` holds them)."""

    chosen = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("setup_wizard")
        self.ctx = ctx
        self.record: AgencySettingsRecord | None = None
        self._stored = False
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.fields = AgencyFields(ctx, self)
        self.form = self.fields.form

        self.start = StartPage(self)
        self.agency = _Page(self, AGENCY)
        self.agency.box.addLayout(self.fields.identity_layout())
        self.rules = _Page(self, RULES)
        self.rules_intro = QLabel()
        self.rules_intro.setWordWrap(True)
        self.rules.box.addWidget(self.rules_intro)
        self.rules.box.addLayout(self.fields.rules_layout())
        self.signatures = _Page(self, SIGNATURES)
        self.signatures_intro = QLabel()
        self.signatures_intro.setWordWrap(True)
        self.signatures.box.addWidget(self.signatures_intro)
        self.signatures.box.addLayout(self.fields.signatories_layout())
        self.backup = _Page(self, BACKUP)
        self.backup_intro = QLabel()
        self.backup_intro.setWordWrap(True)
        self.backup_folder = QLineEdit(str(backup_folder()))
        self.choose_folder = QPushButton()
        self.choose_folder.setObjectName("choose_backup_folder")
        self.choose_folder.clicked.connect(self._choose_folder)
        folder_row = QWidget()
        line = QHBoxLayout(folder_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.backup_folder, 1)
        line.addWidget(self.choose_folder)
        layout = form_layout()
        add_row(self.form, layout, "backup_folder", folder_row)
        self.form.labels["backup_folder"].setBuddy(self.backup_folder)
        self.backup.box.addWidget(self.backup_intro)
        self.backup.box.addLayout(layout)
        for page in (self.rules, self.signatures, self.backup, self.agency):
            page.box.addStretch(1)
        for number, page in (
            (START, self.start),
            (AGENCY, self.agency),
            (RULES, self.rules),
            (SIGNATURES, self.signatures),
            (BACKUP, self.backup),
        ):
            self.setPage(number, page)
        self.fields.km_rate.setText("0,30")
        self.resize(720, 560)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Set up Engagement Desk"))
        self.fields.retranslate()
        self.form.set_label("backup_folder", self.tr("Backup &folder:"))
        self.choose_folder.setText(self.tr("Choose …"))
        self.start.setTitle(self.tr("Welcome to Engagement Desk"))
        self.start.setSubTitle(self.tr("This database is still empty. What would you like to do?"))
        self.start.new.setText(self.tr("&Set up a new agency"))
        self.start.demo.setText(self.tr("Look at the &demo data"))
        self.start.open.setText(self.tr("&Open an existing database …"))
        hints = (
            self.tr("Name, address, logo, federal state and signatures; about two minutes."),
            self.tr("A made-up agency with people, rides and events, kept apart from real data."),
            self.tr("A database file or the office's server, e.g. one set up by a colleague."),
        )
        for label, text in zip(self.start.hints, hints, strict=True):
            label.setText(text)
        self.agency.setTitle(self.tr("Your agency"))
        self.agency.setSubTitle(self.tr("Printed on certificates, run sheets and letters."))
        self.rules.setTitle(self.tr("Federal state and km rate"))
        self.rules_intro.setText(
            self.tr(
                "The federal state decides the public holidays, on which rides do not run. "
                "The km rate is paid to drivers in the expense claims."
            )
        )
        self.signatures.setTitle(self.tr("Signatures on certificates"))
        self.signatures_intro.setText(
            self.tr(
                "Who signs certificates (up to two, left and right). A scanned signature is "
                "optional; you can add or change this later under Settings."
            )
        )
        self.backup.setTitle(self.tr("Backups"))
        self.backup_intro.setText(
            self.tr(
                "Backups made on this computer go to this folder; an external drive or a "
                "network share is safest."
            )
        )
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))

    # --- checks on the way -----------------------------------------------------------

    def page_is_valid(self, number: int) -> bool:
        """Checks that need no database: the name, the Bundesland, the amount."""
        errors: list[FieldError] = []
        if number == AGENCY and not self.fields.name.text().strip():
            errors.append(FieldError("name", "Name der Agentur", self.tr("Please fill in.")))
        if number == RULES:
            try:
                self.fields.values(DEFAULT_SETTINGS)
            except ValidationError as error:
                errors.extend(error.errors)
        if errors:
            self.form.show_errors(errors)
            return False
        return True

    def data(self) -> AgencySettingsInput:
        return self.fields.values(AgencySettingsInput(name=""))

    # --- finishing -------------------------------------------------------------------

    def accept(self) -> None:
        choice = self.start.choice()
        if choice is not SetupChoice.NEW or self._stored:
            super().accept()
            self.chosen.emit(choice)
            return
        try:
            data = self.data()
        except ValidationError as error:
            self._failed(error)
            return
        folder = Path(self.backup_folder.text().strip()) if self.backup_folder.text() else None
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.ctx.ops.write(set_up_agency, self.ctx.db, data, backup_folder=folder).success(
            self._stored_record
        ).failure(self._failed).run()

    @Slot(object)
    def _stored_record(self, record: AgencySettingsRecord) -> None:
        self.record = record
        self._stored = True
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        if not isinstance(error, ValidationError):
            self.ctx.ops.show_error(error, self)
            return
        errors = placed_errors(list(error.errors), self.fields.sent_rows)
        target = min(page_of(e.field) for e in errors)
        while self.currentId() > target:
            self.back()
        unplaced = self.form.show_errors(errors)
        if unplaced:
            self.ctx.dialogs.warn(
                self, self.tr("Not saved"), "\n".join(e.message for e in unplaced)
            )

    @Slot()
    def _choose_folder(self) -> None:
        chosen = self.ctx.dialogs.directory_path(
            self, self.tr("Backup folder"), self.backup_folder.text()
        )
        if chosen:
            self.backup_folder.setText(chosen)
