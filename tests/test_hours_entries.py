"""Typing hours by hand: validation, corrections, derived entries and warnings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from builders import add_center, add_organization, add_person
from hours_builders import add_absence, add_entry, add_ride
from sqlalchemy import select

from engagement_desk.db import Database
from engagement_desk.models import AuditEntry, HoursEntry
from engagement_desk.models.enums import AuditAction, HoursSource
from engagement_desk.services.errors import ConflictError, ValidationError
from engagement_desk.services.hours import (
    HoursInput,
    WarningKind,
    add_hours,
    check_hours,
    delete_hours,
    format_hours,
    get_hours,
    parse_hours,
    update_hours,
)

DAY = dt.date(2026, 3, 10)


@pytest.fixture
def anna(any_db: Database) -> int:
    return add_person(any_db, "Anna", "Becker")


def test_add_hours_reads_typed_text_and_takes_the_organizations_only_centre(
    any_db: Database, anna: int
) -> None:
    seniors = add_center(any_db, "Senioren")
    tafel = add_organization(any_db, "Tafel", seniors)
    result = add_hours(
        any_db,
        HoursInput(anna, "10.03.2026", "2,5", organization_id=tafel, activity="  Ausgabe  "),
    )
    (record,) = result.records
    assert (record.on_date, record.hours, record.activity) == (DAY, Decimal("2.50"), "Ausgabe")
    assert (record.organization, record.center, record.center_id) == ("Tafel", "Senioren", seniors)
    assert record.source == HoursSource.MANUAL and record.person_name == "Anna Becker"
    assert result.warnings == ()
    assert get_hours(any_db, record.id) == record
    with any_db.read_session() as session:
        assert (
            session.scalar(select(AuditEntry.action).where(AuditEntry.entity == "hours_entry"))
            == AuditAction.CREATE
        )


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (HoursInput(None, DAY, "2"), "person_id", "Bitte eine Person wählen."),
        (HoursInput(999, DAY, "2"), "person_id", "Person Nr. 999 gibt es nicht (mehr)."),
        (HoursInput(1, "31.02.2026", "2"), "on_date", "„31.02.2026“ ist kein gültiges Datum"),
        (HoursInput(1, DAY, "0"), "hours", "Die Stunden müssen größer als 0 sein."),
        (HoursInput(1, DAY, "24,5"), "hours", "Mehr als 24 Stunden"),
        (HoursInput(1, DAY, "zwei"), "hours", "„zwei“ ist keine Stundenzahl."),
        (HoursInput(1, DAY, "1,125"), "hours", "Höchstens zwei Nachkommastellen"),
        (HoursInput(1, DAY, "2", organization_id=77), "organization_id", "Organisation Nr. 77"),
        (HoursInput(1, DAY, "2", center_id=78), "center_id", "Zentrum Nr. 78"),
        (HoursInput(1, DAY, "2", activity="x" * 301), "activity", "Höchstens 300 Zeichen"),
    ],
)
def test_add_hours_rejects_bad_input_naming_the_field(
    db: Database, data: HoursInput, field: str, message: str
) -> None:
    add_person(db, "Anna", "Becker")
    with pytest.raises(ValidationError) as caught:
        add_hours(db, data)
    error = caught.value.for_field(field)
    assert error is not None and message in error.message
    with db.read_session() as session:
        assert session.scalars(select(HoursEntry)).all() == []


def test_future_days_are_rejected(db: Database) -> None:
    person = add_person(db, "Anna", "Becker")
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="liegt in der Zukunft"):
        add_hours(db, HoursInput(person, tomorrow, "1"))


def test_update_and_delete_check_the_version(any_db: Database, anna: int) -> None:
    record = add_hours(any_db, HoursInput(anna, DAY, "2")).records[0]
    changed = update_hours(
        any_db, record.id, HoursInput(anna, DAY, "3:15", activity="Lesepatin"), expected_version=1
    ).records[0]
    assert (changed.hours, changed.activity, changed.version) == (Decimal("3.25"), "Lesepatin", 2)
    with pytest.raises(ConflictError):
        update_hours(any_db, record.id, HoursInput(anna, DAY, "1"), expected_version=1)
    with pytest.raises(ConflictError):
        delete_hours(any_db, record.id, expected_version=1)
    delete_hours(any_db, record.id, expected_version=2)
    with any_db.read_session() as session:
        assert session.get(HoursEntry, record.id) is None


def test_hours_from_rides_are_changed_at_the_ride(any_db: Database, anna: int) -> None:
    entry = add_entry(any_db, anna, DAY, "1", source=HoursSource.RIDE)
    with pytest.raises(ValidationError, match="stammt aus einer Fahrt"):
        update_hours(any_db, entry, HoursInput(anna, DAY, "2"), expected_version=1)
    with pytest.raises(ValidationError, match="stammt aus einer Fahrt"):
        delete_hours(any_db, entry, expected_version=1)


def test_more_than_twelve_hours_a_day_is_a_warning_not_an_error(
    any_db: Database, anna: int
) -> None:
    add_entry(any_db, anna, DAY, "8", activity="Aufbau")
    result = add_hours(any_db, HoursInput(anna, DAY, "4", activity="Abbau"))
    assert result.warnings == ()
    result = add_hours(any_db, HoursInput(anna, DAY, "0,25", activity="Kasse"))
    (warning,) = result.warnings
    assert warning.kind == WarningKind.LONG_DAY
    assert warning.message == (
        "Anna Becker: am 10.03.2026 sind 12,25 Stunden eingetragen (mehr als 12)."
    )
    assert len(warning.entry_ids) == 3


def test_same_day_organization_and_activity_twice_may_be_double(
    any_db: Database, anna: int
) -> None:
    tafel = add_organization(any_db, "Tafel")
    add_entry(any_db, anna, DAY, "2", organization_id=tafel, activity="Ausgabe")
    result = add_hours(
        any_db, HoursInput(anna, DAY, "2", organization_id=tafel, activity=" ausgabe ")
    )
    (warning,) = result.warnings
    assert warning.kind == WarningKind.POSSIBLE_DUPLICATE
    assert "möglicherweise doppelt" in warning.message
    assert "2-mal Tafel – „Ausgabe“" in warning.message
    other = add_hours(any_db, HoursInput(anna, DAY, "1", organization_id=tafel, activity="Einkauf"))
    assert [w.kind for w in other.warnings] == [WarningKind.POSSIBLE_DUPLICATE]


def test_two_different_rides_on_one_day_are_not_double(any_db: Database, anna: int) -> None:
    for ride in (add_ride(any_db, anna, DAY), add_ride(any_db, anna, DAY)):
        add_entry(
            any_db, anna, DAY, "1", activity="Fahrdienst", source=HoursSource.RIDE, ride_id=ride
        )
    assert check_hours(any_db) == ()
    add_entry(any_db, anna, DAY, "1", activity="Fahrdienst")
    (warning,) = check_hours(any_db)
    assert warning.kind == WarningKind.POSSIBLE_DUPLICATE and len(warning.entry_ids) == 3


def test_hours_on_a_day_recorded_absent_warn(any_db: Database, anna: int) -> None:
    add_absence(any_db, anna, dt.date(2026, 3, 9), dt.date(2026, 3, 12), "Urlaub")
    result = add_hours(any_db, HoursInput(anna, DAY, "2"))
    (warning,) = result.warnings
    assert warning.kind == WarningKind.ABSENT
    assert warning.message == (
        "Anna Becker ist für den 10.03.2026 als abwesend eingetragen (Urlaub), hat aber 2 Stunden."
    )
    assert add_hours(any_db, HoursInput(anna, dt.date(2026, 3, 13), "2")).warnings == ()


def test_check_hours_filters_by_person_and_period(any_db: Database, anna: int) -> None:
    ben = add_person(any_db, "Ben", "Yilmaz")
    add_entry(any_db, anna, DAY, "13")
    add_entry(any_db, ben, dt.date(2025, 5, 1), "13")
    assert len(check_hours(any_db)) == 2
    assert [w.person_id for w in check_hours(any_db, person_id=ben)] == [ben]
    assert [w.person_id for w in check_hours(any_db, start=dt.date(2026, 1, 1))] == [anna]


def test_parse_and_format_hours_in_german() -> None:
    assert parse_hours("1.234,5") == Decimal("1234.50")
    assert parse_hours("2:45") == Decimal("2.75")
    assert parse_hours(1.5) == Decimal("1.50")
    assert format_hours(Decimal("1234.50")) == "1.234,5"
    assert format_hours(Decimal("7.00")) == "7"
