"""Editing the certificate texts: title and body per kind, with the placeholders listed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.certificates import (
    PLACEHOLDERS,
    IssueOptions,
    Selection,
    TemplateInput,
    TemplateRecord,
    list_templates,
    preview_certificate,
    update_template,
)
from engagement_desk.services.certificates.placeholders import template_problems
from engagement_desk.services.errors import ValidationError
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import enum_label
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.widgets.forms import Form, line_edit, text_edit
from engagement_desk.ui.widgets.pdf_output import PdfOutput
from engagement_desk.ui.widgets.pdf_view import PdfPreview
from engagement_desk.ui.widgets.person_picker import PersonPicker
from engagement_desk.ui.widgets.placeholder_list import placeholder_list


class TemplatesPage(Retranslatable, QWidget):
    def __init__(self, ctx: AppContext, output: PdfOutput, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("certificate_templates_page")
        self.ctx = ctx
        self.output = output
        self.templates: tuple[TemplateRecord, ...] = ()
        self.current: TemplateRecord | None = None
        self._loaded = False
        self._previews = Generation()

        self.kind = QComboBox()
        self.kind.setObjectName("template_kind")
        for kind in CertificateKind:
            self.kind.addItem("", kind)
        self.template = QComboBox()
        self.template.setObjectName("template_choice")
        self.form = Form(self)
        self.name = line_edit(80)
        self.title = line_edit(120)
        self.body = text_edit(12)
        layout_form = QFormLayout()
        self.kind_label = QLabel()
        self.kind_label.setBuddy(self.kind)
        self.template_label = QLabel()
        self.template_label.setBuddy(self.template)
        layout_form.addRow(self.kind_label, self.kind)
        layout_form.addRow(self.template_label, self.template)
        for key, widget in (("name", self.name), ("title", self.title), ("body", self.body)):
            field = self.form.add(key, widget)
            layout_form.addRow(self.form.labels[key], field)
        self.title.textChanged.connect(self._check_text)
        self.body.textChanged.connect(self._check_text)

        self.placeholders = placeholder_list(PLACEHOLDERS, self.body, "template_placeholders")
        self.placeholders_label = QLabel()
        self.placeholders_label.setBuddy(self.placeholders)
        self.placeholders_label.setWordWrap(True)

        self.save_button = QPushButton()
        self.save_button.setObjectName("template_save")
        self.save_button.clicked.connect(self.save)
        guard_each(ctx, Capability.CERTIFICATES, self.save_button)
        self.preview_person = PersonPicker(ctx)
        self.preview_person.setObjectName("template_preview_person")
        self.preview_button = QPushButton()
        self.preview_button.setObjectName("template_preview")
        self.preview_button.clicked.connect(self.show_preview)
        self.status = QLabel()
        self.status.setObjectName("template_status")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addSpacing(16)
        buttons.addWidget(self.preview_person, 1)
        buttons.addWidget(self.preview_button)

        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addLayout(layout_form)
        editor_layout.addLayout(buttons)
        editor_layout.addWidget(self.status)
        editor_layout.addWidget(self.placeholders_label)
        editor_layout.addWidget(self.placeholders, 1)

        self.preview = PdfPreview()
        self.preview.setObjectName("template_preview_pdf")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(editor)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.kind.currentIndexChanged.connect(self.load)
        self.template.currentIndexChanged.connect(self._template_chosen)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        for i in range(self.kind.count()):
            self.kind.setItemText(i, enum_label(CertificateKind, self.kind.itemData(i)))
        self.kind_label.setText(self.tr("&Kind:"))
        self.template_label.setText(self.tr("&Template:"))
        self.form.set_label("name", self.tr("&Name:"))
        self.form.set_label("title", self.tr("T&itle:"))
        self.form.set_label("body", self.tr("&Text:"))
        self.placeholders_label.setText(
            self.tr("P&laceholders (double-click or Enter inserts one at the cursor):")
        )
        self.save_button.setText(self.tr("&Save template"))
        self.preview_button.setText(self.tr("&Preview"))
        self.preview_person.setAccessibleName(self.tr("Preview for"))
        if not self.preview.pdf:
            self.preview.clear(self.tr("Choose a person and press Preview."))
        self._show_version()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.load()

    @Slot()
    def load(self) -> None:
        self._loaded = True
        kind = CertificateKind(self.kind.currentData())
        self.ctx.ops.query(list_templates, self.ctx.db, kind).success(self._templates_arrived).run()

    @Slot(object)
    def _templates_arrived(self, templates: tuple[TemplateRecord, ...]) -> None:
        keep = self.current.id if self.current else None
        self.templates = templates
        self.template.blockSignals(True)
        self.template.clear()
        for record in templates:
            self.template.addItem(record.name, record.id)
        index = self.template.findData(keep) if keep is not None else -1
        if index < 0:
            index = next((i for i, t in enumerate(templates) if t.is_default), 0)
        self.template.setCurrentIndex(index)
        self.template.blockSignals(False)
        self._template_chosen()

    @Slot()
    def _template_chosen(self) -> None:
        index = self.template.currentIndex()
        self.current = self.templates[index] if 0 <= index < len(self.templates) else None
        record = self.current
        self.name.setText(record.name if record else "")
        self.title.setText(record.title if record else "")
        self.body.setPlainText(record.body if record else "")
        self.form.clear_errors()
        self._show_version()

    def _show_version(self) -> None:
        if self.current is None:
            self.status.setText("")
            return
        self.status.setText(
            self.tr("Version %1 of this text.").replace("%1", str(self.current.template_version))
        )

    @Slot()
    def _check_text(self) -> None:
        for key, text in (("title", self.title.text()), ("body", self.body.toPlainText())):
            problems = template_problems(text)
            field = self.form.fields[key]
            if problems:
                field.show_error(" ".join(problems))
            else:
                field.clear_error()

    def draft(self) -> TemplateInput:
        return TemplateInput(
            name=self.name.text(),
            title=self.title.text(),
            body=self.body.toPlainText(),
            is_default=self.current.is_default if self.current else False,
        )

    @Slot()
    def save(self) -> None:
        if self.current is None:
            return
        (
            self.ctx.ops.write(
                update_template,
                self.ctx.db,
                self.current.id,
                self.draft(),
                expected_version=self.current.version,
            )
            .success(self._saved)
            .failure(self._failed)
            .run()
        )

    @Slot(object)
    def _saved(self, record: TemplateRecord) -> None:
        self.current = record
        self.load()
        self.status.setText(
            self.tr("Saved. Certificates now show version %1.").replace(
                "%1", str(record.template_version)
            )
        )

    @Slot(object)
    def _failed(self, error: Exception) -> None:
        if isinstance(error, ValidationError):
            for unplaced in self.form.show_errors(error.errors):
                self.ctx.ops.show_error(ValidationError([unplaced]), self)
            return
        self.ctx.ops.show_error(error, self)

    @Slot()
    def show_preview(self) -> None:
        person_id = self.preview_person.person_id
        if person_id is None:
            self.preview.clear(self.tr("Choose a person for the preview first."))
            return
        kind = CertificateKind(self.kind.currentData())
        self._previews.advance()
        (
            self.ctx.ops.query(
                preview_certificate,
                self.ctx.db,
                kind,
                person_id,
                Selection(),
                template=self.draft(),
                options=IssueOptions(template_id=self.current.id if self.current else None),
            )
            .discard_if_stale(self._previews)
            .success(self._preview_arrived)
            .failure(self._preview_failed)
            .run()
        )

    @Slot(object)
    def _preview_arrived(self, pdf: bytes) -> None:
        self.preview.set_pdf(pdf)

    @Slot(object)
    def _preview_failed(self, error: Exception) -> None:
        if isinstance(error, ValidationError):
            self.form.show_errors(error.errors)
        self.preview.clear(str(error))
