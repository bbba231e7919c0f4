"""Editing letter templates: the list of templates beside name, subject and text,
with the placeholders to insert at the cursor."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.services.letters.placeholders import PLACEHOLDERS, template_problems
from engagement_desk.services.letters.templates import (
    LetterTemplateInput,
    LetterTemplateRecord,
    create_template,
    delete_template,
    list_templates,
    update_template,
)
from engagement_desk.ui.access import Capability, guard_each, guard_inputs
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.widgets.editor_base import EditorBase
from engagement_desk.ui.widgets.forms import Form, line_edit, text_edit
from engagement_desk.ui.widgets.placeholder_list import placeholder_list

EMPTY = LetterTemplateInput(
    name="", subject="", body="{briefanrede}\n\n\n\nMit freundlichen Grüßen\n\n{agentur}"
)


class LetterTemplateEditor(EditorBase, QWidget):
    """The templates on the left, the one chosen in the form on the right."""

    record_table = "letter_template"
    saved = Signal(object)  # the LetterTemplateRecord as stored

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("letter_template_editor")
        self.ctx = ctx
        self.record: LetterTemplateRecord | None = None
        self.templates: tuple[LetterTemplateRecord, ...] = ()
        self._select_after_load: int | None = None

        self.list = QListWidget()
        self.list.setObjectName("letter_templates")
        self.list.currentRowChanged.connect(self._row_chosen)
        self.new_button = QPushButton()
        self.new_button.setObjectName("letter_template_new")
        self.new_button.clicked.connect(self.request_new)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("letter_template_delete")
        self.delete_button.clicked.connect(self.delete)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        left.addLayout(buttons)

        self.form = Form(self)
        self.name = line_edit(120)
        self.subject = line_edit(200)
        self.body = text_edit(14)
        self.body.setObjectName("letter_template_body")
        fields = QFormLayout()
        for key, widget in (("name", self.name), ("subject", self.subject), ("body", self.body)):
            field = self.form.add(key, widget)
            fields.addRow(self.form.labels[key], field)
        self.subject.textChanged.connect(self._check_text)
        self.body.textChanged.connect(self._check_text)
        self.placeholders = placeholder_list(PLACEHOLDERS, self.body, "letter_placeholders")
        self.placeholders_label = QLabel()
        self.placeholders_label.setBuddy(self.placeholders)
        self.placeholders_label.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("letter_template_save")
        self.save_button.clicked.connect(self.save)
        self.notice = QLabel()
        self.notice.setObjectName("editor_notice")
        self.notice.setWordWrap(True)
        right = QVBoxLayout()
        right.addLayout(fields)
        save_row = QHBoxLayout()
        save_row.addWidget(self.notice, 1)
        save_row.addWidget(self.save_button)
        right.addLayout(save_row)
        right.addWidget(self.placeholders_label)
        right.addWidget(self.placeholders, 1)

        layout = QHBoxLayout(self)
        self.list.setMinimumWidth(280)
        layout.addLayout(left, 2)
        layout.addLayout(right, 5)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        editing = (self.save_button, self.new_button, self.delete_button)
        guard_each(ctx, Capability.CERTIFICATES, *editing)
        guard_inputs(ctx, self, Capability.CERTIFICATES)
        self.retranslate_ui()
        self.load()

    def retranslate_ui(self) -> None:
        self.form.set_label("name", self.tr("&Name:"))
        self.form.set_label("subject", self.tr("S&ubject:"))
        self.form.set_label("body", self.tr("&Text:"))
        self.placeholders_label.setText(
            self.tr("P&laceholders (double-click or Enter inserts one at the cursor):")
        )
        self.new_button.setText(self.tr("Ne&w template"))
        self.delete_button.setText(self.tr("&Delete"))
        self.save_button.setText(self.tr("&Save template"))
        self.list.setAccessibleName(self.tr("Letter templates"))

    # --- the list -------------------------------------------------------------------

    def load(self) -> None:
        self.ctx.ops.query(list_templates, self.ctx.db).success(self._templates_arrived).run()

    @Slot(object)
    def _templates_arrived(self, templates: tuple[LetterTemplateRecord, ...]) -> None:
        wanted = self._select_after_load or (self.record.id if self.record else None)
        self._select_after_load = None
        self.templates = templates
        self.list.blockSignals(True)
        self.list.clear()
        for record in templates:
            self.list.addItem(record.name)
        row = next((i for i, t in enumerate(templates) if t.id == wanted), 0 if templates else -1)
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self.show_record(templates[row] if row >= 0 else None)

    @Slot(int)
    def _row_chosen(self, row: int) -> None:
        chosen = self.templates[row] if 0 <= row < len(self.templates) else None
        if chosen is not None and self.record is not None and chosen.id == self.record.id:
            return
        if not self.leave(lambda: self.show_record(chosen)):
            self._select_shown()

    def _select_shown(self) -> None:
        self.list.blockSignals(True)
        ids = [t.id for t in self.templates]
        shown = self.record.id if self.record else None
        self.list.setCurrentRow(ids.index(shown) if shown in ids else -1)
        self.list.blockSignals(False)

    # --- the form --------------------------------------------------------------------

    def show_record(self, record: LetterTemplateRecord | None) -> None:
        self.record = record
        data = record or EMPTY
        self.name.setText(data.name)
        self.subject.setText(data.subject)
        self.body.setPlainText(data.body)
        self.form.clear_errors()
        self.delete_button.setEnabled(record is not None)
        self.mark_clean()

    def describe(self) -> str:
        if self.record is None:
            return self.tr("the new template")
        return f"„{self.record.name}“"

    def revert(self) -> None:
        self.show_record(self.record)

    def reload_record(self) -> None:
        self._select_after_load = self.record.id if self.record else None
        self.load()

    @Slot()
    def request_new(self) -> None:
        self.leave(self._start_new)

    def _start_new(self) -> None:
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self.show_record(None)
        self.name.setFocus()

    def draft(self) -> LetterTemplateInput:
        return LetterTemplateInput(
            name=self.name.text(), subject=self.subject.text(), body=self.body.toPlainText()
        )

    @Slot()
    def _check_text(self) -> None:
        for key, text in (("subject", self.subject.text()), ("body", self.body.toPlainText())):
            problems = template_problems(text)
            field = self.form.fields[key]
            if problems:
                field.show_error(" ".join(problems))
            else:
                field.clear_error()

    @Slot()
    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        if self.record is None:
            operation = self.ctx.ops.write(create_template, self.ctx.db, self.draft())
        else:
            operation = self.ctx.ops.write(
                update_template,
                self.ctx.db,
                self.record.id,
                self.draft(),
                expected_version=self.record.version,
            )
        operation.success(self._saved).failure(self.save_failed).run()

    @Slot(object)
    def _saved(self, record: LetterTemplateRecord) -> None:
        self.show_record(record)
        self.save_succeeded()
        self.show_notice(self.tr("Saved."))
        self._select_after_load = record.id
        self.load()
        self.saved.emit(record)

    @Slot()
    def delete(self) -> None:
        record = self.record
        if record is None:
            return
        question = self.tr("Delete the letter template %1?").replace("%1", f"„{record.name}“")
        if not self.ctx.dialogs.ask(self, self.tr("Delete template"), question):
            return
        self.ctx.ops.write(
            delete_template, self.ctx.db, record.id, expected_version=record.version
        ).success(self._deleted).failure(self.save_failed).run()

    @Slot(object)
    def _deleted(self, _result: object) -> None:
        self.record = None
        self.load()


class LetterTemplatesDialog(QDialog):
    """The template editor in a window of its own (from the letter dialog)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("letter_templates_dialog")
        self.setWindowTitle(self.tr("Letter templates"))
        self.editor = LetterTemplateEditor(ctx, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self.resize(980, 620)

    def reject(self) -> None:
        self.editor.leave(super().reject)
