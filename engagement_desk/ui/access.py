"""What the logged-in role may do, applied to the window in one place.

Tabs, editors and menus register their actions once with ``guard(ctx, widget,
capability)``; the ``AccessGuard`` in the context disables every one whose
capability the session lacks, with a tooltip that says why, and keeps it
disabled when the widget's own logic enables it again (a selection, a loaded
record). Inputs of a form registered with ``guard_inputs`` become read-only.
The server refuses the same things through its GRANTs (``models.staff``); this
only spares the person the refusal.

Before a database is open, and on the single-PC SQLite file, everything is
allowed.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from engagement_desk.services.staff.access import Capability, SessionAccess

if TYPE_CHECKING:
    from engagement_desk.ui.context import AppContext
    from engagement_desk.ui.main_window import MainWindow

translate = QCoreApplication.translate

# The reasons' English source; the German catalogue has ``SessionAccess.refusal``'s wording
# (tests/ui/test_roles_window.py holds them to it).
REFUSALS_EN: dict[Capability, str] = {
    Capability.EDIT_PEOPLE: QT_TRANSLATE_NOOP("Access", "edit people"),
    Capability.EDIT_RECORDS: QT_TRANSLATE_NOOP("Access", "edit organisations and placements"),
    Capability.EDIT_EVENTS: QT_TRANSLATE_NOOP("Access", "edit events"),
    Capability.CERTIFICATES: QT_TRANSLATE_NOOP("Access", "issue certificates"),
    Capability.EDIT_HOURS: QT_TRANSLATE_NOOP("Access", "record hours"),
    Capability.READ_RIDES: QT_TRANSLATE_NOOP("Access", "see the ride service"),
    Capability.EDIT_RIDES: QT_TRANSLATE_NOOP("Access", "plan rides"),
    Capability.HEALTH_DATA: QT_TRANSLATE_NOOP("Access", "read mobility needs"),
    Capability.PRIVACY: QT_TRANSLATE_NOOP(
        "Access", "make data protection reports, anonymise or delete"
    ),
    Capability.IMPORT_EXPORT: QT_TRANSLATE_NOOP("Access", "import or export data"),
    Capability.EDIT_SETTINGS: QT_TRANSLATE_NOOP("Access", "change the settings"),
    Capability.ADMIN_STAFF: QT_TRANSLATE_NOOP("Access", "manage staff"),
}

_MADE_READ_ONLY = "access_read_only"
_READ_ONLY_KINDS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)


def role_name(access: SessionAccess) -> str:
    """The role as the window names it, translated; the database owner counts as Leitung."""
    from engagement_desk.models.staff import StaffRole
    from engagement_desk.ui.labels import enum_label

    return enum_label(StaffRole, access.role or StaffRole.LEITUNG)


def logged_in_text(access: SessionAccess) -> str:
    """The status bar's login line (Anna Weber, her role, the server); SQLite: single PC."""
    if not access.server:
        return translate("Access", "Single PC")
    text = translate("Access", "Logged in: %1 (%2) · %3")
    return (
        text.replace("%1", access.display_name)
        .replace("%2", role_name(access))
        .replace("%3", access.server)
    )


def refusal_text(access: SessionAccess, capability: Capability) -> str:
    """Why ``capability`` is refused, in the window's language; "" when it is allowed."""
    if access.allows(capability):
        return ""
    text = translate("Access", "Your role “%1” may not %2.")
    what = translate("Access", REFUSALS_EN[capability])
    return text.replace("%1", role_name(access)).replace("%2", what)


class _Guarded:
    """One registered action or widget, with the tooltip it had of its own."""

    def __init__(self, target: QObject, capabilities: tuple[Capability, ...], inputs: bool):
        self.target = target
        self.capabilities = capabilities
        self.inputs = inputs
        self.own_tooltip = ""
        self.showing_reason = False
        self.reason = ""
        self.restoring = False
        self.disabled_here = False


