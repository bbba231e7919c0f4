"""The DSGVO access report (Art. 15/20): every row about a person, as a letter and as JSON."""

from __future__ import annotations

import io
import json
import stat
from pathlib import Path

import pytest
from interchange_fixture import populate_all_tables
from pypdf import PdfReader
from sqlalchemy import select

from engagement_desk.cli import main
from engagement_desk.db import Database
from engagement_desk.models import AuditEntry
from engagement_desk.models.enums import AuditAction
from engagement_desk.services.errors import NotFoundError
from engagement_desk.services.interchange import export_bytes
from engagement_desk.services.interchange.catalog import tables_by_name
from engagement_desk.services.privacy.access import (
    access_report,
    report_json,
    write_access_report,
)

SUKRU, LUCJA, ANNA = 1, 2, 3


@pytest.fixture
def populated(db: Database) -> Database:
    populate_all_tables(db)
    return db


@pytest.fixture
def populated_any(any_db: Database) -> Database:
    populate_all_tables(any_db)
    return any_db


def _key(table: str, row: dict) -> tuple:
    return tuple(row[c.name] for c in tables_by_name()[table].primary_key.columns)


def _expected_rows(export: dict, person_id: int) -> dict[str, set[tuple]]:
    """From a full export, independently: rows that name the person, the rows deleted with
    a row that is theirs alone, and the audit entries about any of them."""
    tables = export["tables"]
    expected: dict[str, set[tuple]] = {"person": {(person_id,)}}
    owned: dict[str, set] = {}
    for name, table in tables_by_name().items():
        columns = [fk.parent for fk in table.foreign_keys if fk.column.table.name == "person"]
        for row in tables[name]:
            if any(row[c.name] == person_id for c in columns):
                expected.setdefault(name, set()).add(_key(name, row))
                if any(not c.nullable and row[c.name] == person_id for c in columns):
                    owned.setdefault(name, set()).add(row.get("id"))
    for child, column, parent in (
        ("placement_step", "placement_id", "placement"),
        ("standing_order_pause", "standing_order_id", "standing_order"),
    ):
        for row in tables[child]:
            if row[column] in owned.get(parent, ()):
                expected.setdefault(child, set()).add(_key(child, row))
    ids = {(name, key[0]) for name, keys in expected.items() for key in keys if len(key) == 1}
    for row in tables["audit_entry"]:
        if (row["entity"], row["entity_id"]) in ids:
            expected.setdefault("audit_entry", set()).add(_key("audit_entry", row))
    return expected


@pytest.mark.parametrize("person_id", [SUKRU, LUCJA, ANNA])
def test_every_row_that_refers_to_the_person_is_in_the_json(populated_any: Database, person_id):
    export = json.loads(export_bytes(populated_any))
    document = report_json(access_report(populated_any, person_id))

    expected = _expected_rows(export, person_id)
    found = {name: {_key(name, row) for row in rows} for name, rows in document["data"].items()}
    assert found == expected
    for name, rows in document["data"].items():
        # the same encoding as the interchange file: each row reads exactly as exported
        exported = {_key(name, row): row for row in export["tables"][name]}
        for row in rows:
            assert exported[_key(name, row)] == row
    for name, rows in document["context"].items():
        exported = {_key(name, row): row for row in export["tables"][name]}
        assert all(exported[_key(name, row)] == row for row in rows)


def test_sukru_has_every_kind_of_record_and_not_another_passengers_order(populated):
    document = report_json(access_report(populated, SUKRU))

    for table in (
        "person_role",
        "person_tag",
        "consent",
        "availability",
        "absence",
        "placement",
        "placement_step",
        "ride",
        "registration",
        "hours_entry",
        "certificate",
        "audit_entry",
    ):
        assert document["data"].get(table), table
    # he drives Łucja; her standing order is hers, not part of his answer
    assert "standing_order" not in document["data"]
    assert "standing_order" not in document["context"]
    assert document["context"]["event"][0]["title"]


def test_passenger_gets_health_data_rides_and_standing_orders(populated: Database):
    document = report_json(access_report(populated, LUCJA))

    assert document["data"]["mobility_needs"][0]["person_id"] == LUCJA
    assert "mobility_needs" in document["health_data_tables"]
    assert document["data"]["ride_passenger"] and document["data"]["standing_order"]
    assert document["data"]["standing_order_pause"]
    assert document["context"]["ride"], "the rides she took, for reading"


