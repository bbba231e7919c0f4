"""Totals per year, organization and centre; hours derived from rides and events."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from builders import add_center, add_organization, add_person
from hours_builders import add_entry, add_training
from sqlalchemy import select

from engagement_desk.db import Database
from engagement_desk.models import HoursEntry, Registration
from engagement_desk.models.enums import HoursSource, RegistrationStatus
from engagement_desk.services.hours import (
    HOURS_COLUMNS,
    credit_event_hours,
    hours_totals,
    list_hours,
)
from engagement_desk.services.listing import ListQuery


def test_totals_per_year_organization_and_centre(any_db: Database) -> None:
    seniors = add_center(any_db, "Senioren")
    tafel = add_organization(any_db, "Tafel")
    anna = add_person(any_db, "Anna", "Becker")
    ben = add_person(any_db, "Ben", "Yılmaz")
    add_entry(any_db, anna, dt.date(2025, 1, 5), "2.5", organization_id=tafel, center_id=seniors)
    add_entry(any_db, ben, dt.date(2025, 2, 5), "1.25", organization_id=tafel, center_id=seniors)
    add_entry(any_db, anna, dt.date(2026, 1, 5), "3")
    totals = hours_totals(any_db)
    assert [(t.year, t.organization, t.center, t.hours, t.entries) for t in totals] == [
        (2026, "", "", Decimal("3.00"), 1),
        (2025, "Tafel", "Senioren", Decimal("3.75"), 2),
    ]
    by_person = hours_totals(any_db, group_by=("person",), year=2025)
    assert [(t.person, t.hours, t.year) for t in by_person] == [
        ("Anna Becker", Decimal("2.50"), None),
        ("Ben Yılmaz", Decimal("1.25"), None),
    ]
    (everything,) = hours_totals(any_db, group_by=())
    assert everything.hours == Decimal("6.75") and everything.entries == 3


def test_the_ledger_list_filters_and_sorts(any_db: Database) -> None:
    anna = add_person(any_db, "Anna", "Becker")
    add_entry(any_db, anna, dt.date(2025, 1, 5), "2", activity="Vorlesen")
    add_entry(any_db, anna, dt.date(2026, 1, 5), "3", activity="Fahrdienst")
    page = list_hours(any_db, ListQuery(filters={"person_id": anna}))
    assert [row[5] for row in page.rows] == ["Fahrdienst", "Vorlesen"]  # newest first
    assert len(HOURS_COLUMNS) == len(page.rows[0])
    page = list_hours(any_db, ListQuery(text="vorl", filters={"year": 2025}))
    assert [row[0] for row in page.rows] == [dt.date(2025, 1, 5)]


def test_event_attendance_credits_hours_once(any_db: Database) -> None:
    anna = add_person(any_db, "Anna", "Becker")
    ben = add_person(any_db, "Ben", "Yılmaz")
    event = add_training(
        any_db, "Erste Hilfe", dt.datetime(2026, 3, 3, 9), "4.5", attended=(anna,), absent=(ben,)
    )
    first = credit_event_hours(any_db, event)
    assert (first.created, first.updated, first.removed) == (1, 0, 0)
    again = credit_event_hours(any_db, event)
    assert (again.created, again.updated, again.removed) == (0, 0, 0)
    with any_db.session() as session:
        for registration in session.scalars(select(Registration)):
            registration.status = (
                RegistrationStatus.NO_SHOW
                if registration.person_id == anna
                else RegistrationStatus.ATTENDED
            )
    swapped = credit_event_hours(any_db, event)
    assert (swapped.created, swapped.removed) == (1, 1)
    with any_db.read_session() as session:
        (entry,) = session.scalars(select(HoursEntry)).all()
        assert (entry.person_id, entry.hours, entry.source) == (
            ben,
            Decimal("4.50"),
            HoursSource.EVENT,
        )
        assert entry.activity == "Erste Hilfe" and entry.on_date == dt.date(2026, 3, 3)
