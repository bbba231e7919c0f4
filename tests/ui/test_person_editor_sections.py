"""The person editor's list pages, placements, activity and the list's export."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QTime
from ui_helpers import add_agency, add_people

from engagement_desk.models.enums import ConsentPurpose, ConsentSource, PlacementStatus, Role
from engagement_desk.services.organizations.centers import CenterInput, create_center
from engagement_desk.services.organizations.clubs import OrganizationInput, create_organization
from engagement_desk.services.organizations.opportunities import (
    OpportunityInput,
    create_opportunity,
)
from engagement_desk.services.organizations.placements import placements_of_person
from engagement_desk.services.people.persons import (
    PersonInput,
    create_person,
    find_people,
    get_person_sections,
)
from engagement_desk.services.people.sections import (
    AvailabilityEntry,
    ConsentEntry,
    MobilityEntry,
    PersonSections,
)
from engagement_desk.ui.people.editor.activity import totals_rows
from engagement_desk.ui.people.editor.date_edit import parse_date
from engagement_desk.ui.people.editor.placement_dialogs import NewPlacementDialog, NextStepDialog
from engagement_desk.ui.people.editor.tag_field import split_tags
from engagement_desk.ui.people.tab import PeopleTab, create_people_tab

TODAY = dt.date.today()


@pytest.fixture
def tab(qtbot, ctx) -> PeopleTab:
    people = create_people_tab(ctx)
    qtbot.addWidget(people)
    people.resize(1400, 850)
    people.show()
    qtbot.waitExposed(people)
    return people


def test_consents_times_and_mobility_are_saved_and_read_back(tab, ctx) -> None:
    person = create_person(ctx.db, PersonInput(last_name="Weber"))
    tab.refresh()
    tab.open_person(person.id)
    editor = tab.editor

    consent = editor.consents_page.consents.add_row()
    consent[0].setCurrentIndex(consent[0].findData(ConsentPurpose.PHOTOS.value))
    consent[1].setText("1.5.2025")
    consent[2].setCurrentIndex(consent[2].findData(ConsentSource.PAPER.value))
    consent[4].setText("Ordner 3")
    slot = editor.times.availability.add_row()
    slot[0].setCurrentIndex(1)
    slot[1].setTime(QTime(9, 0))
    slot[2].setTime(QTime(12, 30))
    slot[3].setText("nur gerade Wochen")
    editor.pages.setCurrentIndex(1)  # the health data is read when its page is shown
    editor.times.mobility.rollator.setChecked(True)
    editor.times.mobility.notes.setText("braucht Hilfe beim Einsteigen")
    editor.save()

    assert get_person_sections(ctx.db, person.id) == PersonSections(
        consents=(
            ConsentEntry(
                ConsentPurpose.PHOTOS, dt.date(2025, 5, 1), ConsentSource.PAPER, None, "Ordner 3"
            ),
        ),
        availabilities=(AvailabilityEntry(1, dt.time(9), dt.time(12, 30), "nur gerade Wochen"),),
        mobility=MobilityEntry(rollator=True, notes="braucht Hilfe beim Einsteigen"),
    )

    editor.request_close()
    tab.open_person(person.id)
    rows = editor.consents_page.consents
    assert rows.row_count() == 1
    purpose, given, source, withdrawn, note = rows.row_inputs(0)
    assert purpose.currentText() == "Fotos"
    assert given.text() == "01.05.2025"
    assert source.currentText() == "Schriftlich"
    assert withdrawn.text() == ""
    assert note.text() == "Ordner 3"
    day, start, end, _ = editor.times.availability.row_inputs(0)
    assert (day.currentText(), start.time(), end.time()) == ("Dienstag", QTime(9, 0), QTime(12, 30))
    editor.pages.setCurrentIndex(1)
    assert editor.times.mobility.rollator.isChecked()
    assert not editor.is_dirty()


def test_a_removed_row_is_removed_when_saved(tab, ctx) -> None:
    person = create_person(
        ctx.db,
        PersonInput(last_name="Weber"),
        PersonSections(availabilities=(AvailabilityEntry(0, dt.time(9), dt.time(12)),)),
    )
    tab.refresh()
    tab.open_person(person.id)
    rows = tab.editor.times.availability
    assert rows.row_count() == 1
    rows.remove_row(0)
    assert tab.editor.is_dirty()
    tab.editor.save()
    assert get_person_sections(ctx.db, person.id).availabilities == ()


def test_a_consent_withdrawn_before_it_was_given_is_refused_at_the_table(tab, ctx) -> None:
    person = create_person(ctx.db, PersonInput(last_name="Weber"))
    tab.refresh()
    tab.open_person(person.id)
    consent = tab.editor.consents_page.consents.add_row()
    consent[1].setText("01.05.2025")
    consent[3].setText("01.04.2025")
    tab.editor.save()
    assert (
        tab.editor.errors.message("consents")
        == "Einwilligung 1: Der Widerruf liegt vor der Einwilligung."
    )
    assert tab.editor.pages.currentWidget().objectName() == "consents_page"


@pytest.fixture
def reading_club(ctx) -> dict[str, int]:
    family = create_center(ctx.db, CenterInput(name="Familie"))
    school = create_organization(
        ctx.db, OrganizationInput(name="Grundschule Süd", postal_code="54634")
    )
    reading = create_opportunity(
        ctx.db,
        OpportunityInput(
            organization_id=school.id,
            title="Lesepate",
            center_id=family.id,
            skills=("Lesen",),
            postal_code="54634",
        ),
    )
    anna = create_person(
        ctx.db,
        PersonInput(
            first_name="Anna",
            last_name="Becker",
            postal_code="54634",
            roles=frozenset({Role.VOLUNTEER}),
            interests=("Lesen",),
        ),
    )
    return {"opportunity": reading.id, "person": anna.id}


def test_a_placement_from_a_suggestion_and_its_next_step(tab, ctx, reading_club) -> None:
    tab.refresh()
    tab.open_person(reading_club["person"])
    panel = tab.editor.placements
    assert panel.new_button.isEnabled() and not panel.next_button.isEnabled()

    panel.new_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, NewPlacementDialog) and dialog.isVisible()
    first = dialog.choices.item(0).text()
    assert first.startswith("Lesepate – Grundschule Süd")
    assert "passt zu: Lesen" in first and "gleiche PLZ 54634" in first
    assert dialog.chosen_id() == reading_club["opportunity"]
    dialog.fields.note.setText("Erstkontakt am Telefon")
    dialog.fields.follow_up.setDate(TODAY + dt.timedelta(days=7))
    dialog.save_button.click()

    assert panel.dialog is None
    (placement,) = placements_of_person(ctx.db, reading_club["person"])
    assert placement.status == PlacementStatus.INTEREST
    assert placement.follow_up_on == TODAY + dt.timedelta(days=7)
    assert placement.steps[0].note == "Erstkontakt am Telefon"
    item = panel.tree.topLevelItem(0)
    assert item.text(1) == "Interesse"
    assert item.childCount() == 1

    assert panel.next_button.isEnabled()
    panel.tree.itemActivated.emit(item, 0)  # Enter or double-click on the placement
    step = panel.dialog
    assert isinstance(step, NextStepDialog)
    offered = [step.status.itemText(i) for i in range(step.status.count())]
    assert offered == ["Erstgespräch", "Vorgeschlagen", "Aktiv", "Abgelehnt"]
    step.choose_status(PlacementStatus.FIRST_TALK)
    step.fields.note.setText("Gespräch geführt")
    step.save_button.click()

    (placement,) = placements_of_person(ctx.db, reading_club["person"])
    assert placement.status == PlacementStatus.FIRST_TALK
    assert [s.status for s in placement.steps] == [
        PlacementStatus.INTEREST,
        PlacementStatus.FIRST_TALK,
    ]
    assert placement.follow_up_on is None
    assert panel.tree.topLevelItem(0).text(1) == "Erstgespräch"
    assert panel.tree.topLevelItem(0).childCount() == 2


def test_a_step_dated_in_the_future_is_refused_at_the_date(tab, ctx, reading_club) -> None:
    tab.refresh()
    tab.open_person(reading_club["person"])
    panel = tab.editor.placements
    panel.new_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, NewPlacementDialog)
    dialog.fields.on_date.setDate(TODAY + dt.timedelta(days=3))
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.errors.message("on_date") == "Der Schritt liegt in der Zukunft."
    assert placements_of_person(ctx.db, reading_club["person"]) == []
    dialog.reject()


def test_searching_all_open_opportunities_in_the_placement_dialog(
    qtbot, tab, ctx, reading_club
) -> None:
    tab.refresh()
    tab.open_person(reading_club["person"])
    tab.editor.placements.new_button.click()
    dialog = tab.editor.placements.dialog
    assert isinstance(dialog, NewPlacementDialog)
    dialog.search.setText("Grundschule")
    qtbot.waitUntil(lambda: "Familie" in dialog.choices.item(0).text())
    assert dialog.choices.item(0).text().startswith("Lesepate – Grundschule Süd")
    dialog.search.setText("Schach")
    qtbot.waitUntil(lambda: dialog.chosen_id() is None)
    dialog.reject()


def test_hours_rides_events_and_certificates_are_listed(tab, ctx) -> None:
    add_agency(ctx.db)
    tab.refresh()
    (driver,) = find_people(ctx.db, "Schmitz")
    tab.open_person(driver.id)
    hours = tab.editor.hours
    assert hours.totals.rowCount() == 2
    assert hours.totals.item(0, 0).text() == str(TODAY.year)
    assert hours.totals.item(0, 3).text() == "3,5"
    assert hours.totals.item(1, 2).text() == "Zentrum Senioren"
    assert hours.lines.rowCount() == 1
    activity = tab.editor.activity
    assert activity.rides.item(0, 2).text() == "Fahrer/in"
    assert activity.rides.item(0, 4).text() == "Markt Bitburg"
    assert activity.rides.horizontalHeaderItem(4).text() == "Ziel"
    assert activity.events.horizontalHeaderItem(4).text() == "Titel"
    assert activity.events.item(0, 4).text() == "Vereinsmesse"
    assert activity.certificates.item(0, 0).text() == f"{TODAY.year}-0001"


def test_the_list_is_exported_with_its_filters(tab, ctx, dialogs, tmp_path: Path) -> None:
    add_people(ctx.db, 12)
    tab.refresh()
    status = tab.combo("status")
    status.setCurrentIndex(status.findText("Inaktiv"))
    assert tab.model.rowCount() == 2
    dialogs.paths = [str(tmp_path / "inaktive")]
    tab.export_button.click()
    target = tmp_path / "inaktive.xlsx"
    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("Nr.", "Anrede", "Titel", "Vorname", "Nachname")
    assert [row[4] for row in rows[1:]] == ["Person0005", "Person0010"]
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("inform", "Personen exportieren")
    assert text == f"2 Personen wurden nach {target} geschrieben."
    assert tab.export_button.isEnabled()


def test_the_list_is_exported_as_csv_for_excel(tab, ctx, dialogs, tmp_path: Path) -> None:
    add_people(ctx.db, 3)
    tab.refresh()
    dialogs.paths = [str(tmp_path / "personen.csv")]
    tab.export_button.click()
    with (tmp_path / "personen.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    assert len(rows) == 4


def test_cancelling_the_file_choice_exports_nothing(tab, dialogs, tmp_path: Path) -> None:
    tab.export_button.click()
    assert [kind for kind, _, _ in dialogs.shown] == ["save_path"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03.04.1941", dt.date(1941, 4, 3)),
        ("3.4.41", dt.date(1941, 4, 3)),
        ("030441", dt.date(1941, 4, 3)),
        ("03041941", dt.date(1941, 4, 3)),
        ("1941-04-03", dt.date(1941, 4, 3)),
        ("3.4.26", dt.date(2026, 4, 3)),
        ("31.02.1950", None),
        ("", None),
        ("morgen", None),
    ],
)
def test_dates_are_understood_as_typed(text: str, expected: dt.date | None) -> None:
    assert parse_date(text, past=True, today=dt.date(2026, 11, 18)) == expected


def test_two_digit_years_of_future_dates_are_this_century() -> None:
    assert parse_date("1.2.54") == dt.date(2054, 2, 1)


def test_tags_are_split_trimmed_and_kept_once() -> None:
    assert split_tags(" Lesen, Garten ;lesen,, Erste  Hilfe ") == ("Lesen", "Garten", "Erste Hilfe")


def test_year_totals_head_each_year() -> None:
    from engagement_desk.services.people.activity import HoursTotal

    rows, bold = totals_rows(
        [
            HoursTotal(2026, "Tafel", "Senioren", Decimal("2.5")),
            HoursTotal(2026, "Verein", "", Decimal("1")),
            HoursTotal(2025, "Tafel", "Senioren", Decimal("4")),
        ],
        "gesamt",
    )
    assert bold == [0, 3]
    assert rows[0] == ["2026", "gesamt", "", ("3,5", True)]
    assert rows[3] == ["2025", "gesamt", "", ("4,0", True)]
