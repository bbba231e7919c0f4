"""The JSON interchange format: export, import, refusals, schema and documentation."""

from __future__ import annotations

import base64
import copy
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from interchange_fixture import populate_all_tables, tiny_png
from jsonschema import Draft202012Validator
from sqlalchemy import func, select

from engagement_desk import migrator, paths
from engagement_desk.cli import main
from engagement_desk.db import Database
from engagement_desk.models import HEALTH_DATA, Person, Signatory
from engagement_desk.services.errors import Cancelled, ServiceError
from engagement_desk.services.interchange import (
    FORMAT_VERSION,
    InterchangeError,
    export_bytes,
    export_database,
    import_database,
)
from engagement_desk.services.interchange.catalog import tables_by_name, tables_in_insert_order
from engagement_desk.services.interchange.docs import (
    HEALTH_MARK,
    generated_part,
    render_entity_tables,
)
from engagement_desk.services.interchange.fastpath import row_check, value_checks
from engagement_desk.services.interchange.schema import (
    FORMATS,
    SCHEMA_RESOURCE,
    build_schema,
    schema_text,
    validator,
)

DOCS = Path(__file__).resolve().parent.parent / "docs" / "interchange.md"
Document = dict[str, Any]


# ---------------------------------------------------------------- helpers


def table_counts(db: Database) -> dict[str, int]:
    with db.read_session() as session:
        return {
            table.name: session.execute(select(func.count()).select_from(table)).scalar_one()
            for table in tables_in_insert_order()
        }


DEFAULT_ROWS = {"agency_settings": 1, "certificate_template": 3, "letter_template": 2}
"""What a new database holds (migrations 0003, 0013); it still counts as empty."""


def assert_empty(db: Database) -> None:
    assert {name: n for name, n in table_counts(db).items() if n} == DEFAULT_ROWS


def canonical(document: Document) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def write_document(path: Path, document: Document) -> Path:
    path.write_bytes(canonical(document))
    return path


def refusal(db: Database, path: Path) -> str:
    with pytest.raises(InterchangeError) as caught:
        import_database(db, path)
    assert_empty(db)
    return str(caught.value)


class CancelAfter:
    """Progress that records reports and asks to cancel once a given text was reported."""

    def __init__(self, text: str | None = None):
        self.text = text
        self.reports: list[tuple[int, int, str]] = []

    @property
    def cancelled(self) -> bool:
        return any(text == self.text for _, _, text in self.reports)

    def report(self, done: int, total: int, text: str = "") -> None:
        self.reports.append((done, total, text))


# ---------------------------------------------------------------- fixtures


@pytest.fixture
def populated(db: Database) -> Database:
    populate_all_tables(db)
    return db


@pytest.fixture(scope="module")
def source_bytes(
    tmp_path_factory: pytest.TempPathFactory, migrated_copy: Callable[[Path], Database]
) -> bytes:
    """The export of a populated SQLite database of its own, so tests may use ``db`` as target."""
    source = migrated_copy(tmp_path_factory.mktemp("source") / "source.sqlite3")
    try:
        populate_all_tables(source)
        return export_bytes(source)
    finally:
        source.dispose()


@pytest.fixture
def source_document(source_bytes: bytes) -> Document:
    return json.loads(source_bytes)


@pytest.fixture
def fresh_db(tmp_path: Path, migrated_copy: Callable[[Path], Database]) -> Iterator[Database]:
    database = migrated_copy(tmp_path / "fresh.sqlite3")
    yield database
    database.dispose()


def file_with(tmp_path: Path, document: Document, change: Callable[[Document], Any]) -> Path:
    changed = copy.deepcopy(document)
    change(changed)
    return write_document(tmp_path / "changed.json", changed)


# ---------------------------------------------------------------- export


def test_export_twice_gives_identical_bytes(populated: Database, tmp_path: Path):
    counts = table_counts(populated)
    first = export_database(populated, tmp_path / "a.json")
    in_between = export_bytes(populated)
    export_database(populated, tmp_path / "b.json")

    # every export to a file leaves an audit entry: the second file has the first's
    a, b = (json.loads((tmp_path / name).read_bytes()) for name in ("a.json", "b.json"))
    assert b["tables"].pop("audit_entry")[:-1] == a["tables"].pop("audit_entry")
    assert a == b
    assert (tmp_path / "b.json").read_bytes() == in_between
    assert first.counts == counts


