"""One answer to "what went wrong?" for the window, the command line and start-up.

``classify(error)`` sorts any exception into one of three kinds:

- **user**: the services' ``ServiceError`` family and a bad ``--db`` value;
  their German message is shown as it is.
- **environment**: the program is fine but its surroundings are not — disk
  full, read-only file or folder, database locked, server unreachable,
  damaged database file, no permission, a database from a newer program.
  Told apart by the driver's error codes (SQLite result codes, PostgreSQL
  SQLSTATE, ``errno``), never by the wording of an English message; each
  gets its own German sentence.
- **bug**: everything else. Logged with its traceback; the person reads
  "Interner Fehler" and where the log is, never the library's own text.

The result is plain data; ``report`` also writes it to the log. Like
qutebrowser's ``misc/sql.py``, the environment codes are an explicit list,
so an unknown code is treated as a bug and logged rather than explained away.
"""

from __future__ import annotations

import enum
import errno
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


class Kind(enum.Enum):
    USER = "user"
    ENVIRONMENT = "environment"
    BUG = "bug"


class Reason(enum.Enum):
    """What exactly is wrong; one German sentence each (``MESSAGES``)."""

    INPUT = "input"
    LOCKED = "locked"
    READ_ONLY = "read_only"
    DISK_FULL = "disk_full"
    DAMAGED = "damaged"
    UNREACHABLE = "unreachable"
    DATABASE_MISSING = "database_missing"
    LOGIN_FAILED = "login_failed"
    PERMISSION = "permission"
    NOT_ALLOWED = "not_allowed"  # the server refused the staff login's role (SQLSTATE 42501)
    CANNOT_OPEN = "cannot_open"
    IO_ERROR = "io_error"
    NOT_FOUND = "not_found"
    TOO_NEW = "too_new"
    UNUSABLE_DATABASE = "unusable_database"
    FILE_ERROR = "file_error"
    BUG = "bug"


@dataclass(frozen=True)
class Failure:
    kind: Kind
    reason: Reason
    message: str
    log_traceback: bool

    @property
    def is_bug(self) -> bool:
        return self.kind is Kind.BUG


MESSAGES: dict[Reason, str] = {
    Reason.LOCKED: (
        "Die Datenbank ist gerade gesperrt, weil ein anderer Arbeitsplatz oder ein anderes "
        "Programm darauf schreibt. Bitte in einem Moment noch einmal versuchen."
    ),
    Reason.READ_ONLY: (
        "Die Datenbank ist schreibgeschützt (die Datei oder ihr Ordner); es wurde nichts "
        "gespeichert. Bitte die Schreibrechte prüfen."
    ),
    Reason.DISK_FULL: (
        "Der Datenträger ist voll; es wurde nichts gespeichert. "
        "Bitte Platz schaffen und noch einmal versuchen."
    ),
    Reason.DAMAGED: (
        "Die Datenbankdatei ist beschädigt oder keine Datenbank. Bitte mit der letzten "
        "Datensicherung weiterarbeiten und die beschädigte Datei für den Support aufheben."
    ),
    Reason.UNREACHABLE: (
        "Der Datenbankserver ist nicht erreichbar. Bitte Netzwerkverbindung und Server "
        "prüfen und noch einmal versuchen."
    ),
    Reason.LOGIN_FAILED: (
        "Die Anmeldung am Datenbankserver ist fehlgeschlagen. "
        "Bitte Benutzername und Passwort prüfen."
    ),
    Reason.DATABASE_MISSING: (
        "Die Datenbank gibt es auf diesem Server nicht. Bitte den Namen der Datenbank prüfen."
    ),
    Reason.PERMISSION: (
        "Keine Berechtigung: der Zugriff wurde vom System oder vom Datenbankserver verweigert. "
        "Bitte die Zugriffsrechte prüfen."
    ),
    Reason.CANNOT_OPEN: (
        "Die Datenbankdatei lässt sich nicht öffnen: der Ordner fehlt oder es fehlt die "
        "Berechtigung. Bitte den Speicherort prüfen."
    ),
    Reason.IO_ERROR: (
        "Lese- oder Schreibfehler beim Zugriff auf die Datenbank. Bitte den Datenträger "
        "bzw. die Netzwerkverbindung prüfen."
    ),
}
# A file rather than the database: the same reasons, other words.
OS_MESSAGES: dict[Reason, str] = {
    Reason.READ_ONLY: (
        "Der Datenträger oder Ordner ist schreibgeschützt; es wurde nichts gespeichert."
    ),
    Reason.PERMISSION: (
        "Keine Berechtigung: das System verweigert den Zugriff auf die Datei. "
        "Bitte die Zugriffsrechte prüfen."
    ),
    Reason.NOT_FOUND: "Die Datei oder der Ordner wurde nicht gefunden.",
    Reason.IO_ERROR: (
        "Lese- oder Schreibfehler auf dem Datenträger. Bitte den Datenträger "
        "bzw. die Netzwerkverbindung prüfen."
    ),
}
INTERNAL_ERROR = "Interner Fehler"

