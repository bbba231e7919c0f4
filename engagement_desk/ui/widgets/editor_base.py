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

Another workstation's change to the record shown (``ui.live_updates``) puts
a bar at the top, "Changed by NAME at HH:MM", with *Reload*; a save over such
a change loads the stored version and opens the ``ConflictDialog``: per
field, the other's value or the one typed here, then the merged values are
saved against the new version. Editors name their table (``record_table``)
and hold the record shown in ``self.record``; the fields are the inputs of
their ``Form`` or ``FieldErrors``.

``ui.widgets.leaving`` holds what tabs and the window need without the form
machinery: ``Leavable``, ``PageGuard`` (switching away from a tab page with
unsaved changes asks first) and ``leave_all``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
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

if TYPE_CHECKING:
    from engagement_desk.services.changes import Change
    from engagement_desk.ui.widgets.changed_bar import ChangedElsewhereBar
    from engagement_desk.ui.widgets.conflict_dialog import ConflictDialog

translate = QCoreApplication.translate


class Unsaved(IntEnum):
    SAVE = 0
    DISCARD = 1
    CANCEL = 2


def unsaved_changes_text(name: str) -> str:
    return translate("EditorBase", "The changes to %1 are not saved yet.").replace("%1", name)


def ask_unsaved(dialogs: Any, parent: QWidget | None, text: str) -> Unsaved:
    """The one question before unsaved changes would be lost: Save / Discard / Cancel."""
    title = translate("EditorBase", "Save changes?")
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


class Reload(IntEnum):
    KEEP = 0
    DISCARD = 1
    CANCEL = 2


@dataclasses.dataclass(frozen=True)
class _PendingMerge:
    """What was typed when the stored version was asked for, to merge once it is shown."""

    record: tuple[str, int]
    base: Mapping[str, Any]  # the inputs as loaded
    mine: Mapping[str, Any]  # the inputs as typed
    ask: bool  # True: the conflict dialog; False: keep every typed change (Reload, keep)
    version: int | None = None  # the version the conflict was about; merged once another shows