def test_export_is_sorted_indented_utf8_json_with_every_table(populated: Database):
    data = export_bytes(populated)
    document = json.loads(data)

    assert data == canonical(document)
    assert "Şükrü".encode() in data and "Łucja".encode() in data and "Анна".encode() in data
    assert document["format"] == "engagement-desk-interchange"
    assert document["format_version"] == FORMAT_VERSION == 1
    assert document["schema_revision"] == migrator.head_revision()
    assert set(document["tables"]) == set(tables_by_name())
    assert "alembic_version" not in document["tables"]


def test_export_of_new_database_has_every_table_and_only_the_default_rows(
    db: Database, tmp_path: Path
):
    summary = export_database(db, tmp_path / "empty.json")

    document = json.loads((tmp_path / "empty.json").read_bytes())
    assert {name: len(rows) for name, rows in document["tables"].items() if rows} == DEFAULT_ROWS
    assert set(document["tables"]) == set(tables_by_name())
    assert summary.counts == {**dict.fromkeys(sorted(tables_by_name()), 0), **DEFAULT_ROWS}


def test_export_writes_each_value_in_its_documented_form(populated: Database):
    tables = json.loads(export_bytes(populated))["tables"]

    assert [row["hours"] for row in tables["hours_entry"]] == ["2.50", "2.50", "0.25"]
    assert tables["ride"][0]["km"] == "12.5" and tables["ride"][1]["km"] is None
    assert tables["agency_settings"][0]["km_rate"] == "0.30"
    assert base64.b64decode(tables["agency_settings"][0]["logo_png"]) == tiny_png()
    # 10:15 in UTC+1 is 09:15 UTC.
    assert tables["registration"][0]["registered_at"] == "2026-03-02T09:15:00Z"
    assert tables["event"][0]["starts_at"] == "2026-05-09T10:00:00"
    assert tables["availability"][1]["end_time"] == "17:45:30"
    assert tables["person"][3]["birth_date"] is None
    assert tables["person"][0]["birth_date"] == "1956-04-12"
    assert tables["person"][2]["status"] == "inactive"
    assert tables["organization"][0]["may_publish"] is True
    assert tables["certificate"][1]["replaces_id"] == 1
    assert tables["person"][0]["notes"].endswith('mit \\ und "Anführungszeichen".')


def test_export_sorts_rows_by_primary_key_also_when_inserted_otherwise(populated: Database):
    tables = json.loads(export_bytes(populated))["tables"]

    assert [(r["person_id"], r["role"]) for r in tables["person_role"]] == [
        (1, "driver"),
        (1, "volunteer"),
        (2, "passenger"),
        (3, "club_contact"),
        (3, "volunteer"),
    ]
    assert [(r["organization_id"], r["center_id"]) for r in tables["organization_center"]] == [
        (1, 1),
        (1, 2),
        (2, 1),
    ]
    for table in tables_in_insert_order():
        keys = [tuple(row[c.name] for c in table.primary_key) for row in tables[table.name]]
        assert keys == sorted(keys), table.name


def test_cancelled_export_leaves_the_existing_file_alone(populated: Database, tmp_path: Path):
    target = tmp_path / "office.json"
    target.write_text("previous export", encoding="utf-8")

    with pytest.raises(Cancelled):
        export_database(populated, target, progress=CancelAfter("Exportiere person"))

    assert target.read_text(encoding="utf-8") == "previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if "json" in p.name) == ["office.json"]


def test_export_into_a_missing_folder_says_so(populated: Database, tmp_path: Path):
    target = tmp_path / "no such folder" / "office.json"

    with pytest.raises(InterchangeError, match="kann nicht geschrieben werden") as caught:
        export_database(populated, target)
    assert str(target) in str(caught.value)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_exported_file_is_readable_by_its_owner_only(populated: Database, tmp_path: Path):
    export_database(populated, tmp_path / "office.json")

    assert (tmp_path / "office.json").stat().st_mode & 0o077 == 0


def test_export_refuses_a_database_without_schema(tmp_path: Path):
    bare = Database(tmp_path / "bare.sqlite3")
    try:
        with pytest.raises(InterchangeError, match="nicht eingerichtet"):
            export_bytes(bare)
    finally:
        bare.dispose()


# ---------------------------------------------------------------- round trips


