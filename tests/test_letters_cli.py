"""``engagement-desk letters`` as an office script would call it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from certificate_support import page_texts, set_up_agency
from letters_support import office_people, recognition_event

from engagement_desk.cli import main
from engagement_desk.db import Database
from engagement_desk.models import Certificate
from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.letters.filters import save_filter


@pytest.fixture
def office(db: Database) -> dict[str, int]:
    set_up_agency(db)
    people = office_people(db)
    people["event"] = recognition_event(db, people)
    save_filter(db, "Alle Aktiven", "", {"status": "active"})
    with db.session() as session:
        for number, name in ((1, "max"), (2, "anna"), (3, "no_consent_1")):
            session.add(
                Certificate(
                    number=f"U-2026-0000{number}",
                    verification_code=f"CODE{number}",
                    kind=CertificateKind.RECOGNITION,
                    person_id=people[name],
                    event_id=people["event"],
                    issued_on=dt.date(2026, 11, 13),
                    content_hash="0" * 64,
                )
            )
    db.dispose()
    return people


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_invitations_to_an_event(office, db_path: Path, tmp_path: Path, capsys) -> None:
    code, out, err = run(
        capsys,
        "letters",
        "--template",
        "Einladung zur Anerkennungsveranstaltung",
        "--people",
        f"event:{office['event']}",
        "--out",
        str(tmp_path),
        "--labels",
        "--emails",
        "--db",
        str(db_path),
    )
    assert code == 0, err
    letters = next(tmp_path.glob("Serienbrief-*.pdf"))
    labels = next(tmp_path.glob("Adressetiketten-*.pdf"))
    emails = next(tmp_path.glob("E-Mail-Liste-*.csv"))
    assert f"Briefe (PDF): 2 → {letters}" in out
    assert f"Adressetiketten (PDF): 2 → {labels}" in out
    assert f"E-Mail-Liste (CSV): 1 → {emails}" in out
    assert (
        "Briefe (PDF): nicht bedacht: 1 anonymisiert oder archiviert, "
        "1 ohne Einwilligung zur Kontaktaufnahme"
    ) in out
    texts = page_texts(letters)
    assert len(texts) == 2 and "Sehr geehrter Herr Muster," in texts[0]
    assert emails.read_text("utf-8-sig").splitlines()[1:] == ["Muster;Max;max@example.org"]


def test_saved_filter_and_batch_with_json(office, db_path: Path, tmp_path: Path, capsys) -> None:
    code, out, _ = run(
        capsys,
        "letters",
        "--template",
        "Allgemeiner Brief",
        "--people",
        "Alle Aktiven",
        "--out",
        str(tmp_path),
        "--json",
        "--db",
        str(db_path),
    )
    assert code == 0
    data = json.loads(out)
    assert [(f["output"], f["count"]) for f in data["files"]] == [("letters", 3)]
    # Active: everyone but the archived; the anonymised one stays active but unaddressed.
    assert data["left_out"] == {
        "letters": {"anonymized_or_archived": 1, "no_consent": 3, "no_address": 1}
    }

    batch = tmp_path / "batch"
    batch.mkdir()
    code, out, _ = run(
        capsys,
        "letters",
        "--people",
        "batch:U-2026-00002",
        "--labels",
        "--out",
        str(batch),
        "--json",
        "--db",
        str(db_path),
    )
    assert code == 0
    data = json.loads(out)
    assert [(f["output"], f["count"]) for f in data["files"]] == [("labels", 2)]
    assert data["left_out"] == {"labels": {"no_consent": 1}}


@pytest.mark.parametrize(
    ("people", "template", "message"),
    [
        ("Gibt es nicht", "Allgemeiner Brief", "Einen gespeicherten Filter „Gibt es nicht“"),
        ("event:999", "Allgemeiner Brief", "Veranstaltung Nr. 999"),
        ("event:x", "Allgemeiner Brief", "Nummer der Veranstaltung"),
        ("batch:U-1", "Allgemeiner Brief", "Urkunde mit der Nummer „U-1“"),
        ("Alle Aktiven", "Weihnachtsbrief", "Briefvorlage „Weihnachtsbrief“ gibt es nicht"),
        (
            "Alle Aktiven",
            "Einladung zur Anerkennungsveranstaltung",
            "aus keiner Veranstaltung",
        ),
    ],
)
def test_errors_are_one_german_line(
    office, db_path: Path, tmp_path: Path, capsys, people: str, template: str, message: str
) -> None:
    out_dir = tmp_path / "briefe"
    out_dir.mkdir()
    code, out, err = run(
        capsys,
        "letters",
        "--template",
        template,
        "--people",
        people,
        "--out",
        str(out_dir),
        "--db",
        str(db_path),
    )
    assert code == 1
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and message in err
    assert list(out_dir.iterdir()) == []


def test_help_documents_the_people_forms(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["letters", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "event:NR" in text and "batch:NUMMER" in text and "gespeicherten Filters" in text
    assert "3x7" in text and "Avery Zweckform 3652" in text


def test_the_output_folder_is_made_when_missing_and_a_file_is_refused(
    office, db_path: Path, tmp_path: Path, capsys
) -> None:
    target = tmp_path / "briefe" / "2026"
    argv = ("letters", "--people", f"event:{office['event']}", "--labels", "--db", str(db_path))
    code, _out, err = run(capsys, *argv, "--out", str(target))
    assert code == 0, err
    assert len(list(target.glob("Adressetiketten-*.pdf"))) == 1
    blocker = tmp_path / "datei"
    blocker.write_text("x")
    code, out, err = run(capsys, *argv, "--out", str(blocker))
    assert code == 1 and out == ""
    assert err.strip().count("\n") == 0 and "ist eine Datei, kein Ordner" in err
