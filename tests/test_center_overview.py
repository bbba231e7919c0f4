"""What belongs to a centre: clubs, opportunities, volunteers and events."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from engagement_desk.db import Database
from engagement_desk.models import Event, HoursEntry, Placement
from engagement_desk.models.enums import (
    EventKind,
    HoursSource,
    OpportunityStatus,
    OrganizationKind,
    PlacementStatus,
    Role,
)
from engagement_desk.services.errors import NotFoundError
from engagement_desk.services.organizations.center_overview import center_overview
from engagement_desk.services.organizations.centers import CenterInput, create_center
from engagement_desk.services.organizations.clubs import (
    OrganizationInput,
    archive_organization,
    create_organization,
)
from engagement_desk.services.organizations.opportunities import (
    OpportunityInput,
    create_opportunity,
)
from engagement_desk.services.people.persons import PersonInput, archive_person, create_person

TODAY = dt.date(2026, 11, 18)


def test_overview_lists_what_belongs_to_the_centre(any_db: Database) -> None:
    seniors = create_center(any_db, CenterInput(name="Senioren"))
    family = create_center(any_db, CenterInput(name="Familie"))
    treff = create_organization(
        any_db,
        OrganizationInput(
            name="Seniorentreff", kind=OrganizationKind.INITIATIVE, center_ids=(seniors.id,)
        ),
    )
    old = create_organization(any_db, OrganizationInput(name="Altverein", center_ids=(seniors.id,)))
    archive_organization(any_db, old.id, expected_version=old.version)
    create_organization(any_db, OrganizationInput(name="Kita", center_ids=(family.id,)))
    visiting = create_opportunity(
        any_db,
        OpportunityInput(organization_id=treff.id, title="Besuchsdienst", center_id=seniors.id),
    )
    create_opportunity(
        any_db,
        OpportunityInput(
            organization_id=treff.id,
            title="Kaffeetafel",
            center_id=seniors.id,
            status=OpportunityStatus.PAUSED,
        ),
    )
    volunteer = frozenset({Role.VOLUNTEER})
    placed = create_person(
        any_db, PersonInput(first_name="Anna", last_name="Becker", roles=volunteer)
    )
    helper = create_person(any_db, PersonInput(first_name="Ben", last_name="Adam", roles=volunteer))
    stale = create_person(any_db, PersonInput(first_name="Carl", last_name="Cron", roles=volunteer))
    gone = create_person(any_db, PersonInput(first_name="Dora", last_name="Dorn", roles=volunteer))
    archive_person(any_db, gone.id, expected_version=gone.version)
    with any_db.session() as session:
        session.add(
            Placement(
                person_id=placed.id, opportunity_id=visiting.id, status=PlacementStatus.ACTIVE
            )
        )
        for person_id, day, hours in (
            (helper.id, TODAY - dt.timedelta(days=30), "2.5"),
            (helper.id, TODAY - dt.timedelta(days=60), "1.5"),
            (stale.id, TODAY - dt.timedelta(days=400), "9"),
            (gone.id, TODAY, "3"),
        ):
            session.add(
                HoursEntry(
                    person_id=person_id,
                    on_date=day,
                    hours=Decimal(hours),
                    center_id=seniors.id,
                    source=HoursSource.MANUAL,
                )
            )
        for title, start in (
            ("Vereinsforum", dt.datetime(2026, 3, 1, 18)),
            ("Seniorentag", dt.datetime(2026, 12, 5, 10)),
        ):
            session.add(
                Event(
                    kind=EventKind.WORKSHOP,
                    title=title,
                    starts_at=start,
                    ends_at=start + dt.timedelta(hours=2),
                    center_id=seniors.id,
                )
            )

    overview = center_overview(any_db, seniors.id, today=TODAY)

    assert [o.name for o in overview.organizations] == ["Seniorentreff"]
    assert overview.organizations[0].kind == OrganizationKind.INITIATIVE
    assert [(o.title, o.status) for o in overview.opportunities] == [
        ("Besuchsdienst", OpportunityStatus.OPEN),
        ("Kaffeetafel", OpportunityStatus.PAUSED),
    ]
    assert [(v.name, v.placed_in, v.hours) for v in overview.volunteers] == [
        ("Ben Adam", (), Decimal("4.0")),
        ("Anna Becker", ("Besuchsdienst",), Decimal("0")),
    ]
    assert [e.title for e in overview.events] == ["Seniorentag", "Vereinsforum"]
    assert center_overview(any_db, family.id, today=TODAY).volunteers == ()


def test_overview_of_an_unknown_centre_says_so(any_db: Database) -> None:
    with pytest.raises(NotFoundError, match=r"Engagement-Zentrum Nr\. 42"):
        center_overview(any_db, 42)
