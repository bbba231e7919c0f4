"""Exporting the people list to Excel and CSV, read back as the office would open it."""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from engagement_desk import migrator
from engagement_desk.cli import main
from engagement_desk.db import Database
from engagement_desk.models import AuditEntry
from engagement_desk.models.enums import AuditAction, PersonStatus, Role
from engagement_desk.services.errors import Cancelled, ServiceError
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.people import export as people_export
from engagement_desk.services.people.export import HEADERS, export_people
from engagement_desk.services.people.importing import import_people
from engagement_desk.services.people.persons import (
    PersonInput,
    archive_person,
    create_person,
    list_people,
)

PEOPLE = (
    PersonInput(
        salutation="Frau",
        first_name="Hildegard",
        last_name="Weber",
        birth_date=dt.date(1941, 3, 9),
        street="Marktstraße 4",
        postal_code="54634",
        city="Bitburg",
        phone="06561 1234",
        roles=frozenset({Role.PASSENGER}),
        interests=("Lesen", "Garten"),
    ),
    PersonInput(
        salutation="Herr",
        first_name="Jürgen",
        last_name="Müller",
        birth_date=dt.date(1958, 12, 1),
        street="Am Bürgerhaus 12a",
        postal_code="54636",
        city="Rittersdorf",
        mobile="0171 2345678",
        email="j.mueller@example.org",
        roles=frozenset({Role.VOLUNTEER, Role.DRIVER}),
        skills=("Führerschein Klasse B",),
        languages=("Deutsch", "Türkisch"),
        engaged_since=dt.date(2019, 4, 1),
    ),
    PersonInput(
        first_name="Gül",
        last_name="Öztürk",
        postal_code="54634",
        city="Bitburg",
        roles=frozenset({Role.DRIVER}),
    ),
    PersonInput(first_name="Erika", last_name="Schulz", city="Dresden", postal_code="01067"),
)


@pytest.fixture
def office(any_db: Database) -> Database:
    for person in PEOPLE:
        create_person(any_db, person)
    return any_db


def listed_ids(db: Database, query: ListQuery) -> list[int]:
    return list(list_people(db, query).ids)


def test_xlsx_export_is_the_filtered_list_with_real_dates(office: Database, tmp_path: Path) -> None:
    query = ListQuery(filters={"role": Role.DRIVER}, sort_key="birth_date", descending=True)
    path = tmp_path / "fahrer.xlsx"

    assert export_people(office, query, path) == 2

    workbook = load_workbook(path)
    sheet = workbook.active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == HEADERS
    assert all(cell.font.bold for cell in sheet[1])
    assert [row[0] for row in rows[1:]] == listed_ids(office, query)
    by_name = {row[HEADERS.index("Nachname")]: row for row in rows[1:]}
    assert set(by_name) == {"Müller", "Öztürk"}
    mueller = by_name["Müller"]
    assert mueller[HEADERS.index("Geburtsdatum")] == dt.datetime(1958, 12, 1)
    assert mueller[HEADERS.index("Rollen")] == "Ehrenamtliche/r, Fahrer/in"
    assert mueller[HEADERS.index("Sprachen")] == "Deutsch, Türkisch"
    assert mueller[HEADERS.index("Status")] == "Aktiv"
    assert mueller[HEADERS.index("Straße")] == "Am Bürgerhaus 12a"
    mueller_row = 2 + [row[HEADERS.index("Nachname")] for row in rows[1:]].index("Müller")
    date_cell = sheet.cell(row=mueller_row, column=HEADERS.index("Geburtsdatum") + 1)
    assert date_cell.is_date and date_cell.number_format == "DD.MM.YYYY"
    assert sheet.auto_filter.ref == "A1:R3"
    assert sheet.freeze_panes == "A2"
    assert 10 <= sheet.column_dimensions["F"].width <= 40
    workbook.close()


def test_csv_export_opens_in_excel_with_umlauts_and_german_dates(
    office: Database, tmp_path: Path
) -> None:
    path = tmp_path / "bitburg.csv"

    assert export_people(office, ListQuery(text="Bitburg"), path) == 2

    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == list(HEADERS)
    assert [int(row[0]) for row in rows[1:]] == listed_ids(office, ListQuery(text="Bitburg"))
    by_name = {row[HEADERS.index("Nachname")]: row for row in rows[1:]}
    weber = by_name["Weber"]
    assert weber[HEADERS.index("Geburtsdatum")] == "09.03.1941"
    assert weber[HEADERS.index("Straße")] == "Marktstraße 4"
    assert weber[HEADERS.index("Interessen")] == "Garten, Lesen"
    assert by_name["Öztürk"][HEADERS.index("Geburtsdatum")] == ""


