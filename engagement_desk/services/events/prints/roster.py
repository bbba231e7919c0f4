"""Who is expected at an event, as the prints need it (one read, plain data)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy import func, select

from engagement_desk.db import Database
from engagement_desk.models import Event, Organization, Person, Registration, Shift
from engagement_desk.models.enums import RegistrationRole, RegistrationStatus
from engagement_desk.services.events.records import EVENT, KIND_LABELS, ROLE_LABELS, STATUS_LABELS
from engagement_desk.services.printing.layout import AgencyHeader, agency_header
from engagement_desk.services.records import get_or_raise

EXPECTED = (
    RegistrationStatus.REGISTERED,
    RegistrationStatus.ATTENDED,
    RegistrationStatus.NO_SHOW,
    RegistrationStatus.WAITING_LIST,
)
_ROLE_ORDER = list(RegistrationRole)


@dataclass(frozen=True)
class Attendee:
    registration_id: int
    person_id: int | None
    first_name: str
    last_name: str
    organization: str
    role: RegistrationRole
    status: RegistrationStatus
    shift_id: int | None
    stand: str
    roles: tuple[RegistrationRole, ...] = ()

    @property
    def sort_name(self) -> str:
        if not self.last_name:
            return self.organization
        return ", ".join(p for p in (self.last_name, self.first_name) if p)

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p) or self.organization

    @property
    def role_label(self) -> str:
        return ", ".join(ROLE_LABELS[r] for r in (self.roles or (self.role,)))

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class ShiftInfo:
    id: int
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    slots: int


@dataclass(frozen=True)
class Roster:
    header: AgencyHeader
    event_id: int
    title: str
    kind: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str
    attendees: tuple[Attendee, ...]
    shifts: tuple[ShiftInfo, ...]

    @property
    def when(self) -> str:
        start, end = self.starts_at, self.ends_at
        if start.date() == end.date():
            return f"{start:%d.%m.%Y}, {start:%H:%M}–{end:%H:%M} Uhr"
        return f"{start:%d.%m.%Y %H:%M} – {end:%d.%m.%Y %H:%M} Uhr"


def load_roster(db: Database, event_id: int) -> Roster:
    """Registrations that are expected (incl. waiting list), sorted by name."""
    with db.read_session() as session:
        event = get_or_raise(session, Event, event_id, EVENT)
        rows = session.execute(
            select(
                Registration.id,
                Registration.person_id,
                Person.first_name,
                Person.last_name,
                Organization.name,
                Registration.role,
                Registration.status,
                Registration.shift_id,
                Registration.stand,
            )
            .outerjoin(Person, Person.id == Registration.person_id)
            .outerjoin(Organization, Organization.id == Registration.organization_id)
            .where(Registration.event_id == event_id, Registration.status.in_(EXPECTED))
            .order_by(
                func.lower(func.coalesce(Person.last_name, Organization.name)),
                func.lower(func.coalesce(Person.first_name, "")),
                Registration.id,
            )
        ).all()
        shifts = session.execute(
            select(Shift.id, Shift.title, Shift.starts_at, Shift.ends_at, Shift.slots)
            .where(Shift.event_id == event_id)
            .order_by(Shift.starts_at, Shift.id)
        ).all()
        return Roster(
            header=agency_header(session),
            event_id=event.id,
            title=event.title,
            kind=KIND_LABELS[event.kind],
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            place=event.place,
            attendees=tuple(
                Attendee(r[0], r[1], r[2] or "", r[3] or "", r[4] or "", r[5], r[6], r[7], r[8])
                for r in rows
            ),
            shifts=tuple(ShiftInfo(*s) for s in shifts),
        )


def one_per_person(attendees: Iterable[Attendee]) -> list[Attendee]:
    """Someone registered twice (participant and helper) gets one line and one badge."""
    merged: dict[tuple[str, int], Attendee] = {}
    for attendee in attendees:
        if attendee.person_id is not None:
            key: tuple[str, int] = ("person", attendee.person_id)
        else:
            key = ("registration", attendee.registration_id)
        known = merged.get(key)
        if known is None:
            merged[key] = replace(attendee, roles=(attendee.role,))
        elif attendee.role not in known.roles:
            roles = tuple(sorted((*known.roles, attendee.role), key=_ROLE_ORDER.index))
            main = next((r for r in roles if r != RegistrationRole.PARTICIPANT), roles[0])
            merged[key] = replace(
                known, roles=roles, role=main, stand=known.stand or attendee.stand
            )
    return list(merged.values())
