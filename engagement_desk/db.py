"""Engine, sessions and SQLite settings.

A ``Database`` is created once per process and shared; every service call opens
its own short session through it (``with db.session() as s: ...``) and commits
or rolls back before returning.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.engine.url import URL
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from engagement_desk.paths import default_database_path

DB_ENV_VAR = "ENGAGEMENT_DESK_DB"
SQLITE_BUSY_TIMEOUT_MS = 10_000


class DatabaseTargetError(ValueError):
    """The --db value is neither a usable path nor a SQLAlchemy URL."""


def resolve_url(target: str | os.PathLike[str] | None = None) -> URL:
    """Turn a --db value (path or URL), the environment or the default into a URL."""
    if target is None:
        target = os.environ.get(DB_ENV_VAR) or default_database_path()
    text = os.fspath(target)
    if "://" in text:
        try:
            url = make_url(text)
        except ArgumentError as exc:
            raise DatabaseTargetError(f"Ungültige Datenbank-URL: {text}") from exc
        if url.get_backend_name() == "postgresql" and url.get_driver_name() != "psycopg":
            url = url.set(drivername="postgresql+psycopg")
        return url
    path = Path(text).expanduser().resolve()
    return URL.create("sqlite+pysqlite", database=str(path))


def _create_private_file(path: Path) -> None:
    """Create an empty database file readable by its owner only (where the OS has modes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def _configure_sqlite(engine: Engine) -> None:
    # The stdlib driver starts transactions on its own and never around DDL;
    # taking that over makes migrations atomic and lets PRAGMAs run outside
    # any transaction (SQLAlchemy's documented pysqlite recipe).
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        # A writer takes the lock up front: in WAL mode a deferred transaction
        # that reads and then writes fails at once instead of waiting.
        if connection.get_execution_options().get("sqlite_immediate"):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")


class Database:
    """One database the program works on: engine plus session factories."""

    def __init__(self, target: str | os.PathLike[str] | URL | None = None, *, echo: bool = False):
        self.url: URL = target if isinstance(target, URL) else resolve_url(target)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        self.sqlite_path: Path | None = None
        if self.is_sqlite:
            if not self.url.database or self.url.database == ":memory:":
                raise DatabaseTargetError(
                    "Eine SQLite-Datenbank im Arbeitsspeicher wird nicht unterstützt; "
                    "bitte eine Datei angeben."
                )
            self.sqlite_path = Path(self.url.database)
            _create_private_file(self.sqlite_path)
            self.engine = create_engine(self.url, echo=echo)
            _configure_sqlite(self.engine)
        else:
            self.engine = create_engine(self.url, echo=echo, pool_pre_ping=True)
        self._writer = sessionmaker(
            bind=self.engine.execution_options(sqlite_immediate=True), expire_on_commit=False
        )
        self._reader = sessionmaker(bind=self.engine, expire_on_commit=False)

    @property
    def display_name(self) -> str:
        if self.sqlite_path is not None:
            return str(self.sqlite_path)
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work that writes: committed on success, rolled back on error."""
        with self._writer() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A unit of work that only reads; never commits."""
        with self._reader() as session:
            try:
                yield session
            finally:
                session.rollback()

    def dispose(self) -> None:
        self.engine.dispose()
