"""One certificate for one chosen person: preview without number, one number on issue."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import add_person
from certificate_support import page_texts, set_up_agency
from hours_builders import add_entry, add_training

from engagement_desk.db import Database
from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.certificates.register_list import count_certificates
from engagement_desk.services.certificates.single import issue_for_person, preview_for_person
from engagement_desk.services.errors import ValidationError
from engagement_desk.services.listing import ListQuery

YEAR = dt.date.today().year - 1


def test_preview_has_no_number_and_registers_nothing(db: Database) -> None:
    set_up_agency(db)
    max_id = add_person(db, "Max", "Muster", salutation="Herr", title="Dr.")
    add_entry(db, max_id, dt.date(YEAR, 4, 1), "3")

    pdf = preview_for_person(db, CertificateKind.RECOGNITION, max_id, year=YEAR)

    text = " ".join(" ".join(page_texts(pdf)).split())
    assert "verliehen an Herrn Dr. Max Muster" in text
    assert "Vorschau" in text and "Nr. " not in text
    assert count_certificates(db, ListQuery()) == 0


def test_issuing_takes_the_next_number_for_one_person(db: Database, tmp_path) -> None:
    set_up_agency(db)
    max_id = add_person(db, "Max", "Muster", salutation="Herr")
    anna = add_person(db, "Anna", "Weber", salutation="Frau")
    alex = add_person(db, "Alex", "Beispiel")
    for person in (max_id, anna):
        add_entry(db, person, dt.date(YEAR, 4, 1), "3")

    first = issue_for_person(
        db, CertificateKind.RECOGNITION, max_id, tmp_path / "max.pdf", year=YEAR
    )
    second = issue_for_person(db, CertificateKind.STATEMENT, anna, tmp_path / "anna.pdf", year=YEAR)
    # Nobody chosen by hand is turned away for having no hours in the year.
    third = issue_for_person(
        db, CertificateKind.RECOGNITION, alex, tmp_path / "alex.pdf", year=YEAR
    )

    assert count_certificates(db, ListQuery()) == 3
    assert (first.person_id, second.person_id, third.person_id) == (max_id, anna, alex)
    assert int(third.number[-4:]) == int(first.number[-4:]) + 1
    max_text = " ".join(" ".join(page_texts(tmp_path / "max.pdf")).split())
    assert "Herrn Max Muster" in max_text and first.number in max_text
    assert "Frau Anna Weber hat sich" in " ".join(
        " ".join(page_texts(tmp_path / "anna.pdf")).split()
    )
    alex_text = " ".join(" ".join(page_texts(tmp_path / "alex.pdf")).split())
    assert "Alex Beispiel" in alex_text and "Herr" not in alex_text and "Frau" not in alex_text


def test_an_attendance_certificate_only_for_someone_who_attended(db: Database, tmp_path) -> None:
    set_up_agency(db)
    anna = add_person(db, "Anna", "Weber", salutation="Frau")
    bernd = add_person(db, "Bernd", "Klein")
    event = add_training(db, "Erste Hilfe", dt.datetime(YEAR, 5, 4, 9), "3", attended=(anna,))

    text = " ".join(
        " ".join(
            page_texts(preview_for_person(db, CertificateKind.ATTENDANCE, anna, event_id=event))
        ).split()
    )
    assert "Frau Anna Weber" in text and "Erste Hilfe" in text
    with pytest.raises(ValidationError, match="Bernd Klein ist bei dieser Veranstaltung nicht"):
        preview_for_person(db, CertificateKind.ATTENDANCE, bernd, event_id=event)
    with pytest.raises(ValidationError, match="nicht als „teilgenommen“"):
        issue_for_person(db, CertificateKind.ATTENDANCE, bernd, tmp_path / "b.pdf", event_id=event)
    assert count_certificates(db, ListQuery()) == 0
