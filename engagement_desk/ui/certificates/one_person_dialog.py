"""A certificate for one chosen person: person, kind, template, preview, then Ausstellen.

The preview is drawn off the GUI thread and carries no number ("Vorschau"); only
*Ausstellen* takes the next number and enters one certificate in the register.
Opened from the Urkunden tab (*Für eine Person …*) and from the person editor
(*Nachweis ausstellen …*, with the person chosen).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.certificates import IssueOptions, TemplateRecord, list_templates
from engagement_desk.services.certificates.choices import SelectionChoices, selection_choices
from engagement_desk.services.certificates.records import IssuedCertificate
from engagement_desk.services.certificates.single import (
    default_year,
    issue_for_person,
    preview_for_person,
    recipient_name,
)
from engagement_desk.services.errors import Cancelled
from engagement_desk.services.people.persons import PersonChoice
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import enum_label
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.widgets.pdf_output import PdfOutput
from engagement_desk.ui.widgets.pdf_view import PdfPreview
from engagement_desk.ui.widgets.person_picker import PersonPicker

PREVIEW_DELAY_MS = 300
PDF_FILTER = "PDF (*.pdf)"


class OnePersonCertificateDialog(Retranslatable, QDialog):
    """``issued(IssuedCertificate)`` after the one certificate is registered."""

    issued = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        output: PdfOutput,
        person: PersonChoice | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("one_person_certificate")
        self.ctx = ctx
        self.output = output
        self.name = ""
        self.result: IssuedCertificate | None = None
        self._previews = Generation()
        self._names = Generation()

        self.person = PersonPicker(ctx)
        self.person.setObjectName("one_person_picker")
        self.kind = QComboBox()
        self.kind.setObjectName("one_person_kind")
        for kind in CertificateKind:
            self.kind.addItem("", kind)
        self.template = QComboBox()
        self.template.setObjectName("one_person_template")
        self.year = QSpinBox()
        self.year.setObjectName("one_person_year")
        self.year.setRange(1950, dt.date.today().year)
        self.year.setValue(default_year())
        self.event_choice = QComboBox()
        self.event_choice.setObjectName("one_person_event")
        self.event_choice.setMinimumContentsLength(24)
        self.competences = QLineEdit()
        self.competences.setObjectName("one_person_competences")
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._captions: dict[str, QLabel] = {}
        for key, widget in (
            ("person", self.person),
            ("kind", self.kind),
            ("template", self.template),
            ("year", self.year),
            ("event", self.event_choice),
            ("competences", self.competences),
        ):
            caption = QLabel()
            caption.setBuddy(widget)
            self._captions[key] = caption
            self.form.addRow(caption, widget)

        self.hint = QLabel()
        self.hint.setObjectName("one_person_hint")
        self.hint.setWordWrap(True)
        self.issue_button = QPushButton()
        self.issue_button.setObjectName("one_person_issue")
        self.issue_button.setEnabled(False)
        self.issue_button.clicked.connect(self.issue)
        guard_each(ctx, Capability.CERTIFICATES, self.issue_button)
        self.result_label = QLabel()
        self.result_label.setObjectName("one_person_result")
        self.result_label.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.setObjectName("one_person_open")
        self.open_button.clicked.connect(self.open_result)
        self.print_button = QPushButton()
        self.print_button.setObjectName("one_person_print")
        self.print_button.clicked.connect(self.print_result)
        self.close_button = QPushButton()
        self.close_button.setObjectName("one_person_close")
        self.close_button.clicked.connect(self.accept)
        result_buttons = QHBoxLayout()
        result_buttons.addWidget(self.open_button)
        result_buttons.addWidget(self.print_button)
        result_buttons.addStretch(1)
        for button in (self.open_button, self.print_button):
            button.hide()

        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addWidget(self.hint)
        left.addWidget(self.issue_button)
        left.addWidget(self.result_label)
        left.addLayout(result_buttons)
        left.addStretch(1)
        left.addWidget(self.close_button)
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setFixedWidth(400)

        self.preview = PdfPreview()
        self.preview.setObjectName("one_person_preview")
        self.preview.setMinimumWidth(360)
        layout = QHBoxLayout(self)
        layout.addWidget(left_widget)
        layout.addWidget(self.preview, 1)
        self.resize(1040, 640)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.show_preview)
        self.person.changed.connect(self._person_changed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for signal in (
            self.template.currentIndexChanged,
            self.year.valueChanged,
            self.event_choice.currentIndexChanged,
            self.competences.textChanged,
        ):
            signal.connect(self._choice_edited)
        self.retranslate_ui()
        self.ctx.ops.query(selection_choices, ctx.db).success(self._events_arrived).run()
        self._kind_changed()
        if person is not None:
            self.person.set_person(person)

    # --- texts -------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Certificate for one person"))
        for i in range(self.kind.count()):
            self.kind.setItemText(i, enum_label(CertificateKind, self.kind.itemData(i)))
        captions = {
            "person": self.tr("&Person:"),
            "kind": self.tr("&Kind:"),
            "template": self.tr("&Template:"),
            "year": self.tr("&Year:"),
            "event": self.tr("&Event:"),
            "competences": self.tr("&Competences:"),
        }
        for key, text in captions.items():
            self._captions[key].setText(text)
            self._captions[key].buddy().setAccessibleName(text.replace("&", "").rstrip(":"))
        self.competences.setPlaceholderText(self.tr("e.g. teamwork, responsibility"))
        self.hint.setText(
            self.tr(
                "The preview has no number. Issuing gives the next number and enters "
                "the certificate in the register."
            )
        )
        self.issue_button.setText(self.tr("&Issue …"))
        self.open_button.setText(self.tr("&Open"))
        self.print_button.setText(self.tr("P&rint …"))
        self.close_button.setText(self.tr("Close"))
        if not self.preview.pdf:
            self.preview.clear(self._waiting_text())

    def _waiting_text(self) -> str:
        if self.person.person_id is None:
            return self.tr("Choose a person to see the certificate.")
        return self.tr("Preparing the preview …")

    # --- choices -----------------------------------------------------------------

    def current_kind(self) -> CertificateKind:
        return CertificateKind(self.kind.currentData())

    @Slot(object)
    def _events_arrived(self, choices: SelectionChoices) -> None:
        self.event_choice.clear()
        for choice in choices.events:
            self.event_choice.addItem(choice.label, choice.id)

    @Slot()
    def _kind_changed(self) -> None:
        kind = self.current_kind()
        attendance = kind == CertificateKind.ATTENDANCE
        self.form.setRowVisible(self.year, not attendance)
        self.form.setRowVisible(self.event_choice, attendance)
        self.form.setRowVisible(self.competences, kind == CertificateKind.STATEMENT)
        (
            self.ctx.ops.query(list_templates, self.ctx.db, kind)
            .success(self._templates_arrived)
            .run()
        )

    @Slot(object)
    def _templates_arrived(self, templates: tuple[TemplateRecord, ...]) -> None:
        self.template.blockSignals(True)
        self.template.clear()
        for template in templates:
            if template.kind == self.current_kind():
                self.template.addItem(template.name, template.id)
        self.template.blockSignals(False)
        self._choice_edited()

    @Slot()
    def _person_changed(self) -> None:
        self.result = None
        self.result_label.setText("")
        for button in (self.open_button, self.print_button):
            button.hide()
        person_id = self.person.person_id
        self.name = ""
        self._names.advance()
        if person_id is not None:
            (
                self.ctx.ops.query(recipient_name, self.ctx.db, person_id)
                .discard_if_stale(self._names)
                .success(self._name_arrived)
                .run()
            )
        self._choice_edited()

    @Slot(object)
    def _name_arrived(self, name: str) -> None:
        self.name = name
        self._update_issue_button()

    def _update_issue_button(self) -> None:
        self.issue_button.setEnabled(bool(self.preview.pdf and self.name))

    @Slot()
    def _choice_edited(self) -> None:
        self.issue_button.setEnabled(False)
        self._previews.advance()
        self.preview.clear(self._waiting_text())
        if self.person.person_id is not None:
            self._preview_timer.start()

    def options(self) -> IssueOptions:
        competences = ""
        if self.current_kind() == CertificateKind.STATEMENT:
            competences = self.competences.text().strip()
        return IssueOptions(template_id=self.template.currentData(), competences=competences)

    def _where(self) -> dict[str, int | None]:
        if self.current_kind() == CertificateKind.ATTENDANCE:
            return {"event_id": self.event_choice.currentData()}
        return {"year": self.year.value()}

    # --- preview -------------------------------------------------------------------

    @Slot()
    def show_preview(self) -> None:
        self._preview_timer.stop()
        person_id = self.person.person_id
        if person_id is None:
            return
        self._previews.advance()
        (
            self.ctx.ops.query(
                preview_for_person,
                self.ctx.db,
                self.current_kind(),
                person_id,
                options=self.options(),
                **self._where(),
            )
            .discard_if_stale(self._previews)
            .success(self._preview_arrived)
            .failure(self._preview_failed)
            .run()
        )

    @Slot(object)
    def _preview_arrived(self, pdf: bytes) -> None:
        self.preview.set_pdf(pdf)
        self._update_issue_button()

    @Slot(object)
    def _preview_failed(self, error: Exception) -> None:
        self.preview.clear(str(error))

    # --- issuing -----------------------------------------------------------------

    def confirmation(self) -> str:
        questions = {
            CertificateKind.RECOGNITION: self.tr("Issue 1 certificate of recognition for %1?"),
            CertificateKind.STATEMENT: self.tr("Issue 1 engagement statement for %1?"),
            CertificateKind.ATTENDANCE: self.tr("Issue 1 certificate of attendance for %1?"),
        }
        question = questions[self.current_kind()].replace("%1", self.name)
        return question + " " + self.tr("It gets the next number and goes into the register.")

    @Slot()
    def issue(self) -> None:
        person_id = self.person.person_id
        if person_id is None or not self.name:
            return
        kind_name = enum_label(CertificateKind, self.current_kind())
        suggested = f"{kind_name} {self.name}.pdf"
        path = self.ctx.dialogs.save_path(
            self, self.tr("Save the certificate as"), suggested, PDF_FILTER
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        if not self.ctx.dialogs.ask(self, self.tr("Issue certificate"), self.confirmation()):
            return
        self.issue_button.setEnabled(False)
        (
            self.ctx.ops.write(
                issue_for_person,
                self.ctx.db,
                self.current_kind(),
                person_id,
                Path(path),
                options=self.options(),
                **self._where(),
            )
            .with_progress(self, self.tr("Issuing the certificate …"))
            .success(self._issued)
            .failure(self._issue_failed)
            .run()
        )

    @Slot(object)
    def _issued(self, certificate: IssuedCertificate) -> None:
        self.result = certificate
        self._update_issue_button()
        self.result_label.setText(
            self.tr("Issued %1 for %2, saved in %3.")
            .replace("%1", certificate.number)
            .replace("%2", self.name)
            .replace("%3", str(certificate.file))
        )
        for button in (self.open_button, self.print_button):
            button.show()
        self.issued.emit(certificate)

    @Slot(object)
    def _issue_failed(self, error: Exception) -> None:
        self._update_issue_button()
        if isinstance(error, Cancelled):
            self.result_label.setText(self.tr("Cancelled. No certificate was issued."))
            return
        self.ctx.ops.show_error(error, self)

    @Slot()
    def open_result(self) -> None:
        if self.result is not None and self.result.file is not None:
            self.output.open_file(self.result.file)

    @Slot()
    def print_result(self) -> None:
        if self.result is not None and self.result.file is not None:
            self.output.print_pdfs(self, [self.result.file], self.tr("Print certificate"))
