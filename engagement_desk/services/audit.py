"""Writing the audit trail from inside a service's unit of work."""

from __future__ import annotations

import getpass
from collections.abc import Iterable
from functools import cache

from sqlalchemy.orm import Session

from engagement_desk.models import AuditEntry
from engagement_desk.models.enums import AuditAction


@cache
def current_user() -> str:
    try:
        return getpass.getuser()[:100]
    except (OSError, KeyError):
        return ""


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
            user=current_user(),
            action=action,
            entity=entity,
            entity_id=entity_id,
            summary=", ".join(sorted(fields)),
        )
    )
