"""Run service calls off the GUI thread and bring the outcome back to it.

Widgets never call a service directly (Anki's CollectionOp/QueryOp)::

    ctx.ops.query(list_people, ctx.db, query).success(self._show).run()
    ctx.ops.write(export_database, ctx.db, path).with_progress(self, label).run()

``query`` runs on a small pool of reader threads, ``write`` on a pool with
exactly one thread. The outcome travels back through a signal carrier that
was created in the GUI thread and is connected to a bound ``@Slot``, so the
callbacks always run in the GUI thread (git-cola's runnable pattern).
Failures without a ``failure`` callback are sorted by ``failures.classify``
and shown through the dialog seam: a ``ServiceError`` or an environment
problem with its German sentence, a bug as "Interner Fehler" naming the log
file that holds its traceback. ``Operations(inline=True)`` runs everything
synchronously, for tests.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from engagement_desk.failures import Failure, report
from engagement_desk.services.errors import Cancelled
from engagement_desk.ui.widgets.dialogs import Dialogs
from engagement_desk.ui.widgets.progress import ProgressWatcher, ThreadSafeProgress

READ_THREADS = 2
SHUTDOWN_WAIT_MS = 10_000


class Generation:
    """Makes older requests stale: ``advance()`` when their answers stop mattering."""

    def __init__(self) -> None:
        self.current = 0

    def advance(self) -> int:
        self.current += 1
        return self.current

    def is_current(self, token: int) -> bool:
        return token == self.current


@dataclass(frozen=True)
class _Outcome:
    result: Any = None
    error: BaseException | None = None


class _Carrier(QObject):
    """Brings outcomes from worker threads to the GUI thread.

    One per ``Operations``, created in the GUI thread and never deleted by a
    worker; ``finished`` is connected to the bound slot ``deliver``, so Qt
    queues the call into the GUI thread whichever thread emits.
    """

    finished = Signal(object, object)

    def __init__(self) -> None:
        super().__init__()
        self.finished.connect(self.deliver)

    @Slot(object, object)
    def deliver(self, operation: Operation, outcome: _Outcome) -> None:
        operation._finished(outcome)


class _Task(QRunnable):
    def __init__(self, operation: Operation, call: Callable[[], Any], carrier: _Carrier):
        super().__init__()
        self._operation: Operation | None = operation
        self._call: Callable[[], Any] | None = call
        self._carrier = carrier

    def run(self) -> None:
        operation, call = self._operation, self._call
        self._operation = self._call = None
        assert operation is not None and call is not None
        try:
            outcome = _Outcome(result=call())
        except Exception as exc:
            outcome = _Outcome(error=exc)
        self._carrier.finished.emit(operation, outcome)


def _alive(callback: Callable[..., Any]) -> bool:
    """False when the callback belongs to a Qt object already deleted (window closed).

    Looks at bound methods and ``functools.partial`` over them; prefer those
    to lambdas as callbacks, which cannot be checked.
    """
    owners: list[Any] = [getattr(callback, "__self__", None)]
    if isinstance(callback, functools.partial):
        owners.append(getattr(callback.func, "__self__", None))
        owners.extend(callback.args)
    return all(shiboken6.isValid(o) for o in owners if isinstance(o, QObject))


class Operation:
    """One service call; build it with ``Operations.query``/``write``, then ``run()``."""

    def __init__(
        self,
        ops: Operations,
        pool: QThreadPool | None,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
    ):
        self._ops = ops
        self._pool = pool
        self._fn = fn
        self._args = args
        self._kwargs = kwargs
        self._on_success: Callable[[Any], Any] | None = None
        self._on_failure: Callable[[Exception], Any] | None = None
        self._progress_parent: QWidget | None = None
        self._progress_label: str | None = None
        self._generation: Generation | None = None
        self._token = 0
        self.progress: ThreadSafeProgress | None = None
        self.watcher: ProgressWatcher | None = None
        self.done = False

    def success(self, callback: Callable[[Any], Any]) -> Operation:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[Exception], Any]) -> Operation:
        """Handle errors yourself; without this, they are shown in a message box."""
        self._on_failure = callback
        return self

    def with_progress(self, parent: QWidget | None, label: str) -> Operation:
        """Pass ``progress=`` to the function and show a cancellable progress dialog."""
        self._progress_parent = parent
        self._progress_label = label
        return self

    def discard_if_stale(self, generation: Generation) -> Operation:
        """Drop the outcome silently if ``generation`` advanced while this ran."""
        self._generation = generation
        return self

    def run(self) -> Operation:
        if self._ops.closed:
            return self
        if self._generation is not None:
            self._token = self._generation.current
        kwargs = dict(self._kwargs)
        if self._progress_label is not None:
            self.progress = ThreadSafeProgress()
            kwargs["progress"] = self.progress
        fn, args = self._fn, self._args

        def call() -> Any:
            return fn(*args, **kwargs)

        if self._pool is None:
            try:
                outcome = _Outcome(result=call())
            except Exception as exc:
                outcome = _Outcome(error=exc)
            self._finished(outcome)
            return self
        if self.progress is not None:
            self.watcher = ProgressWatcher(
                self.progress, self._progress_parent, self._progress_label or ""
            )
            self.watcher.start()
        self._ops._started(self)
        self._pool.start(_Task(self, call, self._ops._carrier))
        return self

    def _finished(self, outcome: _Outcome) -> None:
        self.done = True
        self._ops._forget(self)
        if self.watcher is not None:
            self.watcher.finish()
            self.watcher = None
        try:
            if not self._ops.closed:
                self._deliver(outcome)
        finally:
            # The worker may drop the last reference to this object; leave it
            # nothing that belongs to the GUI thread.
            self._on_success = self._on_failure = None
            self._progress_parent = None

    def _deliver(self, outcome: _Outcome) -> None:
        if self._generation is not None and not self._generation.is_current(self._token):
            return
        if outcome.error is None:
            if self._on_success is not None and _alive(self._on_success):
                self._on_success(outcome.result)
            return
        error = outcome.error
        if not isinstance(error, Exception):
            raise error
        if self._on_failure is not None:
            if _alive(self._on_failure):
                self._on_failure(error)
            return
        parent = self._progress_parent
        if parent is not None and not shiboken6.isValid(parent):
            parent = None
        self._ops.show_error(error, parent)


class Operations:
    """Factory and owner of operations; one per application, in the ``AppContext``."""

    def __init__(self, dialogs: Dialogs, *, inline: bool = False):
        self.dialogs = dialogs
        self.inline = inline
        self.closed = False
        self._running: set[Operation] = set()
        self._carrier = _Carrier()
        self._read_pool: QThreadPool | None = None
        self._write_pool: QThreadPool | None = None
        if not inline:
            self._read_pool = QThreadPool()
            # Readers do not block each other (SQLite WAL, PostgreSQL); two keep a
            # list page and its count apart without fighting over the GIL.
            self._read_pool.setMaxThreadCount(READ_THREADS)
            self._write_pool = QThreadPool()
            # SQLite has exactly one writer at a time. One thread serialises our
            # writes in the order they were asked for, instead of letting them
            # queue on the database lock and time out.
            self._write_pool.setMaxThreadCount(1)

    def query(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Operation:
        """A read: ``fn(*args, **kwargs)`` on a reader thread."""
        return Operation(self, self._read_pool, fn, args, kwargs)

    def write(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Operation:
        """A change to the database: ``fn(*args, **kwargs)`` on the single writer thread."""
        return Operation(self, self._write_pool, fn, args, kwargs)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def show_error(self, error: Exception, parent: QWidget | None = None) -> None:
        """Tell the person what went wrong, in the words ``failures`` chose; bugs are logged."""
        if isinstance(error, Cancelled):
            title = QCoreApplication.translate("Operations", "Engagement Desk")
            self.dialogs.inform(parent, title, str(error))
            return
        show_failure(self.dialogs, report(error, context="window"), parent)

    def shutdown(self, wait_ms: int = SHUTDOWN_WAIT_MS) -> bool:
        """Let running work finish (nothing new is delivered); True if all finished in time."""
        self.closed = True
        done = True
        for pool in (self._read_pool, self._write_pool):
            if pool is not None:
                done = pool.waitForDone(wait_ms) and done
        return done

    def _started(self, operation: Operation) -> None:
        self._running.add(operation)

    def _forget(self, operation: Operation) -> None:
        self._running.discard(operation)


def show_failure(
    dialogs: Dialogs, failure: Failure, parent: QWidget | None = None, *, critical: bool = False
) -> None:
    """A bug as a critical "Internal error", anything else as a warning with its sentence.

    ``critical`` for failures the program cannot go on after, such as at start-up.
    """
    if failure.is_bug:
        title = QCoreApplication.translate("Operations", "Internal error")
        dialogs.critical(parent, title, failure.message)
        return
    title = QCoreApplication.translate("Operations", "Engagement Desk")
    if critical:
        dialogs.critical(parent, title, failure.message)
    else:
        dialogs.warn(parent, title, failure.message)
