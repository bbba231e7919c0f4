"""Opening the database after the window is on screen, without blocking it.

Opening checks the file (SQLite's quick check takes about half a second on a
100,000-person database, seconds from a cold disk), reads the schema version
and upgrades an older one. All of that runs on a worker thread; the window
stays responsive and says "Datenbank wird geöffnet …". The questions it may
need to ask (create a missing database? restore the latest backup of a
damaged one?) are asked on the GUI thread, and the work they lead to runs off
it again.

The same worker then imports what the window needs next (the first tab's
modules, ``FIRST_TAB_MODULES``): importing them on the GUI thread froze the
window for about a second between its first paint and the first rows.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtWidgets import QApplication, QWidget

from engagement_desk.ui.app import EXIT_CANNOT_OPEN, is_empty

if TYPE_CHECKING:
    from engagement_desk.db import Database
    from engagement_desk.services.progress import Progress
    from engagement_desk.services.staff.access import SessionAccess
    from engagement_desk.ui.context import AppContext
    from engagement_desk.ui.main_window import MainWindow
    from engagement_desk.ui.widgets.dialogs import Dialogs


# The people list is where the window starts; the set-up offer follows every opening.
FIRST_TAB_MODULES = ("engagement_desk.ui.people.tab", "engagement_desk.ui.setup.offer")


def _title() -> str:
    return QCoreApplication.translate("App", "Engagement Desk")


def create_wanted(target: object, dialogs: Dialogs, parent: QWidget | None) -> bool:
    from engagement_desk.db import resolve_url

    question = QCoreApplication.translate(
        "App",
        "There is no database at %1 yet (the file is missing or empty).\n\nCreate a new database?",
    ).replace("%1", str(resolve_url(target).database))  # type: ignore[arg-type]
    return dialogs.ask(parent, _title(), question)


def restore_wanted(damaged: Exception, dialogs: Dialogs, parent: QWidget | None) -> bool:
    question = QCoreApplication.translate(
        "App",
        "%1\n\nRestore the latest verified backup now? The damaged file is kept as a copy "
        "beside it.",
    ).replace("%1", str(damaged))
    return dialogs.ask(parent, _title(), question)


@contextlib.contextmanager
def busy_cursor() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


@dataclass(frozen=True)
class Opened:
    """An open database and who the connection is logged in as; no ``access`` yet while
    its schema is older than this program's (``upgrade_identified`` comes first)."""

    db: Database
    access: SessionAccess | None
    revision: str | None = None


def open_identified(target: object, purpose: object, preload: tuple[str, ...] = ()) -> Opened:
    """Open ``target`` and read the login's role, and import ``preload`` (off the GUI thread).

    ``purpose`` is a ``Purpose`` or its name: the GUI thread need not import the
    opening service (and with it SQLAlchemy and Alembic) to ask for it. SQLite's
    quick check (C, seconds on a large file) runs on a thread of its own while
    this one imports ``preload`` (Python): the two share the wait.
    """
    from engagement_desk.services import opening

    if isinstance(purpose, str):
        purpose = opening.Purpose[purpose]
    check = _CheckBeside.start(target, purpose) if preload else None
    for module in preload:
        importlib.import_module(module)
    opened = opening.open_unupgraded(  # type: ignore[arg-type]
        target, purpose, check=None if check is None else check.problems
    )
    if opened.upgrade_due:
        return Opened(opened.db, None, opened.revision)
    return _identified(opened.db)


class _CheckBeside:
    """``opening.quick_check`` of an SQLite file on a thread of its own, started at once."""

    def __init__(self, path: Path) -> None:
        from engagement_desk.services import opening

        self._path = path
        self._outcome: list[str] | BaseException = []
        self._thread = threading.Thread(
            target=self._run, args=(opening.quick_check,), name="quick-check", daemon=True
        )
        self._thread.start()

    @classmethod
    def start(cls, target: object, purpose: object) -> _CheckBeside | None:
        from engagement_desk.db import resolve_url
        from engagement_desk.services.opening import Purpose, has_database

        url = resolve_url(target)  # type: ignore[arg-type]
        if url.get_backend_name() != "sqlite" or purpose in (Purpose.CHECK, Purpose.RESTORE):
            return None
        path = Path(str(url.database))
        return cls(path) if has_database(path) else None

    def _run(self, quick_check: Callable[[Path], list[str]]) -> None:
        try:
            self._outcome = quick_check(self._path)
        except BaseException as error:  # handed to the opening thread, raised there
            self._outcome = error

    def problems(self, path: Path) -> list[str]:
        self._thread.join()
        if path != self._path:  # not the file checked: check that one now
            from engagement_desk.services.opening import quick_check

            return quick_check(path)
        if isinstance(self._outcome, BaseException):
            raise self._outcome
        return self._outcome


