"""*Serienbrief …*: choose template and outputs, see who gets one and who is left out
(and why), preview the first letters, then write the files off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import LeftOutReason, LetterOutput
from engagement_desk.services.errors import Cancelled, ValidationError
from engagement_desk.services.letters.label_formats import DEFAULT_FORMAT, LABEL_FORMATS
from engagement_desk.services.letters.output import (
    LetterPlan,
    LetterRequest,
    LetterRun,
    plan_letters,
    preview_letters,
    write_letters,
)
from engagement_desk.services.letters.recipients import Recipients, Source
from engagement_desk.services.letters.templates import LetterTemplateRecord, list_templates
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.formatting import format_int
from engagement_desk.ui.labels import enum_label
from engagement_desk.ui.letters.templates_editor import LetterTemplatesDialog
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.widgets.pdf_view import PdfPreview

DEFAULT_OUTPUTS = (LetterOutput.LETTERS,)
translate = QCoreApplication.translate
LABEL_FORMAT_NAMES = {
    "3x7": QT_TRANSLATE_NOOP(
        "LetterDialog", "A4, 3 × 7 labels of 70 × 42.3 mm (e.g. Avery Zweckform 3652)"
    ),
    "3x8": QT_TRANSLATE_NOOP(
        "LetterDialog", "A4, 3 × 8 labels of 70 × 37 mm (e.g. Avery Zweckform 3474)"
    ),
}


def left_out_text(recipients: Recipients) -> str:
    """'3 without consent to be contacted, 2 without postal address', translated."""
    parts = []
    for reason, count in recipients.left_out.items():
        label = enum_label(LeftOutReason, reason)
        parts.append(f"{format_int(count)} {label[:1].lower()}{label[1:]}")
    return ", ".join(parts)


class LetterDialog(QDialog):
    """Letters, labels and the e-mail list for the people of one source."""

    def __init__(
        self,
        ctx: AppContext,
        source: Source,
        source_text: str,
        parent: QWidget | None = None,
        *,
        template_name: str | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.source = source
        self.setObjectName("letter_dialog")
        self.plan: LetterPlan | None = None
        self.run_result: LetterRun | None = None
        self._wanted_template = template_name
        self._plans = Generation()
        self._previews = Generation()

        self.source_label = QLabel(source_text)
        self.source_label.setObjectName("letter_source")
        self.source_label.setWordWrap(True)
        self.template = QComboBox()
        self.template.setObjectName("letter_template_choice")
        self.template.currentIndexChanged.connect(self.update_plan)
        self.edit_templates = QPushButton()
        self.edit_templates.setObjectName("letter_edit_templates")
        self.edit_templates.clicked.connect(self.open_templates)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template, 1)
        template_row.addWidget(self.edit_templates)
        self.outputs: dict[LetterOutput, QCheckBox] = {}
        output_box = QVBoxLayout()
        for output in LetterOutput:
            box = QCheckBox()
            box.setObjectName(f"letter_output_{output.value}")
            box.setChecked(output in DEFAULT_OUTPUTS)
            box.toggled.connect(self.update_plan)
            self.outputs[output] = box
            output_box.addWidget(box)
        self.label_format = QComboBox()
        self.label_format.setObjectName("letter_label_format")
        for key, sheet in LABEL_FORMATS.items():
            self.label_format.addItem(sheet.name, key)
        self.label_format.setCurrentIndex(self.label_format.findData(DEFAULT_FORMAT))
        self.summary = QLabel()
        self.summary.setObjectName("letter_summary")
        self.summary.setWordWrap(True)
        self.summary.setMinimumWidth(360)

        self.form = QFormLayout()
        self.source_caption = QLabel()
        self.template_caption = QLabel()
        self.template_caption.setBuddy(self.template)
        self.output_caption = QLabel()
        self.format_caption = QLabel()
        self.format_caption.setBuddy(self.label_format)
        self.form.addRow(self.source_caption, self.source_label)
        self.form.addRow(self.template_caption, template_row)
        self.form.addRow(self.output_caption, output_box)
        self.form.addRow(self.format_caption, self.label_format)

        self.preview_button = QPushButton()
        self.preview_button.setObjectName("letter_preview")
        self.preview_button.clicked.connect(self.show_preview)
        self.preview = PdfPreview()
        self.preview.setObjectName("letter_preview_pdf")
        self.preview.setMinimumWidth(320)

        self.buttons = QDialogButtonBox()
        self.write_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.write_button.setObjectName("letter_write")
        self.write_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.write_button.clicked.connect(self.write)
        self.buttons.rejected.connect(self.reject)
        guard_each(ctx, Capability.CERTIFICATES, self.edit_templates)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self.form)
        left_layout.addWidget(self.summary)
        left_layout.addStretch(1)
        left_layout.addWidget(self.preview_button)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(1040, 640)
        self.retranslate_ui()
        self.load_templates()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Form letter"))
        self.source_caption.setText(self.tr("Recipients:"))
        self.template_caption.setText(self.tr("&Template:"))
        self.output_caption.setText(self.tr("Output:"))
        self.format_caption.setText(self.tr("Label &sheet:"))
        self.edit_templates.setText(self.tr("&Edit templates …"))
        for output, box in self.outputs.items():
            box.setText(enum_label(LetterOutput, output))
        for index in range(self.label_format.count()):
            key = self.label_format.itemData(index)
            name = LABEL_FORMAT_NAMES.get(key)
            self.label_format.setItemText(
                index, translate("LetterDialog", name) if name else LABEL_FORMATS[key].name
            )
        self.preview_button.setText(self.tr("&Preview the first letters"))
        self.write_button.setText(self.tr("&Write …"))
        if not self.preview.pdf:
            self.preview.clear(self.tr("Press “Preview” to see the first letters."))

    # --- choices --------------------------------------------------------------------

    def load_templates(self) -> None:
        self.ctx.ops.query(list_templates, self.ctx.db).success(self._templates_arrived).run()

    @Slot(object)
    def _templates_arrived(self, templates: tuple[LetterTemplateRecord, ...]) -> None:
        keep = self._wanted_template or self.template.currentText()
        self._wanted_template = None
        self.template.blockSignals(True)
        self.template.clear()
        for record in templates:
            self.template.addItem(record.name, record.id)
        index = self.template.findText(keep) if keep else -1
        self.template.setCurrentIndex(max(index, 0))
        self.template.blockSignals(False)
        self.update_plan()

    def chosen_outputs(self) -> frozenset[LetterOutput]:
        return frozenset(o for o, box in self.outputs.items() if box.isChecked())

    def request(self) -> LetterRequest:
        return LetterRequest(
            self.source,
            self.chosen_outputs(),
            template_id=self.template.currentData(),
            label_format=self.label_format.currentData() or DEFAULT_FORMAT,
        )

    @Slot()
    def open_templates(self) -> None:
        dialog = LetterTemplatesDialog(self.ctx, self)
        dialog.exec()
        self._wanted_template = self.template.currentText()
        self.load_templates()

    # --- who gets one -----------------------------------------------------------------

    @Slot()
    def update_plan(self) -> None:
        uses_letters = LetterOutput.LETTERS in self.chosen_outputs()
        self.template.setEnabled(uses_letters)
        self.preview_button.setEnabled(uses_letters)
        self.label_format.setEnabled(LetterOutput.LABELS in self.chosen_outputs())
        self.write_button.setEnabled(False)
        self.summary.setText(self.tr("Counting the recipients …"))
        self._plans.advance()
        (
            self.ctx.ops.query(plan_letters, self.ctx.db, self.request())
            .discard_if_stale(self._plans)
            .success(self._plan_arrived)
            .failure(self._plan_failed)
            .run()
        )

    @Slot(object)
    def _plan_arrived(self, plan: LetterPlan) -> None:
        self.plan = plan
        lines = []
        for output, recipients in plan.recipients.items():
            line = self.tr("%1: %2 get one").replace("%1", enum_label(LetterOutput, output))
            line = line.replace("%2", format_int(len(recipients.people)))
            if recipients.left_out_total:
                line += self.tr("; left out: %1").replace("%1", left_out_text(recipients))
            lines.append(line + ".")
        self.summary.setText("\n".join(lines))
        self.write_button.setEnabled(any(r.people for r in plan.recipients.values()))

    @Slot(object)
    def _plan_failed(self, error: Exception) -> None:
        self.plan = None
        if isinstance(error, ValidationError):
            self.summary.setText("\n".join(e.message for e in error.errors))
            return
        self.summary.setText(str(error))

    # --- preview and writing -----------------------------------------------------------

    @Slot()
    def show_preview(self) -> None:
        self._previews.advance()
        self.preview.clear(self.tr("Setting the first letters …"))
        (
            self.ctx.ops.query(preview_letters, self.ctx.db, self.request())
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
        self.preview.clear(str(error))

    @Slot()
    def write(self) -> None:
        folder = self.ctx.dialogs.directory_path(
            self, self.tr("Folder for the letters"), str(Path.home())
        )
        if not folder:
            return
        self.write_button.setEnabled(False)
        (
            self.ctx.ops.write(write_letters, self.ctx.db, self.request(), Path(folder))
            .with_progress(self, self.tr("Writing letters …"))
            .success(self._written)
            .failure(self._write_failed)
            .run()
        )

    @Slot(object)
    def _written(self, run: LetterRun) -> None:
        self.run_result = run
        self.write_button.setEnabled(True)
        if not run.files:
            self.summary.setText(self.tr("Nobody gets one; no file was written."))
            return
        lines = [
            self.tr("%1: %2 → %3")
            .replace("%1", enum_label(LetterOutput, w.output))
            .replace("%2", format_int(w.count))
            .replace("%3", str(w.path))
            for w in run.files
        ]
        self.summary.setText(self.tr("Written:") + "\n" + "\n".join(lines))
        question = self.tr("Written:") + "\n" + "\n".join(lines) + "\n\n"
        question += self.tr("Open %1 now?").replace("%1", run.files[0].path.name)
        if self.ctx.dialogs.ask(self, self.tr("Form letter"), question):
            self.ctx.dialogs.open_file(run.files[0].path)

    @Slot(object)
    def _write_failed(self, error: Exception) -> None:
        self.write_button.setEnabled(True)
        if isinstance(error, Cancelled):
            self.summary.setText(self.tr("Cancelled. No file was written."))
            return
        self.ctx.ops.show_error(error, self)


INVITATION_TEMPLATE = "Einladung zur Anerkennungsveranstaltung"


def open_event_letters(ctx: AppContext, parent: QWidget, event_id: int, title: str) -> LetterDialog:
    """*Einladungen …*: letters to an event's invitees and registrations."""
    from engagement_desk.services.letters.recipients import EventSource

    text = translate("LetterDialog", "Invitees and registrations of “%1” (without refusals)")
    dialog = LetterDialog(
        ctx,
        EventSource(event_id),
        text.replace("%1", title),
        parent,
        template_name=INVITATION_TEMPLATE,
    )
    dialog.open()
    return dialog


def open_batch_letters(ctx: AppContext, parent: QWidget, number: str) -> LetterDialog:
    """Letters to the recipients of the certificate batch holding ``number``."""
    from engagement_desk.services.letters.recipients import BatchSource

    text = translate("LetterDialog", "Recipients of the certificates issued with %1")
    dialog = LetterDialog(ctx, BatchSource(number), text.replace("%1", number), parent)
    dialog.open()
    return dialog
