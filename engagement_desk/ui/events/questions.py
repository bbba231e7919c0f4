"""Citizens' questions and suggestions for a "Bürgerschaft (ge)fragt" round.

Questions arrive by letter, e-mail or at the round itself; the office types
them in one after another ("Add question" keeps the date and clears the
rest). Selecting a question loads it for correction; what was being typed
for a new question comes back when the selection is cleared.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.services.errors import FieldError, NotFoundError
from engagement_desk.services.events.questions import (
    add_question,
    delete_question,
    list_questions,
    update_question,
)
from engagement_desk.services.events.records import QuestionRecord
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.formatting import format_date
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.widgets.editor_base import EditorBase
from engagement_desk.ui.widgets.forms import (
    Form,
    add_row,
    chain_tab_order,
    date_edit,
    form_layout,
    from_qdate,
    line_edit,
    text_edit,
    to_qdate,
)
from engagement_desk.ui.widgets.leaving import Then
from engagement_desk.ui.widgets.tables import setup_row_table

PREVIEW_CHARS = 60


def matches(question: QuestionRecord, words: Sequence[str]) -> bool:
    """Every word appears in the question or in who asked it (case-insensitive)."""
    haystack = f"{question.text} {question.asked_by}".casefold()
    return all(word in haystack for word in words)


def one_line(text: str) -> str:
    return " ".join(text.split())


def preview(text: str, limit: int = PREVIEW_CHARS) -> str:
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def rich_tooltip(text: str) -> str:
    """Rich text, so Qt wraps a long question instead of showing one endless line."""
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


class QuestionsPanel(EditorBase, QWidget):
    """The questions of the selected event; ``changed`` after any change.

    A new question being typed stays as a draft while another is corrected, so
    only a changed correction (or a draft when the event changes) asks first.
    """

    changed = Signal()
    conflict_asks = False

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("questions_panel")
        self.event_id: int | None = None
        self.records: tuple[QuestionRecord, ...] = ()
        self.visible: list[QuestionRecord] = []
        self.current: QuestionRecord | None = None
        self._draft: tuple[str, str, dt.date] | None = None
        self._generation = Generation()
        self.form = Form(self)

        self.filter = QLineEdit()
        self.filter.setObjectName("questions_filter")
        self.filter.setClearButtonEnabled(True)
        self.table = self._make_table()
        self.text = text_edit(3)
        self.text.setObjectName("question_text")
        self.asked_by = line_edit(200)
        self.asked_by.setObjectName("question_asked_by")
        self.received_on = date_edit()
        self.received_on.setObjectName("question_received_on")
        self.received_on.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.add_button = self._button("add_question", self.add)
        self.save_button = self._button("save_question", self.save_changes)
        self.delete_button = self._button("delete_question", self.delete_current)
        self.editor_box = self._make_editor_box()
        self.count = QLabel()
        self.count.setObjectName("questions_count")

        self.content = QWidget()
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.addWidget(self.filter)
        content.addWidget(self.table, 1)
        content.addWidget(self.editor_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.content, 1)
        layout.addWidget(self.count)

        self.submit_action = QAction(self)
        guard_each(ctx, Capability.EDIT_EVENTS, self.add_button, self.save_button)
        guard_each(ctx, Capability.EDIT_EVENTS, self.delete_button)
        self.submit_action.setObjectName("submit_question_action")
        self.submit_action.setShortcuts(
            [
                QKeySequence(QKeySequence.StandardKey.Save),
                QKeySequence("Ctrl+Return"),
                QKeySequence("Ctrl+Enter"),
            ]
        )
        self.submit_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.submit_action.triggered.connect(self.submit)
        self.addAction(self.submit_action)

        self.filter.textChanged.connect(self._show_rows)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        chain_tab_order(
            [
                self.filter,
                self.table,
                self.text,
                self.asked_by,
                self.received_on,
                self.delete_button,
                self.save_button,
                self.add_button,
            ]
        )
        self.retranslate_ui()
        self._update_state()

    # --- building --------------------------------------------------------

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 3)
        setup_row_table(table, "questions_table")
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, table.fontMetrics().averageCharWidth() * 18 + 16)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return table

    def _button(self, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _make_editor_box(self) -> QGroupBox:
        box = QGroupBox()
        box.setObjectName("question_editor")
        layout = form_layout()
        add_row(self.form, layout, "text", self.text)
        add_row(self.form, layout, "asked_by", self.asked_by)
        add_row(self.form, layout, "received_on", self.received_on)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.add_button)
        outer = QVBoxLayout(box)
        outer.addLayout(layout)
        outer.addLayout(buttons)
        return box

    # --- texts -----------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Received"), self.tr("Asked by"), self.tr("Question")]
        )
        self.table.setAccessibleName(self.tr("Questions and suggestions"))
        self.filter.setPlaceholderText(self.tr("Filter questions …"))
        self.filter.setAccessibleName(self.tr("Filter questions"))
        self.form.set_label("text", self.tr("&Question:"))
        self.form.set_label("asked_by", self.tr("Asked &by:"))
        self.form.set_label("received_on", self.tr("&Received on:"))
        self.text.setPlaceholderText(self.tr("The question or suggestion, in the citizen's words"))
        self.asked_by.setPlaceholderText(self.tr("name or “anonymous”"))
        self.add_button.setText(self.tr("&Add question"))
        self.add_button.setToolTip(self.tr("Add what is typed as a new question (Ctrl+Enter)"))
        self.save_button.setText(self.tr("Save chan&ges"))
        self.save_button.setToolTip(self.tr("Save the corrected question (Ctrl+S)"))
        self.delete_button.setText(self.tr("D&elete"))
        self.delete_button.setToolTip(self.tr("Delete the selected question"))
        self._update_heading()
        self._update_count()

    def _update_heading(self) -> None:
        if self.current is None:
            self.editor_box.setTitle(self.tr("New question"))
        else:
            self.editor_box.setTitle(self.tr("Selected question"))

    def _update_count(self) -> None:
        total = len(self.records)
        if self.event_id is None:
            text = self.tr("Save or select an event to collect its questions.")
        elif len(self.visible) < total:
            text = self.tr("%1 of %n question(s) shown", "", total)
            text = text.replace("%1", str(len(self.visible)))
        else:
            text = self.tr("%n question(s)", "", total)
        self.count.setText(text)

    # --- loading ---------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        """Show the questions of ``event_id`` (None: nothing, panel disabled)."""
        if event_id != self.event_id:
            self.filter.blockSignals(True)
            self.filter.clear()
            self.filter.blockSignals(False)
            self.current = None
            self._draft = None
            self.records = ()
            self._clear_entry()
        self.event_id = event_id
        self.reload()

    @Slot()
    def reload(self) -> None:
        self._load(None if self.current is None else self.current.id)

    def _load(self, select_id: int | None, show_id: int | None = None) -> None:
        self._generation.advance()
        if self.event_id is None:
            self.records = ()
            self._show_rows()
            return
        self.ctx.ops.query(list_questions, self.ctx.db, self.event_id).discard_if_stale(
            self._generation
        ).success(functools.partial(self._loaded, select_id, show_id)).run()

    def _loaded(
        self, select_id: int | None, show_id: int | None, records: tuple[QuestionRecord, ...]
    ) -> None:
        self.records = tuple(records)
        found = next((r for r in self.records if r.id == select_id), None)
        if found is None:
            self._leave_selection()
        else:
            self.show_question(found)
        self._show_rows()
        row = self._row_of(show_id if show_id is not None else select_id)
        if row is not None:
            self.table.scrollToItem(self.table.item(row, 0))
        if getattr(self, "_after_save", None) is not None:
            self.save_succeeded()

    @Slot()
    def _show_rows(self) -> None:
        words = self.filter.text().casefold().split()
        self.visible = [r for r in self.records if matches(r, words)]
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(len(self.visible))
        for row, question in enumerate(self.visible):
            self._set_row(row, question)
        self.table.blockSignals(False)
        row = self._row_of(None if self.current is None else self.current.id)
        if row is not None:
            self.table.blockSignals(True)
            self.table.selectRow(row)
            self.table.blockSignals(False)
        elif self.current is not None:
            self._leave_selection()
        self._update_count()
        self._update_state()

    def _set_row(self, row: int, question: QuestionRecord) -> None:
        values = (format_date(question.received_on), question.asked_by, one_line(question.text))
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setData(Qt.ItemDataRole.UserRole, question.id)
            item.setToolTip(rich_tooltip(question.text) if column == 2 else value)
            self.table.setItem(row, column, item)

    def _row_of(self, question_id: int | None) -> int | None:
        return next((i for i, r in enumerate(self.visible) if r.id == question_id), None)

    def _update_state(self) -> None:
        self.content.setEnabled(self.event_id is not None)
        self.save_button.setEnabled(self.current is not None)
        self.delete_button.setEnabled(self.current is not None)

    # --- the entry area --------------------------------------------------

    @Slot()
    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.visible):
            chosen = None
        else:
            chosen = self.visible[rows[0].row()]
        if self.current is None:
            if chosen is not None:
                self._draft = self._entry()
                self.show_question(chosen)
            return
        if chosen is not None and chosen.id == self.current.id:
            return
        then = (
            self._leave_selection
            if chosen is None
            else functools.partial(self._open_question, chosen.id)
        )
        if not self.leave(then):
            self._select_current()

    def _select_current(self) -> None:
        row = self._row_of(None if self.current is None else self.current.id)
        self.table.blockSignals(True)
        self.table.clearSelection()
        if row is not None:
            self.table.selectRow(row)
        self.table.blockSignals(False)

    def _open_question(self, question_id: int) -> None:
        question = next((r for r in self.visible if r.id == question_id), None)
        if question is None:
            self._leave_selection()
            return
        self.show_question(question)
        self._select_current()

    # --- the editor base ---------------------------------------------------

    def describe(self) -> str:
        if self.current is None:
            return self.tr("the new question")
        return f"„{preview(self.current.text, 40)}“"

    def save_then(self, then: Then) -> None:
        self._after_save = then
        self.submit()

    def revert(self) -> None:
        if self.current is not None:
            self.show_question(self.current)
        else:
            self._draft = None
            self._clear_entry()

    def reload_record(self) -> None:
        self.reload()

    def show_unplaced(self, errors: Sequence[FieldError]) -> None:
        self.ctx.dialogs.warn(self, self.tr("Question"), "\n".join(e.message for e in errors))

    def show_question(self, question: QuestionRecord) -> None:
        """Put ``question`` into the entry area for correction."""
        self.current = question
        self.text.setPlainText(question.text)
        self.asked_by.setText(question.asked_by)
        self.received_on.setDate(to_qdate(question.received_on))
        self.form.clear_errors()
        self._update_heading()
        self._update_state()
        self.mark_clean()

    def _leave_selection(self) -> None:
        """Back to entering a new question, with what was typed before selecting."""
        if self.current is None:
            return
        self.current = None
        self.table.clearSelection()
        draft, self._draft = self._draft, None
        self._clear_entry()
        if draft is not None:
            self.text.setPlainText(draft[0])
            self.asked_by.setText(draft[1])
            self.received_on.setDate(to_qdate(draft[2]))
        self.form.clear_errors()
        self._update_heading()
        self._update_state()

    def _entry(self) -> tuple[str, str, dt.date]:
        return (
            self.text.toPlainText(),
            self.asked_by.text(),
            from_qdate(self.received_on.date()),
        )

    def _clear_entry(self, keep_date: bool = False) -> None:
        self.text.clear()
        self.asked_by.clear()
        if not keep_date:
            self.received_on.setDate(to_qdate(dt.date.today()))
        self.form.clear_errors()
        self.mark_clean()

    # --- saving and deleting ---------------------------------------------

    @Slot()
    def submit(self) -> None:
        """Ctrl+S / Ctrl+Enter: save the selected question, else add a new one."""
        if self.current is None:
            self.add()
        else:
            self.save_changes()

    @Slot()
    def add(self) -> None:
        if self.event_id is None:
            return
        text, asked_by, received_on = self._entry()
        self.ctx.ops.write(
            add_question, self.ctx.db, self.event_id, text, asked_by, received_on
        ).success(self._added).failure(self._save_failed).run()

    @Slot(object)
    def _added(self, question: QuestionRecord) -> None:
        if question.event_id != self.event_id:
            self.save_succeeded()
            self.changed.emit()
            return
        self.current = None
        self._draft = None
        self.table.clearSelection()
        self._clear_entry(keep_date=True)
        self._update_heading()
        self._load(None, show_id=question.id)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    @Slot()
    def save_changes(self) -> None:
        if self.current is None:
            return
        text, asked_by, received_on = self._entry()
        self.ctx.ops.write(
            update_question, self.ctx.db, self.current, text, asked_by, received_on
        ).success(self._saved).failure(self._save_failed).run()

    @Slot(object)
    def _saved(self, question: QuestionRecord) -> None:
        if question.event_id == self.event_id:
            self.current = question
            self._load(question.id)
        else:
            self.save_succeeded()
        self.changed.emit()

    @Slot(object)
    def _save_failed(self, error: Exception) -> None:
        self._failed(error)

    def _failed(self, error: Exception) -> None:
        """Show the error; after a conflict, show what is stored now."""
        self.save_failed(error)
        if isinstance(error, NotFoundError):
            self.reload()

    @Slot()
    def delete_current(self) -> None:
        if self.current is not None:
            self.leave(self._confirm_delete)

    def _confirm_delete(self) -> None:
        question = self.current
        if question is None:
            return
        text = self.tr("Delete this question?\n\n%1").replace("%1", preview(question.text, 200))
        if not self.ctx.dialogs.ask(self, self.tr("Delete question"), text):
            return
        self.ctx.ops.write(delete_question, self.ctx.db, question.id).success(
            self._deleted
        ).failure(self._failed).run()

    @Slot(object)
    def _deleted(self, _result: object) -> None:
        self._leave_selection()
        self._load(None)
        self.changed.emit()
