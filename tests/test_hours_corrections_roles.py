"""Who may correct hours on the server: the office writes the reason, a reader cannot."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest
from builders import add_person
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from staff_helpers import StaffLogins
from staff_helpers import staff as staff  # the fixture

from engagement_desk.db import Database
from engagement_desk.failures import Reason, classify
from engagement_desk.models.enums import StaffRole
from engagement_desk.services.hours import (
    HoursInput,
    add_hours,
    correct_hours_entry,
    delete_hours_entry,
    list_hours_corrections,
)

pytestmark = pytest.mark.postgres
DAY = dt.date(2026, 3, 10)


@pytest.mark.parametrize("role", [StaffRole.BUERO, StaffRole.FAHRDIENST])
def test_the_office_corrects_hours_with_its_login_named(
    staff: StaffLogins, pg_db: Database, role: StaffRole
) -> None:
    anna = add_person(pg_db, "Anna", "Weber")
    entry = add_hours(pg_db, HoursInput(anna, DAY, "2")).records[0]
    login = staff.add(role)
    office = staff.open(login)

    corrected = correct_hours_entry(office, entry.id, 1, HoursInput(anna, DAY, "3"), "Nachtrag")
    delete_hours_entry(office, entry.id, corrected.records[0].version, "doch doppelt")

    kept = list_hours_corrections(pg_db, entry_id=entry.id)
    assert [(c.kind, c.reason) for c in kept] == [
        ("delete", "doch doppelt"),
        ("correct", "Nachtrag"),
    ]
    assert {c.user for c in kept} == {login}


def test_a_reader_cannot_write_a_correction(staff: StaffLogins, pg_db: Database) -> None:
    anna = add_person(pg_db, "Anna", "Weber")
    entry = add_hours(pg_db, HoursInput(anna, DAY, "2")).records[0]
    reader = staff.open(staff.add(StaffRole.LESEN))
    with pytest.raises(DBAPIError) as caught:
        correct_hours_entry(reader, entry.id, 1, HoursInput(anna, DAY, "3"), "Nachtrag")
    assert isinstance(caught.value.orig, psycopg.errors.InsufficientPrivilege)
    failure = classify(caught.value)
    assert failure.reason is Reason.NOT_ALLOWED
    # The role is named when the window noted it at opening; the refusal names the table.
    assert failure.message.startswith("Ihre Anmeldung")
    assert failure.message.endswith("darf das nicht: Stunden ändern.")
    with pg_db.read_session() as session:
        assert session.scalar(text("SELECT count(*) FROM hours_correction")) == 0
