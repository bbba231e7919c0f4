"""Writing the audit trail from inside a service's unit of work."""

from __future__ import annotations

import getpass
import logging
from collections.abc import Iterable
from functools import cache

from sqlalchemy import ColumnElement, Connection, String, event, func
from sqlalchemy.orm import Session

from engagement_desk.db import Database, WritesRefusedError
from engagement_desk.models import AuditEntry, ConsentEvent
from engagement_desk.models.enums import AuditAction

log = logging.getLogger(__name__)


@cache
def os_user() -> str:
    try:
        return getpass.getuser()[:100]
    except (OSError, KeyError):
        return ""


def current_user() -> str:
    """Who works here, where no session tells the login: the operating-system user."""
    return os_user()


def _user_of(session: Session) -> str | ColumnElement[str]:
    """The PostgreSQL login (``session_user``, evaluated in the INSERT itself), else the OS user."""
    if session.get_bind().dialect.name == "postgresql":
        return func.session_user(type_=String)
    return os_user()


@event.listens_for(ConsentEvent, "before_insert")
def _consent_step_by_login(_mapper: object, connection: Connection, target: ConsentEvent) -> None:
    # The consent history names who recorded a step like the audit trail does: on
    # PostgreSQL the login, whichever service built the step.
    if connection.dialect.name == "postgresql":
        target.recorded_by = func.session_user(type_=String)  # type: ignore[assignment]


def acting_user(session: Session) -> str | ColumnElement[str]:
    """Who is making this change, as the audit trail names them (a column value)."""
    return _user_of(session)


def record(
    session: Session,
    action: AuditAction,
    entity: str,
    entity_id: int | None,
    fields: Iterable[str] = (),
) -> None:
    """Log a change by field names only: the trail itself must hold no personal data."""
    session.add(
        AuditEntry(
            user=_user_of(session),
            action=action,
            entity=entity,
            entity_id=entity_id,
            summary=", ".join(sorted(fields)),
        )
    )


def record_export(
    db: Database, entity: str, entity_id: int | None, fields: Iterable[str] = ()
) -> bool:
    """Log that data left the program (a file written), in a unit of work of its own.

    A read-only or damaged database cannot take the entry; the log file keeps it
    then, and the export itself stands. True if the entry was written.
    """
    if not db.read_only:
        try:
            with db.session() as session:
                record(session, AuditAction.EXPORT, entity, entity_id, fields)
            return True
        except WritesRefusedError:
            pass
    log.warning("Export of %s %s not in the audit log: read-only database", entity, entity_id)
    return False
