"""The read-only activity lists of the person view."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from engagement_desk.db import Database
from engagement_desk.models import (
    Center,
    Event,
    HoursEntry,
    Organization,
    Person,
    Registration,
    Ride,
    RidePassenger,
    RideService,
)
from engagement_desk.models.enums import (
    EventKind,
    HoursSource,
    RegistrationRole,
    RegistrationStatus,
    RideServiceKind,
    RideStatus,
)
from engagement_desk.services.people.activity import HoursTotal, person_activity


def test_activity_lists_hours_totals_rides_and_events(any_db: Database) -> None:
    with any_db.session() as session:
        anna = Person(first_name="Anna", last_name="Becker")
        senior = Person(first_name="Hildegard", last_name="Weber")
        center = Center(name="Senioren")
        club = Organization(name="Tafel")
        service = RideService(name="Seniorenfahrdienst", kind=RideServiceKind.WEEKLY)
        session.add_all([anna, senior, center, club, service])
        session.flush()
        session.add_all(
            [
                HoursEntry(
                    person_id=anna.id,
                    on_date=dt.date(2025, 3, 1),
                    hours=Decimal("2.5"),
                    organization_id=club.id,
                    center_id=center.id,
                    activity="Ausgabe",
                ),
                HoursEntry(
                    person_id=anna.id,
                    on_date=dt.date(2026, 3, 1),
                    hours=Decimal("1.25"),
                    organization_id=club.id,
                    center_id=center.id,
                    activity="Ausgabe",
                ),
                HoursEntry(
                    person_id=anna.id,
                    on_date=dt.date(2026, 4, 1),
                    hours=Decimal("3"),
                    center_id=center.id,
                    source=HoursSource.RIDE,
                ),
            ]
        )
        ride = Ride(
            service_id=service.id,
            ride_date=dt.date(2026, 4, 1),
            start_time=dt.time(9),
            destination="Wochenmarkt",
            driver_id=anna.id,
            status=RideStatus.DONE,
        )
        session.add(ride)
        session.flush()
        session.add(RidePassenger(ride_id=ride.id, person_id=senior.id))
        event = Event(
            kind=EventKind.VOLUNTEER_DAY,
            title="Freiwilligentag",
            starts_at=dt.datetime(2026, 9, 12, 10),
            ends_at=dt.datetime(2026, 9, 12, 16),
        )
        session.add(event)
        session.flush()
        session.add(
            Registration(
                event_id=event.id,
                person_id=anna.id,
                role=RegistrationRole.HELPER,
                status=RegistrationStatus.ATTENDED,
            )
        )
        anna_id, senior_id = anna.id, senior.id

    activity = person_activity(any_db, anna_id)
    assert [h.hours for h in activity.hours] == [Decimal("3.00"), Decimal("1.25"), Decimal("2.50")]
    assert activity.hours_totals == (
        HoursTotal(2026, "", "Senioren", Decimal("3.00")),
        HoursTotal(2026, "Tafel", "Senioren", Decimal("1.25")),
        HoursTotal(2025, "Tafel", "Senioren", Decimal("2.50")),
    )
    assert [(r.destination, r.as_driver) for r in activity.rides] == [("Wochenmarkt", True)]
    assert [(e.title, e.role) for e in activity.events] == [
        ("Freiwilligentag", RegistrationRole.HELPER)
    ]
    passenger = person_activity(any_db, senior_id)
    assert [(r.destination, r.as_driver) for r in passenger.rides] == [("Wochenmarkt", False)]
    assert passenger.hours == () and passenger.certificates == ()