def test_consent_history_comes_along_when_the_table_exists(populated: Database):
    if "consent_event" not in tables_by_name():
        pytest.skip("no consent history in this schema")
    export = json.loads(export_bytes(populated))
    expected = [r for r in export["tables"]["consent_event"] if r["person_id"] == SUKRU]
    document = report_json(access_report(populated, SUKRU))
    assert document["data"].get("consent_event", []) == expected


def _pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_letter_and_json_files(populated: Database, tmp_path: Path):
    pdf_path, json_path = write_access_report(populated, ANNA, tmp_path)

    assert pdf_path.parent == json_path.parent == tmp_path
    for path in (pdf_path, json_path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    content = _pdf_text(pdf_path)
    assert "Анна Петрова" in content
    assert "Auskunft nach Art. 15 DSGVO" in content
    for heading in ("Stammdaten", "Einsatzstunden", "Urkunden und Nachweise", "Zweck"):
        assert heading in content
    assert "Speicherdauer" in content and "zehn Jahre" in content
    assert "Landesbeauftragten für Datenschutz" in content
    document = json.loads(json_path.read_text(encoding="utf-8"))
    assert document["format"] == "engagement-desk-access-report"
    assert document["data"]["person"][0]["first_name"] == "Анна"


def test_letter_in_turkish_and_with_health_data(populated: Database, tmp_path: Path):
    pdf_path, _ = write_access_report(populated, SUKRU, tmp_path)
    assert "Şükrü Ağaoğlu" in _pdf_text(pdf_path)

    pdf_path, _ = write_access_report(populated, LUCJA, tmp_path)
    content = _pdf_text(pdf_path)
    assert "Łucja Wąsowska" in content
    assert "Gesundheitsdaten" in content and "Mobilitätsbedarf" in content


def test_writing_a_report_is_audited_without_personal_data(populated: Database, tmp_path):
    write_access_report(populated, ANNA, tmp_path)

    with populated.read_session() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert (entry.action, entry.entity, entry.entity_id) == (AuditAction.EXPORT, "person", 3)
        assert "Петрова" not in entry.summary and "Анна" not in entry.summary
        assert "Auskunft" in entry.summary


def test_unknown_person(populated: Database, tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(NotFoundError, match=r"Nr\. 999"):
        write_access_report(populated, 999, out)
    assert list(out.iterdir()) == []


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_command_line(populated: Database, db_path: Path, tmp_path: Path, capsys):
    populated.dispose()
    out = tmp_path / "auskunft"
    out.mkdir()
    where = ("--db", str(db_path))
    code, text, _ = run(
        capsys, "privacy", "report", *where, "--person", "1", "--out", str(out), "--json"
    )
    assert code == 0
    result = json.loads(text)
    assert Path(result["pdf"]).exists() and Path(result["json"]).exists()
    assert result["person_id"] == 1 and result["rows"] > 20

    code, text, _ = run(capsys, "privacy", "report", *where, "--person", "3", "--out", str(out))
    assert code == 0 and "Auskunft geschrieben:" in text

    code, _, err = run(capsys, "privacy", "report", *where, "--person", "77", "--out", str(out))
    assert code == 1
    assert err.count("\n") == 1 and "Person Nr. 77" in err

    code, _, _ = run(
        capsys, "privacy", "report", *where, "--person", "1", "--out", str(tmp_path / "neu")
    )
    assert code == 0 and len(list((tmp_path / "neu").iterdir())) == 2  # the folder is made

    (tmp_path / "datei").write_text("")
    code, _, err = run(
        capsys, "privacy", "report", *where, "--person", "1", "--out", str(tmp_path / "datei")
    )
    assert code == 1 and "kein Ordner" in err


def test_repeated_reports_with_rows_alike_in_every_column(populated: Database, tmp_path: Path):
    """Regression: four audit entries alike to the minute left a table without columns."""
    for _ in range(5):
        pdf_path, _ = write_access_report(populated, ANNA, tmp_path)
    # each report lists the entries of the ones before it
    assert "Protokolleinträge (4)" in _pdf_text(pdf_path)
