"""Erasure by anonymisation (DSGVO Art. 17): nothing of the person left, the figures unchanged."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from builders import add_center, add_organization, add_person
from certificate_support import set_up_agency
from hours_builders import add_entry
from sqlalchemy import func, inspect, select, text

from engagement_desk.cli import main
from engagement_desk.db import Database
from engagement_desk.models import (
    Absence,
    AuditEntry,
    Availability,
    Base,
    Certificate,
    Consent,
    Event,
    EventQuestion,
    HoursEntry,
    MobilityNeeds,
    Opportunity,
    Person,
    PersonRole,
    PersonTag,
    Placement,
    PlacementStep,
    Registration,
    Ride,
    RidePassenger,
    RideService,
)
from engagement_desk.models.enums import (
    AuditAction,
    CertificateKind,
    ConsentPurpose,
    ConsentSource,
    EventKind,
    PersonStatus,
    PlacementStatus,
    RegistrationStatus,
    RideServiceKind,
    RideStatus,
    Role,
    TagKind,
)
from engagement_desk.services.backup import create_backup
from engagement_desk.services.certificates import (
    IssueOptions,
    Selection,
    VerificationStatus,
    format_code,
    issue_certificates,
    reprint_certificate,
    verify_certificate,
)
from engagement_desk.services.certificates.content import content_hash
from engagement_desk.services.errors import Cancelled
from engagement_desk.services.privacy.anonymize import (
    DELETED_TABLES,
    LINKED_ONLY,
    OWNED_TABLES,
    AnonymizationBlocked,
    anonymize_people,
    anonymize_person,
    anonymized_name,
    preview_anonymization,
    preview_bulk,
    purge_search_index,
)
from engagement_desk.services.search import search_everything

TODAY = dt.date(2026, 12, 7)
FIRST, LAST = "Zacharias", "Quittenbaum"
SECRETS = ("quittenbaum", "zacharias", "rollstuhlrampe", "0176 5550199", "brunnengasse")


def _ride_service(db: Database) -> int:
    with db.session() as session:
        service = RideService(name="Seniorenfahrdienst", kind=RideServiceKind.WEEKLY)
        session.add(service)
        session.flush()
        return service.id


def _event(db: Database, title: str, starts_at: dt.datetime, **values) -> int:
    with db.session() as session:
        event = Event(
            kind=values.pop("kind", EventKind.WORKSHOP),
            title=title,
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(hours=2),
            **values,
        )
        session.add(event)
        session.flush()
        return event.id


def _placement(db: Database, person_id: int, status: PlacementStatus, note: str = "") -> int:
    club = add_organization(db, "Tafel Bitburg e.V.")
    with db.session() as session:
        opportunity = Opportunity(organization_id=club, title="Lebensmittel ausgeben")
        session.add(opportunity)
        session.flush()
        placement = Placement(person_id=person_id, opportunity_id=opportunity.id, status=status)
        session.add(placement)
        session.flush()
        session.add(
            PlacementStep(placement_id=placement.id, status=status, on_date=TODAY, note=note)
        )
        return placement.id


def rich_person(db: Database) -> dict[str, int]:
    """A person with something in every place a person's data can be."""
    center = add_center(db, "Senioren")
    pid = add_person(
        db,
        FIRST,
        LAST,
        salutation="Herr",
        title="Dr.",
        birth_date=dt.date(1951, 5, 17),
        street="Brunnengasse 7",
        postal_code="54634",
        city="Bitburg",
        phone="06561 555010",
        mobile="0176 5550199",
        email="zacharias.quittenbaum@example.org",
        notes=f"{FIRST} {LAST} braucht eine Rollstuhlrampe.",
        engaged_since=dt.date(2019, 3, 1),
    )
    other = add_person(db, "Erika", "Nachbarin", notes=f"Nachbarin von {FIRST} {LAST}")
    service = _ride_service(db)
    past_event = _event(
        db, "Vereinsforum", dt.datetime(2025, 5, 3, 10), minutes=f"Bericht: {LAST}, {FIRST}"
    )
    with db.session() as session:
        session.add_all(
            [
                PersonRole(person_id=pid, role=Role.VOLUNTEER),
                PersonRole(person_id=pid, role=Role.PASSENGER),
                PersonTag(person_id=pid, kind=TagKind.INTEREST, value="Quittenbaumpflege"),
                Consent(
                    person_id=pid,
                    purpose=ConsentPurpose.STORAGE,
                    given_on=dt.date(2020, 1, 1),
                    source=ConsentSource.PAPER,
                    note=f"Formular von {FIRST} {LAST} im Ordner",
                ),
                Availability(
                    person_id=pid,
                    weekday=1,
                    start_time=dt.time(9),
                    end_time=dt.time(12),
                    note="nur mit Rollstuhlrampe",
                ),
                Absence(
                    person_id=pid,
                    start_date=dt.date(2025, 2, 1),
                    end_date=dt.date(2025, 2, 10),
                    reason="Kur wegen Rollstuhlrampe",
                ),
                MobilityNeeds(person_id=pid, wheelchair=True, notes="Rollstuhlrampe nötig"),
                Registration(
                    event_id=past_event,
                    person_id=pid,
                    status=RegistrationStatus.ATTENDED,
                    note=f"{LAST} bringt Kuchen",
                ),
                EventQuestion(
                    event_id=past_event,
                    asked_by=f"{FIRST} {LAST}",
                    text="Wann kommt die Rampe?",
                    received_on=dt.date(2025, 4, 1),
                ),
            ]
        )
        ride = Ride(
            service_id=service,
            ride_date=dt.date(2025, 6, 3),
            start_time=dt.time(9),
            pickup_address="Brunnengasse 7, 54634 Bitburg",
            destination="Dialysezentrum",
            status=RideStatus.DONE,
            km=Decimal("12.5"),
            notes=f"{FIRST} {LAST} klingelt zweimal",
        )
        session.add(ride)
        session.flush()
        session.add(RidePassenger(ride_id=ride.id, person_id=pid, wheelchair=True))
    add_entry(
        db,
        pid,
        dt.date(2025, 3, 4),
        "2.5",
        center_id=center,
        activity=f"Vorlesen mit {LAST}",
    )
    _placement(db, pid, PlacementStatus.ENDED, note=f"{FIRST} hat aufgehört")
    return {"person": pid, "other": other, "ride": ride.id, "event": past_event}