class AccessGuard(QObject):
    """Holds the session's access and enforces it on every registered action and widget."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self.access: SessionAccess = full_access_placeholder()
        self._guarded: dict[int, _Guarded] = {}

    # --- the session -------------------------------------------------------------

    def set_access(self, access: SessionAccess) -> None:
        self.access = access
        self.reapply()

    def allows(self, capability: Capability) -> bool:
        return self.access.allows(capability)

    def reason(self, *capabilities: Capability) -> str:
        """Why the first refused one of ``capabilities`` is refused; "" when all are allowed."""
        for capability in capabilities:
            text = refusal_text(self.access, capability)
            if text:
                return text
        return ""

    # --- registering -----------------------------------------------------------------

    def guard(self, target: QWidget | QAction, *capabilities: Capability) -> None:
        """Disable ``target`` (a button, an action) while a capability is missing."""
        self._register(target, capabilities, inputs=False)

    def guard_inputs(self, container: QWidget, *capabilities: Capability) -> None:
        """Make the inputs inside ``container`` read-only while a capability is missing."""
        self._register(container, capabilities, inputs=True)

    def _register(
        self, target: QObject, capabilities: tuple[Capability, ...], inputs: bool
    ) -> None:
        key = id(target)
        entry = _Guarded(target, capabilities, inputs)
        if key in self._guarded:
            self._guarded[key].capabilities += capabilities
            entry = self._guarded[key]
        else:
            self._guarded[key] = entry
            target.destroyed.connect(functools.partial(self._forget, key))
            if isinstance(target, QAction):
                target.changed.connect(functools.partial(self._action_changed, key))
            else:
                target.installEventFilter(self)
        self._apply(entry)

    def _forget(self, key: int, *_: Any) -> None:
        self._guarded.pop(key, None)

    # --- enforcing ------------------------------------------------------------------

    def reapply(self) -> None:
        """After a new session or a language switch: every registered target again."""
        for entry in list(self._guarded.values()):
            self._apply(entry)

    def _apply(self, entry: _Guarded) -> None:
        entry.reason = self.reason(*entry.capabilities)
        if entry.inputs:
            _set_inputs_read_only(entry.target, bool(entry.reason))  # type: ignore[arg-type]
            return
        self._show_reason(entry)
        if entry.reason and entry.target.isEnabled():  # type: ignore[attr-defined]
            entry.disabled_here = True
            entry.target.setEnabled(False)  # type: ignore[attr-defined]
        elif not entry.reason and entry.disabled_here:  # a session with more rights
            entry.disabled_here = False
            entry.target.setEnabled(True)  # type: ignore[attr-defined]

    def _show_reason(self, entry: _Guarded) -> None:
        """The reason as tooltip while refused; the target's own tooltip back once allowed."""
        target = entry.target
        current = target.toolTip()  # type: ignore[attr-defined]
        if entry.reason:
            if current == entry.reason:
                return
            if not entry.showing_reason:
                entry.own_tooltip = current
            self._set_tooltip(entry, entry.reason)
            entry.showing_reason = True
        elif entry.showing_reason:
            self._set_tooltip(entry, entry.own_tooltip)
            entry.showing_reason = False

    @staticmethod
    def _set_tooltip(entry: _Guarded, text: str) -> None:
        entry.restoring = True
        try:
            entry.target.setToolTip(text)  # type: ignore[attr-defined]
            if isinstance(entry.target, QAction):
                entry.target.setStatusTip(entry.reason)
        finally:
            entry.restoring = False

    def _action_changed(self, key: int) -> None:
        entry = self._guarded.get(key)
        if entry is None or entry.restoring or not entry.reason:
            return
        self._keep(entry)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.EnabledChange, QEvent.Type.ToolTipChange, QEvent.Type.Show):
            entry = self._guarded.get(id(watched))
            if entry is None or not entry.reason or entry.restoring:
                return False
            if entry.inputs:
                if kind == QEvent.Type.Show:  # inputs added since registering
                    _set_inputs_read_only(watched, True)  # type: ignore[arg-type]
            elif kind != QEvent.Type.Show:
                self._keep(entry)
        return False

    def _keep(self, entry: _Guarded) -> None:
        """The target's own code enabled it or set a tooltip: refuse it again."""
        target = entry.target
        if target.toolTip() != entry.reason:  # type: ignore[attr-defined]
            entry.own_tooltip = target.toolTip()  # type: ignore[attr-defined]
            self._set_tooltip(entry, entry.reason)
        if target.isEnabled():  # type: ignore[attr-defined]
            entry.disabled_here = True
            target.setEnabled(False)  # type: ignore[attr-defined]

    def is_guarded(self, target: QObject) -> bool:
        return id(target) in self._guarded