def test_export_follows_status_filter_and_reaches_past_one_batch(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(people_export, "BATCH", 2)
    created = [create_person(db, person) for person in PEOPLE]
    archive_person(db, created[0].id, expected_version=created[0].version)
    query = ListQuery(filters={"status": PersonStatus.ACTIVE}, limit=1)
    path = tmp_path / "aktiv.xlsx"

    assert export_people(db, query, path) == 3

    workbook = load_workbook(path, read_only=True)
    ids = [row[0] for row in workbook.active.iter_rows(min_row=2, values_only=True)]
    workbook.close()
    assert ids == listed_ids(db, ListQuery(filters={"status": PersonStatus.ACTIVE}))


def test_export_then_import_gives_the_same_people(office: Database, tmp_path: Path) -> None:
    path = tmp_path / "alle.csv"
    export_people(office, ListQuery(), path)
    other = Database(tmp_path / "other.sqlite3")
    migrator.upgrade(other)
    try:
        report = import_people(other, path)
        assert report.ok and len(report.imported) == len(PEOPLE)
        assert report.unknown_columns == ("Nr.",)
        again = tmp_path / "wieder.csv"
        export_people(other, ListQuery(), again)
    finally:
        other.dispose()

    def without_numbers(file: Path) -> list[list[str]]:
        rows = csv.reader(file.read_text(encoding="utf-8-sig").splitlines(), delimiter=";")
        return [row[1:] for row in rows]

    assert without_numbers(again) == without_numbers(path)


def test_text_that_excel_would_run_as_a_formula_stays_text(db: Database, tmp_path: Path) -> None:
    create_person(db, PersonInput(last_name="=HYPERLINK(1)", first_name="+Test"))

    export_people(db, ListQuery(), tmp_path / "liste.xlsx")
    export_people(db, ListQuery(), tmp_path / "liste.csv")

    workbook = load_workbook(tmp_path / "liste.xlsx")
    cell = workbook.active.cell(row=2, column=HEADERS.index("Nachname") + 1)
    assert (cell.value, cell.data_type) == ("=HYPERLINK(1)", "s")
    workbook.close()
    text = (tmp_path / "liste.csv").read_text(encoding="utf-8-sig")
    assert ";'+Test;'=HYPERLINK(1);" in text


def test_export_is_logged_without_personal_data(office: Database, tmp_path: Path) -> None:
    export_people(office, ListQuery(), tmp_path / "liste.csv")
    with office.read_session() as session:
        summaries = session.scalars(
            select(AuditEntry.summary).where(AuditEntry.action == AuditAction.EXPORT)
        ).all()
    assert summaries == ["4 Personen"]


def test_unknown_suffix_is_refused_and_nothing_written(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ServiceError, match=r"Unbekanntes Dateiformat „\.pdf“"):
        export_people(db, ListQuery(), tmp_path / "liste.pdf")
    assert not (tmp_path / "liste.pdf").exists()


def test_a_failed_export_leaves_the_old_file_alone(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_person(db, PEOPLE[0])
    path = tmp_path / "liste.csv"
    path.write_text("alte Liste")

    def broken(*_args):
        raise OSError("Datenträger voll")

    monkeypatch.setitem(people_export._WRITERS, ".csv", broken)
    with pytest.raises(OSError, match="Datenträger voll"):
        export_people(db, ListQuery(), path)

    assert path.read_text() == "alte Liste"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


class CancelAfter:
    def __init__(self, reports: int) -> None:
        self.left = reports

    def report(self, done: int, total: int, text: str = "") -> None:
        self.left -= 1

    @property
    def cancelled(self) -> bool:
        return self.left <= 0


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_cancelled_export_leaves_no_file_and_no_personal_data_behind(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    for person in PEOPLE:
        create_person(db, person)
    monkeypatch.setattr(people_export, "BATCH", 1)
    system_temp = tmp_path / "temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    path = tmp_path / f"liste{suffix}"

    with pytest.raises(Cancelled):
        export_people(db, ListQuery(), path, progress=CancelAfter(reports=3))

    assert not path.exists()
    assert list(system_temp.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


# -- command line --------------------------------------------------------------------------


def test_cli_export_with_role_and_search(office: Database, tmp_path: Path, capsys) -> None:
    path = tmp_path / "fahrer.csv"
    target = office.url.render_as_string(hide_password=False)
    args = ["people", "export", str(path), "--db", target, "--role", "Fahrer/in"]

    assert main([*args, "--search", "bitburg"]) == 0

    assert capsys.readouterr().out == f"1 Person nach {path} exportiert.\n"
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert [row[HEADERS.index("Nachname")] for row in rows[1:]] == ["Öztürk"]


def test_cli_export_errors(db: Database, db_path: Path, tmp_path: Path, capsys) -> None:
    assert main(["people", "export", str(tmp_path / "liste.pdf"), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("engagement-desk: Fehler: Unbekanntes Dateiformat „.pdf“")
    assert len(err.splitlines()) == 1
    with pytest.raises(SystemExit) as exit_:
        main(["people", "export", str(tmp_path / "x.csv"), "--db", str(db_path), "--role", "Koch"])
    assert exit_.value.code == 2
    assert "unbekannte Rolle 'Koch'" in capsys.readouterr().err
