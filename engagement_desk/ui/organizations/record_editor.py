"""Load, save and archive for the editors of centres, clubs and opportunities.

Built on ``EditorBase`` (unsaved changes, conflicts, field errors, texts):
an editor shows one record (or a new one) in its form, and its snapshot is
what ``read_form`` reads. Before anything replaces the form (another record,
a new one, closing) ``resolve_unsaved`` asks Save / Discard / Cancel.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import RecordStatus
from engagement_desk.services.errors import FieldError, NotFoundError
from engagement_desk.ui.access import Capability, guard_each, guard_inputs
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.widgets.editor_base import EditorBase
from engagement_desk.ui.widgets.forms import ERROR_COLOR, Form

translate = QCoreApplication.translate


@dataclass(frozen=True)
class EditorServices:
    """The service calls of one editor; all run off the GUI thread.

    ``fetch(db, record_id | None)`` returns what ``RecordEditor.take_payload`` takes:
    the record (None for a new one) plus anything the form needs with it, so
    both always arrive together.
    """

    fetch: Callable[..., Any]
    create: Callable[..., Any]
    update: Callable[..., Any]  # (db, record_id, data, *, expected_version)
    archive: Callable[..., Any] | None = None  # (db, record_id, *, expected_version)


class RecordEditor(EditorBase, QWidget):
    """A form over one record; subclasses build the form and name their services."""

    services: EditorServices
    saved = Signal(object)  # the record as stored now (also after archiving)
    shown = Signal(object)  # the record now in the form; None for a new one
    navigation_cancelled = Signal()  # the person chose to stay with their changes

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.form = Form(self)
        self.record: Any = None
        self.editing = False
        self._filling = False
        self._saving = False
        self._loads = Generation()

        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)

        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = QLabel()
        self.state.setStyleSheet(f"color: {ERROR_COLOR};")
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.archive_button = QPushButton()
        self.archive_button.clicked.connect(self.request_archive)
        self.archive_button.setVisible(self.services.archive is not None)
        self.header = QHBoxLayout()
        self.header.setContentsMargins(0, 0, 0, 0)
        self.header.addWidget(self.heading)
        self.header.addWidget(self.state)
        self.header.addStretch(1)
        self.header.addWidget(self.save_button)
        self.header.addWidget(self.archive_button)

        self.body = QWidget()
        self.content = QVBoxLayout(self.body)
        self.content.setContentsMargins(0, 0, 0, 0)
        self.content.addLayout(self.header)
        # Says what someone else changed after a conflict; stays until another record shows.
        self.notice = QLabel()
        self.notice.setObjectName("editor_notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.content.addWidget(self.notice)

        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self.placeholder)
        self._stack.addWidget(self.body)

        self.save_action = QAction(self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save)
        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_action.triggered.connect(self.request_new)
        guard_each(ctx, Capability.EDIT_RECORDS, self.save_button, self.archive_button)
        guard_each(ctx, Capability.EDIT_RECORDS, self.save_action, self.new_action)
        guard_inputs(ctx, self.body, Capability.EDIT_RECORDS)
        self.addAction(self.save_action)
        self.addAction(self.new_action)
        self.form.edited.connect(self._edited)
        self._update_state()

    # --- what a subclass provides --------------------------------------------

    def take_payload(self, payload: Any) -> Any:
        """Keep what came with the record (choices for the form); return the record."""
        return payload

    def fill_form(self, record: Any) -> None:
        raise NotImplementedError

    def read_form(self) -> Any:
        raise NotImplementedError

    def check_form(self) -> list[FieldError]:
        """Problems the form itself can see before asking the service."""
        return []

    def title_of(self, record: Any) -> str:
        raise NotImplementedError

    def new_title(self) -> str:
        raise NotImplementedError

    def placeholder_text(self) -> str:
        raise NotImplementedError

    def first_field(self) -> QWidget:
        """The field a new record starts in (made visible if it is on a hidden page)."""
        raise NotImplementedError

    # --- texts -----------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.save_button.setText(translate("RecordEditor", "&Save"))
        self.save_button.setToolTip(translate("RecordEditor", "Save the changes (Ctrl+S)"))
        self.archive_button.setText(translate("RecordEditor", "&Archive …"))
        self.archive_button.setToolTip(
            translate("RecordEditor", "Archive: keep it for the figures, hide it from the lists")
        )
        self.placeholder.setText(self.placeholder_text())
        self._update_state()

    def describe(self) -> str:
        if self.record is None:
            return self.new_title()
        return f"„{self.title_of(self.record)}“"

    def unsaved_text(self) -> str:
        if self.record is None:
            return translate("RecordEditor", "“%1” is not saved yet.").replace(
                "%1", self.new_title()
            )
        return super().unsaved_text()

    # --- state -----------------------------------------------------------------

    @property
    def record_id(self) -> int | None:
        return None if self.record is None else self.record.id

    def snapshot(self) -> Any:
        return self.read_form()

    def is_dirty(self) -> bool:
        return self.editing and not self._filling and super().is_dirty()

    @Slot(str)
    def _edited(self, _key: str) -> None:
        if not self._filling:
            self._update_state()

    def _update_state(self) -> None:
        dirty = self.is_dirty()
        archived = getattr(self.record, "status", None) == RecordStatus.ARCHIVED
        if self.editing:
            self.heading.setText(
                self.new_title() if self.record is None else self.title_of(self.record)
            )
        if dirty:
            self.state.setText(translate("RecordEditor", "– not saved yet"))
        elif archived:
            self.state.setText(translate("RecordEditor", "– archived"))
        else:
            self.state.setText("")
        self.save_button.setEnabled(self.editing and not self._saving)
        self.save_action.setEnabled(self.editing and not self._saving)
        self.archive_button.setEnabled(
            self.record is not None and not archived and not self._saving
        )

    # --- showing records -----------------------------------------------------------

    def open_record(self, record_id: int) -> None:
        """Load and show a record, without asking about unsaved changes (see ``request_open``)."""
        self.ctx.ops.query(self.services.fetch, self.ctx.db, record_id).discard_if_stale(
            self._loads
        ).success(self._fetched).run()

    def start_new(self) -> None:
        self.ctx.ops.query(self.services.fetch, self.ctx.db, None).discard_if_stale(
            self._loads
        ).success(self._fetched_new).run()

    def request_open(self, record_id: int) -> bool:
        if record_id == self.record_id and self.editing:
            return True
        return self.resolve_unsaved(functools.partial(self.open_record, record_id))

    @Slot()
    def request_new(self) -> bool:
        return self.resolve_unsaved(self.start_new)

    def _fetched(self, payload: Any) -> None:
        self.show_record(self.take_payload(payload))

    def _fetched_new(self, payload: Any) -> None:
        self.show_record(self.take_payload(payload))
        widget = self.first_field()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_record(self, record: Any) -> None:
        """Fill the form from ``record`` (None: an empty form for a new one)."""
        self._loads.advance()
        if record is None or self.record is None or record.id != self.record.id:
            self.notice.hide()
        self.record = record
        self.editing = True
        self._filling = True
        try:
            self.form.clear_errors()
            self.fill_form(record)
            for field in self.form.fields.values():
                if isinstance(field.widget, QLineEdit):
                    field.widget.setCursorPosition(0)  # show the start of long values
        finally:
            self._filling = False
        self.mark_clean()
        self._stack.setCurrentWidget(self.body)
        self._update_state()
        self.shown.emit(record)

    def clear(self) -> None:
        """Show nothing (the placeholder)."""
        self._loads.advance()
        self.record = None
        self.editing = False
        self.forget_baseline()
        self._stack.setCurrentWidget(self.placeholder)
        self._update_state()
        self.shown.emit(None)

    def revert(self) -> None:
        if self.record is not None:
            self.show_record(self.record)
        elif self.editing:
            self.clear()

    # --- unsaved changes -------------------------------------------------------------

    def resolve_unsaved(self, then: Callable[[], None]) -> bool:
        """``leave(then)``; tells ``navigation_cancelled`` when the person stays."""
        if self.leave(then):
            return True
        self.navigation_cancelled.emit()
        return False

    def reload_record(self) -> None:
        if self.record is not None:
            self.open_record(self.record.id)
        else:
            self.revert()

    # --- saving ------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        if not self.editing or self._saving:
            return
        problems = self.check_form()
        if problems:
            self._after_save = None
            self.show_field_errors(problems)
            return
        data = self.read_form()
        self.form.clear_errors()
        if self.record is None:
            operation = self.ctx.ops.write(self.services.create, self.ctx.db, data)
        else:
            operation = self.ctx.ops.write(
                self.services.update,
                self.ctx.db,
                self.record.id,
                data,
                expected_version=self.record.version,
            )
        self._saving = True
        self._update_state()
        operation.success(self._saved).failure(self._failed).run()

    def _saved(self, record: Any) -> None:
        self._saving = False
        self.show_record(record)
        self.saved.emit(record)
        self.save_succeeded()

    def _failed(self, error: Exception) -> None:
        self._saving = False
        self._update_state()
        if getattr(self, "_after_save", None) is not None:
            self.navigation_cancelled.emit()
        self.save_failed(error)
        if isinstance(error, NotFoundError):
            self.clear()

    def show_unplaced(self, errors: Sequence[FieldError]) -> None:
        self.ctx.dialogs.warn(
            self, translate("RecordEditor", "Not saved"), "\n".join(str(e) for e in errors)
        )

    # --- archiving -------------------------------------------------------------------

    @Slot()
    def request_archive(self) -> None:
        if self.record is not None:
            self.resolve_unsaved(self._confirm_archive)

    def _confirm_archive(self) -> None:
        if self.record is None or self.services.archive is None:
            return
        question = translate(
            "RecordEditor",
            "Archive %1?\n\nIt stays in the figures and can still be opened, "
            "but no longer appears in choices.",
        ).replace("%1", self.describe())
        if not self.ctx.dialogs.ask(self, translate("RecordEditor", "Archive"), question):
            return
        self._saving = True
        self._update_state()
        self.ctx.ops.write(
            self.services.archive,
            self.ctx.db,
            self.record.id,
            expected_version=self.record.version,
        ).success(self._saved).failure(self._failed).run()
