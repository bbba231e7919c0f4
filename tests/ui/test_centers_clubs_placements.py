"""Opportunities, matching people to them, and the week's follow-up calls."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from ui_helpers import RecordingDialogs

from engagement_desk.models.enums import OpportunityStatus, PlacementStatus, Role
from engagement_desk.services.organizations.centers import CenterInput, create_center
from engagement_desk.services.organizations.clubs import OrganizationInput, create_organization
from engagement_desk.services.organizations.opportunities import (
    OpportunityInput,
    create_opportunity,
    get_opportunity,
)
from engagement_desk.services.organizations.placements import (
    allowed_next,
    create_placement,
    get_placement,
    placements_of_person,
)
from engagement_desk.services.people.persons import PersonInput, create_person
from engagement_desk.ui.formatting import format_date
from engagement_desk.ui.organizations.opportunity_editor import OpportunityDialog
from engagement_desk.ui.organizations.organization_editor import OPPORTUNITIES
from engagement_desk.ui.organizations.tab import FOLLOW_UPS, OrganizationsTab
from engagement_desk.ui.widgets.forms import to_qdate

TODAY = dt.date.today()


@pytest.fixture
def office(ctx) -> dict[str, int]:
    family = create_center(ctx.db, CenterInput(name="Zentrum Familie"))
    school = create_organization(
        ctx.db,
        OrganizationInput(name="Grundschule Süd", postal_code="54634", center_ids=(family.id,)),
    )
    reading = create_opportunity(
        ctx.db,
        OpportunityInput(
            organization_id=school.id,
            title="Lesepate/Lesepatin",
            center_id=family.id,
            skills=("Lesen", "Kinder"),
            postal_code="54634",
        ),
    )
    anna = create_person(
        ctx.db,
        PersonInput(
            first_name="Anna",
            last_name="Becker",
            postal_code="54634",
            phone="06561 4711",
            roles=frozenset({Role.VOLUNTEER}),
            interests=("Lesen",),
        ),
    )
    return {"family": family.id, "school": school.id, "reading": reading.id, "anna": anna.id}


@pytest.fixture
def tab(qtbot, ctx) -> OrganizationsTab:
    widget = OrganizationsTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    return widget


def test_a_new_opportunity_is_saved_with_skills_and_status(qtbot, ctx, tab, office) -> None:
    tab.show_organization(office["school"])
    editor = tab.clubs.editor
    editor.sections.setCurrentIndex(OPPORTUNITIES)
    listed = editor.opportunities
    assert [row.cells[0] for row in listed.table.rows_model.rows] == ["Lesepate/Lesepatin"]

    listed.new_button.click()
    dialog = listed.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    form = dialog.editor
    assert form.organization.text() == "Grundschule Süd"
    assert form.center.currentData() == office["family"]  # the club's centre to start with
    form.title.setText("Hausaufgabenhilfe")
    form.skills.input.setText("Mathe")
    form.skills.commit()
    form.skills.input.setText("Geduld, Kinder")  # typed, not yet a chip: still saved
    assert form.skills.tags() == ("Mathe", "Geduld", "Kinder")
    form.time_commitment.setText("2 Stunden pro Woche")
    form.volunteers_wanted.setValue(3)
    form.status.setCurrentIndex(form.status.findData(OpportunityStatus.PAUSED.value))
    form.save_button.click()

    saved = get_opportunity(ctx.db, form.record.id)
    assert (saved.title, saved.skills, saved.volunteers_wanted, saved.status) == (
        "Hausaufgabenhilfe",
        ("Geduld", "Kinder", "Mathe"),
        3,
        OpportunityStatus.PAUSED,
    )
    assert saved.center_id == office["family"]
    assert [row.cells[0] for row in listed.table.rows_model.rows] == [
        "Hausaufgabenhilfe",
        "Lesepate/Lesepatin",
    ]
    assert listed.table.current_id() == saved.id
    assert not dialog.matches.place_button.isEnabled()  # paused: nobody is matched

    form.skills.remove("Mathe")
    form.status.setCurrentIndex(form.status.findData(OpportunityStatus.FILLED.value))
    form.save_action.trigger()  # Ctrl+S
    again = get_opportunity(ctx.db, saved.id)
    assert (again.skills, again.status) == (("Geduld", "Kinder"), OpportunityStatus.FILLED)


def test_an_opportunity_without_title_is_not_saved(qtbot, ctx, office) -> None:
    dialog = OpportunityDialog(ctx, opportunity_id=office["reading"])
    qtbot.addWidget(dialog)
    dialog.editor.title.setText("")
    dialog.editor.volunteers_wanted.setValue(0)
    dialog.editor.save_button.click()
    assert dialog.editor.form.error_text("title") == "Bitte ausfüllen."
    assert get_opportunity(ctx.db, office["reading"]).title == "Lesepate/Lesepatin"


def test_matching_shows_reasons_and_placing_creates_a_placement(qtbot, ctx, office) -> None:
    dialog = OpportunityDialog(ctx, opportunity_id=office["reading"])
    qtbot.addWidget(dialog)
    matches = dialog.matches
    [row] = matches.table.rows_model.rows
    assert row.cells[0] == "Anna Becker"
    assert "passt zu: Lesen" in row.cells[2]
    assert "gleiche PLZ 54634" in row.cells[2]
    assert "• passt zu: Lesen" in row.tooltip

    assert not matches.place_button.isEnabled()
    matches.table.selectRow(0)
    assert matches.place_button.isEnabled()
    placed = []
    matches.placement_created.connect(placed.append)
    matches.place_button.click()
    place = matches.place_dialog
    assert place is not None
    assert "Anna Becker" in place.summary.text()
    place.note.setText("ruft nach den Ferien zurück")
    place.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    [placement] = placements_of_person(ctx.db, office["anna"])
    assert placement.status == PlacementStatus.INTEREST
    assert placement.follow_up_on == TODAY + dt.timedelta(days=7)
    assert placement.steps[0].note == "ruft nach den Ferien zurück"
    assert placed == [placement]
    assert matches.table.rows_model.rowCount() == 0  # placed people are no longer offered
    assert "Anna Becker" in matches.done.text()


def test_a_follow_up_before_the_step_is_refused_at_the_field(qtbot, ctx, office) -> None:
    dialog = OpportunityDialog(ctx, opportunity_id=office["reading"])
    qtbot.addWidget(dialog)
    dialog.matches.table.selectRow(0)
    dialog.matches.place_current()
    place = dialog.matches.place_dialog
    assert place is not None
    place.set_follow_up(TODAY - dt.timedelta(days=1))
    place.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert place.form.error_text("follow_up_on") == "Die Wiedervorlage liegt vor dem Schritt."
    assert place.isVisible()  # stays open to correct the date
    assert placements_of_person(ctx.db, office["anna"]) == []


def test_follow_ups_show_an_overdue_call_and_the_next_step_removes_it(
    qtbot, ctx, tab, office
) -> None:
    overdue = create_placement(
        ctx.db,
        office["anna"],
        office["reading"],
        on_date=TODAY - dt.timedelta(days=10),
        note="Anfrage am Telefon",
        follow_up_on=TODAY - dt.timedelta(days=3),
    )
    later = create_person(ctx.db, PersonInput(first_name="Ben", last_name="Berg"))
    create_placement(
        ctx.db, later.id, office["reading"], on_date=TODAY, follow_up_on=TODAY + dt.timedelta(30)
    )
    tab.refresh()
    page = tab.follow_ups
    assert "(1)" in tab.sections.tabText(FOLLOW_UPS)
    assert tab.sections.tabBar().tabTextColor(FOLLOW_UPS).name() == "#b3261e"

    [row] = page.table.rows_model.rows
    assert row.alert
    assert row.cells[0].startswith(format_date(TODAY - dt.timedelta(days=3)))
    assert row.cells[1:4] == ("Anna Becker", "06561 4711", "Lesepate/Lesepatin")
    assert page.placement is not None and page.placement.id == overdue.id  # chosen at once
    offered = [page.status.itemData(i) for i in range(page.status.count())]
    assert offered == [s.value for s in allowed_next(PlacementStatus.INTEREST)]
    assert "Anfrage am Telefon" in page.history.text()

    page.on_date.setDate(to_qdate(TODAY + dt.timedelta(days=1)))
    page.record_button.click()
    assert page.form.error_text("on_date") == "Der Schritt liegt in der Zukunft."
    assert get_placement(ctx.db, overdue.id).status == PlacementStatus.INTEREST

    page.on_date.setDate(to_qdate(TODAY))
    page.status.setCurrentIndex(page.status.findData(PlacementStatus.FIRST_TALK.value))
    page.note.setText("Erstgespräch am Telefon, Termin in der Schule")
    page.next_call_on.setDate(to_qdate(TODAY + dt.timedelta(days=14)))
    page.record_button.click()

    moved = get_placement(ctx.db, overdue.id)
    assert moved.status == PlacementStatus.FIRST_TALK
    assert moved.follow_up_on == TODAY + dt.timedelta(days=14)
    assert moved.steps[-1].note == "Erstgespräch am Telefon, Termin in der Schule"
    assert page.table.rows_model.rowCount() == 0
    assert "(0)" in tab.sections.tabText(FOLLOW_UPS)
    assert page.placement is None and not page.step_box.isEnabled()


def test_a_placement_made_from_the_club_shows_up_in_the_follow_ups(qtbot, ctx, tab, office) -> None:
    tab.show_organization(office["school"])
    listed = tab.clubs.editor.opportunities
    listed.table.selectRow(0)
    listed.open_button.click()
    dialog = listed.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.matches.table.selectRow(0)
    dialog.matches.place_current()
    place = dialog.matches.place_dialog
    assert place is not None
    place.set_follow_up(TODAY)
    place.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert [row.cells[1] for row in tab.follow_ups.table.rows_model.rows] == ["Anna Becker"]
    assert "(1)" in tab.sections.tabText(FOLLOW_UPS)


def test_closing_an_opportunity_with_unsaved_changes_asks(qtbot, ctx, office) -> None:
    class Choosing(RecordingDialogs):
        def choose(self, parent, title, text, choices) -> int:
            self._record("choose", title, text)
            return 1  # discard

    ctx.dialogs = Choosing()
    dialog = OpportunityDialog(ctx, opportunity_id=office["reading"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editor.place.setText("Schulbibliothek")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Close).click()
    assert ctx.dialogs.shown[-1][0] == "choose"
    assert not dialog.isVisible()
    assert get_opportunity(ctx.db, office["reading"]).place == ""