def full_access_placeholder() -> SessionAccess:
    """Everything allowed: what the window assumes until it knows who is logged in."""
    return SessionAccess(login="", display_name="", role=None, server="")


def _set_inputs_read_only(container: QWidget, read_only: bool) -> None:
    """Inputs read-only (text, numbers, dates) or disabled (choices); undone only where done."""
    for widget in container.findChildren(QWidget):
        if isinstance(widget, QToolButton):  # a tab bar's scroll arrows, a date's calendar
            continue
        if isinstance(widget, _READ_ONLY_KINDS):
            was, make = widget.isReadOnly(), widget.setReadOnly
            changed = was != read_only
        elif isinstance(widget, QComboBox | QAbstractButton):
            was, make = not widget.isEnabled(), lambda on, w=widget: w.setEnabled(not on)
            changed = was != read_only
        else:
            continue
        if read_only and changed:
            make(True)
            widget.setProperty(_MADE_READ_ONLY, True)
        elif not read_only and widget.property(_MADE_READ_ONLY):
            make(False)
            widget.setProperty(_MADE_READ_ONLY, False)


# Tabs a role may not even look at: disabled in the tab bar, with the reason as tooltip.
TAB_CAPABILITIES: dict[str, Capability] = {"rides": Capability.READ_RIDES}


def apply_to_window(window: MainWindow) -> str:
    """Apply the session to the main window's tabs and menus; the title's login suffix.

    Called whenever the window retranslates (a new database, a language switch),
    so reasons and the login line follow the language.
    """
    access = window.ctx.access
    access.reapply()
    for index, page in enumerate(window.pages):
        capability = TAB_CAPABILITIES.get(page.spec.key)
        if capability is None:
            continue
        window.tabs.setTabEnabled(index, access.allows(capability))
        window.tabs.setTabToolTip(index, access.reason(capability))
        if not access.is_guarded(window.tab_actions[index]):
            access.guard(window.tab_actions[index], capability)
    for action, capabilities in (
        (window.import_people_action, (Capability.EDIT_PEOPLE,)),
        (window.export_action, (Capability.IMPORT_EXPORT,)),
        (window.import_action, (Capability.IMPORT_EXPORT,)),
        # The published website is the office's word on its clubs: whoever keeps them.
        (window.publish_website_action, (Capability.EDIT_RECORDS,)),
        # On a server a backup is a snapshot of every table, health data included.
        *((action, (Capability.IMPORT_EXPORT,)) for action in window.backups.actions),
    ):
        if not access.is_guarded(action):
            access.guard(action, *capabilities)
    session = access.access
    window.login_status.setText(logged_in_text(session))
    window.login_status.setToolTip(session.login)
    # On a server the login line names the database; its URL would say it again.
    window.database_status.setVisible(not session.server)
    if not session.server:
        return ""
    return f" – {session.display_name} ({role_name(session)})"


def guard(ctx: AppContext, target: QWidget | QAction, *capabilities: Capability) -> None:
    """Register ``target`` with the window's access guard (see the module's docstring)."""
    ctx.access.guard(target, *capabilities)


def guard_each(ctx: AppContext, capability: Capability, *targets: QWidget | QAction) -> None:
    """Register several actions that need the same ``capability``."""
    for target in targets:
        ctx.access.guard(target, capability)


def guard_inputs(ctx: AppContext, container: QWidget, *capabilities: Capability) -> None:
    """Register a form's inputs: read-only while a capability is missing."""
    ctx.access.guard_inputs(container, *capabilities)


__all__ = [
    "AccessGuard",
    "Capability",
    "guard",
    "guard_each",
    "guard_inputs",
    "logged_in_text",
    "refusal_text",
]
