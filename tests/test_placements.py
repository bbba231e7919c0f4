"""Opportunities, the placement path with follow-ups, and matching with reasons."""

from __future__ import annotations

import datetime as dt

import pytest

from engagement_desk.db import Database
from engagement_desk.models.enums import OpportunityStatus, PlacementStatus, Role
from engagement_desk.services.errors import ConflictError, ValidationError
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.organizations.centers import CenterInput, create_center
from engagement_desk.services.organizations.clubs import OrganizationInput, create_organization
from engagement_desk.services.organizations.matching import (
    opportunities_for_person,
    people_for_opportunity,
)
from engagement_desk.services.organizations.opportunities import (
    OpportunityInput,
    create_opportunity,
    list_opportunities,
    update_opportunity,
)
from engagement_desk.services.organizations.placements import (
    advance_placement,
    allowed_next,
    create_placement,
    due_follow_ups,
    get_placement,
)
from engagement_desk.services.people.persons import PersonInput, archive_person, create_person
from engagement_desk.services.people.sections import AvailabilityEntry, PersonSections

TODAY = dt.date(2026, 11, 18)  # a Wednesday
VOLUNTEER = frozenset({Role.VOLUNTEER})


@pytest.fixture
def office(any_db: Database) -> dict:
    family = create_center(any_db, CenterInput(name="Familie"))
    seniors = create_center(any_db, CenterInput(name="Senioren"))
    school = create_organization(
        any_db, OrganizationInput(name="Grundschule Süd", postal_code="54634")
    )
    home = create_organization(
        any_db, OrganizationInput(name="Seniorenheim St. Josef", postal_code="54636")
    )
    reading = create_opportunity(
        any_db,
        OpportunityInput(
            organization_id=school.id,
            title="Lesepate/Lesepatin",
            center_id=family.id,
            skills=("Lesen", "Kinder", "lesen"),
            postal_code="54634",
        ),
    )
    visiting = create_opportunity(
        any_db,
        OpportunityInput(
            organization_id=home.id,
            title="Besuchsdienst",
            center_id=seniors.id,
            skills=("Gespräche",),
            postal_code="54636",
        ),
    )
    anna = create_person(
        any_db,
        PersonInput(
            first_name="Anna",
            last_name="Becker",
            postal_code="54634",
            roles=VOLUNTEER,
            interests=("Kinder", "Lesen"),
        ),
        PersonSections(availabilities=(AvailabilityEntry(0, dt.time(14), dt.time(17)),)),
    )
    ben = create_person(
        any_db,
        PersonInput(
            first_name="Ben",
            last_name="Schulz",
            postal_code="54689",
            roles=VOLUNTEER,
            skills=("Gespräche",),
        ),
    )
    return {
        "db": any_db,
        "reading": reading,
        "visiting": visiting,
        "anna": anna,
        "ben": ben,
        "family": family,
    }


def test_opportunity_skills_are_deduplicated_and_listed(office: dict) -> None:
    assert office["reading"].skills == ("Kinder", "Lesen")
    page = list_opportunities(office["db"], ListQuery(filters={"center_id": office["family"].id}))
    assert page.rows == (("Lesepate/Lesepatin", "Grundschule Süd", "Familie", "", 1, "open"),)
    with pytest.raises(ValidationError, match=r"Organisation Nr\. 99"):
        create_opportunity(office["db"], OpportunityInput(organization_id=99, title="X"))


def test_placement_walks_the_path_with_dated_steps(office: dict) -> None:
    db = office["db"]
    placement = create_placement(
        db,
        office["anna"].id,
        office["reading"].id,
        on_date=dt.date(2026, 11, 2),
        note="kam zur Sprechstunde",
    )
    talk = advance_placement(
        db,
        placement.id,
        PlacementStatus.FIRST_TALK,
        expected_version=placement.version,
        on_date=dt.date(2026, 11, 5),
    )
    proposed = advance_placement(
        db,
        placement.id,
        PlacementStatus.PROPOSED,
        expected_version=talk.version,
        on_date=dt.date(2026, 11, 9),
        follow_up_on=dt.date(2026, 11, 16),
    )
    assert [s.status for s in proposed.steps] == [
        PlacementStatus.INTEREST,
        PlacementStatus.FIRST_TALK,
        PlacementStatus.PROPOSED,
    ]
    assert proposed.steps[0].note == "kam zur Sprechstunde"

    with pytest.raises(ValidationError, match="möglich: Aktiv, Abgelehnt"):
        advance_placement(
            db,
            placement.id,
            PlacementStatus.INTEREST,
            expected_version=proposed.version,
            on_date=dt.date(2026, 11, 10),
        )
    with pytest.raises(ValidationError, match="vor dem letzten Schritt"):
        advance_placement(
            db,
            placement.id,
            PlacementStatus.ACTIVE,
            expected_version=proposed.version,
            on_date=dt.date(2026, 11, 1),
        )
    with pytest.raises(ConflictError):
        advance_placement(
            db,
            placement.id,
            PlacementStatus.ACTIVE,
            expected_version=talk.version,
            on_date=dt.date(2026, 11, 12),
        )
    assert get_placement(db, placement.id) == proposed
    assert allowed_next(PlacementStatus.ACTIVE) == (PlacementStatus.ENDED, PlacementStatus.DECLINED)
    assert allowed_next(PlacementStatus.ENDED) == ()


