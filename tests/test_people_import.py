"""Importing the office's Excel and CSV lists of people, as staff would check the result."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from engagement_desk.cli import main
from engagement_desk.db import Database
from engagement_desk.models import AuditEntry, Person
from engagement_desk.models.enums import AuditAction, PersonStatus, Role
from engagement_desk.services.errors import Cancelled, ServiceError
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.people.duplicates import likely_duplicates
from engagement_desk.services.people.importing import (
    columns,
    import_people,
    preview_import,
    read_table,
    suggest_mapping,
)
from engagement_desk.services.people.importing.rows import read_date, read_roles
from engagement_desk.services.people.persons import (
    PersonInput,
    archive_person,
    create_person,
    get_person,
    list_people,
)

HEADER = [
    "Anrede",
    "Vorname",
    "Nachname",
    "Straße",
    "Hausnummer",
    "PLZ",
    "Ort",
    "Telefon",
    "Handy",
    "E-Mail",
    "Geburtsdatum",
    "Rollen",
    "Interessen",
    "Fähigkeiten",
    "Sprachen",
    "Bemerkung",
]
WEBER = [
    "Frau",
    "Hildegard",
    "Weber",
    "Marktstraße",
    "4",
    "54634",
    "Bitburg",
    "06561 1234",
    "",
    "h.weber@example.org",
    "09.03.1941",
    "Fahrgast",
    "Lesen; Garten",
    "",
    "Deutsch",
    "",
]
MUELLER = [
    "Herr",
    "Jürgen",
    "Müller",
    "Am Bürgerhaus",
    "12a",
    "54636",
    "Rittersdorf",
    "",
    "0171 2345678",
    "",
    "01.12.1958",
    "Ehrenamtliche/r, Fahrer/in",
    "Fußball",
    "Führerschein Klasse B, Erste Hilfe",
    "Deutsch, Türkisch",
    "Fährt dienstags",
]
OEZTUERK = [
    "Frau",
    "Gül",
    "Öztürk",
    "Kölner Straße",
    "7",
    "54634",
    "Bitburg",
    "",
    "",
    "ayse@example.org",
    "",
    "Ehrenamtliche/r",
    "",
    "",
    "Türkisch",
    "",
]


def write_csv(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    delimiter: str = ";",
    encoding: str = "cp1252",
) -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def people_in(db: Database) -> int:
    with db.read_session() as session:
        return session.scalar(select(func.count()).select_from(Person))


def imports_logged(db: Database) -> list[tuple[str, str]]:
    """(entity, summary) of every import in the audit trail."""
    with db.read_session() as session:
        statement = select(AuditEntry.entity, AuditEntry.summary).where(
            AuditEntry.action == AuditAction.IMPORT
        )
        return [tuple(row) for row in session.execute(statement)]


def people_by_name(db: Database) -> dict[str, object]:
    page = list_people(db, ListQuery(limit=1000))
    return {
        row[0]: get_person(db, person_id)
        for person_id, row in zip(page.ids, page.rows, strict=True)
    }


def test_windows_csv_with_semicolons_umlauts_and_german_dates(
    any_db: Database, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "liste.csv", [HEADER, WEBER, MUELLER, OEZTUERK])

    report = import_people(any_db, path)

    assert report.ok and report.errors == () and report.duplicates == ()
    assert report.rows_read == 3 and len(report.imported) == 3
    assert "Windows-1252" in report.source and "„;“" in report.source
    people = people_by_name(any_db)
    mueller = people["Müller"]
    assert (mueller.first_name, mueller.street, mueller.postal_code, mueller.city) == (
        "Jürgen",
        "Am Bürgerhaus 12a",
        "54636",
        "Rittersdorf",
    )
    assert mueller.birth_date == dt.date(1958, 12, 1)
    assert mueller.mobile == "0171 2345678"
    assert mueller.roles == {Role.VOLUNTEER, Role.DRIVER}
    assert mueller.skills == ("Erste Hilfe", "Führerschein Klasse B")
    assert mueller.languages == ("Deutsch", "Türkisch")
    assert mueller.notes == "Fährt dienstags"
    weber = people["Weber"]
    assert weber.interests == ("Garten", "Lesen") and weber.roles == {Role.PASSENGER}
    assert weber.email == "h.weber@example.org" and weber.birth_date == dt.date(1941, 3, 9)
    assert people["Öztürk"].first_name == "Gül"
    ((entity, summary),) = imports_logged(any_db)
    assert entity == "person" and summary.startswith("3 Personen, birth_date, city")
    assert "Weber" not in summary


def test_utf8_with_bom_and_commas_other_header_spellings(db: Database, tmp_path: Path) -> None:
    rows = [
        ["Name", "Vorname", "Strasse", "PLZ", "Wohnort", "Tel.", "Mail", "geb.", "Interessen"],
        [
            "Weber",
            "Hildegard",
            "Marktstr. 4",
            "54634",
            "Bitburg",
            "",
            "",
            "09.03.41",
            "Lesen, Garten",
        ],
        ["Nowak", "Łucja", "Hauptstr. 1", "54634", "Bitburg", "", "", "1987-06-30", ""],
    ]
    path = write_csv(tmp_path / "liste.csv", rows, delimiter=",", encoding="utf-8-sig")

    report = import_people(db, path)

    assert report.ok and len(report.imported) == 2
    assert "UTF-8 mit BOM" in report.source and "„,“" in report.source
    people = people_by_name(db)
    assert people["Weber"].birth_date == dt.date(1941, 3, 9)
    assert people["Weber"].interests == ("Garten", "Lesen")
    assert people["Nowak"].first_name == "Łucja"
    assert people["Nowak"].birth_date == dt.date(1987, 6, 30)


def test_excel_file_with_title_row_real_dates_and_numbers(any_db: Database, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Fahrgäste"
    sheet.append(["Fahrgäste Seniorenfahrdienst, Stand März"])
    sheet.append([])
    sheet.append(["Nachname", "Vorname", "PLZ", "Ort", "Telefon", "Geburtsdatum", "Rollen"])
    sheet.append(
        ["Schulz", "Erika", 1067, "Dresden", 35112345, dt.datetime(1938, 5, 2), "Fahrgast"]
    )
    sheet.append(["Weber", "Hildegard", 54634, "Bitburg", "06561 1234", dt.date(1941, 3, 9), ""])
    sheet["F5"].number_format = "DD.MM.YYYY"
    path = tmp_path / "fahrgaeste.xlsx"
    workbook.save(path)

    table = read_table(path)
    assert table.header_line == 3 and [row.line for row in table.rows] == [4, 5]
    report = import_people(any_db, path)

    assert report.ok and len(report.imported) == 2, report.errors
    people = people_by_name(any_db)
    schulz = people["Schulz"]
    assert schulz.birth_date == dt.date(1938, 5, 2)
    assert schulz.postal_code == "01067"  # Excel stored the number without its zero
    assert schulz.phone == "0351 12345"
    assert schulz.roles == {Role.PASSENGER}
    assert people["Weber"].birth_date == dt.date(1941, 3, 9)
    assert "Fahrgäste" in report.source


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Nachname", "last_name"),
        ("Name", "last_name"),
        ("  NACHNAME ", "last_name"),
        ("Vorname", "first_name"),
        ("Anrede", "salutation"),
        ("Titel", "title"),
        ("Straße", "street"),
        ("Strasse", "street"),
        ("STRASSE", "street"),
        ("Str.", "street"),
        ("Hausnummer", "house_number"),
        ("Hausnr.", "house_number"),
        ("PLZ", "postal_code"),
        ("Postleitzahl", "postal_code"),
        ("Ort", "city"),
        ("Wohnort", "city"),
        ("Stadt", "city"),
        ("Telefon", "phone"),
        ("Tel.", "phone"),
        ("Mobil", "mobile"),
        ("Handy", "mobile"),
        ("E-Mail", "email"),
        ("Email", "email"),
        ("e-mail", "email"),
        ("Mail", "email"),
        ("Geburtsdatum", "birth_date"),
        ("geb.", "birth_date"),
        ("Geb.-Datum", "birth_date"),
        ("Notizen", "notes"),
        ("Bemerkung", "notes"),
        ("Rollen", "roles"),
        ("Interessen", "interests"),
        ("Fähigkeiten", "skills"),
        ("Faehigkeiten", "skills"),
        ("Fahigkeiten", "skills"),
        ("Sprachen", "languages"),
        ("Status", "status"),
        ("Engagiert seit", "engaged_since"),
        ("Mitgliedsnummer", None),
        ("", None),
    ],
)
def test_german_headers_are_recognised(header: str, field: str | None) -> None:
    assert suggest_mapping([header]) == {header: field}


def test_every_listed_spelling_leads_to_its_own_field() -> None:
    for field, words in columns._SYNONYMS.items():
        assert {columns.recognise_header(word) for word in words} == {field}, field


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Ehrenamtliche/r, Fahrer/in", {Role.VOLUNTEER, Role.DRIVER}),
        ("Ehrenamtliche*r; Fahrer:in", {Role.VOLUNTEER, Role.DRIVER}),
        ("FahrerIn", {Role.DRIVER}),
        ("fahrgast", {Role.PASSENGER}),
        ("Ansprechpartner/-in", {Role.CLUB_CONTACT}),
        ("Förderer", {Role.SPONSOR}),
        ("volunteer, staff", {Role.VOLUNTEER, Role.STAFF}),
        ("", set()),
    ],
)
def test_roles_as_offices_write_them(text: str, roles: set[Role]) -> None:
    assert read_roles(text) == roles


def test_a_field_goes_to_its_first_column_only_except_lists() -> None:
    mapping = suggest_mapping(["Telefon", "Tel. privat", "Bemerkung", "Notizen", "Rolle", "Rollen"])
    assert mapping == {
        "Telefon": "phone",
        "Tel. privat": None,
        "Bemerkung": "notes",
        "Notizen": "notes",
        "Rolle": "roles",
        "Rollen": "roles",
    }


def test_two_bad_rows_import_nothing_and_each_is_reported(any_db: Database, tmp_path: Path) -> None:
    noted = [*WEBER[:-1], "Ruft morgens an;\nbitte laut sprechen"]
    bad_postal_code = [*MUELLER[:5], "5463", *MUELLER[6:]]
    bad_date_and_role = [*OEZTUERK[:10], "31.02.1960", "Köchin", *OEZTUERK[12:]]
    rows = [
        HEADER,
        noted,
        bad_postal_code,
        [],
        [*OEZTUERK[:2], "Meyer", *OEZTUERK[3:]],
        bad_date_and_role,
    ]
    path = write_csv(tmp_path / "liste.csv", rows)

    report = import_people(any_db, path)

    assert [str(error) for error in report.errors] == [
        "Zeile 3, Spalte „PLZ“: „5463“ ist keine fünfstellige Postleitzahl.",
        "Zeile 6, Spalte „Geburtsdatum“: „31.02.1960“ ist kein gültiges Datum.",
        "Zeile 6, Spalte „Rollen“: Unbekannte Rolle „Köchin“ (möglich: Ehrenamtliche/r, "
        "Fahrgast, Fahrer/in, Ansprechpartner/in, Sponsor/in, Mitarbeiter/in).",
    ]
    assert report.bad_lines == (3, 6)
    assert report.rows_read == 4 and report.imported == () and report.would_import == 0
    assert people_in(any_db) == 0
    assert imports_logged(any_db) == []


def test_missing_last_name_column_is_named(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "liste.csv", [["Vorname", "Ort"], ["Hildegard", "Bitburg"]])

    report = import_people(db, path)

    assert report.missing_columns == ("Nachname",) and report.rows_read == 1
    assert [str(e) for e in report.errors] == [
        "Zeile 1, Spalte „Nachname“: Die Spalte „Nachname“ fehlt; ohne sie kann nichts "
        "importiert werden."
    ]
    assert people_in(db) == 0


def test_row_without_last_name_names_the_column(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "liste.csv", [HEADER, WEBER, ["Frau", "Erika", "  ", *WEBER[3:]]])

    report = import_people(db, path)

    assert [str(e) for e in report.errors] == ["Zeile 3, Spalte „Nachname“: Bitte ausfüllen."]


def test_dry_run_reports_the_same_and_writes_nothing(any_db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "liste.csv", [HEADER, WEBER, MUELLER])

    report = import_people(any_db, path, dry_run=True)

    assert report.ok and report.dry_run
    assert report.would_import == 2 and report.imported == ()
    assert people_in(any_db) == 0 and imports_logged(any_db) == []


def test_likely_duplicates_are_reported_and_not_imported(any_db: Database, tmp_path: Path) -> None:
    known = create_person(
        any_db,
        PersonInput(
            last_name="Weber",
            first_name="Hildegard",
            birth_date=dt.date(1941, 3, 9),
            city="Bitburg",
        ),
    )
    same_mail_as_mueller = [
        "Herr",
        "Jürgen",
        "Müller",
        *MUELLER[3:9],
        "j.mueller@example.org",
        *MUELLER[10:],
    ]
    again = ["", "J.", "Müller", "", "", "", "", "", "", "J.Mueller@example.org ", *[""] * 6]
    path = write_csv(tmp_path / "liste.csv", [HEADER, WEBER, same_mail_as_mueller, OEZTUERK, again])

    report = import_people(any_db, path)

    assert report.ok and report.rows_read == 4 and len(report.imported) == 2
    existing, in_file = report.duplicates
    assert existing.line == 2 and existing.same_as_line is None
    assert [hit.id for hit in existing.existing] == [known.id]
    assert existing.reasons == ("gleicher Name und Geburtsdatum",)
    assert str(existing) == (
        "Zeile 2: schon vorhanden: Hildegard Weber, geb. 09.03.1941, Bitburg "
        "(gleicher Name und Geburtsdatum)"
    )
    assert (in_file.line, in_file.same_as_line) == (5, 3)
    assert str(in_file) == "Zeile 5: doppelt in der Datei, wie Zeile 3 (gleiche E-Mail-Adresse)"
    assert sorted(people_by_name(any_db)) == ["Müller", "Weber", "Öztürk"]
    assert people_in(any_db) == 3


def test_duplicates_in_the_database_are_what_the_person_form_warns_about(
    any_db: Database, tmp_path: Path
) -> None:
    weber = create_person(
        any_db,
        PersonInput(
            last_name="Weber",
            first_name="Hildegard",
            birth_date=dt.date(1941, 3, 9),
            city="Bitburg",
            phone="06561 1234",
        ),
    )
    schulz = create_person(
        any_db, PersonInput(last_name="Schulz", first_name="Erika", mobile="0171 2345678")
    )
    archive_person(any_db, schulz.id, expected_version=schulz.version)
    create_person(
        any_db, PersonInput(last_name="Becker", first_name="Karl", email="k.becker@example.org")
    )
    rows = [
        ["Nachname", "Vorname", "Geburtsdatum", "Telefon", "Handy", "E-Mail"],
        ["WEBER", "hildegard", "09.03.1941", "", "", ""],
        ["Neu", "Fritz", "", "", "0171-2345678", ""],
        ["Becker", "Karla", "", "+49 6561 1234", "", "K.Becker@example.org"],
        ["Fremd", "Anna", "09.03.1941", "", "", ""],
    ]
    preview = preview_import(any_db, write_csv(tmp_path / "liste.csv", rows))

    for row in preview.rows:
        expected = tuple(likely_duplicates(any_db, row.person))
        assert (row.duplicate.existing if row.duplicate else ()) == expected
    assert [len(d.existing) for d in preview.duplicates] == [1, 1, 2]
    assert preview.duplicates[0].existing[0].id == weber.id
    assert preview.duplicates[1].existing[0].label == "Erika Schulz (archiviert)"


def test_names_with_umlauts_are_found_again(db: Database, tmp_path: Path) -> None:
    create_person(
        db, PersonInput(last_name="Öztürk", first_name="Gül", birth_date=dt.date(1970, 1, 1))
    )
    rows = [["Nachname", "Vorname", "geb."], ["ÖZTÜRK", "Gül", "01.01.1970"]]

    report = import_people(db, write_csv(tmp_path / "liste.csv", rows))

    assert [d.reasons for d in report.duplicates] == [("gleicher Name und Geburtsdatum",)]
    assert report.imported == ()


def test_a_duplicate_the_user_confirmed_is_imported(db: Database, tmp_path: Path) -> None:
    wife = ["Frau", "Hildegard", "Weber", "Marktstraße", "4", "54634", "Bitburg", "06561 1234"]
    husband = ["Herr", "Karl", "Weber", "Marktstraße", "4", "54634", "Bitburg", "06561 1234"]
    path = write_csv(tmp_path / "liste.csv", [HEADER[:8], wife, husband])

    first = import_people(db, path, dry_run=True)
    assert [(d.line, d.same_as_line, d.reasons) for d in first.duplicates] == [
        (3, 2, ("gleiche Telefonnummer",))
    ]
    report = import_people(db, path, accept_duplicates={3})

    assert len(report.imported) == 2 and report.duplicates == ()


def test_explicit_mapping_overrides_the_recognised_columns(db: Database, tmp_path: Path) -> None:
    rows = [
        ["Familie", "Rufname", "Telefon", "Kontakt", "Ort"],
        ["Weber", "Hilde", "06561 1234", "hilde@example.org", "Bitburg"],
    ]
    path = write_csv(tmp_path / "liste.csv", rows)
    mapping = {"Familie": "last_name", "Rufname": "first_name", "Kontakt": "E-Mail", "Ort": None}

    preview = preview_import(db, path, mapping)
    assert preview.mapping == {
        "Familie": "last_name",
        "Rufname": "first_name",
        "Telefon": "phone",
        "Kontakt": "email",
        "Ort": None,
    }
    assert preview.unknown_columns == ("Ort",)
    report = import_people(db, path, mapping=mapping)

    assert report.ok and len(report.imported) == 1
    person = get_person(db, report.imported[0])
    assert (person.last_name, person.first_name, person.email, person.city) == (
        "Weber",
        "Hilde",
        "hilde@example.org",
        "",
    )


def test_explicit_mapping_mistakes_are_explained(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "liste.csv", [["Nachname", "Telefon", "Tel. 2"], ["Weber", "", ""]])

    with pytest.raises(ServiceError, match="Diese Spalten gibt es in der Datei nicht: „Handy“"):
        preview_import(db, path, {"Handy": "mobile"})
    with pytest.raises(ServiceError, match="Unbekanntes Feld „Schuhgröße“"):
        preview_import(db, path, {"Telefon": "Schuhgröße"})
    with pytest.raises(
        ServiceError, match=r"„Telefon“ und „Tel\. 2“ sind beide dem Feld „Telefon“"
    ):
        preview_import(db, path, {"Telefon": "phone", "Tel. 2": "phone"})


def test_preview_shows_rows_and_columns_without_writing(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "liste.csv", [[*HEADER, "Mitgliedsnr."], [*WEBER, "17"], MUELLER])

    preview = preview_import(db, path)

    assert preview.unknown_columns == ("Mitgliedsnr.",)
    assert [row.line for row in preview.rows] == [2, 3]
    assert preview.rows[0].person.street == "Marktstraße 4"
    assert preview.errors == () and people_in(db) == 0


def test_status_and_engaged_since_columns(db: Database, tmp_path: Path) -> None:
    rows = [
        ["Nachname", "Status", "Engagiert seit"],
        ["Weber", "inaktiv", "1.4.2019"],
        ["Nowak", "", ""],
    ]
    report = import_people(db, write_csv(tmp_path / "liste.csv", rows))

    people = people_by_name(db)
    assert report.ok
    assert people["Weber"].status == PersonStatus.INACTIVE
    assert people["Weber"].engaged_since == dt.date(2019, 4, 1)
    assert people["Nowak"].status == PersonStatus.ACTIVE


def test_house_number_without_street_is_an_error(db: Database, tmp_path: Path) -> None:
    rows = [["Nachname", "Straße", "Hausnummer"], ["Weber", "", "4"]]
    report = import_people(db, write_csv(tmp_path / "liste.csv", rows))
    assert [str(e) for e in report.errors] == [
        "Zeile 2, Spalte „Hausnummer“: Hausnummer ohne Straße."
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09.03.1941", dt.date(1941, 3, 9)),
        ("9.3.1941", dt.date(1941, 3, 9)),
        ("09.03.41", dt.date(1941, 3, 9)),
        ("01.01.05", dt.date(2005, 1, 1)),
        ("31.12.25", dt.date(1925, 12, 31)),
        ("1941-03-09", dt.date(1941, 3, 9)),
        ("09.03.1941 00:00", dt.date(1941, 3, 9)),
        ("", None),
    ],
)
def test_dates_as_offices_write_them(text: str, expected: dt.date | None) -> None:
    assert read_date(text, dt.date(2025, 6, 1)) == expected


def test_excel_sep_line_and_tab_separated_unicode_text(db: Database, tmp_path: Path) -> None:
    sep_file = tmp_path / "sep.csv"
    sep_file.write_bytes(b"sep=,\r\nNachname,Ort\r\nWeber,Bitburg\r\n")
    unicode_text = tmp_path / "unicode.txt"
    unicode_text.write_bytes("Nachname\tOrt\r\nÖztürk\tBitburg\r\n".encode("utf-16"))

    assert read_table(sep_file).rows[0].line == 2  # Excel hides the sep= line
    report = import_people(db, unicode_text)
    assert report.ok and "UTF-16" in report.source
    assert sorted(people_by_name(db)) == ["Öztürk"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("liste.xls", "Das Format „.xls“ kann nicht gelesen werden"),
        ("liste.pdf", "Unbekanntes Dateiformat „.pdf“"),
        ("fehlt.csv", "Die Datei „.*fehlt.csv“ gibt es nicht"),
    ],
)
def test_unreadable_files_are_explained(tmp_path: Path, name: str, message: str) -> None:
    if name != "fehlt.csv":
        (tmp_path / name).write_bytes(b"\x00\x01")
    with pytest.raises(ServiceError, match=message):
        read_table(tmp_path / name)


def test_a_broken_excel_file_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.xlsx"
    path.write_text("Nachname;Ort\nWeber;Bitburg\n")
    with pytest.raises(ServiceError, match=r"„kaputt\.xlsx“ ist keine lesbare Excel-Datei"):
        read_table(path)


def test_excel_parts_openpyxl_drops_do_not_disturb_the_import(db: Database, tmp_path: Path) -> None:
    """Excel writes data validation as an extension openpyxl warns about while reading rows."""
    plain, path = tmp_path / "plain.xlsx", tmp_path / "validated.xlsx"
    workbook = Workbook()
    workbook.active.append(["Nachname", "Ort"])
    workbook.active.append(["Weber", "Bitburg"])
    workbook.save(plain)
    extension = (
        b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
        b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
        b'<x14:dataValidations count="0"/></ext></extLst></worksheet>'
    )
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</worksheet>", extension)
            target.writestr(item, data)

    report = import_people(db, path)

    assert report.ok and len(report.imported) == 1


class CancelAfter:
    def __init__(self, reports: int) -> None:
        self.left = reports

    def report(self, done: int, total: int, text: str = "") -> None:
        self.left -= 1

    @property
    def cancelled(self) -> bool:
        return self.left <= 0


def test_cancelling_while_saving_writes_nothing(db: Database, tmp_path: Path) -> None:
    rows = [["Nachname", "Vorname"], *([f"Name{i}", "Test"] for i in range(1200))]
    path = write_csv(tmp_path / "liste.csv", rows)

    with pytest.raises(Cancelled):
        import_people(db, path, progress=CancelAfter(reports=16))

    assert people_in(db) == 0


# -- command line --------------------------------------------------------------------------


def test_cli_import_prints_a_german_summary(
    db: Database, db_path: Path, tmp_path: Path, capsys
) -> None:
    path = write_csv(tmp_path / "liste.csv", [[*HEADER, "Mitgliedsnr."], [*WEBER, "1"], MUELLER])

    assert main(["people", "import", str(path), "--db", str(db_path)]) == 0

    captured = capsys.readouterr()
    assert "Zeilen gelesen: 2" in captured.out and "Importiert: 2" in captured.out
    assert "Nicht zugeordnete Spalten (ignoriert): „Mitgliedsnr.“" in captured.out
    assert captured.err == "" and people_in(db) == 2


def test_cli_import_with_errors_fails_in_one_line(
    db: Database, db_path: Path, tmp_path: Path, capsys
) -> None:
    bad = [*MUELLER[:5], "5463", *MUELLER[6:]]
    worse = [*OEZTUERK[:10], "kein Datum", *OEZTUERK[11:]]
    path = write_csv(tmp_path / "liste.csv", [HEADER, WEBER, bad, worse])

    assert main(["people", "import", str(path), "--db", str(db_path)]) == 1

    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "engagement-desk: Fehler: Import abgebrochen: 2 fehlerhafte Zeilen, nichts importiert."
    ]
    assert "  Zeile 3, Spalte „PLZ“: „5463“ ist keine fünfstellige Postleitzahl." in captured.out
    assert "  Zeile 4, Spalte „Geburtsdatum“: „kein Datum“ ist kein Datum" in captured.out
    assert people_in(db) == 0


def test_cli_import_json_dry_run_and_mapping(
    db: Database, db_path: Path, tmp_path: Path, capsys
) -> None:
    path = write_csv(tmp_path / "liste.csv", [["Familie", "Ort"], ["Weber", "Bitburg"]])
    args = ["people", "import", str(path), "--db", str(db_path), "--map", "Familie=Nachname"]

    assert main([*args, "--dry-run", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] and data["dry_run"] and data["would_import"] == 1 and data["imported"] == []
    assert people_in(db) == 0

    assert main(args) == 0
    assert people_in(db) == 1


def test_cli_import_missing_column_and_bad_map(
    db: Database, db_path: Path, tmp_path: Path, capsys
) -> None:
    path = write_csv(tmp_path / "liste.csv", [["Familie", "Ort"], ["Weber", "Bitburg"]])

    assert main(["people", "import", str(path), "--db", str(db_path)]) == 1
    assert capsys.readouterr().err == (
        "engagement-desk: Fehler: Import abgebrochen: Spalte „Nachname“ fehlt, nichts importiert.\n"
    )
    assert (
        main(["people", "import", str(path), "--db", str(db_path), "--map", "Familie=Hobby"]) == 1
    )
    assert capsys.readouterr().err.startswith("engagement-desk: Fehler: Unbekanntes Feld „Hobby“")
    with pytest.raises(SystemExit) as exit_:
        main(["people", "import", str(path), "--db", str(db_path), "--map", "Familie"])
    assert exit_.value.code == 2
