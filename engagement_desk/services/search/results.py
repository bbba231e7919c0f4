"""What a search hands the UI: plain hits with a German one-line description."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from engagement_desk.models import Event, Opportunity, Organization, Person, PersonRole
from engagement_desk.models.enums import (
    EventKind,
    OrganizationKind,
    PersonStatus,
    RecordStatus,
    Role,
)
from engagement_desk.models.search_index import SearchKind
from engagement_desk.models.vocabulary import german_names
from engagement_desk.services.search.ranking import Ranked

ROLE_LABELS = german_names(Role)
ORGANIZATION_KIND_LABELS = german_names(OrganizationKind)
EVENT_KIND_LABELS = german_names(EventKind)
ARCHIVED = "archiviert"
SEPARATOR = " · "


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One found record: where to jump (``kind``, ``record_id``) and what to show.

    ``score`` is higher for better matches (see ``ranking``); ``archived`` marks
    archived people and organizations, which are listed after current ones.
    """

    kind: SearchKind
    record_id: int
    title: str
    detail: str
    score: float
    archived: bool = False


Described = dict[int, tuple[str, str]]


def describe(session: Session, chosen: Sequence[Ranked]) -> list[SearchHit]:
    """Hits in the order of ``chosen``; a record deleted meanwhile is left out."""
    ids: dict[SearchKind, list[int]] = defaultdict(list)
    for ranked in chosen:
        ids[ranked.candidate.kind].append(ranked.candidate.record_id)
    texts = {kind: _DESCRIBERS[kind](session, record_ids) for kind, record_ids in ids.items()}
    hits = []
    for ranked in chosen:
        candidate = ranked.candidate
        text = texts[candidate.kind].get(candidate.record_id)
        if text is not None:
            hits.append(
                SearchHit(
                    candidate.kind, candidate.record_id, *text, ranked.score, candidate.archived
                )
            )
    return hits


def _joined(*parts: str) -> str:
    return SEPARATOR.join(part for part in parts if part)


def _people(session: Session, ids: Sequence[int]) -> Described:
    person, role = Person.__table__.c, PersonRole.__table__.c
    rows = session.connection().execute(
        select(
            person.id, person.first_name, person.last_name, person.city, person.status, role.role
        )
        .outerjoin_from(Person.__table__, PersonRole.__table__, role.person_id == person.id)
        .where(person.id.in_(ids))
    )
    people: dict[int, tuple[str, str, bool]] = {}
    roles: dict[int, set[Role]] = defaultdict(set)
    for person_id, first_name, last_name, city, status, person_role in rows:
        people[person_id] = (
            f"{first_name} {last_name}".strip(),
            city,
            status == PersonStatus.ARCHIVED,
        )
        if person_role is not None:
            roles[person_id].add(person_role)
    return {
        person_id: (
            name,
            _joined(
                city,
                ", ".join(label for r, label in ROLE_LABELS.items() if r in roles[person_id]),
                ARCHIVED if archived else "",
            ),
        )
        for person_id, (name, city, archived) in people.items()
    }


def _organizations(session: Session, ids: Sequence[int]) -> Described:
    organization = Organization.__table__.c
    rows = session.connection().execute(
        select(
            organization.id,
            organization.name,
            organization.city,
            organization.kind,
            organization.status,
        ).where(organization.id.in_(ids))
    )
    return {
        organization_id: (
            name,
            _joined(
                city,
                ORGANIZATION_KIND_LABELS[kind],
                ARCHIVED if status == RecordStatus.ARCHIVED else "",
            ),
        )
        for organization_id, name, city, kind, status in rows
    }


def _opportunities(session: Session, ids: Sequence[int]) -> Described:
    opportunity, organization = Opportunity.__table__.c, Organization.__table__.c
    rows = session.connection().execute(
        select(opportunity.id, opportunity.title, organization.name, opportunity.place)
        .join_from(
            Opportunity.__table__,
            Organization.__table__,
            opportunity.organization_id == organization.id,
        )
        .where(opportunity.id.in_(ids))
    )
    return {
        opportunity_id: (title, _joined(organization, place))
        for opportunity_id, title, organization, place in rows
    }


def _events(session: Session, ids: Sequence[int]) -> Described:
    event = Event.__table__.c
    rows = session.connection().execute(
        select(event.id, event.title, event.starts_at, event.kind).where(event.id.in_(ids))
    )
    return {
        event_id: (title, _joined(f"{starts_at:%d.%m.%Y}", EVENT_KIND_LABELS[kind]))
        for event_id, title, starts_at, kind in rows
    }


_DESCRIBERS: Mapping[SearchKind, Callable[[Session, Sequence[int]], Described]] = {
    "person": _people,
    "organization": _organizations,
    "opportunity": _opportunities,
    "event": _events,
}