def _issue(db: Database, tmp_path: Path) -> str:
    set_up_agency(db)
    result = issue_certificates(
        db,
        CertificateKind.STATEMENT,
        Selection(year=2025),
        out_dir=tmp_path / "out",
        options=IssueOptions(issued_on=dt.date(2026, 1, 15), competences="Geduld"),
    )
    return result.certificates[0].number


def _text_values(db: Database) -> list[tuple[str, str, str]]:
    """Every text value of every table, the search index's own tables included."""
    found = []
    with db.read_session() as session:
        connection = session.connection()
        for table in inspect(connection).get_table_names():
            columns = inspect(connection).get_columns(table)
            for column in columns:
                name = column["name"]
                rows = connection.execute(text(f'SELECT "{name}" FROM "{table}"')).scalars()
                for value in rows:
                    if isinstance(value, bytes):
                        value = value.decode("utf-8", "replace")
                    if isinstance(value, str):
                        found.append((table, name, value))
    return found


def _traces(db: Database) -> list[tuple[str, str, str]]:
    return [
        (table, column, value)
        for table, column, value in _text_values(db)
        if any(secret in value.casefold() for secret in SECRETS)
    ]


# --- preview and blocking ------------------------------------------------------------------


def test_preview_names_what_goes_and_what_stays(db: Database) -> None:
    ids = rich_person(db)
    preview = preview_anonymization(db, ids["person"], today=TODAY)
    assert preview.possible and preview.blockers == ()
    assert preview.name == f"{FIRST} {LAST}"
    assert preview.new_name == f"Anonymisiert #{ids['person']}"
    removed = "\n".join(preview.removed)
    for item in ("Name", "Adresse", "Geburtsdatum", "Notizen", "Mobilitätsbedarf", "Stunden"):
        assert item in removed
    kept = "\n".join(preview.kept)
    assert "Rollen (2)" in kept and "Stunden mit Datum, Verein und Zentrum (1)" in kept
    with db.read_session() as session:
        assert session.get(Person, ids["person"]).last_name == LAST  # a preview changes nothing