def test_round_trip_through_a_fresh_sqlite_database_is_identical(
    populated: Database, fresh_db: Database, tmp_path: Path
):
    exported = export_database(populated, tmp_path / "office.json")

    imported = import_database(fresh_db, tmp_path / "office.json")

    assert imported.counts == exported.counts == table_counts(fresh_db)
    assert export_bytes(fresh_db) == (tmp_path / "office.json").read_bytes()


@pytest.mark.postgres
def test_sqlite_to_postgresql_and_back_is_identical(
    populated: Database, pg_db: Database, fresh_db: Database, tmp_path: Path
):
    sqlite_file = tmp_path / "from-sqlite.json"
    postgres_file = tmp_path / "from-postgres.json"
    export_database(populated, sqlite_file)

    import_database(pg_db, sqlite_file)
    export_database(pg_db, postgres_file)
    import_database(fresh_db, postgres_file)

    assert postgres_file.read_bytes() == sqlite_file.read_bytes()
    assert export_bytes(fresh_db) == sqlite_file.read_bytes()


@pytest.mark.postgres
def test_postgresql_export_order_does_not_depend_on_the_server_collation(
    pg_db: Database, tmp_path: Path, source_bytes: bytes
):
    path = tmp_path / "office.json"
    path.write_bytes(source_bytes)
    import_database(pg_db, path)
    with pg_db.engine.begin() as connection:
        if (
            connection.exec_driver_sql(
                "SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu'"
            ).first()
            is None
        ):
            pytest.skip("PostgreSQL without ICU collations")
        # A linguistic collation sorts 'basteln' before 'Garten'; code points do not.
        connection.exec_driver_sql(
            'ALTER TABLE person_tag ALTER COLUMN value TYPE VARCHAR(100) COLLATE "und-x-icu"'
        )

    assert export_bytes(pg_db) == source_bytes


@pytest.mark.postgres
def test_postgresql_gives_new_rows_fresh_ids_after_import(
    pg_db: Database, source_document: Document, tmp_path: Path
):
    def without_signatories(document: Document) -> None:
        document["tables"]["signatory"] = []

    import_database(pg_db, file_with(tmp_path, source_document, without_signatories))

    with pg_db.session() as session:
        person = Person(last_name="Neumann")
        signatory = Signatory(name="Erste Unterschrift")
        session.add_all([person, signatory])
        session.flush()
        assert person.id == 5
        assert signatory.id == 1


def test_a_certificate_may_replace_one_with_a_higher_number(
    fresh_db: Database, source_document: Document, tmp_path: Path
):
    def first_replaces_third(document: Document) -> None:
        certificates = document["tables"]["certificate"]
        certificates[0]["replaces_id"] = 3
        certificates[1]["replaces_id"] = None

    path = file_with(tmp_path, source_document, first_replaces_third)

    import_database(fresh_db, path)

    assert export_bytes(fresh_db) == path.read_bytes()


def test_file_of_an_older_program_imports_with_defaults(
    fresh_db: Database, source_document: Document, tmp_path: Path
):
    def as_if_older(document: Document) -> None:
        del document["tables"]["signatory"]
        for row in document["tables"]["person"]:
            del row["version"], row["notes"], row["birth_date"]

    summary = import_database(fresh_db, file_with(tmp_path, source_document, as_if_older))

    assert summary.counts["signatory"] == 0
    people = json.loads(export_bytes(fresh_db))["tables"]["person"]
    assert [(p["version"], p["notes"], p["birth_date"]) for p in people] == [(1, "", None)] * 4


def test_import_reports_progress_per_table(fresh_db: Database, tmp_path: Path, source_bytes):
    path = tmp_path / "office.json"
    path.write_bytes(source_bytes)
    progress = CancelAfter()

    import_database(fresh_db, path, progress=progress)

    texts = {text for _, _, text in progress.reports}
    assert {f"Importiere {name}" for name in tables_by_name()} <= texts
    inserted = [done for done, _, text in progress.reports if text.startswith("Importiere")]
    assert inserted == sorted(inserted)
    total = sum(table_counts(fresh_db).values())
    assert progress.reports[-1] == (total, total, "Import abgeschlossen")


# ---------------------------------------------------------------- refusals


def test_missing_file_is_refused(db: Database, tmp_path: Path):
    message = refusal(db, tmp_path / "gone.json")

    assert message.startswith(f"Die Datei {tmp_path / 'gone.json'} kann nicht gelesen werden")


