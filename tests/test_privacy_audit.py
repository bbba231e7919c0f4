"""The audit trail: exports leave an entry without personal data; the list and its CSV."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from interchange_fixture import populate_all_tables, utc
from ride_helpers import agency, driver, order, passenger, service
from sqlalchemy import delete, select

from engagement_desk.db import Database
from engagement_desk.models import AuditEntry
from engagement_desk.models.enums import AuditAction
from engagement_desk.services.interchange import export_database
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.privacy.access import write_access_report
from engagement_desk.services.privacy.audit_log import (
    audit_users,
    count_audit,
    export_audit_csv,
    list_audit,
)
from engagement_desk.services.rides.calendar import parse_week
from engagement_desk.services.rides.planning import plan_week
from engagement_desk.services.rides.prints.run_sheet import write_run_sheets

WEEK = "2026-W10"


def _entries(db: Database) -> list[AuditEntry]:
    with db.read_session() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        session.expunge_all()
    return list(entries)


def test_export_of_the_whole_database_is_audited(db: Database, tmp_path: Path):
    populate_all_tables(db)
    before = len(_entries(db))

    summary = export_database(db, tmp_path / "alles.json")

    entries = _entries(db)
    assert len(entries) == before + 1
    entry = entries[-1]
    assert (entry.action, entry.entity, entry.entity_id) == (AuditAction.EXPORT, "*", None)
    assert entry.summary == f"{summary.counts['person']} Personen, Gesamtexport"
    assert entry.user


def test_run_sheets_are_audited_with_how_many_people(db: Database, tmp_path: Path):
    agency(db)
    sid = service(db)
    for first, last in (("Şükrü", "Ağaoğlu"), ("Анна", "Петрова")):
        order(db, sid, passenger(db, first, last))
    driver(db, "Jürgen", "Müller")
    plan_week(db, parse_week(WEEK))

    files = write_run_sheets(db, parse_week(WEEK), tmp_path)

    entry = _entries(db)[-1]
    assert (entry.action, entry.entity, entry.entity_id) == (AuditAction.EXPORT, "ride", None)
    assert f"{len(files)} Laufzettel" in entry.summary
    assert "3 Personen" in entry.summary  # the driver and two passengers
    assert "Müller" not in entry.summary and "Петрова" not in entry.summary


def test_access_report_is_audited(db: Database, tmp_path: Path):
    populate_all_tables(db)
    write_access_report(db, 3, tmp_path)
    entry = _entries(db)[-1]
    assert (entry.action, entry.entity, entry.entity_id) == (AuditAction.EXPORT, "person", 3)


@pytest.fixture
def trail(any_db: Database) -> Database:
    """Entries by two staff members over three days, about people 1 and 2 and their rows."""
    db = any_db
    populate_all_tables(db)
    with db.session() as session:
        session.execute(delete(AuditEntry))
        session.add_all(
            [
                AuditEntry(
                    id=1,
                    at=utc(2026, 3, 2, 8, 0, 0),
                    user="mueller",
                    action=AuditAction.CREATE,
                    entity="person",
                    entity_id=1,
                    summary="first_name, last_name",
                ),
                AuditEntry(
                    id=2,
                    at=utc(2026, 3, 3, 9, 0, 0),
                    user="schmitz",
                    action=AuditAction.UPDATE,
                    entity="placement",
                    entity_id=1,  # Şükrü's placement
                    summary="status",
                ),
                AuditEntry(
                    id=3,
                    at=utc(2026, 3, 3, 10, 0, 0),
                    user="schmitz",
                    action=AuditAction.UPDATE,
                    entity="person",
                    entity_id=2,
                    summary="=phone",
                ),
                AuditEntry(
                    id=4,
                    at=utc(2026, 3, 4, 11, 0, 0),
                    user="mueller",
                    action=AuditAction.EXPORT,
                    entity="*",
                    summary="Gesamtexport, 3 Personen",
                ),
            ]
        )
    return db


def _ids(db: Database, **filters) -> list[int]:
    query = ListQuery(filters=filters, sort_key="at", descending=True)
    page = list_audit(db, query)
    assert count_audit(db, query) == len(page.ids)
    return list(page.ids)


def test_list_sorts_and_filters_in_sql(trail: Database):
    assert _ids(trail) == [4, 3, 2, 1]
    assert _ids(trail, person_id=1) == [2, 1], "the person and the rows that are theirs"
    assert _ids(trail, user="schmitz") == [3, 2]
    assert _ids(trail, action="export") == [4]
    day = dt.date(2026, 3, 3)
    assert _ids(trail, date_from=day, date_to=day) == [3, 2]
    assert _ids(trail, date_from="2026-03-04") == [4]
    assert _ids(trail, person_id=1, user="mueller") == [1]
    assert list(list_audit(trail, ListQuery(text="placement")).ids) == [2]
    page = list_audit(trail, ListQuery(sort_key="user", descending=False))
    assert [row[1] for row in page.rows] == ["mueller", "mueller", "schmitz", "schmitz"]
    assert audit_users(trail) == ["mueller", "schmitz"]


def test_csv_for_the_data_protection_officer(trail: Database, tmp_path: Path):
    path = tmp_path / "protokoll.csv"

    query = ListQuery(filters={"user": "schmitz"}, sort_key="at", descending=True)
    count = export_audit_csv(trail, query, path)

    data = path.read_bytes()
    assert count == 2
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "Zeitpunkt;Bearbeiter/in;Aktion;Datensatz;Nr.;Felder / Umfang"
    at = utc(2026, 3, 3, 10, 0, 0).astimezone()
    assert lines[1] == f"{at:%d.%m.%Y %H:%M};schmitz;Geändert;person;2;'=phone"
    assert lines[2].split(";")[2:5] == ["Geändert", "placement", "1"]
    assert lines[3] == ""
    assert path.stat().st_mode & 0o777 == 0o600