# SQLite primary result codes (https://sqlite.org/rescode.html); extended codes
# keep the primary one in their low byte.
SQLITE_REASONS: dict[int, Reason] = {
    3: Reason.PERMISSION,  # SQLITE_PERM
    5: Reason.LOCKED,  # SQLITE_BUSY
    6: Reason.LOCKED,  # SQLITE_LOCKED
    8: Reason.READ_ONLY,  # SQLITE_READONLY
    10: Reason.IO_ERROR,  # SQLITE_IOERR
    11: Reason.DAMAGED,  # SQLITE_CORRUPT
    13: Reason.DISK_FULL,  # SQLITE_FULL
    14: Reason.CANNOT_OPEN,  # SQLITE_CANTOPEN
    15: Reason.LOCKED,  # SQLITE_PROTOCOL
    26: Reason.DAMAGED,  # SQLITE_NOTADB
}

# PostgreSQL SQLSTATE codes and classes (appendix A of its manual).
SQLSTATE_REASONS: dict[str, Reason] = {
    "53100": Reason.DISK_FULL,
    "25006": Reason.READ_ONLY,
    "42501": Reason.PERMISSION,
    "55P03": Reason.LOCKED,
    "40P01": Reason.LOCKED,
    "40001": Reason.LOCKED,
    "57014": Reason.LOCKED,
    "57P01": Reason.UNREACHABLE,
    "57P02": Reason.UNREACHABLE,
    "57P03": Reason.UNREACHABLE,
    "53300": Reason.UNREACHABLE,
    "3D000": Reason.DATABASE_MISSING,
    "XX001": Reason.DAMAGED,
    "XX002": Reason.DAMAGED,
}
SQLSTATE_CLASS_REASONS: dict[str, Reason] = {
    "08": Reason.UNREACHABLE,
    "28": Reason.LOGIN_FAILED,
}

ERRNO_REASONS: dict[int, Reason] = {
    errno.ENOSPC: Reason.DISK_FULL,
    errno.EDQUOT: Reason.DISK_FULL,
    errno.EROFS: Reason.READ_ONLY,
    errno.EACCES: Reason.PERMISSION,
    errno.EPERM: Reason.PERMISSION,
    errno.ENOENT: Reason.NOT_FOUND,
    errno.EIO: Reason.IO_ERROR,
}


class ServerRefusal(Exception):
    """The PostgreSQL server refused a connection, for ``reason`` as found out afterwards.

    libpq gives a refused connection no SQLSTATE; ``services.connection.diagnosis``
    asks the server again (is it reachable, is the database there) and raises this
    from the original error.
    """

    def __init__(self, reason: Reason):
        super().__init__(reason.value)
        self.reason = reason