def upgrade_identified(db: Database, *, progress: Progress) -> Opened:
    """The first start after an update: verified backup, upgrade, then the login's role."""
    from engagement_desk.services.opening import upgrade_schema

    upgrade_schema(db, progress=progress)
    return _identified(db)


def _identified(db: Database) -> Opened:
    from engagement_desk.services.staff.access import session_access

    try:
        return Opened(db, session_access(db))
    except BaseException:
        db.dispose()
        raise


class DatabaseOpener(QObject):
    """Opens ``target`` into the shown ``window``, or says why not and ends the program.

    ``switching`` (Datei ▸ Verbindung wechseln): the window already works on a
    database; a failure is told and that database stays open. ``demo``: the
    target is the demo database (the set-up wizard's "Demo-Daten ansehen").
    A really empty database then offers the set-up wizard (``ui.setup``).
    """

    def __init__(
        self,
        window: MainWindow,
        ctx: AppContext,
        target: object,
        *,
        switching: bool = False,
        demo: bool = False,
    ):
        super().__init__(window)
        from engagement_desk import paths

        self.window = window
        self.ctx = ctx
        self.switching = switching
        self.demo = demo
        self.target = paths.demo_database_path() if ctx.demo and not switching else target

    def open(self, purpose: object = None) -> None:
        if purpose is None:
            purpose = "CREATE" if self.ctx.demo and not self.switching else "WORK"
        self.ctx.ops.query(open_identified, self.target, purpose, FIRST_TAB_MODULES).success(
            self._opened
        ).failure(self._refused).run()

    @Slot(object)
    def _opened(self, opened: Opened) -> None:
        if opened.access is None:
            self._upgrade(opened)
            return
        db = opened.db
        previous = self.ctx.database
        if previous is not None:
            stop = getattr(self.window, "stop_live_updates", None)
            if callable(stop):  # they listen on the database being replaced
                stop()
            self.window.close_database()
            self.ctx.demo = self.demo
        self.ctx.database = db
        self.ctx.access.set_access(opened.access)
        self.window.database_ready()
        if previous is not None:
            previous.dispose()
        if self.ctx.demo and (previous is None or self.demo) and is_empty(db):
            from engagement_desk.ui.demo.filling import fill_demo_data

            fill_demo_data(self.window, self.ctx)
        elif self.ctx.demo and (previous is None or self.demo):
            from engagement_desk.ui.demo.filling import renew_stale_demo

            renew_stale_demo(self.window, self.ctx)
        elif not self.ctx.demo:
            from engagement_desk.ui.setup.offer import offer_setup

            offer_setup(self.window, self.ctx)

    def _upgrade(self, opened: Opened) -> None:
        if opened.revision is None:
            label = QCoreApplication.translate("App", "Creating the database …")
        else:
            label = QCoreApplication.translate(
                "App",
                "Updating the database for this program version …\n"
                "A verified backup is made first.",
            )
        self.ctx.ops.write(upgrade_identified, opened.db).with_progress(self.window, label).success(
            self._opened
        ).failure(functools.partial(self._upgrade_failed, opened.db)).run()

    def _upgrade_failed(self, db: Database, error: Exception) -> None:
        db.dispose()
        self._failed(error)

    @Slot(object)
    def _refused(self, error: Exception) -> None:
        from engagement_desk.db import DatabaseDamagedError, DatabaseMissingError
        from engagement_desk.services.opening import Purpose, restore_damaged

        dialogs = self.ctx.dialogs
        if isinstance(error, DatabaseMissingError):
            if create_wanted(self.target, dialogs, self.window):
                self.open(Purpose.CREATE)
            elif not self.switching:
                self._quit()
            return
        if (
            isinstance(error, DatabaseDamagedError)
            and error.latest_backup is not None
            and restore_wanted(error, dialogs, self.window)
        ):
            label = QCoreApplication.translate("App", "Restoring the latest backup …")
            self.ctx.ops.write(restore_damaged, self.target, error.latest_backup).with_progress(
                self.window, label
            ).success(self._restored).failure(self._failed).run()
            return
        self._failed(error)

    @Slot(object)
    def _restored(self, _result: object) -> None:
        self.open()

    @Slot(object)
    def _failed(self, error: Exception) -> None:
        from engagement_desk.failures import report
        from engagement_desk.ui.operations import show_failure

        show_failure(
            self.ctx.dialogs,
            report(error, context="opening the database"),
            self.window,
            critical=not self.switching,
        )
        if not self.switching:
            self._quit()

    def _quit(self) -> None:
        # hide, not close: closing the last window would post a second, late quit
        self.window.hide()
        QCoreApplication.exit(EXIT_CANNOT_OPEN)
