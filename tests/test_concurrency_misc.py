"""Other check-then-write paths, both sides at once on PostgreSQL.

- A driver given two rides by hand at two workstations: the weekly maximum
  counts the other's ride (the driver's row is locked while assigning).
- The same person placed twice on one opportunity: one placement, the other
  workstation is told that one runs already (the opportunity row is locked).
- Two overlapping rides of one driver marked done at once: the shared time
  counts once in the driver's hours (the driver's row is locked).
- The same consent given at two workstations at once: recorded once, the other
  is told (the person's version column; no lock needed).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import ride_helpers as rides
from builders import add_organization, add_person
from concurrency_support import TwoWorkstations, no_crash
from sqlalchemy import delete, func, select, update

from engagement_desk.db import Database
from engagement_desk.models import (
    Consent,
    ConsentEvent,
    HoursEntry,
    Placement,
    PlacementStep,
    Ride,
    RidePassenger,
)
from engagement_desk.models.enums import RideStatus
from engagement_desk.services.organizations.opportunities import (
    OpportunityInput,
    create_opportunity,
)

ROUNDS = 50

pytestmark = pytest.mark.postgres


def _url(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def _two_open_rides(
    db: Database,
    passenger: int,
    days: tuple[dt.date, dt.date] = (dt.date(2026, 3, 3), dt.date(2026, 3, 5)),
    starts: tuple[dt.time, dt.time] = (dt.time(9, 0), dt.time(9, 0)),
) -> list[int]:
    service = rides.service(db)
    ids = []
    with db.session() as session:
        for day, start in zip(days, starts, strict=True):
            ride = Ride(
                service_id=service,
                ride_date=day,
                start_time=start,
                duration_minutes=60,
                pickup_address="Hauptstraße 5, 54634 Bitburg",
                destination="Wochenmarkt",
                passengers=[RidePassenger(person_id=passenger)],
            )
            session.add(ride)
            session.flush()
            ids.append(ride.id)
    return ids


def test_weekly_maximum_holds_when_two_rides_are_assigned_at_once(pg_db: Database) -> None:
    rides.agency(pg_db)
    driver = rides.driver(pg_db, "Frank", "Fahrer", max_rides=1)
    passenger = rides.passenger(pg_db, "Gerda", "Mitfahrer")
    ride_ids = _two_open_rides(pg_db, passenger)
    with TwoWorkstations(_url(pg_db)) as workstations:
        for _ in range(ROUNDS):
            with pg_db.session() as session:
                session.execute(
                    update(Ride).values(
                        driver_id=None,
                        vehicle_id=None,
                        assigned_manually=False,
                        status=RideStatus.PLANNED,
                        version=Ride.version + 1,
                    )
                )
            with pg_db.read_session() as session:
                versions = dict(session.execute(select(Ride.id, Ride.version)).all())
            outcomes = workstations.run(
                *(
                    (
                        "assign",
                        {"ride_id": r, "driver_id": driver, "expected_version": versions[r]},
                    )
                    for r in ride_ids
                )
            )
            no_crash(*outcomes)
            assert sorted(o.kind for o in outcomes) == ["ok", "refused"]
            refused = next(o for o in outcomes if not o.ok)
            assert refused.error_type == "AssignmentNeedsConfirmation"
            assert "höchstens 1" in refused.message
            with pg_db.read_session() as session:
                assigned = session.scalar(
                    select(func.count()).select_from(Ride).where(Ride.driver_id == driver)
                )
            assert assigned == 1


def test_the_same_placement_twice_at_once_is_made_once(pg_db: Database) -> None:
    club = add_organization(pg_db, "Tafel Bitburg")
    opportunity = create_opportunity(
        pg_db, OpportunityInput(organization_id=club, title="Ausgabe")
    ).id
    anna = add_person(pg_db, "Anna", "Weber")
    job = ("place", {"person_id": anna, "opportunity_id": opportunity})
    with TwoWorkstations(_url(pg_db)) as workstations:
        for _ in range(ROUNDS):
            with pg_db.session() as session:
                session.execute(delete(PlacementStep))
                session.execute(delete(Placement))
            outcomes = workstations.run(job, job)
            no_crash(*outcomes)
            assert sorted(o.kind for o in outcomes) == ["ok", "refused"]
            refused = next(o for o in outcomes if not o.ok)
            assert "läuft schon Vermittlung" in refused.message
            with pg_db.read_session() as session:
                assert session.scalar(select(func.count()).select_from(Placement)) == 1


def test_overlapping_rides_marked_done_at_once_count_the_shared_time_once(
    pg_db: Database,
) -> None:
    rides.agency(pg_db)
    driver = rides.driver(pg_db, "Frank", "Fahrer")
    passenger = rides.passenger(pg_db, "Gerda", "Mitfahrer")
    day = dt.date(2026, 3, 3)
    ride_ids = _two_open_rides(pg_db, passenger, (day, day), (dt.time(9, 0), dt.time(9, 30)))
    with TwoWorkstations(_url(pg_db)) as workstations:
        for _ in range(ROUNDS):
            with pg_db.session() as session:
                session.execute(delete(HoursEntry))
                session.execute(
                    update(Ride).values(
                        driver_id=driver,
                        status=RideStatus.ASSIGNED,
                        km=None,
                        version=Ride.version + 1,
                    )
                )
            with pg_db.read_session() as session:
                versions = dict(session.execute(select(Ride.id, Ride.version)).all())
            outcomes = workstations.run(
                *(("mark_done", {"ride_id": r, "expected_version": versions[r]}) for r in ride_ids)
            )
            no_crash(*outcomes)
            assert all(o.ok for o in outcomes)
            with pg_db.read_session() as session:
                total = session.scalar(select(func.sum(HoursEntry.hours)))
            assert total == Decimal("1.50")  # 9:00–10:30, not 2 × 1 h


def test_the_same_consent_given_at_once_is_recorded_once(pg_db: Database) -> None:
    anna = add_person(pg_db, "Anna", "Weber")
    job = ("give_consent", {"person_id": anna})
    with TwoWorkstations(_url(pg_db)) as workstations:
        for _ in range(ROUNDS):
            with pg_db.session() as session:
                session.execute(delete(ConsentEvent))
                session.execute(delete(Consent))
            outcomes = workstations.run(job, job)
            no_crash(*outcomes)
            assert sorted(o.kind for o in outcomes) == ["ok", "refused"]
            refused = next(o for o in outcomes if not o.ok)
            assert refused.error_type in ("ConflictError", "ValidationError")
            with pg_db.read_session() as session:
                assert session.scalar(select(func.count()).select_from(Consent)) == 1
                assert session.scalar(select(func.count()).select_from(ConsentEvent)) == 1
