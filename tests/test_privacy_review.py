"""Retention review: who is due for erasure, with the German reason; anonymised people never."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from builders import add_organization, add_person
from sqlalchemy import update

from engagement_desk.cli import main
from engagement_desk.db import Database
from engagement_desk.models import (
    AuditEntry,
    Consent,
    Event,
    HoursEntry,
    Opportunity,
    Person,
    Placement,
    PlacementStep,
    Registration,
    Ride,
    RidePassenger,
    RideService,
)
from engagement_desk.models.enums import (
    AuditAction,
    ConsentPurpose,
    ConsentSource,
    EventKind,
    PersonStatus,
    PlacementStatus,
    RideServiceKind,
    RideStatus,
)
from engagement_desk.services.errors import ValidationError
from engagement_desk.services.privacy.review import retention_review

TODAY = dt.date(2026, 12, 7)
LONG_AGO = dt.datetime(2019, 3, 1, tzinfo=dt.UTC)
RECENT = dt.date(2025, 6, 1)
INACTIVE = (
    "Seit über 3 Jahren keine Aktivität "
    "(keine Stunden, Fahrten, Anmeldungen, Vermittlungen oder Änderungen)."
)


def old_person(db: Database, first: str, last: str, **values) -> int:
    return add_person(db, first, last, created_at=LONG_AGO, updated_at=LONG_AGO, **values)


def _service(db: Database) -> int:
    with db.session() as session:
        service = RideService(name="Seniorenfahrdienst", kind=RideServiceKind.WEEKLY)
        session.add(service)
        session.flush()
        return service.id


def _reasons(db: Database, **kwargs) -> dict[int, tuple[str, ...]]:
    return {e.person_id: e.reasons for e in retention_review(db, today=TODAY, **kwargs)}


def test_people_without_activity_are_listed_and_each_activity_counts(any_db: Database) -> None:
    db = any_db
    quiet = old_person(db, "Quentin", "Ruhig")
    helper = old_person(db, "Hanna", "Stunden")
    driver = old_person(db, "Fritz", "Fahrer")
    rider = old_person(db, "Gertrud", "Fahrgast")
    guest = old_person(db, "Gustav", "Gast")
    placed = old_person(db, "Paula", "Vermittelt")
    edited = old_person(db, "Emil", "Geändert")
    fresh = add_person(db, "Neu", "Angelegt")
    service = _service(db)
    club = add_organization(db, "Tafel Bitburg e.V.")
    with db.session() as session:
        session.add(HoursEntry(person_id=helper, on_date=RECENT, hours=Decimal("2")))
        ride = Ride(
            service_id=service,
            ride_date=RECENT,
            start_time=dt.time(9),
            driver_id=driver,
            status=RideStatus.DONE,
        )
        session.add(ride)
        session.flush()
        session.add(RidePassenger(ride_id=ride.id, person_id=rider))
        event = Event(
            kind=EventKind.WORKSHOP,
            title="Werkstatt",
            starts_at=dt.datetime(2025, 5, 1, 10),
            ends_at=dt.datetime(2025, 5, 1, 12),
        )
        session.add(event)
        session.flush()
        session.add(Registration(event_id=event.id, person_id=guest, registered_at=LONG_AGO))
        opportunity = Opportunity(organization_id=club, title="Ausgabe")
        session.add(opportunity)
        session.flush()
        placement = Placement(
            person_id=placed,
            opportunity_id=opportunity.id,
            status=PlacementStatus.ENDED,
            created_at=LONG_AGO,
            updated_at=LONG_AGO,
        )
        session.add(placement)
        session.flush()
        session.add(
            PlacementStep(placement_id=placement.id, status=PlacementStatus.ENDED, on_date=RECENT)
        )
        session.add(
            AuditEntry(
                action=AuditAction.UPDATE,
                entity="person",
                entity_id=edited,
                at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
            )
        )

    assert _reasons(db) == {quiet: (INACTIVE,)}
    assert fresh not in _reasons(db)
    # Ten years back, everyone was busy or not yet there.
    assert _reasons(db, years=10) == {}


def test_withdrawn_storage_consent_and_long_archived_people(any_db: Database) -> None:
    db = any_db
    withdrawn = add_person(db, "Wilma", "Widerruf")
    archived = old_person(db, "Anja", "Archiv", status=PersonStatus.ARCHIVED)
    archived_lately = add_person(db, "Berta", "Frischarchiv", status=PersonStatus.ARCHIVED)
    with db.session() as session:
        session.add(
            Consent(
                person_id=withdrawn,
                purpose=ConsentPurpose.STORAGE,
                given_on=dt.date(2020, 1, 1),
                withdrawn_on=dt.date(2026, 11, 2),
                source=ConsentSource.PAPER,
            )
        )
        session.add(
            Consent(
                person_id=archived_lately,
                purpose=ConsentPurpose.PHOTOS,
                given_on=dt.date(2020, 1, 1),
                withdrawn_on=dt.date(2026, 11, 2),
                source=ConsentSource.PAPER,
            )
        )
    entries = retention_review(db, today=TODAY)
    assert [(e.person_id, e.name, e.reasons) for e in entries] == [
        (
            archived,
            "Anja Archiv",
            (INACTIVE, "Archiviert und seit über 3 Jahren nicht mehr geändert."),
        ),
        (withdrawn, "Wilma Widerruf", ("Einwilligung zur Speicherung am 02.11.2026 widerrufen.",)),
    ]
    assert entries[0].reason == (
        f"{INACTIVE} Archiviert und seit über 3 Jahren nicht mehr geändert."
    )


def test_anonymised_people_are_never_listed(db: Database) -> None:
    quiet = old_person(db, "Quentin", "Ruhig")
    gone = old_person(db, "", "Anonymisiert #2", status=PersonStatus.ARCHIVED)
    with db.session() as session:
        session.execute(
            update(Person).where(Person.id == gone).values(anonymized_on=dt.date(2026, 1, 1))
        )
    assert list(_reasons(db)) == [quiet]


@pytest.mark.parametrize("years", [0, 31])
def test_the_retention_period_is_checked(db: Database, years: int) -> None:
    with pytest.raises(ValidationError) as raised:
        retention_review(db, years)
    assert (
        raised.value.first.message == "Bitte eine Aufbewahrungsfrist von 1 bis 30 Jahren angeben."
    )


def test_cli_review(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    quiet = old_person(db, "Quentin", "Ruhig")
    target = str(db.sqlite_path)
    db.dispose()
    assert main(["--db", target, "privacy", "review", "--years", "2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["years"] == 2
    assert [p["person_id"] for p in data["people"]] == [quiet]
    assert data["people"][0]["reasons"][0].startswith("Seit über 2 Jahren keine Aktivität")
    assert main(["--db", target, "privacy", "review"]) == 0
    out = capsys.readouterr().out
    assert "Quentin Ruhig: Seit über 3 Jahren" in out
    assert "1 Person zu überprüfen (Aufbewahrungsfrist 3 Jahre)." in out
    assert main(["--db", target, "privacy", "review", "--years", "0"]) == 1
    assert "Aufbewahrungsfrist von 1 bis 30 Jahren" in capsys.readouterr().err
