"""What every record editor shares: unsaved changes, version conflicts, field errors, texts.

An editor mixes in ``EditorBase`` (first base, before ``QWidget``). It knows
it has unsaved changes by comparing ``snapshot()`` (what the form holds now)
with the snapshot taken by ``mark_clean()`` right after it showed a record.
Before anything replaces the form (another record in the list, another
sub-page or tab, closing the window) the owner calls ``leave(then)``, which
asks Save / Discard / Cancel and runs ``then`` once the way is clear.

A save ends in ``save_succeeded()`` or ``save_failed(error)``: a
``ValidationError`` lands at the inputs (``Form``), a ``ConflictError``
offers the stored version and names the inputs someone else changed.
``Retranslatable`` calls ``retranslate_ui()`` on every language change.

``ui.widgets.leaving`` holds what tabs and the window need without the form
machinery: ``Leavable``, ``PageGuard`` (switching away from a tab page with
unsaved changes asks first) and ``leave_all``.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from engagement_desk.services.errors import (
    ConflictError,
    FieldError,
    NotFoundError,
    ValidationError,
)
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.widgets.field_errors import FieldErrors
from engagement_desk.ui.widgets.forms import Form, plain
from engagement_desk.ui.widgets.leaving import Then

translate = QCoreApplication.translate


class Unsaved(IntEnum):
    SAVE = 0
    DISCARD = 1
    CANCEL = 2


def ask_unsaved(dialogs: Any, parent: QWidget | None, name: str) -> Unsaved:
    """The one question before unsaved changes would be lost: Save / Discard / Cancel."""
    title = translate("EditorBase", "Save changes?")
    text = translate("EditorBase", "The changes to %1 are not saved yet.").replace("%1", name)
    choices = (
        translate("EditorBase", "Save"),
        translate("EditorBase", "Discard"),
        translate("EditorBase", "Cancel"),
    )
    return Unsaved(dialogs.choose(parent, title, text, choices))


def widget_value(widget: QWidget) -> Any:
    """What the person typed or chose in an input; containers give their inputs' values."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        return widget.currentText() if data is None and widget.isEditable() else data
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.value()
    if isinstance(widget, QDateTimeEdit):
        value = widget.dateTime()
        return value.toString("yyyy-MM-dd HH:mm") if value.isValid() else None
    if isinstance(widget, QAbstractButton):
        return widget.isChecked() if widget.isCheckable() else None
    if isinstance(widget, QListWidget):
        return tuple(widget.item(i).text() for i in range(widget.count()))
    values = tuple(
        widget_value(child)
        for child in widget.findChildren(QWidget)
        if child.parentWidget() is widget
    )
    return values or None


def form_snapshot(form: Form) -> dict[str, Any]:
    return {key: widget_value(field.widget) for key, field in form.fields.items()}


def changed_keys(before: Any, after: Any) -> list[str]:
    """Names of the parts that differ between two snapshots (dicts or dataclasses)."""
    if dataclasses.is_dataclass(before) and dataclasses.is_dataclass(after):
        before = {f.name: getattr(before, f.name) for f in dataclasses.fields(before)}
        after = {f.name: getattr(after, f.name) for f in dataclasses.fields(after)}
    if isinstance(before, dict) and isinstance(after, dict):
        return [key for key in before if before.get(key) != after.get(key)]
    if isinstance(before, tuple) and isinstance(after, tuple) and len(before) == len(after):
        return [key for pair in zip(before, after, strict=True) for key in changed_keys(*pair)]
    return []


_NOTHING = object()
NOTICE_MS = 20_000  # how long the status bar says what someone else changed