def test_file_not_in_utf8_is_refused(db: Database, tmp_path: Path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"format": "Gr\u00fc\u00dfe"}'.encode("latin-1"))

    assert "ist nicht in UTF-8 geschrieben (Byte 14)" in refusal(db, path)


def test_malformed_json_is_refused_with_line_and_column(db: Database, tmp_path: Path):
    path = tmp_path / "broken.json"
    path.write_text('{\n "format": "engagement-desk-interchange",\n "tables" {}\n}\n')

    assert refusal(db, path).endswith(
        "ist kein gültiges JSON: Zeile 3, Spalte 11: Doppelpunkt erwartet."
    )


def test_other_json_is_refused_as_not_an_interchange_file(
    db: Database, tmp_path: Path, source_document: Document
):
    path = file_with(tmp_path, source_document, lambda d: d.update(format="csv-export"))

    assert refusal(db, path) == (
        "Die Datei ist keine Engagement-Desk-Austauschdatei "
        "(\"format\" ist 'csv-export' statt 'engagement-desk-interchange')."
    )


def test_newer_format_version_asks_for_an_update(
    db: Database, tmp_path: Path, source_document: Document
):
    path = file_with(tmp_path, source_document, lambda d: d.update(format_version=7))

    assert refusal(db, path) == (
        "Die Datei hat das Austauschformat Version 7; dieses Programm kennt höchstens "
        "Version 1. Bitte Engagement Desk aktualisieren."
    )


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("1", "Das Feld \"format_version\" muss eine ganze Zahl sein, ist '1'."),
        (True, 'Das Feld "format_version" muss eine ganze Zahl sein, ist True.'),
        (0, "Die Datei hat das Austauschformat Version 0, das dieses Programm nicht lesen kann."),
    ],
)
def test_unusable_format_version_is_refused(
    db: Database, tmp_path: Path, source_document: Document, version: Any, expected: str
):
    path = file_with(tmp_path, source_document, lambda d: d.update(format_version=version))

    assert refusal(db, path) == expected


def _set(table: str, index: int, field: str, value: Any) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        document["tables"][table][index][field] = value

    return change


def _drop(table: str, index: int, field: str) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        del document["tables"][table][index][field]

    return change


SCHEMA_REFUSALS = [
    (
        _set("person", 1, "birth_date", "1990-13-01"),
        "person[1].birth_date: '1990-13-01' ist kein gültiges Datum",
    ),
    (
        _set("person", 1, "birth_date", "1990-1-1"),
        "person[1].birth_date: '1990-1-1' ist kein gültiges Datum",
    ),
    (
        _set("hours_entry", 0, "hours", "2.5"),
        "hours_entry[0].hours: '2.5' ist keine Dezimalzahl mit höchstens 3 Stellen vor dem Punkt "
        "und genau 2 danach (z. B. 2.50)",
    ),
    (_set("hours_entry", 0, "hours", 2.5), "hours_entry[0].hours: 2.5 ist keine Dezimalzahl"),
    (
        _set("availability", 0, "start_time", "9:00"),
        "availability[0].start_time: '9:00' ist keine gültige Uhrzeit (HH:MM:SS)",
    ),
    (
        _set("availability", 0, "start_time", "09:00:00\n"),
        "availability[0].start_time: '09:00:00\\n' ist keine gültige Uhrzeit (HH:MM:SS)",
    ),
    (
        _set("event", 0, "starts_at", "2026-02-30T10:00:00"),
        "event[0].starts_at: '2026-02-30T10:00:00' ist kein gültiger Zeitpunkt",
    ),
    (
        _set("registration", 0, "registered_at", "2026-03-02T09:15:00"),
        "registration[0].registered_at: '2026-03-02T09:15:00' ist kein gültiger UTC-Zeitpunkt",
    ),
    (
        _set("registration", 0, "registered_at", "2026-03-02T09:15:00+01:00"),
        "registration[0].registered_at: '2026-03-02T09:15:00+01:00' "
        "ist kein gültiger UTC-Zeitpunkt",
    ),
    (
        _set("person", 0, "status", "retired"),
        "person[0].status: 'retired' ist kein erlaubter Wert (erlaubt: active, inactive, archived)",
    ),
    (_set("person", 0, "shoe_size", 44), "person[0].shoe_size: unbekanntes Feld"),
    (_drop("person", 2, "last_name"), "person[2].last_name: Pflichtfeld fehlt"),
    (_set("person", 0, "last_name", None), "person[0].last_name: darf nicht leer (null) sein"),
    (
        _set("person", 0, "postal_code", "54634-12345"),
        "person[0].postal_code: '54634-12345' ist länger als 10 Zeichen",
    ),
    (
        _set("agency_settings", 0, "logo_png", "kein base64!"),
        "agency_settings[0].logo_png: 'kein base64!' ist kein gültiges Base64",
    ),
    (
        _set("ride", 0, "is_return", "ja"),
        "ride[0].is_return: 'ja' ist kein Wahrheitswert (true oder false)",
    ),
    (_set("vehicle", 0, "seats", 3.5), "vehicle[0].seats: 3.5 ist keine ganze Zahl"),
    (
        _set("vehicle", 0, "seats", 2**40),
        "vehicle[0].seats: 1099511627776 liegt außerhalb des erlaubten Bereichs",
    ),
    (lambda d: d["tables"].update(helpers=[]), "tables.helpers: unbekannte Tabelle"),
    (lambda d: d["tables"].update(person={}), "person: muss eine Liste von Datensätzen sein"),
    (
        lambda d: d["tables"]["person"].append("Meier"),
        "person[4]: muss ein Objekt (ein Datensatz) sein",
    ),
    (lambda d: d.update(exported_at="2026-03-01"), "exported_at: unbekannter Eintrag"),
    (lambda d: d.pop("tables"), "tables: Pflichtfeld fehlt"),
]