def classify(error: BaseException) -> Failure:
    """Sort ``error`` into user input, environment or bug, with the German sentence to show."""
    user = _user_failure(error)
    if user is not None:
        return user
    for cause in _causes(error):
        failure = _environment_failure(cause)
        if failure is not None:
            return failure
    return Failure(Kind.BUG, Reason.BUG, internal_error_message(), log_traceback=True)


def report(error: BaseException, *, context: str = "") -> Failure:
    """Classify ``error`` and log it: a bug with its traceback, the rest in one line."""
    failure = classify(error)
    where = f" ({context})" if context else ""
    if failure.log_traceback:
        log.error("Internal error%s", where, exc_info=error)
    elif failure.kind is Kind.USER:
        # Input the person corrects on the spot; may hold names, is no one's business later.
        log.debug("Refused input%s", where)
    else:
        log.warning(
            "%s%s: %s: %s",
            failure.reason.value,
            where,
            type(error).__name__,
            _first_line(error),
        )
    return failure


def internal_error_message(log_file: Path | None = None) -> str:
    from engagement_desk.logfile import active_log_path

    path = log_file or active_log_path()
    text = f"{INTERNAL_ERROR}: Das Programm ist auf einen Fehler gestoßen."
    if path is None:
        return f"{text} Bitte dem Support melden, was gerade getan wurde."
    return f"{text} Die Einzelheiten stehen im Protokoll: {path}"


def _user_failure(error: BaseException) -> Failure | None:
    from engagement_desk.services.errors import ServiceError

    if isinstance(error, ServiceError):
        return Failure(Kind.USER, Reason.INPUT, str(error), log_traceback=False)
    refused = _role_refusal(error)
    if refused is not None:
        return Failure(Kind.USER, Reason.NOT_ALLOWED, refused, log_traceback=False)
    db = sys.modules.get("engagement_desk.db")
    if db is not None and isinstance(error, db.DatabaseTargetError):
        return Failure(Kind.USER, Reason.INPUT, str(error), log_traceback=False)
    sa_exc = sys.modules.get("sqlalchemy.exc")
    # Raised only while looking up the dialect named in a database URL.
    if sa_exc is not None and isinstance(error, sa_exc.NoSuchModuleError):
        return Failure(
            Kind.USER,
            Reason.INPUT,
            "Unbekannte Datenbankart in der Datenbank-Adresse; möglich sind ein Dateipfad "
            "(SQLite) oder postgresql+psycopg://…",
            log_traceback=False,
        )
    return None


_login_role = ""


def note_login_role(label: str) -> None:
    """The German name of the logged-in role, for the sentence of a refused action."""
    global _login_role
    _login_role = label


_VERBS = {"SELECT": "lesen", "INSERT": "anlegen", "UPDATE": "ändern", "DELETE": "löschen"}


def _role_refusal(error: BaseException) -> str | None:
    """The sentence for a statement the server refused the login's role (42501)."""
    psycopg = sys.modules.get("psycopg")
    if psycopg is None:
        return None
    denied = next(
        (
            cause
            for cause in _causes(error)
            if isinstance(cause, psycopg.Error) and getattr(cause, "sqlstate", None) == "42501"
        ),
        None,
    )
    if denied is None:
        return None
    from engagement_desk.models.staff import TABLE_NOUNS

    # services.staff.access names the role on the error; else the role noted at opening
    role = next(
        (c.login_role for c in _causes(error) if hasattr(c, "login_role")),
        _login_role,
    )
    who = f"Ihre Anmeldung (Rolle „{role}“)" if role else "Ihre Anmeldung"
    # The object is the last word of the server's message in every language.
    words = (denied.diag.message_primary or "").replace('"', " ").split()
    target = words[-1] if words else ""
    statement = str(getattr(error, "statement", "") or "").lstrip().split(" ", 1)[0].upper()
    if target.startswith("staff_"):
        what = "Mitarbeitende verwalten"
    elif target in TABLE_NOUNS and statement in _VERBS:
        what = f"{TABLE_NOUNS[target]} {_VERBS[statement]}"
    elif target in TABLE_NOUNS:
        what = f"auf {TABLE_NOUNS[target]} zugreifen"
    else:
        return f"{who} darf das nicht: der Datenbankserver hat den Zugriff verweigert."
    return f"{who} darf das nicht: {what}."


