"""Choosing recipients: year, minimum hours across organizations, anniversaries, events."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from builders import add_center, add_organization, add_person
from hours_builders import add_entry, add_hours_spread, add_training

from engagement_desk.db import Database
from engagement_desk.models import Person
from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.certificates import Period, Selection, select_recipients
from engagement_desk.services.errors import ValidationError

TODAY = dt.date(2026, 6, 15)
RECOGNITION = CertificateKind.RECOGNITION


def names(db: Database, selection: Selection, kind=RECOGNITION) -> list[str]:
    result = select_recipients(db, kind, selection, today=TODAY)
    return [c.name for c in result.candidates]


@pytest.fixture
def town(any_db: Database) -> dict[str, int]:
    seniors, youth = add_center(any_db, "Senioren"), add_center(any_db, "Jugend")
    tafel = add_organization(any_db, "Tafel", seniors)
    sport = add_organization(any_db, "Sportverein", youth)
    anna = add_person(any_db, "Anna", "Becker")
    ben = add_person(any_db, "Ben", "Åström")
    cem = add_person(any_db, "Cem", "Çelik", engaged_since=dt.date(2016, 3, 1))
    at_tafel = {"organization_id": tafel, "center_id": seniors}
    at_sport = {"organization_id": sport, "center_id": youth}
    add_hours_spread(any_db, anna, dt.date(2025, 2, 1), "60", **at_tafel)
    add_hours_spread(any_db, anna, dt.date(2025, 5, 1), "40", **at_sport)
    add_hours_spread(any_db, ben, dt.date(2025, 2, 1), "99.75", **at_tafel)
    add_entry(any_db, cem, dt.date(2024, 5, 1), "3", organization_id=sport)
    add_entry(any_db, cem, dt.date(2026, 1, 10), "2", organization_id=sport)
    return {"anna": anna, "ben": ben, "cem": cem, "seniors": seniors, "sport": sport}


def test_a_year_selects_everyone_with_hours_in_it(any_db: Database, town) -> None:
    result = select_recipients(any_db, RECOGNITION, Selection(year=2025), today=TODAY)
    assert result.period == Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert [(c.name, c.hours) for c in result.candidates] == [
        ("Ben Åström", Decimal("99.75")),
        ("Anna Becker", Decimal("100.00")),
    ]


def test_minimum_hours_are_summed_across_organizations_at_the_edge(any_db: Database, town) -> None:
    assert names(any_db, Selection(year=2025, min_hours=Decimal(100))) == ["Anna Becker"]
    assert names(any_db, Selection(year=2025, min_hours=Decimal("99.75"))) == [
        "Ben Åström",
        "Anna Becker",
    ]


def test_the_running_year_ends_today(any_db: Database, town) -> None:
    result = select_recipients(any_db, RECOGNITION, Selection(year=2026), today=TODAY)
    assert result.period == Period(dt.date(2026, 1, 1), TODAY)
    assert [c.name for c in result.candidates] == ["Cem Çelik"]


def test_centre_and_organization_pick_who_worked_there(any_db: Database, town) -> None:
    assert names(any_db, Selection(year=2025, center_id=town["seniors"])) == [
        "Ben Åström",
        "Anna Becker",
    ]
    assert names(any_db, Selection(year=2025, organization_id=town["sport"])) == ["Anna Becker"]


def test_anniversaries_count_from_engaged_since_or_the_first_entry(any_db: Database, town) -> None:
    assert names(any_db, Selection(year=2026, anniversaries=(10,))) == ["Cem Çelik"]
    assert names(any_db, Selection(year=2026, anniversaries=(5, 25))) == []
    with any_db.session() as session:
        session.get(Person, town["cem"]).engaged_since = None  # first entry: 01.05.2024
    result = select_recipients(
        any_db, RECOGNITION, Selection(year=2026, anniversaries=(2,)), today=TODAY
    )
    assert [c.name for c in result.candidates] == ["Cem Çelik"]
    assert result.candidates[0].engaged_since == dt.date(2024, 5, 1)
    assert "2 Jahre engagiert (seit 01.05.2024)" in result.candidates[0].reason


def test_training_attendance_and_explicit_people(any_db: Database, town) -> None:
    event = add_training(
        any_db,
        "Vereinsrecht",
        dt.datetime(2026, 3, 3, 18),
        attended=(town["ben"],),
        absent=(town["anna"],),
    )
    attendance = select_recipients(
        any_db, CertificateKind.ATTENDANCE, Selection(event_id=event), today=TODAY
    )
    assert attendance.period == Period(dt.date(2026, 3, 3), dt.date(2026, 3, 3))
    assert [c.name for c in attendance.candidates] == ["Ben Åström"]
    assert names(any_db, Selection(year=2025, person_ids=(town["anna"], town["cem"]))) == [
        "Anna Becker",
        "Cem Çelik",
    ]


def test_bad_selections_are_explained(any_db: Database, town) -> None:
    with pytest.raises(ValidationError, match="Diese Nummern gibt es nicht: 998, 999"):
        names(any_db, Selection(person_ids=(999, 998)))
    with pytest.raises(ValidationError, match="Ende liegt vor dem Beginn"):
        names(any_db, Selection(period_start=dt.date(2026, 2, 1), period_end=dt.date(2026, 1, 1)))
    with pytest.raises(ValidationError, match=r"Veranstaltung Nr\. 77"):
        names(any_db, Selection(event_id=77))
