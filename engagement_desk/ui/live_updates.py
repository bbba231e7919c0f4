"""Changes other workstations make, brought to the window as they happen (PostgreSQL).

``LiveUpdates`` runs a ``services.changes.ChangeListener`` on a plain Python
thread; each ``Change`` another connection caused travels to the GUI thread
through a signal of a QObject that lives there (queued, as in
``ui.operations``). The thread creates no Qt object and the window collects
garbage on the GUI thread only (``ui.gc_guard``), so nothing Qt is destroyed
off it; ``stop()`` ends the thread before the window or the database goes.

``ChangeHub.of(ctx)`` is where widgets subscribe: it gathers the changes of
``DEBOUNCE_MS`` and sends, once per burst, the set of tables
(``tables_changed``, for lists) and the changes themselves
(``records_changed``, for editors). On SQLite nothing is started and the hub
stays silent. ``follow_changes`` reloads a widget when one of its tables
changed — at once if it is on screen, else when it is shown next.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from engagement_desk.services.changes import ANY_TABLE, Change, ChangeListener, own_backend_pids
from engagement_desk.ui.context import AppContext

log = logging.getLogger(__name__)

DEBOUNCE_MS = 250
WAIT_SECONDS = 0.5  # how long the thread waits before it looks whether it should stop
STOP_WAIT_SECONDS = 5.0
STAFF_TABLE = "staff_member"

_hubs: weakref.WeakKeyDictionary[AppContext, ChangeHub] = weakref.WeakKeyDictionary()


class ChangeHub(QObject):
    """One per context: changes by others, debounced and coalesced, on the GUI thread."""

    tables_changed = Signal(object)  # frozenset[str]; contains ANY_TABLE after a reconnect
    records_changed = Signal(object)  # tuple[Change, ...]

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        # Weak: the hub is kept per context in a WeakKeyDictionary and must not keep it alive.
        self._ctx = weakref.ref(ctx)
        self._pending: list[Change] = []
        self._names: dict[str, str] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._flush)

    @classmethod
    def of(cls, ctx: AppContext) -> ChangeHub:
        hub = _hubs.get(ctx)
        if hub is None:
            hub = _hubs[ctx] = cls(ctx)
        return hub

    @Slot(object)
    def deliver(self, change: Change) -> None:
        """A change arrived; it goes out with the others of the next ``DEBOUNCE_MS``."""
        self._pending.append(change)
        # Not restarted by later changes: a steady stream still refreshes every interval.
        if not self._timer.isActive():
            self._timer.start()

    def flush_now(self) -> None:
        self._timer.stop()
        self._flush()

    def discard_pending(self) -> None:
        """Forget what has not gone out yet (listening stopped; the database may be closing)."""
        self._timer.stop()
        self._pending = []

    @Slot()
    def _flush(self) -> None:
        changes, self._pending = tuple(self._pending), []
        if not changes:
            return
        tables = frozenset(change.table for change in changes)
        if STAFF_TABLE in tables or ANY_TABLE in tables:
            self.load_names()
        self.tables_changed.emit(tables)
        self.records_changed.emit(changes)

    # --- who changed it -----------------------------------------------------------

    def load_names(self) -> None:
        """Fetch login → full name once more (staff logins; none on SQLite)."""
        ctx = self._ctx()
        if ctx is None or not ctx.is_open or ctx.db.is_sqlite:
            return
        ctx.ops.query(_display_names, ctx.db).success(self._names_loaded).failure(
            self._names_failed
        ).run()

    def _names_loaded(self, names: dict[str, str]) -> None:
        self._names = dict(names)

    def _names_failed(self, error: Exception) -> None:
        log.info("staff names not loaded: %s", error)

    def name_of(self, login: str) -> str:
        """The staff member's full name, else the login itself."""
        return self._names.get(login) or login


def _display_names(db: Any) -> dict[str, str]:
    try:
        from engagement_desk.services.staff.admin import display_names
    except ImportError:  # staff logins are not part of this version
        return {}
    return display_names(db)


class LiveUpdates(QObject):
    """Listens for the context's PostgreSQL database while it is open; ``stop()`` ends it."""

    _arrived = Signal(object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self._hub = ChangeHub.of(ctx)
        self._arrived.connect(self._forward, Qt.ConnectionType.QueuedConnection)
        self._listener: ChangeListener | None = None
        self._thread: threading.Thread | None = None
        self._own: set[int] = set()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> bool:
        """Start listening; False on SQLite (one workstation: nothing to hear)."""
        self.stop()
        if not self._ctx.is_open or self._ctx.db.is_sqlite:
            return False
        db = self._ctx.db
        self._own = own_backend_pids(db)
        self._listener = ChangeListener.for_database(db)
        self._thread = threading.Thread(
            target=self._run, args=(self._listener,), name="live-updates", daemon=True
        )
        self._thread.start()
        self._hub.load_names()
        return True

    @Slot(object)
    def _forward(self, change: Change) -> None:
        # Queued before ``stop``: the database it concerns may be closed by now.
        if self._listener is not None:
            self._hub.deliver(change)

    def _run(self, listener: ChangeListener) -> None:
        try:
            while True:
                for change in listener.wait(WAIT_SECONDS):
                    if change.table == ANY_TABLE or change.backend_pid not in self._own:
                        self._arrived.emit(change)
                if listener.closed:
                    return
        except Exception:  # never let the thread die with a traceback on stderr
            log.exception("live updates stopped")
        finally:
            listener.release()

    def stop(self) -> None:
        """Stop the thread and close its connection; returns once it has ended."""
        listener, thread = self._listener, self._thread
        self._listener = self._thread = None
        if listener is not None:
            listener.close()
        if thread is not None:
            thread.join(STOP_WAIT_SECONDS)
            if thread.is_alive():
                log.warning("live-update thread did not stop in time")
        self._hub.discard_pending()


class _ShowWatcher(QObject):
    """Runs a pending reload when the watched widget is shown."""

    def __init__(self, widget: QWidget, run: Callable[[], None]):
        super().__init__(widget)
        self._run = run
        self.pending = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.pending:
            self.pending = False
            QTimer.singleShot(0, self._run)
        return False


class ChangeFollower(QObject):
    """Calls ``reload`` when one of ``tables`` changed elsewhere (see ``follow_changes``)."""

    def __init__(
        self, ctx: AppContext, widget: QWidget, tables: Iterable[str], reload: Callable[[], None]
    ):
        super().__init__(widget)
        self.tables = frozenset(tables)
        self._widget = widget
        self._reload = reload
        self._watcher = _ShowWatcher(widget, self._run)
        ChangeHub.of(ctx).tables_changed.connect(self._tables_changed)

    @Slot(object)
    def _tables_changed(self, tables: frozenset[str]) -> None:
        if ANY_TABLE not in tables and not tables & self.tables:
            return
        if self._widget.isVisible():
            self._run()
        else:
            self._watcher.pending = True

    def _run(self) -> None:
        self._reload()


def follow_changes(
    ctx: AppContext, widget: QWidget, tables: Iterable[str], reload: Callable[[], None]
) -> ChangeFollower | None:
    """Reload ``widget`` (via ``reload``) when another workstation changed one of ``tables``."""
    tables = frozenset(tables)
    if not tables:
        return None
    return ChangeFollower(ctx, widget, tables, reload)