class EditorBase(Retranslatable):
    """Mix into a QWidget record editor (first base). Subclasses provide the hooks below.

    Needs ``self.ctx``; uses ``self.form`` (a ``Form``) when there is one.
    """

    ctx: Any
    # On a conflict, ask before loading the stored version (False: load it and say so).
    conflict_asks = True
    # The table of the record shown (``self.record``, else ``self.current``) and the
    # attribute that holds its key: changes elsewhere to it show the bar.
    record_table: str | None = None
    record_key = "id"

    # --- what a subclass provides --------------------------------------------------

    def snapshot(self) -> Any:
        """Everything typed, to compare with what was shown; the form's values by default."""
        form = getattr(self, "form", None)
        return form_snapshot(form) if isinstance(form, Form) else None

    def describe(self) -> str:
        """How the question names the record ("„Zentrum Familie“", "the new shift")."""
        return translate("EditorBase", "this record")

    def unsaved_text(self) -> str:
        """The question's sentence. A record never saved has no "changes": editors say
        so instead ("Die neue Person ist noch nicht gespeichert.")."""
        return unsaved_changes_text(self.describe())

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
        self._field_baseline = self.field_values()
        self._follow_changes_elsewhere()
        bar = getattr(self, "_changed_bar", None)
        if bar is not None and getattr(self, "_bar_record", None) != self.live_record():
            bar.hide()
        merge: _PendingMerge | None = getattr(self, "_pending_merge", None)
        if merge is not None and not self._still_loading(merge):
            self._pending_merge = None
            if merge.record == self.live_record():
                self._merge(merge)
                return
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
        answer = ask_unsaved(self.ctx.dialogs, self, self.unsaved_text())  # type: ignore[arg-type]
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
        self.hide_changed_bar()
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
        """Someone else saved first: load the stored version and name what they changed.

        An editor whose inputs are known (``field_values``) loads it and lets the
        person choose per field (``ConflictDialog``) instead.
        """
        record = self.live_record()
        if record is not None and self.field_values():
            outside = self.unmergeable_changes()
            if outside and not self._may_lose(error, outside):
                return
            self._pending_merge = _PendingMerge(
                record,
                dict(self._field_baseline_or_now()),
                self.field_values(),
                ask=True,
                version=self._shown_version(),
            )
            self.reload_record()
            return
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

    # --- changes made elsewhere ---------------------------------------------------

    def live_record(self) -> tuple[str, int] | None:
        """(table, id) of the stored record shown; None for a new one or nothing."""
        record = getattr(self, "record", None) or getattr(self, "current", None)
        record_id = getattr(record, self.record_key, None)
        if self.record_table is None or not isinstance(record_id, int):
            return None
        return self.record_table, record_id

    def field_widgets(self) -> dict[str, QWidget]:
        """The inputs by field key: the ``Form``'s, else those registered in ``FieldErrors``."""
        form = getattr(self, "form", None)
        if isinstance(form, Form):
            found = {key: field.widget for key, field in form.fields.items()}
        elif isinstance(errors := getattr(self, "errors", None), FieldErrors):
            found = errors.widgets()
        else:
            return {}
        return {key: widget for key, widget in found.items() if shiboken6.isValid(widget)}

    def field_values(self) -> dict[str, Any]:
        return {key: widget_value(widget) for key, widget in self.field_widgets().items()}

    def _field_baseline_or_now(self) -> Mapping[str, Any]:
        baseline = getattr(self, "_field_baseline", None)
        return baseline if baseline is not None else self.field_values()

    def unmergeable_changes(self) -> list[str]:
        """Names of what was changed here that the conflict dialog cannot offer (lists, tables)."""
        from engagement_desk.ui.widgets.field_values import is_mergeable

        baseline = getattr(self, "_baseline", _NOTHING)
        if baseline is _NOTHING:
            return []
        widgets = self.field_widgets()
        keys = changed_keys(baseline, self.snapshot())
        field_base = self._field_baseline_or_now()
        keys += [k for k, v in self.field_values().items() if v != field_base.get(k)]
        outside = [k for k in keys if k not in widgets or not is_mergeable(widgets[k])]
        other = translate("EditorBase", "other entries")
        return list(dict.fromkeys(self._part_name(k, widgets) or other for k in outside))

    def _part_name(self, key: str, widgets: Mapping[str, QWidget]) -> str:
        """The input's name, else the title of the tab page it is on ("Zeiten & Mobilität")."""
        name = self.field_name(key)
        widget = widgets.get(key)
        while not name and widget is not None:
            parent = widget.parentWidget()
            tabs = parent.parentWidget() if parent is not None else None
            if isinstance(tabs, QTabWidget) and tabs.indexOf(widget) >= 0:
                name = plain(tabs.tabText(tabs.indexOf(widget)))
            widget = parent
        return name

    def _may_lose(self, error: ConflictError, names: Sequence[str]) -> bool:
        question = (
            str(error)
            + "\n\n"
            + translate(
                "EditorBase",
                "These changes cannot be taken over and will be lost: %1. "
                "Load the saved version and choose for the other fields?",
            ).replace("%1", ", ".join(names))
        )
        return self.ctx.dialogs.ask(self, translate("EditorBase", "Changed elsewhere"), question)

    def _follow_changes_elsewhere(self) -> None:
        if getattr(self, "_following_changes", False) or self.record_table is None:
            return
        self._following_changes = True
        from engagement_desk.ui.live_updates import ChangeHub

        ChangeHub.of(self.ctx).records_changed.connect(self._records_changed_elsewhere)

    def _records_changed_elsewhere(self, changes: Sequence[Change]) -> None:
        record = self.live_record()
        if record is None:
            return
        table, record_id = record
        mine = [c for c in changes if c.table == table and c.ids is not None and record_id in c.ids]
        if not mine or mine[-1].operation == "insert":
            return  # an insert of the record shown was loaded with it
        change = mine[-1]
        if change.operation == "delete" or self._shown_version() is None:
            self.show_changed_elsewhere(change)
            return
        from engagement_desk.services.changes import stored_version

        self.ctx.ops.query(stored_version, self.ctx.db, table, self.record_key, record_id).success(
            functools.partial(self._compare_version, change, record)
        ).failure(functools.partial(self._version_unknown, change, record)).run()

    def _still_loading(self, merge: _PendingMerge) -> bool:
        """The form still shows the version the conflict was about (choices arrived first)."""
        return (
            merge.version is not None
            and merge.record == self.live_record()
            and self._shown_version() == merge.version
        )

    def _shown_version(self) -> int | None:
        record = getattr(self, "record", None) or getattr(self, "current", None)
        version = getattr(record, "version", None)
        return version if isinstance(version, int) else None

    def _compare_version(self, change: Change, record: tuple[str, int], stored: int | None) -> None:
        """Show the bar unless the editor already shows what is stored."""
        if record != self.live_record():
            return
        if stored is None:
            self.show_changed_elsewhere(dataclasses.replace(change, operation="delete"))
        elif stored != self._shown_version():
            self.show_changed_elsewhere(change)

    def _version_unknown(self, change: Change, record: tuple[str, int], _error: Exception) -> None:
        if record == self.live_record():
            self.show_changed_elsewhere(change)

    def show_changed_elsewhere(self, change: Change) -> None:
        """The bar: who changed (or deleted) the record shown, and when."""
        from engagement_desk.ui.live_updates import ChangeHub

        self._last_change = change
        self._bar_record = self.live_record()
        who = ChangeHub.of(self.ctx).name_of(change.user)
        when = change.at.astimezone().strftime("%H:%M")
        bar = self._ensure_changed_bar()
        if bar is not None:
            bar.show_change(who, when, deleted=change.operation == "delete")
        else:
            text = translate("EditorBase", "Changed by %1 at %2")
            self.show_notice(text.replace("%1", who).replace("%2", when))

    def hide_changed_bar(self) -> None:
        bar = getattr(self, "_changed_bar", None)
        if bar is not None:
            bar.hide()

    @property
    def changed_bar(self) -> ChangedElsewhereBar | None:
        return getattr(self, "_changed_bar", None)

    def _ensure_changed_bar(self) -> ChangedElsewhereBar | None:
        bar = getattr(self, "_changed_bar", None)
        if bar is not None:
            return bar
        host = getattr(self, "content", None)
        if not isinstance(host, QBoxLayout):
            host = self.layout()  # type: ignore[attr-defined]
        if not isinstance(host, QBoxLayout):
            return None
        from engagement_desk.ui.widgets.changed_bar import ChangedElsewhereBar

        bar = ChangedElsewhereBar()
        bar.reload_requested.connect(self._reload_from_bar)
        host.insertWidget(0, bar)
        self._changed_bar = bar
        return bar

    def _reload_from_bar(self) -> None:
        """*Reload*: the stored version; typed changes stay only if the person says so."""
        record = self.live_record()
        if record is None:
            return
        if self.is_dirty():
            answer = Reload(
                self.ctx.dialogs.choose(
                    self,  # type: ignore[arg-type]
                    translate("EditorBase", "Reload"),
                    translate(
                        "EditorBase",
                        "You have changed %1 here. Keep your changes on top of the saved version?",
                    ).replace("%1", self.describe()),
                    (
                        translate("EditorBase", "Keep my changes"),
                        translate("EditorBase", "Discard my changes"),
                        translate("EditorBase", "Cancel"),
                    ),
                )
            )
            if answer == Reload.CANCEL:
                return
            if answer == Reload.KEEP and (outside := self.unmergeable_changes()):
                text = translate("EditorBase", "Not kept, please enter again: %1")
                self.show_notice(text.replace("%1", ", ".join(outside)))
            if answer == Reload.KEEP and self.field_values():
                self._pending_merge = _PendingMerge(
                    record, dict(self._field_baseline_or_now()), self.field_values(), ask=False
                )
        self.hide_changed_bar()
        self.reload_record()

    # --- merging after a conflict -------------------------------------------------

    def _merge(self, merge: _PendingMerge) -> None:
        """The stored version is shown now: put back what the person typed, or ask per field."""
        from engagement_desk.ui.widgets.field_values import is_mergeable, shown_value

        widgets = self.field_widgets()
        theirs = self.field_values()
        changed = [k for k in merge.mine if k in widgets and merge.mine[k] != merge.base.get(k)]
        typed = [k for k in changed if is_mergeable(widgets[k])]
        if not merge.ask:
            self._apply_typed(merge, typed)
            return
        differing = [
            k
            for k in merge.mine
            if k in theirs and theirs[k] != merge.mine[k] and is_mergeable(widgets[k])
        ]
        if not differing:
            self.show_notice(
                translate("EditorBase", "Saved elsewhere meanwhile with the same values.")
            )
            return
        from engagement_desk.ui.widgets.conflict_dialog import ConflictDialog, ConflictRow

        rows = [
            ConflictRow(
                key,
                plain(widgets[key].accessibleName()) or self.field_name(key) or key,
                shown_value(widgets[key], theirs[key]),
                shown_value(widgets[key], merge.mine[key]),
                prefer_mine=merge.mine[key] != merge.base.get(key),
            )
            for key in differing
        ]
        from engagement_desk.ui.live_updates import ChangeHub

        change = getattr(self, "_last_change", None)
        if change is not None and getattr(self, "_bar_record", None) == merge.record:
            author = ChangeHub.of(self.ctx).name_of(change.user)
            when = change.at.astimezone().strftime("%H:%M")
        else:
            author, when = "", ""
        dialog = ConflictDialog(rows, author, when, self)  # type: ignore[arg-type]
        dialog.resolved.connect(functools.partial(self._merge_chosen, merge))
        dialog.rejected.connect(functools.partial(self._merge_cancelled, merge, typed))
        self.conflict_dialog = dialog
        dialog.open()

    @property
    def open_conflict_dialog(self) -> ConflictDialog | None:
        dialog = getattr(self, "conflict_dialog", None)
        return dialog if dialog is not None and dialog.isVisible() else None

    def _apply_typed(self, merge: _PendingMerge, keys: Iterable[str]) -> None:
        from engagement_desk.ui.widgets.field_values import set_widget_value

        widgets = self.field_widgets()
        for key in keys:
            set_widget_value(widgets[key], merge.mine[key])

    def _merge_chosen(self, merge: _PendingMerge, choices: Mapping[str, bool]) -> None:
        self.conflict_dialog = None
        if merge.record != self.live_record():
            return
        kept = [key for key, take_mine in choices.items() if take_mine]
        self._apply_typed(merge, kept)
        self.hide_changed_bar()
        if kept:
            self.save()  # type: ignore[attr-defined]

    def _merge_cancelled(self, merge: _PendingMerge, typed: Sequence[str]) -> None:
        """Nothing saved; what was typed is back in the form, over the stored version."""
        self.conflict_dialog = None
        if merge.record == self.live_record():
            self._apply_typed(merge, typed)