class EditorBase(Retranslatable):
    """Mix into a QWidget record editor (first base). Subclasses provide the hooks below.

    Needs ``self.ctx``; uses ``self.form`` (a ``Form``) when there is one.
    """

    ctx: Any
    # On a conflict, ask before loading the stored version (False: load it and say so).
    conflict_asks = True

    # --- what a subclass provides --------------------------------------------------

    def snapshot(self) -> Any:
        """Everything typed, to compare with what was shown; the form's values by default."""
        form = getattr(self, "form", None)
        return form_snapshot(form) if isinstance(form, Form) else None

    def describe(self) -> str:
        """How the question names the record ("„Zentrum Familie“", "the new shift")."""
        return translate("EditorBase", "this record")

    def save_then(self, then: Then) -> None:
        """Save; run ``then`` once saved. The default keeps ``then`` for ``save_succeeded``."""
        self._after_save = then
        self.save()  # type: ignore[attr-defined]

    def revert(self) -> None:
        """Show the record as it was loaded again, dropping what was typed."""
        raise NotImplementedError

    def reload_record(self) -> None:
        """Load the stored version of the record shown (after a conflict)."""
        self.revert()

    def show_unplaced(self, errors: Sequence[FieldError]) -> None:
        """Errors no input of the form stands for: a warning, unless the editor has a place."""
        self.ctx.dialogs.warn(
            self, translate("EditorBase", "Not saved"), "\n".join(e.message for e in errors)
        )

    # --- state -------------------------------------------------------------------------

    def mark_clean(self) -> None:
        """The form now shows the record as stored: remember it, to see edits."""
        self._baseline = self.snapshot()
        pending = getattr(self, "_conflict_before", _NOTHING)
        if pending is not _NOTHING:
            self._conflict_before = _NOTHING
            self._tell_changed(pending, self._baseline)

    @contextlib.contextmanager
    def keeping_clean(self) -> Iterator[None]:
        """The program changes inputs (choices arrived): a clean form stays clean."""
        clean = not self.is_dirty()
        yield
        if clean:
            self.mark_clean()

    def forget_baseline(self) -> None:
        """Nothing is being edited (an empty, disabled form)."""
        self._baseline = _NOTHING

    def is_dirty(self) -> bool:
        baseline = getattr(self, "_baseline", _NOTHING)
        return baseline is not _NOTHING and self.snapshot() != baseline

    def has_unsaved(self) -> bool:
        return self.is_dirty()

    def leave(self, then: Then = None) -> bool:
        """Run ``then`` once nothing unsaved is in the way; False if the person stays.

        After Save, ``then`` runs when the save succeeded (not at all if it failed).
        """
        if not self.is_dirty():
            if then is not None:
                then()
            return True
        answer = ask_unsaved(self.ctx.dialogs, self, self.describe())  # type: ignore[arg-type]
        if answer == Unsaved.SAVE:
            self.save_then(then)
            return True
        if answer == Unsaved.DISCARD:
            self.revert()
            if then is not None:
                then()
            return True
        return False

    # --- the end of a save ------------------------------------------------------------

    def save_succeeded(self) -> None:
        """Call after a successful save once the form shows the stored record."""
        self.mark_clean()
        then, self._after_save = getattr(self, "_after_save", None), None
        if then is not None:
            then()

    def save_failed(self, error: Exception) -> None:
        """Field errors at the inputs, a conflict reloads, anything else to the error log."""
        self._after_save = None
        if isinstance(error, ValidationError):
            self.show_field_errors(error.errors)
        elif isinstance(error, ConflictError):
            self.handle_conflict(error)
        elif isinstance(error, NotFoundError):
            self.ctx.dialogs.warn(self, translate("EditorBase", "Not saved"), str(error))
        else:
            self.ctx.ops.show_error(error, self)

    def show_field_errors(self, errors: Iterable[FieldError]) -> None:
        form = getattr(self, "form", None)
        errors = list(errors)
        unplaced = form.show_errors(errors) if isinstance(form, Form) else errors
        if unplaced:
            self.show_unplaced(unplaced)

    def handle_conflict(self, error: ConflictError) -> None:
        """Someone else saved first: load the stored version and name what they changed."""
        title = translate("EditorBase", "Changed elsewhere")
        if self.conflict_asks:
            question = (
                str(error)
                + "\n\n"
                + translate(
                    "EditorBase", "Load the saved version now? What you typed here will be lost."
                )
            )
            if not self.ctx.dialogs.ask(self, title, question):
                return
        else:
            self.ctx.dialogs.warn(
                self,
                title,
                str(error)
                + "\n\n"
                + translate(
                    "EditorBase", "The saved version is shown now; type your change again."
                ),
            )
        self._conflict_before = getattr(self, "_baseline", _NOTHING)
        self.reload_record()

    def _tell_changed(self, before: Any, after: Any) -> None:
        keys = changed_keys(before, after)
        if not keys:
            return
        names = list(dict.fromkeys(filter(None, (self.field_name(key) for key in keys))))
        if names:
            text = translate("EditorBase", "Changed elsewhere: %1").replace("%1", ", ".join(names))
            self.show_notice(text)

    def field_name(self, key: str) -> str:
        """What the form calls the input of ``key`` ("" if it has none)."""
        form = getattr(self, "form", None)
        if isinstance(form, Form):
            label = form.labels.get(key)
            if isinstance(label, QLabel) and label.text():
                return plain(label.text())
            field = form.fields.get(key)
            return field.widget.accessibleName() if field is not None else ""
        errors = getattr(self, "errors", None)
        if isinstance(errors, FieldErrors):
            widget = errors.widget(key)
            return widget.accessibleName() if widget is not None else ""
        return ""

    def show_notice(self, text: str) -> None:
        """A quiet line: the editor's ``notice`` label, else the window's status bar."""
        notice = getattr(self, "notice", None)
        if isinstance(notice, QLabel):
            notice.setText(text)
            notice.show()
            return
        window = self.window()  # type: ignore[attr-defined]
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, NOTICE_MS)
