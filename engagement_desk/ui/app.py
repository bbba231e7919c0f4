"""Start the window: application, language, main window, then database and schema.

The window is on screen before the database layer is even imported: SQLAlchemy,
Alembic and the models take several hundred milliseconds to load, a bare Qt
window a few dozen. So ``run`` shows the window first and opens and migrates
the database from the event loop's first turn; if that fails, a German
message says why and the program ends with exit code 1, database untouched.
"""

from __future__ import annotations

import functools
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from engagement_desk.db import Database
    from engagement_desk.ui.context import AppContext
    from engagement_desk.ui.main_window import MainWindow
    from engagement_desk.ui.widgets.dialogs import Dialogs

ORGANIZATION = "engagement-desk"
ICON = ("icons", "engagement-desk.svg")
# Rendered from ICON: a PNG needs no image plugin (the SVG one loads QtSvg), so
# the window starts with it; the scalable icon replaces it after the first paint.
ICON_PNG = ("icons", "engagement-desk-256.png")
EXIT_CANNOT_OPEN = 1


def run(
    db_target: str | None = None,
    demo: bool = False,
    language: str | None = None,
    *,
    dialogs: Dialogs | None = None,
) -> int:
    """Open the window on ``db_target`` (or the demo database) and return the exit code."""
    from PySide6.QtCore import QSettings

    from engagement_desk.ui.context import AppContext
    from engagement_desk.ui.error_hooks import qt_messages_logged, uncaught_errors_shown
    from engagement_desk.ui.gc_guard import GuiThreadCollector
    from engagement_desk.ui.i18n import LanguageSwitcher, preferred_language
    from engagement_desk.ui.main_window import MainWindow
    from engagement_desk.ui.startup import FirstPaint
    from engagement_desk.ui.widgets.dialogs import Dialogs

    app = application()
    settings = QSettings()
    languages = LanguageSwitcher(app)
    languages.apply(preferred_language(settings, language))
    dialogs = dialogs or Dialogs()
    # The operations (and their thread pools) follow with the database in
    # ``start``: nothing runs one before it is open, and importing them costs
    # the first paint about ten milliseconds (PySide6 builds the ``Qt``
    # namespace's ~90 Python enums on first use).
    ctx = AppContext(
        ops=None,  # type: ignore[arg-type]
        settings=settings,
        dialogs=dialogs,
        languages=languages,
        demo=demo,
    )
    window = MainWindow(ctx)
    first_paint = FirstPaint(window, functools.partial(start, window, ctx, db_target))
    collector = GuiThreadCollector(app)
    try:
        with qt_messages_logged(), uncaught_errors_shown(dialogs, window):
            window.show()
            return app.exec()
    finally:
        if ctx.ops is not None:
            ctx.ops.shutdown()
        first_paint.deleteLater()
        window.deleteLater()
        if ctx.database is not None:
            ctx.database.dispose()
        collector.stop()
        collector.deleteLater()


def start(window: MainWindow, ctx: AppContext, db_target: str | None) -> None:
    """Open the database into the shown window, off the GUI thread, or say why not and quit."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from engagement_desk.paths import DB_ENV_VAR, resource
    from engagement_desk.ui.database_opener import DatabaseOpener
    from engagement_desk.ui.operations import Operations
    from engagement_desk.ui.script_fonts import register_script_fonts_in_background

    QApplication.setWindowIcon(QIcon(str(resource(*ICON))))
    register_script_fonts_in_background()
    if ctx.ops is None:
        ctx.ops = Operations(ctx.dialogs)
    if db_target is None and not ctx.demo and not os.environ.get(DB_ENV_VAR):
        from engagement_desk.ui.connection.switching import open_last_profile

        # ``--db`` (or the environment) wins; otherwise the connection used last.
        if open_last_profile(window, ctx):
            return
    DatabaseOpener(window, ctx, db_target).open()


def application() -> QApplication:
    """The one QApplication, named and with its icon."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from engagement_desk.paths import resource

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(ORGANIZATION)
    app.setDesktopFileName(ORGANIZATION)
    app.setWindowIcon(QIcon(str(resource(*ICON_PNG))))
    return app


def open_database(
    db_target: str | None, *, demo: bool, dialogs: Dialogs, parent: QWidget | None = None
) -> Database | None:
    """Open and migrate the database here and now (the screenshot tool, tests; the window
    uses ``DatabaseOpener``); on failure say why and return None, changing nothing.

    Where there is no database yet (no file, or an empty one) a new one is made
    only after asking; the demo database is made without asking.
    """
    from engagement_desk import paths
    from engagement_desk.db import DatabaseDamagedError, DatabaseMissingError
    from engagement_desk.failures import report
    from engagement_desk.services.opening import Purpose, restore_damaged
    from engagement_desk.services.opening import open_database as open_for
    from engagement_desk.ui.database_opener import busy_cursor, create_wanted, restore_wanted
    from engagement_desk.ui.operations import show_failure

    target = paths.demo_database_path() if demo else db_target
    try:
        try:
            return open_for(target, Purpose.CREATE if demo else Purpose.WORK)
        except DatabaseDamagedError as damaged:
            if damaged.latest_backup is None or not restore_wanted(damaged, dialogs, parent):
                raise
            with busy_cursor():
                restore_damaged(target, damaged.latest_backup)
            return open_for(target, Purpose.WORK)
        except DatabaseMissingError:
            if not create_wanted(target, dialogs, parent):
                return None
            return open_for(target, Purpose.CREATE)
    except Exception as exc:
        failure = report(exc, context="opening the database")
    show_failure(dialogs, failure, parent, critical=True)
    return None


def show_main_window(ctx: AppContext) -> MainWindow:
    """The window on an already open database; a fresh demo database is filled first."""
    from engagement_desk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    if ctx.demo and is_empty(ctx.db):
        from engagement_desk.ui.demo.filling import fill_demo_data

        fill_demo_data(window, ctx)
    elif ctx.demo:
        from engagement_desk.ui.demo.filling import renew_stale_demo

        renew_stale_demo(window, ctx)
    return window


def is_empty(db: Database) -> bool:
    from engagement_desk.services.listing import ListQuery
    from engagement_desk.services.people.persons import count_people

    return count_people(db, ListQuery()) == 0