def _causes(error: BaseException) -> Iterator[BaseException]:
    """``error``, the driver error SQLAlchemy wraps, and what they were raised from."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)
        if isinstance(orig, BaseException) and id(orig) not in seen:
            seen.add(id(orig))
            yield orig
        current = current.__cause__


def _environment_failure(error: BaseException) -> Failure | None:
    db = sys.modules.get("engagement_desk.db")
    if db is not None and isinstance(error, db.DatabaseFileError):
        # Missing, damaged or read-only file: the opener's own sentence says which file
        # and what still works (export, restore, the latest backup).
        return _environment(Reason(error.reason), str(error))
    if isinstance(error, ServerRefusal):
        return _environment(error.reason)
    migrator = sys.modules.get("engagement_desk.migrator")
    if migrator is not None and isinstance(error, migrator.MigrationError):
        reason = (
            Reason.TOO_NEW
            if isinstance(error, migrator.DatabaseTooNewError)
            else Reason.UNUSABLE_DATABASE
        )
        return _environment(reason, str(error))
    reason = _sqlite_reason(error) or _postgres_reason(error) or _pool_reason(error)
    if reason is not None:
        return _environment(reason)
    if isinstance(error, OSError):
        return _os_failure(error)
    return None


def _environment(reason: Reason, message: str | None = None) -> Failure:
    return Failure(Kind.ENVIRONMENT, reason, message or MESSAGES[reason], log_traceback=False)


def _sqlite_reason(error: BaseException) -> Reason | None:
    import sqlite3

    if not isinstance(error, sqlite3.Error):
        return None
    code = getattr(error, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    return SQLITE_REASONS.get(code & 0xFF)


def _postgres_reason(error: BaseException) -> Reason | None:
    psycopg = sys.modules.get("psycopg")
    if psycopg is None or not isinstance(error, psycopg.Error):
        return None
    state = getattr(error, "sqlstate", None)
    if state:
        return SQLSTATE_REASONS.get(state) or SQLSTATE_CLASS_REASONS.get(state[:2])
    # No SQLSTATE: the server never answered (refused, timed out, name unknown).
    if isinstance(error, psycopg.OperationalError):
        return Reason.UNREACHABLE
    return None


def _pool_reason(error: BaseException) -> Reason | None:
    sa_exc = sys.modules.get("sqlalchemy.exc")
    if sa_exc is None:
        return None
    if isinstance(error, sa_exc.TimeoutError):
        return Reason.LOCKED
    if isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated:
        return Reason.UNREACHABLE
    return None


def _os_failure(error: OSError) -> Failure | None:
    if error.errno is None:
        return None
    where = _filename(error)
    reason = ERRNO_REASONS.get(error.errno)
    if reason is not None:
        text = OS_MESSAGES.get(reason) or MESSAGES[reason]
        if where:
            text = f"{text} Betroffen: {where}"
        return _environment(reason, text)
    # An errno we have no sentence for: say what we can, keep the traceback.
    name = errno.errorcode.get(error.errno, str(error.errno))
    text = f"Eine Datei konnte nicht gelesen oder geschrieben werden (Systemfehler {name})."
    if where:
        text = f"{text} Betroffen: {where}"
    return Failure(Kind.ENVIRONMENT, Reason.FILE_ERROR, text, log_traceback=True)


def _filename(error: OSError) -> str:
    return str(error.filename) if error.filename not in (None, "") else ""


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else ""
