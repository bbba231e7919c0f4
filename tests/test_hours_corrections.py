"""Correcting and deleting hours with a reason: kept with the person, field names in the trail."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from builders import add_person
from hours_builders import add_entry
from sqlalchemy import select

from engagement_desk.db import Database
from engagement_desk.models import AuditEntry, HoursCorrection, HoursEntry, Person
from engagement_desk.models.enums import AuditAction, HoursSource
from engagement_desk.services.errors import ConflictError, ValidationError
from engagement_desk.services.hours import (
    HoursInput,
    WarningKind,
    add_hours,
    check_correction,
    correct_hours_entry,
    delete_hours_entry,
    list_hours_corrections,
)

DAY = dt.date(2026, 3, 10)


@pytest.fixture
def anna(any_db: Database) -> int:
    return add_person(any_db, "Anna", "Becker")


def test_a_correction_keeps_reason_and_old_and_new_values(any_db: Database, anna: int) -> None:
    entry = add_hours(any_db, HoursInput(anna, DAY, "2", activity="Lesepatin")).records[0]

    result = correct_hours_entry(
        any_db,
        entry.id,
        1,
        HoursInput(anna, DAY, "1,5", activity="Lesepatin"),
        "  Zu viel  notiert ",
    )

    assert result.records[0].hours == Decimal("1.50")
    [correction] = list_hours_corrections(any_db, person_id=anna)
    assert (correction.kind, correction.reason) == ("correct", "Zu viel notiert")
    assert "2 Std. am 10.03.2026" in correction.before
    assert "1,5 Std. am 10.03.2026" in correction.after
    assert correction.user
    with any_db.read_session() as session:
        trail = session.execute(
            select(AuditEntry.action, AuditEntry.summary).where(AuditEntry.entity == "hours_entry")
        ).all()
    assert [summary for action, summary in trail if action == AuditAction.UPDATE] == ["hours"]
    assert all("Zu viel" not in summary and "Becker" not in summary for _, summary in trail)


def test_a_correction_without_reason_is_refused_at_the_field(any_db: Database, anna: int) -> None:
    entry = add_hours(any_db, HoursInput(anna, DAY, "2")).records[0]

    for reason in ("", "   "):
        with pytest.raises(ValidationError) as refused:
            correct_hours_entry(any_db, entry.id, 1, HoursInput(anna, DAY, "3"), reason)
        assert refused.value.first.field == "reason"
        assert "Grund" in str(refused.value)
        with pytest.raises(ValidationError):
            delete_hours_entry(any_db, entry.id, 1, reason)

    with any_db.read_session() as session:
        assert session.get(HoursEntry, entry.id).hours == Decimal("2.00")
        assert session.scalars(select(HoursCorrection)).all() == []


def test_deleting_keeps_what_the_entry_said(any_db: Database, anna: int) -> None:
    entry = add_hours(any_db, HoursInput(anna, DAY, "4", activity="Tafel")).records[0]

    with pytest.raises(ConflictError):
        delete_hours_entry(any_db, entry.id, 7, "doppelt")
    result = delete_hours_entry(any_db, entry.id, 1, "doppelt erfasst")

    assert result.deleted == (entry.id,)
    with any_db.read_session() as session:
        assert session.get(HoursEntry, entry.id) is None
        deleted = session.scalars(
            select(AuditEntry).where(AuditEntry.action == AuditAction.DELETE)
        ).one()
        assert (deleted.entity, deleted.entity_id, deleted.summary) == (
            "hours_entry",
            entry.id,
            "reason",
        )
    [correction] = list_hours_corrections(any_db, entry_id=entry.id)
    assert (correction.kind, correction.reason, correction.after) == (
        "delete",
        "doppelt erfasst",
        "",
    )
    assert "4 Std. am 10.03.2026" in correction.before and "Tafel" in correction.before


def test_hours_from_a_ride_are_corrected_at_the_ride(any_db: Database, anna: int) -> None:
    entry = add_entry(any_db, anna, DAY, "1", source=HoursSource.RIDE)

    with pytest.raises(ValidationError, match="stammt aus einer Fahrt"):
        correct_hours_entry(any_db, entry, 1, HoursInput(anna, DAY, "2"), "falsch")
    with pytest.raises(ValidationError, match="stammt aus einer Fahrt"):
        delete_hours_entry(any_db, entry, 1, "falsch")


def test_a_correction_shows_the_plausibility_warnings(any_db: Database, anna: int) -> None:
    add_hours(any_db, HoursInput(anna, DAY, "10", activity="Tafel"))
    entry = add_hours(any_db, HoursInput(anna, DAY, "1")).records[0]

    before = check_correction(any_db, entry.id, HoursInput(anna, DAY, "5"))
    assert [w.kind for w in before] == [WarningKind.LONG_DAY]
    with any_db.read_session() as session:
        assert session.get(HoursEntry, entry.id).hours == Decimal("1.00")  # only checked
    result = correct_hours_entry(any_db, entry.id, 1, HoursInput(anna, DAY, "5"), "Nachtrag")

    assert [w.kind for w in result.warnings] == [WarningKind.LONG_DAY]
    assert "15" in result.warnings[0].message


def test_deleting_the_person_takes_the_corrections_along(any_db: Database, anna: int) -> None:
    entry = add_hours(any_db, HoursInput(anna, DAY, "2")).records[0]
    delete_hours_entry(any_db, entry.id, 1, "Irrtum")
    with any_db.session() as session:
        session.delete(session.get(Person, anna))
    assert list_hours_corrections(any_db) == ()


def test_anonymising_the_person_empties_the_reasons_and_keeps_the_count(db: Database) -> None:
    from engagement_desk.services.privacy.anonymize import anonymize_person

    anna = add_person(db, "Anna", "Becker")
    entry = add_hours(db, HoursInput(anna, DAY, "2", activity="Lesepatin")).records[0]
    correct_hours_entry(db, entry.id, 1, HoursInput(anna, DAY, "3"), "Anna Becker sagt: mehr")

    anonymize_person(db, anna, today=DAY + dt.timedelta(days=400))

    [correction] = list_hours_corrections(db, person_id=anna)
    assert (correction.reason, correction.before, correction.after) == ("", "", "")
    assert correction.kind == "correct"
