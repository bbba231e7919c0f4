"""Two workstations register for one event at the same moment on PostgreSQL.

Before the event row lock both counted the same free place and both got it
(capacity 1: two registered), or both found no registration of the person and
both added one. Each test runs both sides at once, round after round, and
counts: no overbooking, no duplicate, never a crash.
"""

from __future__ import annotations

import datetime as dt

import pytest
from builders import add_person, new_event
from concurrency_support import TwoWorkstations, no_crash
from sqlalchemy import delete, func, select

from engagement_desk.db import Database
from engagement_desk.models import HoursEntry, Registration
from engagement_desk.models.enums import EventKind, HoursSource, RegistrationStatus
from engagement_desk.services.events.records import ShiftData
from engagement_desk.services.events.shifts import add_shift

ROUNDS = 50
DAY = dt.datetime(2027, 3, 6, 10, 0)

pytestmark = pytest.mark.postgres


def _url(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def _clear_registrations(db: Database, event_id: int) -> None:
    with db.session() as session:
        session.execute(delete(Registration).where(Registration.event_id == event_id))


def _statuses(db: Database, event_id: int) -> list[tuple[int, RegistrationStatus]]:
    with db.read_session() as session:
        return [
            (person_id, status)
            for person_id, status in session.execute(
                select(Registration.person_id, Registration.status)
                .where(Registration.event_id == event_id)
                .order_by(Registration.id)
            )
        ]


def test_capacity_one_two_people_at_once_one_place_one_waiting(pg_db: Database) -> None:
    event = new_event(pg_db, "Erste-Hilfe-Kurs", DAY, capacity=1)
    anna = add_person(pg_db, "Anna", "Weber")
    ben = add_person(pg_db, "Ben", "Schulz")
    overbooked = 0
    with TwoWorkstations(_url(pg_db)) as workstations:
        for _ in range(ROUNDS):
            _clear_registrations(pg_db, event.id)
            first, second = workstations.run(
                ("register", {"event_id": event.id, "person_id": anna}),
                ("register", {"event_id": event.id, "person_id": ben}),
            )
            no_crash(first, second)
            assert first.ok and second.ok
            assert sorted([first.value, second.value]) == ["registered", "waiting_list"]
            statuses = sorted(status for _, status in _statuses(pg_db, event.id))
            overbooked += statuses.count(RegistrationStatus.REGISTERED) > 1
            assert statuses == [RegistrationStatus.REGISTERED, RegistrationStatus.WAITING_LIST]
    assert overbooked == 0


def test_the_same_person_twice_at_once_is_registered_once(pg_db: Database) -> None:
    event = new_event(pg_db, "Vereinsforum", DAY, capacity=30)
    anna = add_person(pg_db, "Anna", "Weber")
    job = ("register", {"event_id": event.id, "person_id": anna})
    with TwoWorkstations(_url(pg_db)) as workstations:
        for _ in range(ROUNDS):
            _clear_registrations(pg_db, event.id)
            outcomes = workstations.run(job, job)
            no_crash(*outcomes)
            assert sorted(o.kind for o in outcomes) == ["ok", "refused"]
            refused = next(o for o in outcomes if not o.ok)
            assert refused.error_type == "ValidationError"
            assert "Ist bereits angemeldet" in refused.message
            assert _statuses(pg_db, event.id) == [(anna, RegistrationStatus.REGISTERED)]


def test_shift_with_one_slot_two_helpers_at_once(pg_db: Database) -> None:
    event = new_event(pg_db, "Ehrenamtsmesse", DAY, hours=6, kind=EventKind.CLUB_FAIR)
    shift = add_shift(
        pg_db, event.id, ShiftData("Aufbau", DAY, DAY + dt.timedelta(hours=2), slots=1)
    )
    anna = add_person(pg_db, "Anna", "Weber")
    ben = add_person(pg_db, "Ben", "Schulz")
    helper = {"event_id": event.id, "role": "helper", "shift_id": shift.id}
    with TwoWorkstations(_url(pg_db)) as workstations:
        for _ in range(ROUNDS):
            _clear_registrations(pg_db, event.id)
            first, second = workstations.run(
                ("register", {**helper, "person_id": anna}),
                ("register", {**helper, "person_id": ben}),
            )
            no_crash(first, second)
            assert sorted([first.value, second.value]) == ["registered", "waiting_list"]
            statuses = sorted(status for _, status in _statuses(pg_db, event.id))
            assert statuses == [RegistrationStatus.REGISTERED, RegistrationStatus.WAITING_LIST]


def test_event_hours_credited_twice_at_once_are_not_doubled(pg_db: Database) -> None:
    event = new_event(pg_db, "Schulung Datenschutz", DAY, hours=3, kind=EventKind.TRAINING)
    people = [add_person(pg_db, f"Person{i}", "Geschult") for i in range(5)]
    with pg_db.session() as session:
        session.add_all(
            Registration(event_id=event.id, person_id=p, status=RegistrationStatus.ATTENDED)
            for p in people
        )
    job = ("credit_event", {"event_id": event.id})
    with TwoWorkstations(_url(pg_db)) as workstations:
        for _ in range(ROUNDS):
            with pg_db.session() as session:
                session.execute(delete(HoursEntry).where(HoursEntry.source == HoursSource.EVENT))
            first, second = workstations.run(job, job)
            no_crash(first, second)
            assert sorted([first.value, second.value]) == [(0, 0, 0), (5, 0, 0)]
            with pg_db.read_session() as session:
                per_person = dict(
                    session.execute(
                        select(HoursEntry.person_id, func.count())
                        .where(HoursEntry.source == HoursSource.EVENT)
                        .group_by(HoursEntry.person_id)
                    ).all()
                )
            assert per_person == dict.fromkeys(people, 1)
