"""Records the tests need, built in one place: people, centres, organizations, events.

Two kinds of builder (no tests in here):

- ``add_person``, ``add_center``, ``add_organization`` insert rows directly, so a
  test can set any column, also ones the services check or fill in;
- ``new_person``, ``new_club``, ``new_event`` go through the services a user's input goes
  through (validation, audit, search index), with plain defaults.

Domain-specific builders stay beside their tests and use these: hours and
certificates in ``hours_builders.py``, the ride service in ``ride_helpers.py``,
the window's sample data in ``ui/ui_helpers.py``.
"""

from __future__ import annotations

import datetime as dt

from engagement_desk.db import Database
from engagement_desk.models import Center, Organization, Person, organization_center
from engagement_desk.models.enums import EventKind
from engagement_desk.services.events.editing import create_event
from engagement_desk.services.events.records import EventData, EventRecord
from engagement_desk.services.organizations.clubs import OrganizationInput, create_organization
from engagement_desk.services.people.persons import PersonInput, create_person


def add_person(db: Database, first: str, last: str, **values) -> int:
    with db.session() as session:
        person = Person(first_name=first, last_name=last, **values)
        session.add(person)
        session.flush()
        return person.id


def add_center(db: Database, name: str) -> int:
    with db.session() as session:
        center = Center(name=name)
        session.add(center)
        session.flush()
        return center.id


def add_organization(db: Database, name: str, *center_ids: int, **values) -> int:
    with db.session() as session:
        organization = Organization(name=name, **values)
        session.add(organization)
        session.flush()
        for center_id in center_ids:
            session.execute(
                organization_center.insert().values(
                    organization_id=organization.id, center_id=center_id
                )
            )
        return organization.id


def new_person(db: Database, last: str, first: str = "Anna", **values) -> int:
    """A person as the editor saves one; ``values`` are further ``PersonInput`` fields."""
    return create_person(db, PersonInput(last_name=last, first_name=first, **values)).id


def new_club(db: Database, name: str, **values) -> int:
    """An organization as the editor saves one; ``values`` are ``OrganizationInput`` fields."""
    return create_organization(db, OrganizationInput(name=name, **values)).id


def new_event(
    db: Database,
    title: str,
    starts_at: dt.datetime,
    *,
    hours: float = 2,
    ends_at: dt.datetime | None = None,
    kind: EventKind = EventKind.WORKSHOP,
    place: str = "Rathaus",
    **values,
) -> EventRecord:
    """An event as the editor saves one, ``hours`` long unless ``ends_at`` is given."""
    if ends_at is None:
        ends_at = starts_at + dt.timedelta(hours=hours)
    data = EventData(
        kind=kind, title=title, starts_at=starts_at, ends_at=ends_at, place=place, **values
    )
    return create_event(db, data)