def test_future_rides_events_and_active_placements_block_it(db: Database) -> None:
    pid = add_person(db, FIRST, LAST)
    service = _ride_service(db)
    event = _event(db, "Freiwilligentag", dt.datetime(2027, 5, 8, 10))
    with db.session() as session:
        ride = Ride(
            service_id=service,
            ride_date=dt.date(2026, 12, 15),
            start_time=dt.time(9),
            destination="Wochenmarkt",
            driver_id=pid,
            status=RideStatus.ASSIGNED,
        )
        session.add(ride)
        session.add(Registration(event_id=event, person_id=pid))
    _placement(db, pid, PlacementStatus.ACTIVE)

    preview = preview_anonymization(db, pid, today=TODAY)
    assert not preview.possible
    assert preview.blockers == (
        "Geplante Fahrten: 15.12.2026 (Wochenmarkt).",
        "Anmeldungen zu kommenden Veranstaltungen: Freiwilligentag am 08.05.2027.",
        "Aktive Vermittlungen: Lebensmittel ausgeben bei Tafel Bitburg e.V.",
    )
    with pytest.raises(AnonymizationBlocked) as raised:
        anonymize_person(db, pid, today=TODAY)
    assert str(raised.value).startswith(f"{FIRST} {LAST} kann noch nicht anonymisiert werden:")
    assert "15.12.2026" in str(raised.value) and "Freiwilligentag" in str(raised.value)
    with db.read_session() as session:
        person = session.get(Person, pid)
        assert person.last_name == LAST and person.anonymized_on is None
        assert session.scalar(select(func.count(AuditEntry.id))) == 0


def test_an_anonymised_person_cannot_be_anonymised_again(db: Database) -> None:
    pid = add_person(db, FIRST, LAST)
    anonymize_person(db, pid, today=TODAY)
    preview = preview_anonymization(db, pid, today=TODAY)
    assert preview.blockers == ("Die Person wurde bereits am 07.12.2026 anonymisiert.",)


# --- what anonymising does -----------------------------------------------------------------


def test_nothing_of_the_person_is_left_in_any_text_column(db: Database, tmp_path: Path) -> None:
    ids = rich_person(db)
    _issue(db, tmp_path)
    assert _traces(db)  # the check finds what is there

    result = anonymize_person(db, ids["person"], today=TODAY)
    purge_search_index(db)  # what every caller runs next (the index's older segments)

    assert result.new_name == anonymized_name(ids["person"])
    assert _traces(db) == []
    with db.read_session() as session:
        person = session.get(Person, ids["person"])
        assert (person.first_name, person.last_name) == ("", f"Anonymisiert #{ids['person']}")
        assert person.birth_date is None and person.engaged_since is None
        assert person.status == PersonStatus.ARCHIVED
        assert person.anonymized_on == TODAY
        assert {r.role for r in person.roles} == {Role.VOLUNTEER, Role.PASSENGER}
        assert person.tags == [] and person.mobility is None
        assert person.availabilities == [] and person.absences == []
        assert [c.purpose for c in person.consents] == [ConsentPurpose.STORAGE]
        entry = session.scalars(select(HoursEntry).where(HoursEntry.person_id == person.id)).one()
        assert (entry.on_date, entry.hours, entry.activity) == (
            dt.date(2025, 3, 4),
            Decimal("2.50"),
            "",
        )
        assert entry.center_id is not None
        ride = session.get(Ride, ids["ride"])
        assert (ride.status, ride.km, ride.pickup_address) == (RideStatus.DONE, Decimal("12.5"), "")
        assert session.scalar(select(RidePassenger.wheelchair)) is False
        registration = session.scalars(select(Registration)).one()
        assert registration.status == RegistrationStatus.ATTENDED
        step = session.scalars(select(PlacementStep)).one()
        assert (step.on_date, step.status) == (TODAY, PlacementStatus.ENDED)
        other = session.get(Person, ids["other"])
        assert other.notes == f"Nachbarin von Anonymisiert #{ids['person']}"


