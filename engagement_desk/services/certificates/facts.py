"""What the register knows about recipients, gathered in a few queries for a whole batch."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from engagement_desk.models import Event, HoursEntry, Organization, Person, Registration
from engagement_desk.models.enums import EventKind, RegistrationStatus
from engagement_desk.services.hours.parsing import HOURS_STEP

CHUNK = 500
MAX_ACTIVITIES = 8
TRAINING_KINDS = (EventKind.TRAINING, EventKind.WORKSHOP)


@dataclass(frozen=True)
class Training:
    title: str
    on: dt.date


@dataclass(frozen=True)
class PersonFacts:
    person_id: int
    salutation: str
    title: str
    first_name: str
    last_name: str
    birth_date: dt.date | None
    engaged_since: dt.date | None
    hours: Decimal
    organizations: tuple[str, ...]
    activities: tuple[str, ...]
    trainings: tuple[Training, ...]
    certificate_name: str = ""

    @property
    def name(self) -> str:
        """The name as printed: the "name on certificates" when set, else title and name."""
        return " ".join(part for part in self.printed_parts if part)

    @property
    def printed_parts(self) -> tuple[str, str, str]:
        """(title, first name, last name) as printed; a name on certificates stands for
        all three (it is printed as the person spelled it)."""
        if self.certificate_name.strip():
            return "", "", " ".join(self.certificate_name.split())
        return self.title, self.first_name, self.last_name


@dataclass(frozen=True)
class EventFacts:
    id: int
    kind: EventKind
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str
    trainer: str
    hours: Decimal | None
    organization: str


def chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def rows_by_chunk(session: Session, ids: Iterable[int], statement_for) -> Iterator:
    for chunk in chunks(ids):
        yield from session.execute(statement_for(chunk)).all()


def engagement_starts(session: Session, person_ids: Iterable[int]) -> dict[int, dt.date]:
    """Person.engaged_since, or the day of the earliest hours entry when that is unset."""
    starts: dict[int, dt.date] = {}
    for row in rows_by_chunk(
        session,
        person_ids,
        lambda chunk: select(Person.id, Person.engaged_since).where(Person.id.in_(chunk)),
    ):
        if row.engaged_since is not None:
            starts[row.id] = row.engaged_since
    missing = [i for i in person_ids if i not in starts]
    for row in rows_by_chunk(
        session,
        missing,
        lambda chunk: (
            select(HoursEntry.person_id, func.min(HoursEntry.on_date))
            .where(HoursEntry.person_id.in_(chunk))
            .group_by(HoursEntry.person_id)
        ),
    ):
        starts[row[0]] = row[1]
    return starts


def hours_by_person(
    session: Session, person_ids: Iterable[int] | None, start: dt.date, end: dt.date
) -> dict[int, Decimal]:
    """Hours per person in a period (inclusive), summed over all organizations and sources."""

    def statement(chunk: Sequence[int] | None) -> Select:
        query = (
            select(HoursEntry.person_id, func.sum(HoursEntry.hours))
            .where(HoursEntry.on_date.between(start, end))
            .group_by(HoursEntry.person_id)
        )
        return query if chunk is None else query.where(HoursEntry.person_id.in_(chunk))

    rows = (
        session.execute(statement(None)).all()
        if person_ids is None
        else rows_by_chunk(session, person_ids, statement)
    )
    return {pid: Decimal(total).quantize(HOURS_STEP) for pid, total in rows if total is not None}


def person_facts(
    session: Session, person_ids: Sequence[int], start: dt.date, end: dt.date
) -> dict[int, PersonFacts]:
    starts = engagement_starts(session, person_ids)
    organizations: dict[int, list[tuple[Decimal, str]]] = defaultdict(list)
    totals: dict[int, Decimal] = defaultdict(Decimal)
    for pid, name, total in rows_by_chunk(
        session,
        person_ids,
        lambda chunk: (
            select(HoursEntry.person_id, Organization.name, func.sum(HoursEntry.hours))
            .outerjoin(Organization, Organization.id == HoursEntry.organization_id)
            .where(HoursEntry.person_id.in_(chunk), HoursEntry.on_date.between(start, end))
            .group_by(HoursEntry.person_id, Organization.name)
        ),
    ):
        hours = Decimal(total)
        totals[pid] += hours
        if name:
            organizations[pid].append((hours, name))
    activities: dict[int, list[tuple[Decimal, str]]] = defaultdict(list)
    for pid, activity, total in rows_by_chunk(
        session,
        person_ids,
        lambda chunk: (
            select(HoursEntry.person_id, HoursEntry.activity, func.sum(HoursEntry.hours))
            .where(
                HoursEntry.person_id.in_(chunk),
                HoursEntry.on_date.between(start, end),
                HoursEntry.activity != "",
            )
            .group_by(HoursEntry.person_id, HoursEntry.activity)
        ),
    ):
        activities[pid].append((Decimal(total), activity))
    trainings: dict[int, list[Training]] = defaultdict(list)
    for pid, title, starts_at in rows_by_chunk(
        session,
        person_ids,
        lambda chunk: (
            select(Registration.person_id, Event.title, Event.starts_at)
            .join(Event, Event.id == Registration.event_id)
            .where(
                Registration.person_id.in_(chunk),
                Registration.status == RegistrationStatus.ATTENDED,
                Event.kind.in_(TRAINING_KINDS),
                Event.starts_at >= dt.datetime.combine(start, dt.time()),
                Event.starts_at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()),
            )
            .order_by(Event.starts_at)
        ),
    ):
        trainings[pid].append(Training(title, starts_at.date()))
    facts = {}
    for row in rows_by_chunk(
        session, person_ids, lambda chunk: select(Person).where(Person.id.in_(chunk))
    ):
        person: Person = row[0]
        facts[person.id] = PersonFacts(
            person_id=person.id,
            salutation=person.salutation,
            title=person.title,
            first_name=person.first_name,
            last_name=person.last_name,
            birth_date=person.birth_date,
            engaged_since=starts.get(person.id),
            hours=totals[person.id].quantize(HOURS_STEP),
            organizations=_by_weight(organizations[person.id]),
            activities=_by_weight(activities[person.id])[:MAX_ACTIVITIES],
            trainings=tuple(trainings[person.id]),
            certificate_name=person.certificate_name,
        )
    return facts


def event_facts(session: Session, event_id: int) -> EventFacts | None:
    event = session.get(Event, event_id)
    if event is None:
        return None
    hours = event.hours_credit
    if hours is None and event.starts_at.date() == event.ends_at.date():
        seconds = Decimal((event.ends_at - event.starts_at).total_seconds())
        hours = (seconds / 3600).quantize(HOURS_STEP)
    organization = (
        session.get(Organization, event.organization_id) if event.organization_id else None
    )
    return EventFacts(
        id=event.id,
        kind=event.kind,
        title=event.title,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        place=event.place,
        trainer=event.trainer,
        hours=hours,
        organization=organization.name if organization else "",
    )


def _by_weight(weighted: list[tuple[Decimal, str]]) -> tuple[str, ...]:
    return tuple(name for _, name in sorted(weighted, key=lambda item: (-item[0], item[1])))
