"""What the Urkunden tab offers to choose from: centres and recent events, read together."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from engagement_desk.db import Database
from engagement_desk.models import Center, Event
from engagement_desk.models.enums import RecordStatus

EVENTS_OFFERED = 300


@dataclass(frozen=True)
class Choice:
    id: int
    label: str


@dataclass(frozen=True)
class SelectionChoices:
    centers: tuple[Choice, ...]
    events: tuple[Choice, ...]


def selection_choices(db: Database) -> SelectionChoices:
    """Active centres by name; the latest ``EVENTS_OFFERED`` events, newest first."""
    with db.read_session() as session:
        centers = session.execute(
            select(Center.id, Center.name)
            .where(Center.status == RecordStatus.ACTIVE)
            .order_by(Center.name_key)
        ).all()
        events = session.execute(
            select(Event.id, Event.starts_at, Event.title)
            .order_by(Event.starts_at.desc(), Event.id.desc())
            .limit(EVENTS_OFFERED)
        ).all()
    return SelectionChoices(
        tuple(Choice(row.id, row.name) for row in centers),
        tuple(Choice(row.id, f"{row.starts_at:%d.%m.%Y} – {row.title}") for row in events),
    )