def test_the_audit_entry_names_the_action_not_the_values(db: Database) -> None:
    pid = add_person(db, FIRST, LAST, notes="geheim")
    anonymize_person(db, pid, today=TODAY)
    with db.read_session() as session:
        entry = session.scalars(select(AuditEntry)).one()
        assert (entry.action, entry.entity, entry.entity_id) == (
            AuditAction.ANONYMIZE,
            "person",
            pid,
        )
        assert entry.user and entry.at is not None
        assert LAST not in entry.summary and "geheim" not in entry.summary


def test_search_no_longer_finds_the_old_name(db: Database) -> None:
    pid = add_person(db, FIRST, LAST, email="zq@example.org", phone="06561 555010")
    assert [hit.record_id for hit in search_everything(db, LAST)] == [pid]
    anonymize_person(db, pid, today=TODAY)
    assert search_everything(db, LAST) == []
    assert search_everything(db, FIRST) == []
    assert search_everything(db, "555010") == []
    assert [hit.record_id for hit in search_everything(db, f"Anonymisiert {pid}")] == [pid]


def test_a_backup_taken_afterwards_holds_no_trace(db: Database, tmp_path: Path) -> None:
    ids = rich_person(db)
    _issue(db, tmp_path)
    before = create_backup(db, tmp_path / "before")
    assert LAST.encode() in before.path.read_bytes()

    anonymize_person(db, ids["person"], today=TODAY)
    # Before the index is purged (the window does it right after, on the writer queue):
    # a backup compacts the index of its copy, so it holds nothing either.
    early = create_backup(db, tmp_path / "early")
    purge_search_index(db)
    after = create_backup(db, tmp_path / "after")

    for backup in (early, after):
        data = backup.path.read_bytes().lower()
        for secret in SECRETS:
            assert secret.encode("utf-8") not in data, (backup.path.name, secret)
    # The database file itself is clean too (the log was checkpointed into it).
    assert db.sqlite_path is not None
    assert LAST.lower().encode() not in db.sqlite_path.read_bytes().lower()


def test_the_certificate_keeps_number_and_date_and_says_it_was_anonymised(
    db: Database, tmp_path: Path
) -> None:
    ids = rich_person(db)
    number = _issue(db, tmp_path)
    with db.read_session() as session:
        row = session.scalars(select(Certificate)).one()
        code, issued_on = row.verification_code, row.issued_on

    anonymize_person(db, ids["person"], today=TODAY)

    with db.read_session() as session:
        row = session.scalars(select(Certificate)).one()
        assert (row.number, row.issued_on, row.verification_code) == (number, issued_on, code)
        assert row.content_hash == content_hash(row.content)
        content = json.loads(row.content)
    assert content["person"] == {
        "id": ids["person"],
        "name": f"Anonymisiert #{ids['person']}",
        "birth_date": None,
    }
    assert content["competences"] == "" and content["activities"] == []
    for answer in (
        verify_certificate(db, number),
        verify_certificate(db, number, format_code(code)),
    ):
        assert answer.status == VerificationStatus.VALID
        assert answer.person_name == ""
        assert answer.message == (
            f"Engagementnachweis {number} wurde am 15.01.2026 ausgestellt und später "
            "anonymisiert; für wen, ist nicht mehr gespeichert."
        )
    assert reprint_certificate(db, number).startswith(b"%PDF")


