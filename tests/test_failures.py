"""One error path: user input, environment, bug — told apart by driver codes, logged, in German.

Real failures wherever a test can cause them (a held lock, a read-only
connection, a page limit, a file that is no database, a closed port); a
simulated driver error only where the machine cannot be made to fail
(a full disk, a corrupt page).
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError, OperationalError

from engagement_desk import db as db_module
from engagement_desk import logfile, migrator
from engagement_desk.cli import main
from engagement_desk.cli.common import EXIT_BUG
from engagement_desk.db import Database
from engagement_desk.failures import MESSAGES, Kind, Reason, classify, note_login_role, report
from engagement_desk.services.errors import ConflictError, FieldError, ValidationError
from engagement_desk.services.people.persons import PersonInput, create_person

ENGLISH_HINTS = (
    "sqlalche.me",
    "(sqlite3.",
    "(psycopg.",
    "Traceback",
    "Error",
    "database",
    "failed",
)


def assert_german_only(message: str) -> None:
    assert not any(hint in message for hint in ENGLISH_HINTS), message


def sqlite_error(code: int, name: str, text_: str) -> sqlite3.OperationalError:
    """A driver error as the stdlib module raises it, for failures a test cannot cause."""
    error = sqlite3.OperationalError(text_)
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    error.sqlite_errorname = name  # type: ignore[attr-defined]
    return error


def wrapped(orig: Exception) -> OperationalError:
    return OperationalError("INSERT INTO person …", {}, orig)


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    with logfile.logging_to_file(tmp_path / "logs" / "engagement-desk.log") as path:
        assert path is not None
        yield path


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db_module, "SQLITE_BUSY_TIMEOUT_MS", 50)


@pytest.fixture
def held_lock(db_path: Path, short_busy_timeout: None) -> Iterator[sqlite3.Connection]:
    """Another program holding the write lock on a migrated database."""
    database = Database(db_path)
    migrator.upgrade(database)
    database.dispose()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    yield other
    other.execute("ROLLBACK")
    other.close()


# --- user input ---------------------------------------------------------------


@pytest.mark.parametrize(
    "error",
    [
        ValidationError([FieldError("last_name", "Nachname", "Bitte ausfüllen.")]),
        ConflictError("Jemand anderes hat den Datensatz inzwischen geändert."),
    ],
)
def test_service_errors_are_user_input_with_their_message(error: Exception) -> None:
    failure = classify(error)
    assert failure.kind is Kind.USER
    assert failure.message == str(error)
    assert not failure.log_traceback


def test_an_unknown_kind_of_database_url_is_user_input(tmp_path: Path) -> None:
    with pytest.raises(Exception) as caught:
        Database("kaputt://irgendwo")
    failure = classify(caught.value)
    assert failure.kind is Kind.USER
    assert "Datenbank-Adresse" in failure.message
    assert_german_only(failure.message)


# --- environment: SQLite, told apart by result codes ---------------------------


def test_a_locked_database_says_so(db_path: Path, held_lock: sqlite3.Connection) -> None:
    database = Database(db_path)
    try:
        with pytest.raises(OperationalError) as caught:
            create_person(database, PersonInput(last_name="Weber"))
    finally:
        database.dispose()
    assert caught.value.orig.sqlite_errorname == "SQLITE_BUSY"
    failure = classify(caught.value)
    assert (failure.kind, failure.reason) == (Kind.ENVIRONMENT, Reason.LOCKED)
    assert failure.message == MESSAGES[Reason.LOCKED]
    assert "gesperrt" in failure.message


def test_a_read_only_database_says_so(db: Database, db_path: Path) -> None:
    # Running as root ignores file modes, so the driver is asked for read-only access.
    engine = create_engine(f"sqlite+pysqlite:///file:{db_path}?mode=ro&uri=true")
    try:
        with pytest.raises(OperationalError) as caught, engine.begin() as connection:
            connection.execute(text("INSERT INTO center (name, theme) VALUES ('A', 'B')"))
    finally:
        engine.dispose()
    assert caught.value.orig.sqlite_errorname == "SQLITE_READONLY"
    failure = classify(caught.value)
    assert (failure.kind, failure.reason) == (Kind.ENVIRONMENT, Reason.READ_ONLY)
    assert "schreibgeschützt" in failure.message
    assert_german_only(failure.message)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write read-only files")
def test_a_read_only_database_file_says_so(db: Database, db_path: Path) -> None:
    db.dispose()
    for path in db_path.parent.glob(db_path.name + "*"):
        path.chmod(0o400)
    database = Database(db_path)
    try:
        with pytest.raises(OperationalError) as caught:
            create_person(database, PersonInput(last_name="Weber"))
    finally:
        database.dispose()
    assert classify(caught.value).reason is Reason.READ_ONLY


def test_a_full_database_says_the_disk_is_full(db_path: Path) -> None:
    # A page limit makes SQLite report SQLITE_FULL exactly as a full disk does.
    engine = create_engine(f"sqlite+pysqlite:///{db_path}")
    try:
        with pytest.raises(OperationalError) as caught, engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE blob (data BLOB)")
            pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
            connection.exec_driver_sql(f"PRAGMA max_page_count = {pages + 1}")
            connection.exec_driver_sql("INSERT INTO blob VALUES (zeroblob(100000))")
    finally:
        engine.dispose()
    assert caught.value.orig.sqlite_errorname == "SQLITE_FULL"
    failure = classify(caught.value)
    assert (failure.kind, failure.reason) == (Kind.ENVIRONMENT, Reason.DISK_FULL)
    assert failure.message.startswith("Der Datenträger ist voll")


def test_disk_full_is_recognised_by_its_code_not_its_text() -> None:
    failure = classify(wrapped(sqlite_error(13, "SQLITE_FULL", "etwas ganz anderes")))
    assert failure.reason is Reason.DISK_FULL


def test_a_file_that_is_no_database_is_called_damaged(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.sqlite3"
    path.write_bytes(b"Dies ist keine Datenbank. " * 200)
    database = Database(path)
    try:
        with pytest.raises(Exception) as caught:
            migrator.upgrade(database)
    finally:
        database.dispose()
    failure = classify(caught.value)
    assert (failure.kind, failure.reason) == (Kind.ENVIRONMENT, Reason.DAMAGED)
    assert "beschädigt" in failure.message
    assert_german_only(failure.message)


def test_a_malformed_database_image_is_called_damaged() -> None:
    error = wrapped(sqlite_error(11, "SQLITE_CORRUPT", "database disk image is malformed"))
    assert classify(error).reason is Reason.DAMAGED


def test_a_database_from_a_newer_program_is_an_environment_problem(db: Database) -> None:
    with db.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'ffff'")
    with pytest.raises(migrator.DatabaseTooNewError) as caught:
        migrator.upgrade(db)
    failure = classify(caught.value)
    assert (failure.kind, failure.reason) == (Kind.ENVIRONMENT, Reason.TOO_NEW)
    assert "neueren Version von Engagement Desk" in failure.message


def test_an_sqlite_code_without_a_sentence_is_a_bug(db: Database) -> None:
    with pytest.raises(OperationalError) as caught, db.engine.connect() as connection:
        connection.exec_driver_sql("SELECT * FROM no_such_table")
    assert classify(caught.value).kind is Kind.BUG


# --- environment: PostgreSQL, told apart by SQLSTATE ----------------------------


def test_an_unreachable_server_says_so() -> None:
    database = Database("postgresql+psycopg://buero@127.0.0.1:1/agentur")
    try:
        with pytest.raises(OperationalError) as caught:
            migrator.upgrade(database)
    finally:
        database.dispose()
    assert isinstance(caught.value.orig, psycopg.OperationalError)
    failure = classify(caught.value)
    assert (failure.kind, failure.reason) == (Kind.ENVIRONMENT, Reason.UNREACHABLE)
    assert_german_only(failure.message)


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (psycopg.errors.DiskFull("could not extend file"), Reason.DISK_FULL),
        (psycopg.errors.LockNotAvailable("could not obtain lock"), Reason.LOCKED),
        (psycopg.errors.ReadOnlySqlTransaction("read-only transaction"), Reason.READ_ONLY),
        (psycopg.errors.InvalidPassword("password authentication failed"), Reason.LOGIN_FAILED),
        (psycopg.errors.AdminShutdown("terminating connection"), Reason.UNREACHABLE),
        (psycopg.errors.InvalidCatalogName("database does not exist"), Reason.DATABASE_MISSING),
        (psycopg.errors.DataCorrupted("invalid page"), Reason.DAMAGED),
    ],
)
def test_postgres_errors_are_told_apart_by_sqlstate(error: Exception, reason: Reason) -> None:
    failure = classify(wrapped(error))
    assert (failure.kind, failure.reason) == (Kind.ENVIRONMENT, reason)
    assert_german_only(failure.message)


def test_a_statement_refused_to_the_logins_role_is_a_user_error() -> None:
    note_login_role("Lesen")
    try:
        failure = classify(wrapped(psycopg.errors.InsufficientPrivilege("permission denied")))
    finally:
        note_login_role("")
    assert (failure.kind, failure.reason) == (Kind.USER, Reason.NOT_ALLOWED)
    assert failure.message == (
        "Ihre Anmeldung (Rolle „Lesen“) darf das nicht: der Datenbankserver hat den Zugriff "
        "verweigert."
    )


def test_a_postgres_syntax_error_is_a_bug() -> None:
    assert classify(wrapped(psycopg.errors.SyntaxError("syntax error"))).kind is Kind.BUG


# --- environment: files, told apart by errno ----------------------------------------


@pytest.mark.parametrize(
    ("code", "reason", "words"),
    [
        (errno.ENOSPC, Reason.DISK_FULL, "voll"),
        (errno.EROFS, Reason.READ_ONLY, "schreibgeschützt"),
        (errno.EACCES, Reason.PERMISSION, "Berechtigung"),
        (errno.ENOENT, Reason.NOT_FOUND, "nicht gefunden"),
    ],
)
def test_file_errors_are_told_apart_by_errno(code: int, reason: Reason, words: str) -> None:
    error = OSError(code, os.strerror(code), "/buero/fahrten.pdf")
    failure = classify(error)
    assert (failure.kind, failure.reason) == (Kind.ENVIRONMENT, reason)
    assert words in failure.message and "/buero/fahrten.pdf" in failure.message
    assert os.strerror(code) not in failure.message


def test_a_real_permission_error_says_so(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root may read any file")
    path = tmp_path / "geheim.csv"
    path.write_text("x")
    path.chmod(0)
    with pytest.raises(OSError) as caught:
        path.read_text()
    assert classify(caught.value).reason is Reason.PERMISSION


def test_an_environment_cause_behind_another_error_is_found() -> None:
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError as exc:
            raise RuntimeError("export failed") from exc
    except RuntimeError as error:
        assert classify(error).reason is Reason.DISK_FULL


# --- bugs ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "error",
    [
        ZeroDivisionError("division by zero"),
        AttributeError("'NoneType' object has no attribute 'id'"),
        IntegrityError("INSERT …", {}, sqlite3.IntegrityError("UNIQUE constraint failed")),
        OSError("a library's own error without errno"),
    ],
)
def test_anything_else_is_an_internal_error(error: Exception) -> None:
    failure = classify(error)
    assert failure.kind is Kind.BUG and failure.log_traceback
    assert failure.message.startswith("Interner Fehler")
    assert str(error) not in failure.message
    assert_german_only(failure.message)


def test_a_bug_is_logged_with_its_traceback_and_names_the_log(log_file: Path) -> None:
    try:
        _ = 1 / 0
    except ZeroDivisionError as error:
        failure = report(error, context="test")
    assert str(log_file) in failure.message
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "ZeroDivisionError: division by zero" in logged


def test_an_environment_problem_is_logged_in_one_line(log_file: Path) -> None:
    report(wrapped(sqlite_error(5, "SQLITE_BUSY", "database is locked")))
    logged = log_file.read_text(encoding="utf-8")
    assert "locked" in logged and "Traceback" not in logged


def test_input_errors_stay_out_of_the_log(log_file: Path) -> None:
    report(ValidationError([FieldError("last_name", "Nachname", "Weber gibt es schon.")]))
    assert "Weber" not in log_file.read_text(encoding="utf-8")


# --- the log file ------------------------------------------------------------------


def test_the_log_file_is_for_its_owner_only_also_after_rotation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logfile, "MAX_BYTES", 300)
    with logfile.logging_to_file(tmp_path / "engagement-desk.log") as path:
        for number in range(20):
            logging.getLogger("engagement_desk.test").warning("Zeile %d %s", number, "x" * 40)
    assert path is not None
    files = sorted(tmp_path.glob("engagement-desk.log*"))
    assert len(files) == 1 + logfile.BACKUP_COUNT
    assert {f.stat().st_mode & 0o777 for f in files} == {0o600}


def test_the_default_log_lives_in_the_data_directory() -> None:
    with logfile.logging_to_file() as path:
        assert path == logfile.active_log_path()
    assert path is not None and path.parent.name == "engagement-desk"
    assert os.environ["XDG_DATA_HOME"] in str(path)
    assert logfile.active_log_path() is None


def test_uncaught_exceptions_are_logged_then_passed_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    passed_on: list[BaseException | None] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, tb: passed_on.append(error))
    monkeypatch.setattr(threading, "excepthook", lambda args: passed_on.append(args.exc_value))

    def worker() -> None:
        raise LookupError("im Hintergrund")

    with logfile.logging_to_file(tmp_path / "engagement-desk.log") as path:
        try:
            raise AttributeError("kein Attribut")
        except AttributeError as error:
            sys.excepthook(type(error), error, error.__traceback__)
        thread = threading.Thread(target=worker, name="Hintergrund")
        thread.start()
        thread.join()
    assert path is not None
    logged = path.read_text(encoding="utf-8")
    assert "AttributeError: kein Attribut" in logged
    assert "[Hintergrund]" in logged and "LookupError: im Hintergrund" in logged
    assert [type(error) for error in passed_on] == [AttributeError, LookupError]


def test_hooks_are_put_back(tmp_path: Path) -> None:
    before = sys.excepthook, threading.excepthook
    with logfile.logging_to_file(tmp_path / "x.log"):
        assert sys.excepthook is not before[0]
    assert (sys.excepthook, threading.excepthook) == before


# --- the command line ------------------------------------------------------------------


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().err


def data_log() -> Path:
    return Path(os.environ["XDG_DATA_HOME"]) / "engagement-desk" / logfile.LOG_FILENAME


def test_a_bug_in_a_command_is_one_german_line_and_a_logged_traceback(
    db: Database, db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    def broken(database: Database) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(migrator, "check", broken)
    code, err = run_cli(capsys, "db", "check", "--db", str(db_path))
    assert code == EXIT_BUG
    assert err.count("\n") == 1
    assert err.startswith("engagement-desk: Fehler: Interner Fehler")
    assert str(data_log()) in err
    assert "division" not in err
    logged = data_log().read_text(encoding="utf-8")
    assert "Traceback" in logged and "ZeroDivisionError: division by zero" in logged


def test_a_locked_database_in_a_command_is_one_german_line(
    tmp_path: Path, short_busy_timeout: None, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "neu.sqlite3"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("BEGIN EXCLUSIVE")
    try:
        code, err = run_cli(capsys, "db", "upgrade", "--db", str(path))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 1
    assert err == f"engagement-desk: Fehler: {MESSAGES[Reason.LOCKED]}\n"


def test_a_damaged_database_in_a_command_is_one_german_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kaputt.sqlite3"
    path.write_bytes(b"\x00keine Datenbank" * 300)
    code, err = run_cli(capsys, "db", "check", "--db", str(path))
    assert code == 1
    assert err == f"engagement-desk: Fehler: {MESSAGES[Reason.DAMAGED]}\n"


def test_a_full_disk_in_a_command_is_one_german_line(
    db: Database, db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    def full(database: Database) -> None:
        raise wrapped(sqlite_error(13, "SQLITE_FULL", "database or disk is full"))

    monkeypatch.setattr(migrator, "check", full)
    code, err = run_cli(capsys, "db", "check", "--db", str(db_path))
    assert code == 1
    assert err.count("\n") == 1 and "Der Datenträger ist voll" in err
    assert_german_only(err)
