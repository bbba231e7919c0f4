"""Why a PostgreSQL server refused a connection: wrong login, no such database, no right.

libpq reports a refused connection as a plain ``OperationalError`` without a
SQLSTATE, whatever the cause, and its text is in the server's language. So the
cause is found out by asking again: is the port reachable at all; does the same
login get into the maintenance database ``postgres``; is the wanted database
listed there. The answer is a ``failures.ServerRefusal`` raised from the
original error; the classifier turns it into the German sentence.
"""

from __future__ import annotations

import logging
import socket
from typing import Any

from sqlalchemy.engine.url import URL

from engagement_desk.failures import Reason, ServerRefusal

log = logging.getLogger(__name__)

MAINTENANCE_DATABASE = "postgres"
PROBE_TIMEOUT_SECONDS = 5


def check_connection(url: URL) -> None:
    """Log in to the server of ``url`` and leave; a refusal is raised diagnosed."""
    import psycopg

    try:
        psycopg.connect(**_conninfo(url)).close()
    except psycopg.OperationalError as error:
        raise diagnosed(error, url) from error


def diagnosed(error: BaseException, url: URL) -> BaseException:
    """``ServerRefusal`` with the cause of a refused connection, or ``error`` as it is."""
    import psycopg

    refused = _refused_connection(error)
    if refused is None or url.get_backend_name() != "postgresql":
        return error
    pgconn = getattr(refused, "pgconn", None)
    if pgconn is not None and pgconn.needs_password:
        return ServerRefusal(Reason.LOGIN_FAILED)
    if not _port_answers(url):
        return error  # the classifier says: unreachable
    if url.database == MAINTENANCE_DATABASE:
        return ServerRefusal(Reason.LOGIN_FAILED)
    try:
        with psycopg.connect(**_conninfo(url, MAINTENANCE_DATABASE)) as connection:
            row = connection.execute(
                "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = %s)", (url.database,)
            ).fetchone()
    except psycopg.OperationalError:
        return ServerRefusal(Reason.LOGIN_FAILED)
    except psycopg.Error as probe:
        log.warning("Diagnosing a refused connection failed: %s", type(probe).__name__)
        return error
    exists = bool(row and row[0])
    return ServerRefusal(Reason.PERMISSION if exists else Reason.DATABASE_MISSING)


def _refused_connection(error: BaseException) -> BaseException | None:
    """The psycopg error of a connection attempt that failed without a SQLSTATE."""
    import psycopg

    current: BaseException | None = error
    while current is not None:
        candidate = getattr(current, "orig", None) or current
        if isinstance(candidate, psycopg.OperationalError) and not candidate.sqlstate:
            return candidate
        current = current.__cause__
    return None


def _port_answers(url: URL) -> bool:
    host = url.host or ""
    if not host or host.startswith("/"):
        return True  # a Unix socket: libpq already found the server or said so
    try:
        with socket.create_connection((host, url.port or 5432), PROBE_TIMEOUT_SECONDS):
            return True
    except OSError:
        return False


def _conninfo(url: URL, database: str | None = None) -> dict[str, Any]:
    info: dict[str, Any] = {
        "host": url.host or None,
        "port": url.port,
        "user": url.username,
        "password": url.password,
        "dbname": database or url.database,
        "connect_timeout": int(url.query.get("connect_timeout", PROBE_TIMEOUT_SECONDS)),  # type: ignore[arg-type]
    }
    return {key: value for key, value in info.items() if value is not None}
