"""Engine, sessions and SQLite settings.

A ``Database`` is created once per process and shared; every service call opens
its own short session through it (``with db.session() as s: ...``) and commits
or rolls back before returning.
"""

from __future__ import annotations

import enum
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.engine.url import URL
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from engagement_desk.cancelling import watch_engine
from engagement_desk.paths import DB_ENV_VAR, default_database_path

SQLITE_BUSY_TIMEOUT_MS = 10_000


class DatabaseTargetError(ValueError):
    """The --db value is neither a usable path nor a SQLAlchemy URL."""


class DatabaseFileError(RuntimeError):
    """The database file cannot be used as asked; the message says why, in German.

    ``reason`` is the value of the ``failures.Reason`` it is reported as (this
    module stays below the classifier and does not import it).
    """

    reason = "cannot_open"

    def __init__(self, message: str, reason: str | None = None):
        super().__init__(message)
        if reason is not None:
            self.reason = reason


class DatabaseMissingError(DatabaseFileError):
    """No database at the path (no file, or an empty one) and the caller may not create one."""

    reason = "not_found"


class DatabaseDamagedError(DatabaseFileError):
    """SQLite's quick check found the file damaged; ``latest_backup`` is the newest verified
    backup of it, if there is one (what the window offers to restore)."""

    reason = "damaged"
    latest_backup: Path | None = None


class WritesRefusedError(DatabaseFileError):
    """A write on a database opened read-only (damaged, or a read-only file or medium)."""

    reason = "read_only"


class Access(enum.Enum):
    """How an SQLite file is opened."""

    CREATE = "create"  # read-write; a missing file is created (owner-only)
    WRITE = "write"  # read-write; the file must exist
    READ = "read"  # read-only (SQLite mode=ro): never writes, not even the journal mode


READ_ONLY_MESSAGE = (
    "Die Datenbank ist schreibgeschützt (die Datei, ihr Ordner oder der Datenträger) und nur "
    "zum Lesen geöffnet; es wurde nichts gespeichert. Bitte die Schreibrechte prüfen."
)
SQLITE_HEADER = b"SQLite format 3\x00"


def resolve_url(target: str | os.PathLike[str] | URL | None = None) -> URL:
    """Turn a --db value (path or URL), the environment or the default into a URL."""
    if isinstance(target, URL):  # a saved connection profile's, with its password
        return target
    if target is None:
        target = os.environ.get(DB_ENV_VAR) or default_database_path()
    text = os.fspath(target)
    if "://" in text:
        try:
            url = make_url(text)
        except ArgumentError as exc:
            shown = re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", text)  # never the password
            raise DatabaseTargetError(f"Ungültige Datenbank-URL: {shown}") from exc
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


def wal_files(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def is_wal_file(path: Path) -> bool:
    """Whether the file's header says WAL journal (bytes 18 and 19 are 2)."""
    try:
        with open(path, "rb") as stream:
            header = stream.read(20)
    except OSError:
        return False
    return header.startswith(SQLITE_HEADER) and header[18:20] == b"\x02\x02"


def is_writable(path: Path) -> bool:
    """Whether the file and its folder can be written (WAL needs the folder for -wal/-shm).

    ``os.access`` also answers False on a read-only medium (EROFS), even for root.
    """
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _uri_options(path: Path, access: Access) -> dict[str, str]:
    """SQLite URI parameters that open ``path`` as ``access`` asks.

    Read-only: ``mode=ro``; in a folder that cannot be written SQLite cannot
    make the -shm file a WAL reader needs, so a WAL file without -wal is opened
    ``immutable`` (nothing can change it there anyway).
    """
    options = {"mode": {Access.CREATE: "rwc", Access.WRITE: "rw", Access.READ: "ro"}[access]}
    if (
        access is Access.READ
        and not os.access(path.parent, os.W_OK)
        and is_wal_file(path)
        and not wal_files(path)[0].exists()
    ):
        options["immutable"] = "1"
    return options


def sqlite_engine_url(path: Path, access: Access) -> URL:
    """The engine URL: the file as an SQLite URI filename, so ``mode=rw`` never creates it."""
    return URL.create(
        "sqlite+pysqlite",
        database=path.as_uri(),
        query={"uri": "true", **_uri_options(path, access)},
    )


def connect_sqlite(path: Path, access: Access) -> sqlite3.Connection:
    """A plain driver connection (no pragmas) opened as ``access`` asks."""
    query = "&".join(f"{key}={value}" for key, value in _uri_options(path, access).items())
    return sqlite3.connect(
        f"{path.as_uri()}?{query}", uri=True, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000
    )


COPY_PAGES_PER_STEP = 1024


def copy_sqlite(
    source: Path, target: Path, *, progress: Callable[[int, int], None] | None = None
) -> None:
    """A consistent copy of ``source`` into the new file ``target`` with SQLite's online
    backup API, while other connections read and write; one self-contained file.

    ``target`` is a temporary file its caller syncs and renames (services.files), so
    it is written without a journal or syncs of its own. ``progress(done, total)``
    gets pages; an exception it raises stops the copy."""

    def report(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total)

    reader = connect_sqlite(source, Access.READ)
    try:
        writer = sqlite3.connect(target)
        try:
            writer.execute("PRAGMA journal_mode = OFF")
            writer.execute("PRAGMA synchronous = OFF")
            reader.backup(writer, pages=COPY_PAGES_PER_STEP, progress=report)
            writer.execute("PRAGMA journal_mode = DELETE")
        finally:
            writer.close()
    finally:
        reader.close()


def tidy_after_reading(path: Path, existed: tuple[bool, bool]) -> None:
    """Remove the -wal/-shm a read-only connection to a WAL file leaves behind.

    A read-only connection cannot checkpoint, so SQLite keeps both files after
    it closes. If they were not there before (``existed``) and the -wal is
    empty, one read-write connection that only reads the schema lets SQLite
    delete them on close, when it is the last one; the database file itself is
    not written (nothing to checkpoint). Another program still using it keeps them.
    """
    wal = wal_files(path)[0]
    if existed[0] or not wal.exists():
        return
    try:
        if wal.stat().st_size != 0 or not is_writable(path):
            return
        connection = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True)
        try:
            connection.execute("PRAGMA query_only = ON")
            connection.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        finally:
            connection.close()
    except (OSError, sqlite3.Error):
        pass


