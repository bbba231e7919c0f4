"""What other workstations change, as it happens: PostgreSQL's LISTEN on one channel.

The database itself announces every committed write (migration 0007,
``migrations.change_notifications``). A ``ChangeListener`` holds its own
autocommit connection that LISTENs; ``wait(timeout)`` yields the
``Change`` records that arrive within ``timeout`` seconds. A dropped
connection is opened again (with a growing pause); as notifications sent
meanwhile are lost, the first ``wait`` after a reconnect yields one
``Change`` for ``ANY_TABLE``: reload everything.

``own_backend_pids(db)`` collects the server processes of a ``Database``'s
own connections, so that a window can tell its own writes from others'.
No Qt here; ``ui.live_updates`` runs a listener on a thread.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import column, event, select, table

from engagement_desk.db import Database
from engagement_desk.migrations.change_notifications import CHANNEL

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)

ANY_TABLE = "*"
RECONNECT_DELAYS = (0.5, 1.0, 2.0, 5.0)  # seconds; the last one repeats
CONNECT_TIMEOUT_S = 5


@dataclass(frozen=True)
class Change:
    """One statement's rows changed in ``table`` (``ids`` None: too many to name)."""

    table: str
    operation: str  # "insert", "update", "delete"; "reconnect" for ANY_TABLE
    ids: tuple[int, ...] | None
    user: str
    backend_pid: int
    at: dt.datetime  # aware, UTC
    key: str = "id"  # the column ``ids`` are values of

    def touches(self, table: str, record_id: int | None = None) -> bool:
        """Whether this change may concern ``table`` (and the record ``record_id``)."""
        if self.table == ANY_TABLE:
            return True
        if self.table != table:
            return False
        return record_id is None or self.ids is None or record_id in self.ids


def parse_payload(payload: str) -> Change | None:
    """The ``Change`` a notification's JSON describes; None for anything else."""
    try:
        data = json.loads(payload)
        ids = data.get("ids")
        return Change(
            table=str(data["table"]),
            operation=str(data["op"]),
            ids=None if ids is None else tuple(int(i) for i in ids),
            user=str(data.get("user") or ""),
            backend_pid=int(data.get("pid") or 0),
            at=dt.datetime.fromtimestamp(float(data["at"]), dt.UTC),
            key=str(data.get("key") or "id"),
        )
    except (ValueError, KeyError, TypeError):
        log.warning("change notification not understood: %.200s", payload)
        return None


def everything_changed() -> Change:
    return Change(ANY_TABLE, "reconnect", None, "", 0, dt.datetime.now(dt.UTC))


def connect_args(db: Database) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """What the engine's dialect passes to ``psycopg.connect`` for this database."""
    args, kwargs = db.engine.dialect.create_connect_args(db.url)
    return tuple(args), dict(kwargs)


class ChangeListener:
    """An autocommit connection that LISTENs; one per window, used by one thread."""

    def __init__(
        self,
        connect: Callable[[], psycopg.Connection[Any]],
        *,
        channel: str = CHANNEL,
        delays: tuple[float, ...] = RECONNECT_DELAYS,
    ):
        self._connect = connect
        self._channel = channel
        self._delays = delays
        self._connection: psycopg.Connection[Any] | None = None
        self._failures = 0
        self._missed = False
        self._closed = threading.Event()

    @classmethod
    def for_database(cls, db: Database, **options: Any) -> ChangeListener:
        args, kwargs = connect_args(db)
        kwargs["autocommit"] = True
        # An unreachable server must not hold the thread (and the window's closing) for minutes.
        kwargs.setdefault("connect_timeout", CONNECT_TIMEOUT_S)

        def connect() -> psycopg.Connection[Any]:
            import psycopg

            return psycopg.connect(*args, **kwargs)

        return cls(connect, **options)

    @property
    def closed(self) -> bool:
        return self._closed.is_set()

    @property
    def connected(self) -> bool:
        return self._connection is not None and not self._connection.closed

    def open(self) -> None:
        """Connect and LISTEN now (else the first ``wait`` does); errors propagate."""
        if not self.connected:
            connection = self._connect()
            connection.execute(f'LISTEN "{self._channel}"')
            self._connection = connection

    def wait(self, timeout: float) -> Iterator[Change]:
        """The changes that arrive within ``timeout`` seconds (fewer if ``close``d)."""
        import psycopg  # here: importing it costs a window on SQLite a quarter second

        deadline = time.monotonic() + timeout
        while not self._closed.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            if not self.connected and not self._reconnect(remaining):
                continue
            if self._missed:
                self._missed = False
                yield everything_changed()
            assert self._connection is not None
            try:
                for notify in self._connection.notifies(timeout=remaining):
                    change = parse_payload(notify.payload)
                    if change is not None:
                        yield change
                    if self._closed.is_set():
                        return
            except psycopg.Error as error:
                log.warning("change listener lost its connection: %s", error)
                self._drop()
                self._missed = True
            else:
                return

    def _reconnect(self, remaining: float) -> bool:
        """Try once after the pause due; False if not connected (yet)."""
        import psycopg

        if self._failures:
            pause = self._delays[min(self._failures - 1, len(self._delays) - 1)]
            if self._closed.wait(min(pause, remaining)) or pause > remaining:
                return False
        try:
            self.open()
        except psycopg.Error as error:
            self._failures += 1
            log.info("change listener cannot connect (%d): %s", self._failures, error)
            return False
        if self._failures:
            self._missed = True
        self._failures = 0
        return True

    def _drop(self) -> None:
        self._failures = max(self._failures, 1)
        self._close_connection()

    def _close_connection(self) -> None:
        import psycopg

        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(psycopg.Error):
                connection.close()

    def close(self) -> None:
        """Stop waiting (from any thread) and close the connection (from its thread)."""
        self._closed.set()

    def release(self) -> None:
        """Close the connection; call from the thread that waits, after ``close``."""
        self._closed.set()
        self._close_connection()

    @property
    def backend_pid(self) -> int | None:
        return self._connection.info.backend_pid if self.connected else None  # type: ignore[union-attr]


def own_backend_pids(db: Database) -> set[int]:
    """The server processes of ``db``'s own connections, kept up to date as they check out.

    Only the pids of connections used since this call are known; a window calls
    it when it starts listening, before its first write.
    """
    pids: set[int] = getattr(db, "_own_backend_pids", None) or set()
    if not hasattr(db, "_own_backend_pids"):
        db._own_backend_pids = pids  # type: ignore[attr-defined]

        @event.listens_for(db.engine, "checkout")
        def _remember(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
            info = getattr(dbapi_connection, "info", None)
            pid = getattr(info, "backend_pid", None)
            if isinstance(pid, int):
                pids.add(pid)

    return pids


def stored_version(db: Database, table_name: str, key: str, record_id: int) -> int | None:
    """The ``version`` stored now for one record; None if it is gone.

    An editor asks when a change to its record is announced: a notification
    can arrive after the editor already loaded what it announces.
    """
    record = table(table_name, column(key), column("version"))
    with db.read_session() as session:
        return session.execute(
            select(record.c.version).where(record.c[key] == record_id)
        ).scalar_one_or_none()