@pytest.mark.parametrize(("change", "expected"), SCHEMA_REFUSALS)
def test_values_not_matching_the_schema_are_refused_by_place(
    db: Database, tmp_path: Path, source_document: Document, change, expected: str
):
    message = refusal(db, file_with(tmp_path, source_document, change))

    assert message.startswith(expected)


def test_the_first_problem_in_the_file_is_named(
    db: Database, tmp_path: Path, source_document: Document
):
    def two_problems(document: Document) -> None:
        _set("person", 3, "birth_date", "gestern")(document)
        _set("person", 1, "birth_date", "morgen")(document)
        _set("vehicle", 0, "seats", "drei")(document)

    message = refusal(db, file_with(tmp_path, source_document, two_problems))

    assert message == "person[1].birth_date: 'morgen' ist kein gültiges Datum"


def test_duplicate_primary_key_is_refused(db: Database, tmp_path: Path, source_document: Document):
    path = file_with(tmp_path, source_document, _set("person", 3, "id", 1))

    assert refusal(db, path) == "person[3]: Schlüssel id = 1 kommt doppelt vor (wie in person[0])"


def test_duplicate_composite_key_is_refused(
    db: Database, tmp_path: Path, source_document: Document
):
    def twice(document: Document) -> None:
        document["tables"]["person_role"].append({"person_id": 1, "role": "volunteer"})

    assert refusal(db, file_with(tmp_path, source_document, twice)) == (
        "person_role[5]: Schlüssel person_id = 1, role = 'volunteer' kommt doppelt vor "
        "(wie in person_role[1])"
    )


def test_reference_to_a_row_missing_from_the_file_is_refused(
    db: Database, tmp_path: Path, source_document: Document
):
    path = file_with(tmp_path, source_document, _set("registration", 0, "person_id", 99))

    assert refusal(db, path) == "registration[0].person_id: Person 99 gibt es in der Datei nicht"


def test_reference_into_a_missing_table_is_refused(
    db: Database, tmp_path: Path, source_document: Document
):
    path = file_with(tmp_path, source_document, lambda d: d["tables"].pop("vehicle"))

    assert refusal(db, path) == (
        "driver_profile[0].vehicle_id: Vehicle 1 gibt es in der Datei nicht"
    )


def test_import_into_a_database_with_data_is_refused(
    any_db: Database, tmp_path: Path, source_bytes: bytes
):
    with any_db.session() as session:
        session.add_all([Person(last_name="Schon"), Person(last_name="Da")])
    path = tmp_path / "office.json"
    path.write_bytes(source_bytes)

    with pytest.raises(InterchangeError) as caught:
        import_database(any_db, path)

    assert str(caught.value) == (
        "Die Zieldatenbank ist nicht leer (person: 2 Datensätze); "
        "Import nur in eine leere Datenbank."
    )
    assert {name: n for name, n in table_counts(any_db).items() if n} == {
        "person": 2,
        **DEFAULT_ROWS,
    }