def test_due_follow_ups_of_this_week_overdue_first(office: dict) -> None:
    db = office["db"]
    overdue = create_placement(
        db,
        office["anna"].id,
        office["reading"].id,
        on_date=dt.date(2026, 11, 2),
        follow_up_on=dt.date(2026, 11, 16),
    )
    create_placement(
        db,
        office["ben"].id,
        office["visiting"].id,
        on_date=dt.date(2026, 11, 2),
        follow_up_on=dt.date(2026, 11, 22),
    )
    create_placement(
        db,
        office["ben"].id,
        office["reading"].id,
        on_date=dt.date(2026, 11, 2),
        follow_up_on=dt.date(2026, 11, 23),
    )
    due = due_follow_ups(db, today=TODAY)
    assert [(f.person_name, f.follow_up_on, f.overdue) for f in due] == [
        ("Anna Becker", dt.date(2026, 11, 16), True),
        ("Ben Schulz", dt.date(2026, 11, 22), False),
    ]
    advance_placement(
        db, overdue.id, PlacementStatus.DECLINED, expected_version=1, on_date=dt.date(2026, 11, 17)
    )
    assert [f.person_name for f in due_follow_ups(db, today=TODAY)] == ["Ben Schulz"]


def test_a_second_open_placement_for_the_same_offer_is_refused(office: dict) -> None:
    db = office["db"]
    create_placement(db, office["anna"].id, office["reading"].id, on_date=TODAY)
    with pytest.raises(ValidationError, match="läuft schon"):
        create_placement(db, office["anna"].id, office["reading"].id, on_date=TODAY)


def test_matching_ranks_with_reasons_and_hides_archived_and_filled(office: dict) -> None:
    db = office["db"]
    for_anna = opportunities_for_person(db, office["anna"].id, today=TODAY)
    assert [m.id for m in for_anna] == [office["reading"].id, office["visiting"].id]
    assert for_anna[0].reasons == (
        "passt zu: Kinder, Lesen",
        "gleiche PLZ 54634",
        "hat Zeitfenster angegeben",
    )
    assert for_anna[1].reasons == ("PLZ in der Nähe (54636)", "hat Zeitfenster angegeben")

    for_visits = people_for_opportunity(db, office["visiting"].id, today=TODAY)
    assert (for_visits[0].label, for_visits[0].reasons[0]) == ("Ben Schulz", "passt zu: Gespräche")

    archive_person(db, office["anna"].id, expected_version=office["anna"].version)
    assert office["anna"].id not in [
        m.id for m in people_for_opportunity(db, office["reading"].id, today=TODAY)
    ]
    assert opportunities_for_person(db, office["anna"].id, today=TODAY) == []

    reading = office["reading"]
    filled = update_opportunity(
        db,
        reading.id,
        OpportunityInput(
            **{
                **{
                    k: getattr(reading, k)
                    for k in (
                        "organization_id",
                        "title",
                        "description",
                        "center_id",
                        "skills",
                        "time_commitment",
                        "place",
                        "postal_code",
                        "volunteers_wanted",
                    )
                },
                "status": OpportunityStatus.FILLED,
            }
        ),
        expected_version=reading.version,
    )
    assert filled.status == OpportunityStatus.FILLED
    assert reading.id not in [
        m.id for m in opportunities_for_person(db, office["ben"].id, today=TODAY)
    ]
    assert people_for_opportunity(db, reading.id, today=TODAY) == []
    with pytest.raises(ValidationError, match="besetzt"):
        create_placement(db, office["ben"].id, reading.id, on_date=TODAY)