def _configure_sqlite(engine: Engine, *, read_only: bool = False) -> None:
    # The stdlib driver starts transactions on its own and never around DDL;
    # taking that over makes migrations atomic and lets PRAGMAs run outside
    # any transaction (SQLAlchemy's documented pysqlite recipe).
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        if read_only:
            # A reader must not switch the journal mode: that writes the header.
            cursor.execute("PRAGMA query_only = ON")
        else:
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


def _is_sqlite_read_only(error: BaseException) -> bool:
    orig = getattr(error, "orig", error)
    code = getattr(orig, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF == 8  # SQLITE_READONLY


class Database:
    """One database the program works on: engine plus session factories.

    ``access`` says how an SQLite file is opened (``Access``); with ``READ`` or
    after ``refuse_writes`` every ``session()`` is refused before it starts,
    with the German reason, and SQLite's read-only mode guarantees that no
    other path writes either. ``services.opening`` picks the access for the
    window and the commands; the default creates a missing file, as tests and
    scripts expect.
    """

    def __init__(
        self,
        target: str | os.PathLike[str] | URL | None = None,
        *,
        echo: bool = False,
        access: Access = Access.CREATE,
    ):
        self.url: URL = target if isinstance(target, URL) else resolve_url(target)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        self.sqlite_path: Path | None = None
        self.access = access
        self._refusal: WritesRefusedError | None = None
        self._wal_before: tuple[bool, bool] = (True, True)
        if self.is_sqlite:
            if not self.url.database or self.url.database == ":memory:":
                raise DatabaseTargetError(
                    "Eine SQLite-Datenbank im Arbeitsspeicher wird nicht unterstützt; "
                    "bitte eine Datei angeben."
                )
            self.sqlite_path = Path(self.url.database)
            if access is Access.CREATE:
                _create_private_file(self.sqlite_path)
            if access is Access.READ:
                self._wal_before = tuple(p.exists() for p in wal_files(self.sqlite_path))  # type: ignore[assignment]
                self._refusal = WritesRefusedError(READ_ONLY_MESSAGE)
            self.engine = create_engine(sqlite_engine_url(self.sqlite_path, access), echo=echo)
            _configure_sqlite(self.engine, read_only=access is Access.READ)
        else:
            self.engine = create_engine(self.url, echo=echo, pool_pre_ping=True)
        watch_engine(self.engine)
        self._writer = sessionmaker(
            bind=self.engine.execution_options(sqlite_immediate=True), expire_on_commit=False
        )
        self._reader = sessionmaker(bind=self.engine, expire_on_commit=False)

    @property
    def display_name(self) -> str:
        if self.sqlite_path is not None:
            return str(self.sqlite_path)
        return self.url.render_as_string(hide_password=True)

    @property
    def read_only(self) -> bool:
        return self._refusal is not None

    def refuse_writes(self, error: WritesRefusedError) -> None:
        """From now on every ``session()`` raises ``error`` (say, the file is damaged)."""
        self._refusal = error

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work that writes: committed on success, rolled back on error.

        On a database that refuses writes the session may still read (an export
        records nothing then), but its first write raises ``WritesRefusedError``.
        """
        refusal = self._refusal
        factory = self._writer if refusal is None else self._reader
        with factory() as session:
            if refusal is not None:
                event.listen(session, "before_flush", self._refuse_flush)
            try:
                yield session
                session.commit()
            except BaseException as error:
                session.rollback()
                if refusal is not None and _is_sqlite_read_only(error):
                    raise self._refused() from error
                raise

    def _refused(self) -> WritesRefusedError:
        assert self._refusal is not None
        return WritesRefusedError(str(self._refusal), self._refusal.reason)

    def _refuse_flush(self, _session: Session, _context: object, _instances: object) -> None:
        raise self._refused()

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
        if self.access is Access.READ and self.sqlite_path is not None:
            tidy_after_reading(self.sqlite_path, self._wal_before)