def test_a_row_the_database_refuses_rolls_everything_back(
    any_db: Database, tmp_path: Path, source_document: Document
):
    # Passes the schema, breaks the CHECK "hours > 0": found only while inserting,
    # after person, ride and the other earlier tables went in.
    path = file_with(tmp_path, source_document, _set("hours_entry", 2, "hours", "0.00"))

    message = refusal(any_db, path)

    assert message.startswith("hours_entry: Die Datenbank lehnt einen Datensatz ab (")
    assert message.endswith("); es wurde nichts importiert.")


def test_cancelled_import_leaves_the_database_empty(
    db: Database, tmp_path: Path, source_bytes: bytes
):
    path = tmp_path / "office.json"
    path.write_bytes(source_bytes)
    progress = CancelAfter("Importiere hours_entry")

    with pytest.raises(Cancelled):
        import_database(db, path, progress=progress)

    assert any(text == "Importiere person" for _, _, text in progress.reports)
    assert_empty(db)


def test_import_refuses_a_database_without_schema(tmp_path: Path, source_bytes: bytes):
    path = tmp_path / "office.json"
    path.write_bytes(source_bytes)
    bare = Database(tmp_path / "bare.sqlite3")
    try:
        with pytest.raises(InterchangeError, match="nicht eingerichtet"):
            import_database(bare, path)
    finally:
        bare.dispose()


def test_interchange_errors_are_service_errors():
    assert issubclass(InterchangeError, ServiceError)


# ---------------------------------------------------------------- schema and docs


def test_shipped_schema_is_the_generated_one():
    shipped = paths.resource(SCHEMA_RESOURCE).read_text(encoding="utf-8")

    assert shipped == schema_text(), "run: python tools/generate_interchange_docs.py"


def test_documentation_tables_are_the_generated_ones():
    document = DOCS.read_text(encoding="utf-8")

    assert generated_part(document) == render_entity_tables(), (
        "run: python tools/generate_interchange_docs.py"
    )


def test_schema_is_valid_json_schema_2020_12():
    Draft202012Validator.check_schema(build_schema())


def test_documentation_describes_every_field_and_marks_health_data():
    document = generated_part(DOCS.read_text(encoding="utf-8"))
    sections = {chunk.split("\n", 1)[0]: chunk for chunk in document.split("\n### ")[1:]}

    assert set(sections) == set(tables_by_name())
    for table in tables_in_insert_order():
        rows = {
            line.split("`")[1]: line
            for line in sections[table.name].splitlines()
            if line.startswith("| `")
        }
        assert list(rows) == [column.name for column in table.columns]
        for column in table.columns:
            health = column.info.get("dsgvo") == HEALTH_DATA
            assert (HEALTH_MARK in rows[column.name]) == health, column
            assert " ".join((column.doc or "").split()) in rows[column.name]
        assert (HEALTH_MARK in sections[table.name].split("| field")[0]) == (
            table.info.get("dsgvo") == HEALTH_DATA
        )


def test_fixture_fills_every_column_and_leaves_nullable_ones_empty_somewhere(
    source_document: Document,
):
    tables = source_document["tables"]
    for table in tables_in_insert_order():
        rows = tables[table.name]
        assert rows, f"{table.name} has no rows"
        for column in table.columns:
            values = [row[column.name] for row in rows]
            assert any(v is not None for v in values), f"{table.name}.{column.name} never set"
            if column.nullable and len(rows) > 1:
                assert None in values, f"{table.name}.{column.name} never NULL"


# ---------------------------------------------------------------- fast path


def _distinct_field_schemas() -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for row in build_schema()["$defs"].values():
        for field in row["properties"].values():
            found[json.dumps(field, sort_keys=True)] = field
    return list(found.values())


