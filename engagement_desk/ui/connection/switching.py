"""Choosing a connection from the window (Datei ▸ Verbindung wechseln) and at start-up."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from engagement_desk.services.connection import Passwords, load_profiles
from engagement_desk.services.connection.passwords import libpq_may_find_password
from engagement_desk.ui.connection.dialog import Connection, ConnectionDialog

if TYPE_CHECKING:
    from engagement_desk.ui.context import AppContext
    from engagement_desk.ui.main_window import MainWindow


def choose_connection(window: MainWindow, passwords: Passwords | None = None) -> ConnectionDialog:
    """The connection dialog, window-modal; the chosen database opens in place of this one."""
    dialog = ConnectionDialog(window.ctx, window, passwords=passwords)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.chosen.connect(functools.partial(open_connection, window, switching=True))
    dialog.open()
    return dialog


def open_connection(window: MainWindow, connection: Connection, *, switching: bool) -> None:
    """Open the chosen database through the window's one opener."""
    from engagement_desk.ui.database_opener import DatabaseOpener

    DatabaseOpener(window, window.ctx, connection.target, switching=switching).open()


def open_last_profile(
    window: MainWindow, ctx: AppContext, passwords: Passwords | None = None
) -> bool:
    """At start-up without ``--db``: open the profile used last; False when there is none.

    A server profile needs its password first: the dialog shows the profile,
    filled from the keyring if it is remembered there, and connects at once
    when it has one or libpq may find one in a password file; otherwise the
    cursor waits in the password field. Cancel ends the
    program, as declining any other start-up question does.
    """
    from engagement_desk.ui.database_opener import DatabaseOpener

    profile = load_profiles().last
    if profile is None:
        return False
    if not profile.is_server:
        DatabaseOpener(window, ctx, profile.path).open()
        return True
    dialog = ConnectionDialog(ctx, window, passwords=passwords, select=profile.name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.chosen.connect(functools.partial(open_connection, window, switching=False))
    dialog.rejected.connect(functools.partial(_quit, window))
    dialog.open()
    dialog.ask_password_for(profile.name)
    if dialog.password_edit.text() or libpq_may_find_password():
        dialog.connect_chosen()  # refused: the dialog stays, saying why
    return True


def _quit(window: MainWindow) -> None:
    from engagement_desk.ui.app import EXIT_CANNOT_OPEN

    window.hide()
    QCoreApplication.exit(EXIT_CANNOT_OPEN)
