"""Certificates for names in every script: the fallback font is embedded and the name reads
back from the page; a name no font can print is refused before a number is taken; the
"name on certificates" is printed instead of the name."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

import pypdfium2
import pytest
from builders import add_person
from certificate_support import font_names, fonts_without_embedding, set_up_agency
from hours_builders import add_entry
from sqlalchemy import select

from engagement_desk.cli import main
from engagement_desk.db import Database
from engagement_desk.models import Certificate, Person
from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.certificates import IssueOptions, Selection, issue_certificates
from engagement_desk.services.certificates.register_list import list_certificates
from engagement_desk.services.certificates.single import issue_for_person, preview_for_person
from engagement_desk.services.errors import ValidationError
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.people.persons import (
    PersonInput,
    create_person,
    get_person,
    list_people,
    update_person,
)
from engagement_desk.services.privacy.anonymize import anonymize_person
from engagement_desk.services.search import search_everything

YEAR = dt.date.today().year - 1
TIBETAN = ("བཀྲ་ཤིས", "བདེ་ལེགས")  # no shipped font has Tibetan

NAMES = {
    "arabic": (("محمد", "الأحمد"), "NotoSansArabic"),
    "chinese": (("小明", "王"), "DroidSansFallback"),
    "japanese": (("花子", "山田"), "DroidSansFallback"),
    "korean": (("민준", "김"), "DroidSansFallback"),
    "devanagari": (("अनन्या", "शर्मा"), "NotoSansDevanagari"),
    "hebrew": (("שרה", "כהן"), "NotoSansHebrew"),
}


def page_text(pdf: bytes) -> str:
    document = pypdfium2.PdfDocument(pdf)
    try:
        text = " ".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    return " ".join(unicodedata.normalize("NFKC", text).split())


def person_with_hours(db: Database, first: str, last: str, **values) -> int:
    person = add_person(db, first, last, **values)
    add_entry(db, person, dt.date(YEAR, 4, 1), "12")
    return person


def register_numbers(db: Database) -> list[str]:
    with db.read_session() as session:
        return sorted(session.scalars(select(Certificate.number)))


@pytest.mark.parametrize("script", sorted(NAMES))
def test_a_name_in_any_script_is_printed_in_an_embedded_fallback_font(
    db: Database, script: str
) -> None:
    (first, last), font = NAMES[script]
    set_up_agency(db)
    person = person_with_hours(db, first, last)

    pdf = preview_for_person(db, CertificateKind.RECOGNITION, person, year=YEAR)

    assert any(name.startswith(font) for name in font_names(pdf))
    assert fonts_without_embedding(pdf) == []
    text = page_text(pdf)
    assert "\ufffd" not in text
    if script == "devanagari":  # conjuncts are glyphs of their own; the letters around them
        assert "अन" in text and "श" in text
    else:
        assert f"{first} {last}" in text


def test_an_engagement_statement_prints_an_arabic_name_in_the_statement_layout(
    db: Database, tmp_path
) -> None:
    set_up_agency(db)
    person = person_with_hours(db, "محمد", "الأحمد")

    issued = issue_for_person(
        db, CertificateKind.STATEMENT, person, tmp_path / "nachweis.pdf", year=YEAR
    )

    pdf = (tmp_path / "nachweis.pdf").read_bytes()
    assert "NotoSansArabic-Bold" in font_names(pdf)  # the name, set in bold
    assert "محمد الأحمد" in page_text(pdf)
    assert issued.person_name == "محمد الأحمد"


def test_a_name_no_font_can_print_is_refused_before_a_number_is_taken(
    db: Database, tmp_path
) -> None:
    set_up_agency(db)
    tashi = person_with_hours(db, *TIBETAN)
    anna = person_with_hours(db, "Anna", "Weber")

    with pytest.raises(ValidationError) as refused:
        issue_for_person(db, CertificateKind.RECOGNITION, tashi, tmp_path / "t.pdf", year=YEAR)
    with pytest.raises(ValidationError):
        preview_for_person(db, CertificateKind.RECOGNITION, tashi, year=YEAR)

    message = str(refused.value)
    assert "བཀྲ་ཤིས བདེ་ལེགས" in message and f"Person Nr. {tashi}" in message
    assert "keine Nummer" in message
    assert register_numbers(db) == []
    assert not (tmp_path / "t.pdf").exists()
    issued = issue_for_person(db, CertificateKind.RECOGNITION, anna, tmp_path / "a.pdf", year=YEAR)
    assert issued.number == f"U-{dt.date.today().year}-00001"


def test_a_batch_issues_the_others_and_lists_the_refused(db: Database, tmp_path) -> None:
    set_up_agency(db)
    tashi = person_with_hours(db, *TIBETAN)
    anna = person_with_hours(db, "Anna", "Weber")
    wang = person_with_hours(db, "小明", "王")

    result = issue_certificates(
        db,
        CertificateKind.RECOGNITION,
        Selection(year=YEAR),
        out_dir=tmp_path,
        options=IssueOptions(issued_on=dt.date(YEAR + 1, 1, 15)),
    )

    assert sorted(c.person_id for c in result.certificates) == sorted([anna, wang])
    assert [r.person_id for r in result.refused] == [tashi]
    assert set(result.refused[0].characters) == set("".join(TIBETAN))
    assert "བཀྲ་ཤིས བདེ་ལེགས" in result.refused[0].message
    assert register_numbers(db) == [f"U-{YEAR + 1}-00001", f"U-{YEAR + 1}-00002"]
    assert len(result.files) == 2


def test_the_name_on_certificates_is_printed_instead_of_the_name(db: Database, tmp_path) -> None:
    set_up_agency(db)
    tashi = person_with_hours(db, *TIBETAN, salutation="Herr")
    record = get_person(db, tashi)
    update_person(
        db,
        tashi,
        _with(record, certificate_name="Tashi Delek"),
        expected_version=record.version,
    )

    issued = issue_for_person(db, CertificateKind.RECOGNITION, tashi, tmp_path / "t.pdf", year=YEAR)

    text = page_text((tmp_path / "t.pdf").read_bytes())
    assert "Herrn Tashi Delek" in text
    assert "བཀྲ" not in text
    assert issued.number == f"U-{dt.date.today().year}-00001"


def test_a_name_on_certificates_that_cannot_be_printed_is_not_saved(db: Database) -> None:
    person = add_person(db, "Tashi", "Delek")
    record = get_person(db, person)

    with pytest.raises(ValidationError) as refused:
        update_person(
            db, person, _with(record, certificate_name="བཀྲ་ཤིས"), expected_version=record.version
        )

    assert refused.value.first.field == "certificate_name"
    assert refused.value.first.label == "Name auf Urkunden"
    assert get_person(db, person).certificate_name == ""


def test_anonymisation_clears_the_name_on_certificates(db: Database) -> None:
    person = add_person(db, "小明", "王", certificate_name="Wang Xiaoming")

    anonymize_person(db, person, today=dt.date.today())

    with db.read_session() as session:
        assert session.get(Person, person).certificate_name == ""


def _with(record, **changes):
    from dataclasses import fields

    values = {f.name: getattr(record, f.name) for f in fields(PersonInput)}
    return PersonInput(**{**values, **changes})


def test_the_command_line_lists_the_refused(db: Database, db_path, tmp_path, capsys) -> None:
    set_up_agency(db)
    tashi = person_with_hours(db, *TIBETAN)
    person_with_hours(db, "Anna", "Weber")
    db.dispose()
    argv = ["certificates", "issue", "--kind", "recognition", "--year", str(YEAR)]
    argv += ["--out", str(tmp_path / "out"), "--db", str(db_path)]

    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("1 Anerkennungsurkunde ausgestellt")
    assert lines[1].startswith("Nicht ausgestellt: བཀྲ་ཤིས བདེ་ལེགས (Person Nr.")

    assert main([*argv, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["person_id"] for r in data["refused"]] == [tashi]


def test_the_register_list_finds_a_certificate_by_the_name_on_it(db: Database, tmp_path) -> None:
    set_up_agency(db)
    wang = person_with_hours(db, "小明", "王", certificate_name="Wang Xiaoming")
    issued = issue_for_person(db, CertificateKind.RECOGNITION, wang, tmp_path / "w.pdf", year=YEAR)

    page = list_certificates(db, ListQuery(text="Xiaoming"))

    assert page.ids == (issued.id,)
    assert "Wang Xiaoming" in page_text((tmp_path / "w.pdf").read_bytes())


def test_the_search_finds_a_person_by_the_name_on_certificates(any_db: Database) -> None:
    wang = create_person(any_db, PersonInput(first_name="小明", last_name="王"))
    assert [hit.record_id for hit in search_everything(any_db, "Xiaoming")] == []
    update_person(
        any_db,
        wang.id,
        _with(get_person(any_db, wang.id), certificate_name="Wang Xiaoming"),
        expected_version=wang.version,
    )

    assert [(hit.kind, hit.record_id) for hit in search_everything(any_db, "xiaom")] == [
        ("person", wang.id)
    ]
    people = list_people(any_db, ListQuery(text="Xiaoming"))
    assert people.ids == (wang.id,)