FIELD_SCHEMAS = _distinct_field_schemas()
TRICKY_TEXTS = [
    "",
    " ",
    "2026-02-28",
    "2026-02-29",
    "2024-02-29",
    "1990-13-01",
    "2026-1-1",
    "20260101",
    "2026-03-02T09:15:00Z",
    "2026-03-02T09:15:00Z\n",
    "2026-03-02T09:15:00+01:00",
    "2026-03-02T24:00:00",
    "2026-03-02T09:15:00",
    "2026-03-02 09:15:00",
    "2026-02-30T10:00:00",
    "09:00:00",
    "09:00:00\n",
    "9:00:00",
    "24:00:00",
    "23:59:60",
    "2.50",
    "2.5",
    "-0.00",
    "1234.50",
    "123.45",
    "12.5",
    "0.30",
    "1e3",
    "NaN",
    " 2.50",
    "iVBORw0KGgo=",
    "iVBORw0KGgo",
    "abc=",
    "YQ==",
    "YQ==\n",
    "active",
    "Active",
    "volunteer",
    "recognition",
    "ad_hoc",
    "x" * 255,
]
JSON_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(),
    st.sampled_from(TRICKY_TEXTS),
    st.text(max_size=300),
)


@settings(max_examples=2000, deadline=None)
@given(field=st.sampled_from(FIELD_SCHEMAS), value=JSON_VALUES)
def test_fast_path_accepts_no_value_that_jsonschema_refuses(field: dict[str, Any], value: Any):
    checks = value_checks(field, FORMATS)

    assert checks is not None, field
    if all(check(value) for check in checks):
        assert validator(field).is_valid(value), (field, value)


@pytest.fixture(scope="module")
def exported_tables(source_bytes: bytes) -> dict[str, list[Document]]:
    return json.loads(source_bytes)["tables"]


@settings(max_examples=500, deadline=None)
@given(data=st.data())
def test_fast_path_accepts_exported_rows_and_no_row_that_jsonschema_refuses(
    exported_tables: dict[str, list[Document]], data: st.DataObject
):
    schema = build_schema()
    name = data.draw(st.sampled_from(sorted(exported_tables)))
    row_schema = schema["$defs"][name]
    fast = row_check(row_schema, FORMATS)
    assert fast is not None
    row = dict(data.draw(st.sampled_from(exported_tables[name])))
    assert fast(row)

    field = data.draw(st.sampled_from([*row, "unknown"]))
    if data.draw(st.booleans()):
        row.pop(field, None)
    else:
        row[field] = data.draw(JSON_VALUES)

    if fast(row):
        assert validator(row_schema).is_valid(row), (name, row)


# ---------------------------------------------------------------- command line


def test_cli_export_and_import(populated: Database, db_path: Path, tmp_path: Path, capsys):
    exported = tmp_path / "office.json"
    target = tmp_path / "target.sqlite3"

    assert main(["data", "export", str(exported), "--db", str(db_path)]) == 0
    assert main(["data", "import", str(exported), "--db", str(target)]) == 0

    out = capsys.readouterr().out
    total = sum(table_counts(populated).values()) - 1  # the export's own audit entry
    assert f"{total} Datensätze nach {exported} exportiert." in out
    assert f"{total} Datensätze aus {exported} importiert." in out
    imported = Database(target)
    try:
        assert export_bytes(imported) == exported.read_bytes()
    finally:
        imported.dispose()


def test_cli_import_into_a_database_with_data_fails_in_one_line(
    populated: Database, db_path: Path, tmp_path: Path, capsys
):
    exported = tmp_path / "office.json"
    assert main(["data", "export", str(exported), "--db", str(db_path)]) == 0
    capsys.readouterr()

    code = main(["data", "import", str(exported), "--db", str(db_path)])

    err = capsys.readouterr().err
    assert code != 0
    assert len(err.splitlines()) == 1
    assert "Die Zieldatenbank ist nicht leer" in err


def test_cli_import_of_a_broken_file_fails_in_one_line(tmp_path: Path, capsys):
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "format": \n', encoding="utf-8")

    code = main(["data", "import", str(broken), "--db", str(tmp_path / "new.sqlite3")])

    err = capsys.readouterr().err
    assert code != 0
    assert len(err.splitlines()) == 1
    assert "kein gültiges JSON: Zeile 3, Spalte 1" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.json"]  # no empty database


def test_cli_import_refused_into_an_empty_file_leaves_it_empty(tmp_path: Path, capsys):
    broken = tmp_path / "broken.json"
    broken.write_text("[]", encoding="utf-8")
    target = tmp_path / "leer.sqlite3"
    target.write_bytes(b"")

    assert main(["data", "import", str(broken), "--db", str(target)]) == 1

    capsys.readouterr()
    assert target.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.json", "leer.sqlite3"]
