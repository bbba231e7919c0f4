"""Reading a person's mobility needs (health data, DSGVO Art. 9) where a task needs them.

The person editor does not load them with the record: it asks here when its
mobility section is shown, and each such read is logged in the audit trail
(action "read", entity "mobility_needs", the person's id; no values). The ride
service reads them through its own services for planning and run sheets.
"""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from engagement_desk.db import Database, WritesRefusedError
from engagement_desk.models import MobilityNeeds, Person
from engagement_desk.models.enums import AuditAction
from engagement_desk.services import audit
from engagement_desk.services.people.sections import MobilityEntry
from engagement_desk.services.records import get_or_raise

log = logging.getLogger(__name__)

HEALTH_ENTITY = MobilityNeeds.__tablename__
FIELDS = ("escort", "notes", "rollator", "wheelchair")


def _needs(session: Session, person_id: int) -> MobilityEntry | None:
    get_or_raise(session, Person, person_id, "Person")
    needs = session.get(MobilityNeeds, person_id)
    if needs is None:
        return None
    return MobilityEntry(needs.wheelchair, needs.rollator, needs.escort, needs.notes)


def read_mobility_needs(db: Database, person_id: int) -> MobilityEntry:
    """The person's mobility needs for display; a read of stored needs is audited.

    A database opened read-only cannot take the audit entry: the log file keeps it.
    """
    if not db.read_only:
        try:
            with db.session() as session:
                found = _needs(session, person_id)
                if found is not None:
                    audit.record(session, AuditAction.READ, HEALTH_ENTITY, person_id, FIELDS)
                return found or MobilityEntry()
        except WritesRefusedError:
            pass
    with db.read_session() as session:
        found = _needs(session, person_id)
    if found is not None:
        log.warning(
            "Read of %s %s not in the audit log: read-only database", HEALTH_ENTITY, person_id
        )
    return found or MobilityEntry()
