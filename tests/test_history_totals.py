"""The yearly hours totals kept by triggers (migration 0014) always equal the entries'
own sums, through inserts, corrections, deletions and cascades; totals read from them
equal totals summed from the entries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from builders import add_center, add_organization, add_person
from hours_builders import add_entry
from sqlalchemy import delete, func, select, update

from engagement_desk.db import Database
from engagement_desk.models import HoursEntry, HoursYearTotal, Organization, Person
from engagement_desk.services.hours.totals import GROUPS, hours_totals


def _kept(db: Database) -> set[tuple]:
    with db.read_session() as session:
        return {
            (r.year, r.organization_key, r.center_key, r.person_id, r.cents, r.entries)
            for r in session.scalars(select(HoursYearTotal))
        }


def _summed(db: Database) -> set[tuple]:
    with db.read_session() as session:
        rows = session.execute(
            select(
                HoursEntry.on_date,
                HoursEntry.organization_id,
                HoursEntry.center_id,
                HoursEntry.person_id,
                HoursEntry.hours,
            )
        ).all()
    sums: dict[tuple, list[int]] = {}
    for day, organization, center, person, hours in rows:
        key = (day.year, organization or 0, center or 0, person)
        total = sums.setdefault(key, [0, 0])
        total[0] += int(Decimal(hours) * 100)
        total[1] += 1
    return {(*key, cents, entries) for key, (cents, entries) in sums.items()}


def test_yearly_totals_follow_every_change_of_the_entries(any_db: Database) -> None:
    db = any_db
    anna, ben = add_person(db, "Anna", "Becker"), add_person(db, "Ben", "Yılmaz")
    center = add_center(db, "Zentrum Nord")
    tafel, sport = add_organization(db, "Tafel"), add_organization(db, "Sportverein")
    first = add_entry(db, anna, dt.date(2025, 12, 31), "2.25", organization_id=tafel)
    add_entry(db, anna, dt.date(2026, 1, 1), "3.5", organization_id=tafel, center_id=center)
    add_entry(db, anna, dt.date(2026, 2, 1), "0.01", organization_id=sport)
    add_entry(db, ben, dt.date(2026, 3, 1), "8", organization_id=sport)
    assert _kept(db) == _summed(db)
    assert (2025, tafel, 0, anna, 225, 1) in _kept(db)

    with db.session() as session:  # a correction moves the hours to another year
        session.execute(
            update(HoursEntry)
            .where(HoursEntry.id == first)
            .values(on_date=dt.date(2026, 1, 2), hours=Decimal("1.75"))
        )
    assert _kept(db) == _summed(db)
    assert not any(row[0] == 2025 for row in _kept(db))  # an emptied year disappears

    with db.session() as session:  # deleting an organization sets organization_id NULL
        session.execute(delete(Organization).where(Organization.id == sport))
    assert _kept(db) == _summed(db)
    assert (2026, 0, 0, ben, 800, 1) in _kept(db)

    with db.session() as session:  # deleting a person deletes the entries by cascade
        session.execute(delete(Person).where(Person.id == ben))
    assert _kept(db) == _summed(db)
    with db.session() as session:
        session.execute(delete(HoursEntry))
        assert session.scalar(select(func.count()).select_from(HoursYearTotal)) == 0


def test_totals_from_the_yearly_table_equal_the_sums_of_the_entries(any_db: Database) -> None:
    db = any_db
    people = [add_person(db, "Vorname", f"Name{n}") for n in range(3)]
    center = add_center(db, "Zentrum Süd")
    club = add_organization(db, "Chor")
    for n in range(30):
        add_entry(
            db,
            people[n % 3],
            dt.date(2024 + n % 3, 1 + n % 12, 1 + n % 28),
            Decimal("0.25") * (n + 1),
            organization_id=club if n % 2 else None,
            center_id=center if n % 5 else None,
        )
    everything = {"start": dt.date(1900, 1, 1), "end": dt.date(2100, 12, 31)}
    for groups in [(), *((g,) for g in GROUPS), ("year", "organization", "center"), GROUPS]:
        yearly = hours_totals(db, group_by=groups)
        from_entries = hours_totals(db, group_by=groups, **everything)
        assert yearly == from_entries, groups
        assert hours_totals(db, group_by=groups, year=2025, organization_id=club) == (
            hours_totals(
                db,
                group_by=groups,
                organization_id=club,
                start=dt.date(2025, 1, 1),
                end=dt.date(2025, 12, 31),
            )
        )