def test_bulk_preview_splits_possible_and_blocked(db: Database) -> None:
    free = add_person(db, "Frei", "Person")
    busy = add_person(db, "Beschäftigt", "Person")
    _placement(db, busy, PlacementStatus.ACTIVE)
    preview = preview_bulk(db, [free, busy], today=TODAY)
    assert [p.person_id for p in preview.possible] == [free]
    assert [p.person_id for p in preview.blocked] == [busy]
    assert "Aktive Vermittlungen" in preview.blocked[0].blockers[0]
    result = anonymize_people(db, [free, busy], today=TODAY)
    assert result.anonymized == (free,)
    assert [pid for pid, _ in result.blocked] == [busy]


def test_anonymising_works_on_every_backend(any_db: Database, tmp_path: Path) -> None:
    ids = rich_person(any_db)
    number = _issue(any_db, tmp_path)
    anonymize_person(any_db, ids["person"], today=TODAY)
    purge_search_index(any_db)
    assert _traces(any_db) == []
    assert search_everything(any_db, LAST) == []
    assert "später anonymisiert" in verify_certificate(any_db, number).message


# --- the command ---------------------------------------------------------------------------


def test_cli_dry_run_changes_nothing_then_anonymises(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    pid = add_person(db, FIRST, LAST, street="Brunnengasse 7")
    target = str(db.sqlite_path)
    db.dispose()

    assert main(["--db", target, "privacy", "anonymize", "--person", str(pid), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Wird gelöscht:" in out and "Probelauf" in out and f"Anonymisiert #{pid}" in out
    with db.read_session() as session:
        assert session.get(Person, pid).last_name == LAST

    code = main(["--db", target, "privacy", "anonymize", "--person", str(pid), "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["person_id"] == pid and data["new_name"] == f"Anonymisiert #{pid}"
    assert data["dry_run"] is False

    assert main(["--db", target, "privacy", "anonymize", "--person", str(pid)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"engagement-desk: Fehler: Anonymisiert #{pid} kann noch nicht anonymisiert werden: "
        f"Die Person wurde bereits am {dt.date.today():%d.%m.%Y} anonymisiert."
    ]


class _CancelAfter:
    """Progress whose cancel button is pressed once ``limit`` was reported (the work goes on
    with the person it is at and stops before the next one)."""

    def __init__(self, limit: int):
        self.limit = limit
        self.done = 0

    def report(self, done: int, total: int, text: str = "") -> None:
        self.done = done

    @property
    def cancelled(self) -> bool:
        return self.done >= self.limit


def test_a_cancelled_bulk_run_says_how_many_are_done(db: Database) -> None:
    people = [add_person(db, f"Name{n}", f"Person{n}") for n in range(4)]
    with pytest.raises(Cancelled) as raised:
        anonymize_people(db, people, today=TODAY, progress=_CancelAfter(1))
    assert str(raised.value) == (
        "Abgebrochen: 2 von 4 Personen sind anonymisiert, die übrigen unverändert."
    )
    with db.read_session() as session:
        names = [session.get(Person, pid).last_name for pid in people]
    done = [f"Anonymisiert #{people[0]}", f"Anonymisiert #{people[1]}"]
    assert names == [*done, "Person2", "Person3"]
    assert search_everything(db, "Person0") == []


def test_every_table_that_refers_to_a_person_is_decided() -> None:
    """A new table with a person column must be put in one of the lists (or this fails)."""
    undecided = [
        (table.name, fk.parent.name)
        for table in Base.metadata.sorted_tables
        for fk in table.foreign_keys
        if fk.column.table.name == "person"
        and table.name not in OWNED_TABLES
        and table.name not in DELETED_TABLES
        and (table.name, fk.parent.name) not in LINKED_ONLY
    ]
    assert undecided == []
