"""Serienbriefe: templates, recipients with their consent, letters, labels and e-mail list."""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path

import pytest
from builders import add_person
from certificate_support import set_up_agency
from letters_support import (
    ADDRESS,
    TODAY,
    consent,
    office_people,
    page_count,
    page_text,
    recognition_event,
    text_positions,
)
from reportlab.lib.units import mm

from engagement_desk.db import Database
from engagement_desk.models.enums import LeftOutReason, LetterOutput, PersonStatus, Role
from engagement_desk.services.errors import ValidationError
from engagement_desk.services.letters import output as letter_output
from engagement_desk.services.letters.filters import list_saved_filters, save_filter
from engagement_desk.services.letters.output import (
    LetterRequest,
    plan_letters,
    preview_letters,
    write_letters,
)
from engagement_desk.services.letters.recipients import (
    EventSource,
    PeopleQuerySource,
    SavedFilterSource,
    gather_recipients,
)
from engagement_desk.services.letters.templates import (
    DEFAULT_TEMPLATES,
    LetterTemplateInput,
    create_template,
    list_templates,
    update_template,
)

A4_HEIGHT = 297 * mm
EVERYONE = PeopleQuerySource()
INVITATION = DEFAULT_TEMPLATES[0].name
GENERAL = DEFAULT_TEMPLATES[1].name


@pytest.fixture
def office(any_db: Database) -> dict[str, int]:
    set_up_agency(any_db)
    return office_people(any_db)


def test_the_migration_brings_the_default_templates(any_db: Database) -> None:
    stored = {t.name: (t.subject, t.body) for t in list_templates(any_db)}
    assert stored == {t.name: (t.subject, t.body) for t in DEFAULT_TEMPLATES}


