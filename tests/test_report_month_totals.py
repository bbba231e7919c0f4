"""The monthly hours totals kept by triggers (migration 0017) always equal the entries'
own sums by month, centre and source, through inserts, corrections, deletions and
cascades."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from builders import add_center, add_person
from concurrency_support import TwoWorkstations, no_crash
from hours_builders import add_entry
from sqlalchemy import delete, func, select, update

from engagement_desk.db import Database
from engagement_desk.models import Center, HoursEntry, HoursMonthTotal, Person
from engagement_desk.models.enums import HoursSource

ROUNDS = 20


def _kept(db: Database) -> set[tuple]:
    with db.read_session() as session:
        return {
            (r.year, r.month, r.center_key, r.source, r.cents, r.entries)
            for r in session.scalars(select(HoursMonthTotal))
        }


def _summed(db: Database) -> set[tuple]:
    with db.read_session() as session:
        rows = session.execute(
            select(HoursEntry.on_date, HoursEntry.center_id, HoursEntry.source, HoursEntry.hours)
        ).all()
    sums: dict[tuple, list[int]] = {}
    for day, center, source, hours in rows:
        key = (day.year, day.month, center or 0, HoursSource(source).value)
        total = sums.setdefault(key, [0, 0])
        total[0] += int(Decimal(hours) * 100)
        total[1] += 1
    return {(*key, cents, entries) for key, (cents, entries) in sums.items()}


def test_monthly_totals_follow_every_change_of_the_entries(any_db: Database) -> None:
    db = any_db
    anna, ben = add_person(db, "Anna", "Becker"), add_person(db, "Ben", "Yılmaz")
    nord, sued = add_center(db, "Zentrum Nord"), add_center(db, "Zentrum Süd")
    first = add_entry(db, anna, dt.date(2025, 12, 31), "2.25", center_id=nord)
    add_entry(db, anna, dt.date(2026, 1, 1), "3.5", center_id=nord)
    add_entry(db, anna, dt.date(2026, 1, 31), "0.01", center_id=nord)
    add_entry(db, ben, dt.date(2026, 1, 15), "8", center_id=sued, source=HoursSource.EVENT)
    add_entry(db, ben, dt.date(2026, 2, 1), "1.5")
    assert _kept(db) == _summed(db)
    assert (2026, 1, nord, "manual", 351, 2) in _kept(db)
    assert (2026, 2, 0, "manual", 150, 1) in _kept(db)

    with db.session() as session:  # a correction moves the hours to another month and centre
        session.execute(
            update(HoursEntry)
            .where(HoursEntry.id == first)
            .values(on_date=dt.date(2026, 3, 2), hours=Decimal("1.75"), center_id=sued)
        )
    assert _kept(db) == _summed(db)
    assert not any(row[0] == 2025 for row in _kept(db))  # an emptied month disappears

    with db.session() as session:  # deleting a centre sets center_id NULL
        session.execute(delete(Center).where(Center.id == sued))
    assert _kept(db) == _summed(db)
    assert (2026, 1, 0, "event", 800, 1) in _kept(db)

    with db.session() as session:  # deleting a person deletes the entries by cascade
        session.execute(delete(Person).where(Person.id == ben))
    assert _kept(db) == _summed(db)
    with db.session() as session:
        session.execute(delete(HoursEntry))
        assert session.scalar(select(func.count()).select_from(HoursMonthTotal)) == 0


@pytest.mark.postgres
def test_two_workstations_adding_the_first_hours_of_a_month_at_once(pg_db: Database) -> None:
    db = pg_db
    anna, ben = add_person(db, "Anna", "Becker"), add_person(db, "Ben", "Yılmaz")
    nord = add_center(db, "Zentrum Nord")
    day = dt.date(2026, 5, 4)
    jobs = [
        ("log_hours", {"person_id": p, "on_date": day, "hours": h, "center_id": nord})
        for p, h in ((anna, "2,5"), (ben, "1,25"))
    ]
    with TwoWorkstations(db.url.render_as_string(hide_password=False)) as workstations:
        for _ in range(ROUNDS):
            with db.session() as session:
                session.execute(delete(HoursEntry))
            no_crash(*workstations.run(*jobs))
            assert _kept(db) == _summed(db) == {(2026, 5, nord, "manual", 375, 2)}
