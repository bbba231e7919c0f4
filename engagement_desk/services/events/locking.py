"""The event row lock that serialises everything counting an event's places.

Capacity, shift slots, "already registered" and derived hours are decided by
counting registrations and then writing. Two workstations doing that at once
on PostgreSQL (READ COMMITTED) both see the same count; so every such unit of
work first locks the event's row (``SELECT … FOR UPDATE``) and counts only
after it got the lock, seeing what the other one committed. On SQLite the
write lock every writing session takes at BEGIN already serialises them and
SQLAlchemy leaves ``FOR UPDATE`` out.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from engagement_desk.models import Event
from engagement_desk.services.errors import NotFoundError
from engagement_desk.services.events.records import EVENT


def lock_event(session: Session, event_id: int) -> Event:
    """The event, read fresh and locked until the transaction ends."""
    event = session.get(Event, event_id, with_for_update=True, populate_existing=True)
    if event is None:
        raise NotFoundError(f"{EVENT} Nr. {event_id} gibt es nicht (mehr).")
    return event


def lock_events(session: Session, event_ids: Iterable[int]) -> None:
    """Several events, always in the same order so two workstations cannot deadlock."""
    for event_id in sorted(set(event_ids)):
        lock_event(session, event_id)