def test_an_unknown_placeholder_is_refused_naming_it(any_db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        create_template(
            any_db, LetterTemplateInput("Test", "Hallo {vorname}", "{briefanrede}\n{geburtstag}")
        )
    assert "{geburtstag}" in str(caught.value)
    assert [e.field for e in caught.value.errors] == ["body"]
    assert all(t.name != "Test" for t in list_templates(any_db))


def test_a_template_name_is_unique(any_db: Database) -> None:
    with pytest.raises(ValidationError, match="gibt es schon"):
        create_template(any_db, LetterTemplateInput(GENERAL, "Betreff", "Text"))


def test_recipients_leave_out_and_count_by_reason(office: dict[str, int], any_db: Database) -> None:
    letters = gather_recipients(any_db, EVERYONE, LetterOutput.LETTERS, today=TODAY)
    # Counted by hand from letters_support.office_people:
    assert {p.person_id for p in letters.people} == {office["max"], office["anna"], office["alex"]}
    assert dict(letters.left_out) == {
        LeftOutReason.ANONYMIZED_OR_ARCHIVED: 2,  # archived, anonymized
        LeftOutReason.NO_CONSENT: 3,  # no_consent_1, no_consent_2, withdrawn
        LeftOutReason.NO_ADDRESS: 1,  # no_address
    }
    assert letters.left_out_text() == (
        "2 anonymisiert oder archiviert, 3 ohne Einwilligung zur Kontaktaufnahme, 1 ohne Anschrift"
    )
    emails = gather_recipients(any_db, EVERYONE, LetterOutput.EMAILS, today=TODAY)
    # max, alex and no_address have an e-mail address and consent; anna has none.
    assert {p.person_id for p in emails.people} == {
        office["max"],
        office["alex"],
        office["no_address"],
    }
    assert dict(emails.left_out) == {
        LeftOutReason.ANONYMIZED_OR_ARCHIVED: 2,
        LeftOutReason.NO_CONSENT: 3,
        LeftOutReason.NO_EMAIL: 1,
    }


def test_letters_fill_salutation_and_event(office: dict[str, int], any_db: Database) -> None:
    event_id = recognition_event(any_db, office)
    request = LetterRequest(
        EventSource(event_id), frozenset({LetterOutput.LETTERS}), template_name=INVITATION
    )
    plan = plan_letters(any_db, request, today=TODAY)
    invited = plan.recipients[LetterOutput.LETTERS]
    # Invited: max, anna, no_consent_1, archived; alex declined.
    assert [p.person_id for p in invited.people] == [office["max"], office["anna"]]
    assert dict(invited.left_out) == {
        LeftOutReason.ANONYMIZED_OR_ARCHIVED: 1,
        LeftOutReason.NO_CONSENT: 1,
    }
    pdf = letter_output.letters_pdf(plan)
    assert page_count(pdf) == 2
    first, second = page_text(pdf, 0), page_text(pdf, 1)
    assert "Herrn Max Muster" in first
    assert "Sehr geehrter Herr Muster," in first
    assert "Einladung: Ehrenamtsgala 2026 am Freitag, 13.11.2026" in first
    assert "um 18:00 Uhr" in first
    assert "Ort: Haus Beda, Bitburg" in first
    assert "Frau Dr. Anna Weber" in second
    assert "Sehr geehrte Frau Dr. Weber," in second
    assert "Seite 1 von" not in first


def test_neutral_greeting_and_cases(office: dict[str, int], any_db: Database) -> None:
    create_template(
        any_db,
        LetterTemplateInput(
            "Dank",
            "Dank an {anrede_name_akkusativ}",
            "{briefanrede}\n\nwir danken {anrede_name_dativ}.",
        ),
    )
    request = LetterRequest(
        PeopleQuerySource(text="Muster"), frozenset({LetterOutput.LETTERS}), template_name="Dank"
    )
    text = page_text(preview_letters(any_db, request), 0)
    assert "Dank an Herrn Max Muster" in text
    assert "wir danken Herrn Max Muster." in text
    request = LetterRequest(
        PeopleQuerySource(text="Beispiel"), frozenset({LetterOutput.LETTERS}), template_name="Dank"
    )
    text = page_text(preview_letters(any_db, request), 0)
    assert "Guten Tag Alex Beispiel," in text
    assert "wir danken Alex Beispiel." in text


def test_event_placeholders_need_an_event(office: dict[str, int], any_db: Database) -> None:
    request = LetterRequest(EVERYONE, frozenset({LetterOutput.LETTERS}), template_name=INVITATION)
    with pytest.raises(ValidationError, match=r"\{veranstaltung\}"):
        plan_letters(any_db, request, today=TODAY)


def test_the_address_field_sits_in_the_window_of_din_5008_form_b(
    office: dict[str, int], any_db: Database
) -> None:
    request = LetterRequest(
        PeopleQuerySource(text="Muster"), frozenset({LetterOutput.LETTERS}), template_name=GENERAL
    )
    pieces = text_positions(preview_letters(any_db, request))

    def from_top(text: str) -> tuple[float, float]:
        x, y = next((x, y) for t, x, y in pieces if t.startswith(text))
        return x / mm, (A4_HEIGHT - y) / mm

    # The field: 20 mm from the left, 45 mm from the top, 85 × 45 mm; its first
    # 17.7 mm hold the return address, the recipient below.
    sender_x, sender_top = from_top("Freiwilligenagentur Bitburg ·")
    assert 20 <= sender_x <= 30 and 45 < sender_top < 45 + 17.7
    for line in ("Herrn Max Muster", "Hauptstraße 5", "54634 Bitburg"):
        x, top = from_top(line)
        assert 20 <= x <= 30, line
        assert 45 + 17.7 < top < 90, line
    assert from_top("Hauptstraße 5")[1] > from_top("Herrn Max Muster")[1]
    subject_x, subject_top = from_top("Informationen der")
    assert subject_x == pytest.approx(25, abs=0.5) and subject_top > 95


def test_a_long_letter_numbers_its_pages(office: dict[str, int], any_db: Database) -> None:
    long_body = "{briefanrede}\n\n" + "\n\n".join(["Ein langer Absatz mit Text. " * 12] * 14)
    create_template(any_db, LetterTemplateInput("Lang", "Langer Brief", long_body))
    request = LetterRequest(
        PeopleQuerySource(filters={"status": PersonStatus.ACTIVE.value}),
        frozenset({LetterOutput.LETTERS}),
        template_name="Lang",
    )
    plan = plan_letters(any_db, request, today=TODAY)
    pdf = letter_output.letters_pdf(plan)
    pages = [page_text(pdf, i) for i in range(page_count(pdf))]
    assert len(pages) == 2 * len(plan.recipients[LetterOutput.LETTERS].people)
    assert ["Seite 1 von 2" in p for p in pages] == [True, False] * 3
    assert ["Seite 2 von 2" in p for p in pages] == [False, True] * 3


def test_labels_21_on_a_sheet_the_22nd_on_the_next(any_db: Database, tmp_path: Path) -> None:
    for number in range(22):
        consent(any_db, add_person(any_db, "Eva", f"Etikett{number:02d}", **ADDRESS))
    request = LetterRequest(EVERYONE, frozenset({LetterOutput.LABELS}))
    run = write_letters(any_db, request, tmp_path, today=TODAY)
    [written] = run.files
    pdf = written.path.read_bytes()
    assert written.count == 22 and page_count(pdf) == 2
    assert page_text(pdf, 0).count("54634 Bitburg") == 21
    assert page_text(pdf, 1).count("54634 Bitburg") == 1
    assert "Etikett21" in page_text(pdf, 1)
    # The first label at the top left, the 21st at the bottom right of the sheet.
    first = next((x, y) for t, x, y in text_positions(pdf) if t.endswith("Etikett00"))
    last = next((x, y) for t, x, y in text_positions(pdf) if t.endswith("Etikett20"))
    assert first[0] < 70 * mm and A4_HEIGHT - first[1] < 42.3 * mm
    assert last[0] > 140 * mm and last[1] < 42.3 * mm


def test_email_list_holds_only_consented_addresses(
    office: dict[str, int], any_db: Database, tmp_path: Path
) -> None:
    request = LetterRequest(EVERYONE, frozenset({LetterOutput.EMAILS}))
    [written] = write_letters(any_db, request, tmp_path, today=TODAY).files
    rows = list(csv.reader(io.StringIO(written.path.read_text("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Nachname", "Vorname", "E-Mail"]
    assert sorted(row[2] for row in rows[1:]) == [
        "alex@example.org",
        "max@example.org",
        "paul@example.org",
    ]
    if os.name == "posix":
        assert stat.S_IMODE(written.path.stat().st_mode) == 0o600


@pytest.mark.parametrize("failing", ["render_labels", "_fill"])
def test_a_failure_midway_leaves_no_file(
    office: dict[str, int],
    any_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failing: str,
) -> None:
    original = getattr(letter_output, failing)
    calls = []

    def fails_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2 or failing == "render_labels":
            raise OSError("Kein Platz mehr auf dem Datenträger")
        return original(*args, **kwargs)

    monkeypatch.setattr(letter_output, failing, fails_second)
    out = tmp_path / "out"
    out.mkdir()
    request = LetterRequest(
        EVERYONE,
        frozenset({LetterOutput.LETTERS, LetterOutput.LABELS, LetterOutput.EMAILS}),
        template_name=GENERAL,
    )
    with pytest.raises(OSError):
        write_letters(any_db, request, out, today=TODAY)
    assert list(out.iterdir()) == []


def test_saved_filter_chooses_the_same_people_again(
    office: dict[str, int], any_db: Database
) -> None:
    for name in ("max", "alex"):
        consent(any_db, add_person(any_db, "Fritz", f"Fahrer{name}", **ADDRESS))
    import dataclasses

    from engagement_desk.services.people.persons import get_person, update_person

    record = get_person(any_db, office["max"])
    update_person(
        any_db,
        record.id,
        dataclasses.replace(record, roles=frozenset({Role.DRIVER})),
        expected_version=record.version,
    )
    save_filter(any_db, "Fahrer", "", {"role": "driver", "unknown": "x"})
    [saved] = list_saved_filters(any_db)
    assert (saved.name, dict(saved.filters)) == ("Fahrer", {"role": "driver"})
    drivers = gather_recipients(any_db, SavedFilterSource("Fahrer"), LetterOutput.LETTERS)
    assert [p.person_id for p in drivers.people] == [office["max"]]
    again = save_filter(any_db, "Fahrer", "Muster", {})
    assert len(list_saved_filters(any_db)) == 1 and again.search_text == "Muster"


def test_a_template_edit_is_checked_too(any_db: Database) -> None:
    [general] = [t for t in list_templates(any_db) if t.name == GENERAL]
    with pytest.raises(ValidationError, match=r"\{Vorname\}"):
        update_template(
            any_db,
            general.id,
            LetterTemplateInput(GENERAL, "Hallo {Vorname}", "Text"),
            expected_version=general.version,
        )


def test_names_in_every_script_and_the_name_for_letters(any_db: Database) -> None:
    from engagement_desk.services.printing.scripts import unprintable

    arabic = add_person(any_db, "ليلى", "حداد", salutation="Frau", **ADDRESS)
    chinese = add_person(any_db, "小明", "王", certificate_name="Xiaoming Wang", **ADDRESS)
    odd = "\U00010000"  # Linear B: no shipped font has it
    assert unprintable(odd) == odd
    cannot = add_person(any_db, "Kim", f"Name{odd}", **ADDRESS)
    for person in (arabic, chinese, cannot):
        consent(any_db, person)
    request = LetterRequest(EVERYONE, frozenset({LetterOutput.LETTERS}), template_name=GENERAL)
    plan = plan_letters(any_db, request, today=TODAY)
    letters = plan.recipients[LetterOutput.LETTERS]
    assert {p.person_id for p in letters.people} == {arabic, chinese}
    assert dict(letters.left_out) == {LeftOutReason.UNPRINTABLE: 1}
    pdf = letter_output.letters_pdf(plan)
    texts = [page_text(pdf, i) for i in range(page_count(pdf))]
    assert any("Xiaoming Wang" in t for t in texts)
    assert any("Guten Tag 小明 王," in t for t in texts)
    assert all("\u25a1" not in t for t in texts)


def test_a_3_by_8_sheet_holds_24_labels(any_db: Database, tmp_path: Path) -> None:
    for number in range(25):
        consent(any_db, add_person(any_db, "Eva", f"Etikett{number:02d}", **ADDRESS))
    request = LetterRequest(EVERYONE, frozenset({LetterOutput.LABELS}), label_format="3x8")
    [written] = write_letters(any_db, request, tmp_path, today=TODAY).files
    pdf = written.path.read_bytes()
    assert page_count(pdf) == 2
    assert page_text(pdf, 0).count("54634 Bitburg") == 24
    assert page_text(pdf, 1).count("54634 Bitburg") == 1
