"""What gets published: selected in SQL, column by column, never from a person record."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from engagement_desk.db import Database
from engagement_desk.models import (
    Center,
    Event,
    Opportunity,
    Organization,
    Registration,
    organization_center,
)
from engagement_desk.models.enums import (
    OpportunityStatus,
    OrganizationKind,
    RecordStatus,
)
from engagement_desk.models.vocabulary import german_names
from engagement_desk.services.events.event_list import CAPACITY_ROLES
from engagement_desk.services.events.records import ACTIVE_STATUSES, KIND_LABELS

BERLIN = ZoneInfo("Europe/Berlin")
ORGANIZATION_KINDS = german_names(OrganizationKind)
_DOMAIN = re.compile(r"^[\w-]+(\.[\w-]+)+(/\S*)?$", re.UNICODE)


@dataclass(frozen=True)
class PublishedOpportunity:
    id: int
    organization_id: int
    title: str
    description: str
    time_commitment: str
    place: str
    postal_code: str
    volunteers_wanted: int
    center: str


@dataclass(frozen=True)
class PublishedOrganization:
    id: int
    name: str
    kind: str
    street: str
    postal_code: str
    city: str
    phone: str
    email: str
    website: str
    description: str
    centers: tuple[str, ...]
    opportunities: tuple[PublishedOpportunity, ...]


@dataclass(frozen=True)
class PublishedEvent:
    id: int
    kind: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str
    description: str
    organizer: str
    organizer_id: int | None
    free_places: int | None


@dataclass(frozen=True)
class Publication:
    generated_at: dt.datetime
    organizations: tuple[PublishedOrganization, ...]
    events: tuple[PublishedEvent, ...]

    @property
    def opportunity_count(self) -> int:
        return sum(len(o.opportunities) for o in self.organizations)

    def organizations_json(self) -> dict[str, object]:
        return {
            "generated_at": self.generated_at.isoformat(),
            "organizations": [asdict(o) for o in self.organizations],
        }

    def events_json(self) -> dict[str, object]:
        return {
            "generated_at": self.generated_at.isoformat(),
            "timezone": "Europe/Berlin",
            "events": [
                asdict(e) | {"starts_at": e.starts_at.isoformat(), "ends_at": e.ends_at.isoformat()}
                for e in self.events
            ],
        }


def safe_website(value: str) -> str:
    """An http(s) URL for a link, or "" (no javascript:, mailto: or other schemes)."""
    value = (value or "").strip()
    if not value:
        return ""
    if "://" not in value:
        if not _DOMAIN.match(value):
            return ""
        value = f"https://{value}"
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in value:
        return ""
    return value


def collect_publication(db: Database, now: dt.datetime | None = None) -> Publication:
    """Published organizations with their open opportunities, and upcoming public events.

    ``now`` is naive local time (Europe/Berlin); events that ended before it are left out."""
    generated = dt.datetime.now(BERLIN).replace(microsecond=0)
    if now is None:
        now = generated.replace(tzinfo=None)
    with db.read_session() as session:
        organizations = session.execute(
            select(
                Organization.id,
                Organization.name,
                Organization.kind,
                Organization.street,
                Organization.postal_code,
                Organization.city,
                Organization.phone,
                Organization.email,
                Organization.website,
                Organization.description,
            )
            .where(
                Organization.may_publish.is_(True),
                Organization.status == RecordStatus.ACTIVE,
            )
            .order_by(Organization.name_key, Organization.id)
        ).all()
        published_ids = [row.id for row in organizations]
        centers: dict[int, list[str]] = {}
        for organization_id, name in session.execute(
            select(organization_center.c.organization_id, Center.name)
            .join(Center, Center.id == organization_center.c.center_id)
            .where(organization_center.c.organization_id.in_(published_ids))
            .order_by(Center.name_key)
        ):
            centers.setdefault(organization_id, []).append(name)
        opportunities: dict[int, list[PublishedOpportunity]] = {}
        for row in session.execute(
            select(
                Opportunity.id,
                Opportunity.organization_id,
                Opportunity.title,
                Opportunity.description,
                Opportunity.time_commitment,
                Opportunity.place,
                Opportunity.postal_code,
                Opportunity.volunteers_wanted,
                Center.name.label("center"),
            )
            .outerjoin(Center, Center.id == Opportunity.center_id)
            .where(
                Opportunity.organization_id.in_(published_ids),
                Opportunity.status == OpportunityStatus.OPEN,
            )
            .order_by(Opportunity.title_key, Opportunity.id)
        ):
            opportunities.setdefault(row.organization_id, []).append(
                PublishedOpportunity(
                    row.id,
                    row.organization_id,
                    row.title,
                    row.description,
                    row.time_commitment,
                    row.place,
                    row.postal_code,
                    row.volunteers_wanted,
                    row.center or "",
                )
            )
        published = tuple(
            PublishedOrganization(
                row.id,
                row.name,
                ORGANIZATION_KINDS[row.kind],
                row.street,
                row.postal_code,
                row.city,
                row.phone,
                row.email,
                safe_website(row.website),
                row.description,
                tuple(centers.get(row.id, ())),
                tuple(opportunities.get(row.id, ())),
            )
            for row in organizations
        )
        taken = (
            select(func.count(Registration.id))
            .where(
                Registration.event_id == Event.id,
                Registration.role.in_(CAPACITY_ROLES),
                Registration.status.in_(ACTIVE_STATUSES),
            )
            .correlate(Event)
            .scalar_subquery()
        )
        events = session.execute(
            select(
                Event.id,
                Event.kind,
                Event.title,
                Event.starts_at,
                Event.ends_at,
                Event.place,
                Event.description,
                Event.capacity,
                Event.organization_id,
                Organization.name.label("organization"),
                Center.name.label("center"),
                taken.label("taken"),
            )
            .outerjoin(
                Organization,
                (Organization.id == Event.organization_id)
                & Organization.may_publish.is_(True)
                & (Organization.status == RecordStatus.ACTIVE),
            )
            .outerjoin(Center, Center.id == Event.center_id)
            .where(Event.is_public.is_(True), Event.ends_at >= now)
            .order_by(Event.starts_at, Event.id)
        ).all()
        published_events = tuple(
            PublishedEvent(
                row.id,
                KIND_LABELS[row.kind],
                row.title,
                row.starts_at,
                row.ends_at,
                row.place,
                row.description,
                row.organization or row.center or "",
                row.organization_id if row.organization else None,
                None if row.capacity is None else max(row.capacity - row.taken, 0),
            )
            for row in events
        )
    return Publication(generated, published, published_events)
