"""Stopping a read that nobody waits for any more (a list asked again before it answered).

``Canceller.run(fn, ...)`` runs a service call as usual; while it runs, every
statement it executes registers its driver connection with the canceller
(``Database`` installs the engine hooks, ``watch_engine``). ``cancel()`` from
any thread then interrupts the statement running at that moment (SQLite
``interrupt()``, PostgreSQL's cancel request) and refuses any later one, so the
worker thread is free again at once instead of finishing a count nobody reads.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, TypeVar

from sqlalchemy import Engine, event

T = TypeVar("T")

_current: ContextVar[Canceller | None] = ContextVar("engagement_desk_canceller", default=None)


class StatementCancelled(Exception):
    """The call was cancelled: a newer request replaced it."""


class Canceller:
    """One cancellable call; ``cancel()`` is safe from any thread, before, during or after it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connection: Any = None
        self.cancelled = False

    def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        token = _current.set(self)
        try:
            if self.cancelled:
                raise StatementCancelled
            return fn(*args, **kwargs)
        finally:
            _current.reset(token)

    def cancel(self) -> None:
        with self._lock:
            if self.cancelled:
                return
            self.cancelled = True
            connection = self._connection
        if connection is None:
            return
        if isinstance(connection, sqlite3.Connection):
            connection.interrupt()  # a flag; returns at once
        else:
            # PostgreSQL's cancel request opens a connection of its own: not on the caller's
            # (the GUI) thread. A request that arrives when the server is idle is ignored.
            threading.Thread(
                target=self._cancel_server_side, args=(connection,), daemon=True
            ).start()

    def _cancel_server_side(self, connection: Any) -> None:
        with self._lock:
            if self._connection is not connection:
                return  # the statement is over and the connection back in the pool
            cancel = getattr(connection, "cancel_safe", None) or getattr(connection, "cancel", None)
            if cancel is not None:
                # Best effort: the call's result is dropped anyway.
                with contextlib.suppress(Exception):
                    cancel()

    def _attach(self, connection: Any) -> None:
        with self._lock:
            if self.cancelled:
                raise StatementCancelled
            self._connection = connection

    def _detach(self, connection: Any) -> None:
        with self._lock:
            if self._connection is connection:
                self._connection = None


def watch_engine(engine: Engine) -> None:
    """Let a ``Canceller`` reach the statements its call runs on ``engine``."""

    @event.listens_for(engine, "before_cursor_execute")
    def _before(conn, _cursor, _statement, _parameters, _context, _executemany) -> None:
        canceller = _current.get()
        if canceller is not None:
            canceller._attach(conn.connection.dbapi_connection)

    @event.listens_for(engine, "checkin")
    def _checkin(dbapi_connection, _record) -> None:
        canceller = _current.get()
        if canceller is not None:
            canceller._detach(dbapi_connection)
