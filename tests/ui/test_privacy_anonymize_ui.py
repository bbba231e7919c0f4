"""The person editor's *Anonymize …*: preview dialog, question, the anonymised record shown."""

from __future__ import annotations

import datetime as dt

from builders import add_organization
from PySide6.QtWidgets import QDialog
from sqlalchemy import text

from engagement_desk.models import Opportunity, Placement
from engagement_desk.models.enums import PersonStatus, PlacementStatus
from engagement_desk.services.people.persons import PersonInput, create_person, get_person
from engagement_desk.ui.people.tab import PeopleTab, create_people_tab


def _tab(qtbot, ctx) -> PeopleTab:
    people = create_people_tab(ctx)
    qtbot.addWidget(people)
    people.resize(1400, 850)
    people.show()
    qtbot.waitExposed(people)
    return people


def _opened(qtbot, ctx, person_id: int) -> PeopleTab:
    tab = _tab(qtbot, ctx)
    tab.refresh()
    tab.open_person(person_id)
    assert tab.editor.person_id == person_id
    return tab


def test_anonymize_shows_the_preview_then_the_anonymised_record(qtbot, ctx, dialogs):
    person = create_person(
        ctx.db,
        PersonInput(
            first_name="Hildegard",
            last_name="Weber",
            street="Brunnengasse 7",
            city="Bitburg",
            birth_date=dt.date(1950, 2, 3),
            notes="mag Rosen",
        ),
    )
    tab = _opened(qtbot, ctx, person.id)
    button = tab.editor.anonymize_button
    assert button.isEnabled()

    button.click()

    dialog = button.dialog
    assert dialog is not None and dialog.isVisible()
    assert "Hildegard Weber" in dialog.windowTitle()
    removed = [dialog.removed.item(i).text() for i in range(dialog.removed.count())]
    assert "Geburtsdatum (vollständig, auch das Jahr)" in removed
    assert dialog.kept.count() >= 1
    assert not dialog.blocked_box.isVisibleTo(dialog)
    assert dialog.cancel_button.isDefault()
    assert not dialog.grab().isNull()  # it paints (tools/screenshot.py saves tabs to look at)

    dialog.anonymize_button.click()

    record = get_person(ctx.db, person.id)
    assert (record.first_name, record.last_name) == ("", f"Anonymisiert #{person.id}")
    assert record.status == PersonStatus.ARCHIVED and record.notes == ""
    assert tab.editor.master.last_name.text() == f"Anonymisiert #{person.id}"
    assert tab.editor.master.street.text() == ""
    assert dialogs.texts("inform") == [
        f"Die persönlichen Daten wurden gelöscht; der Datensatz heißt jetzt "
        f"„Anonymisiert #{person.id}“."
    ]
    # The index's older segments were merged right after, on the writer queue.
    with ctx.db.read_session() as session:
        blocks = session.execute(text("SELECT block FROM search_index_data")).scalars().all()
    assert not any(b"weber" in bytes(block) for block in blocks if block)


def test_a_blocked_person_sees_why_and_nothing_changes(qtbot, ctx, dialogs):
    person = create_person(ctx.db, PersonInput(first_name="Karl", last_name="Aktiv"))
    club = add_organization(ctx.db, "Tafel Bitburg e.V.")
    with ctx.db.session() as session:
        opportunity = Opportunity(organization_id=club, title="Lebensmittel ausgeben")
        session.add(opportunity)
        session.flush()
        session.add(
            Placement(
                person_id=person.id, opportunity_id=opportunity.id, status=PlacementStatus.ACTIVE
            )
        )
    tab = _opened(qtbot, ctx, person.id)

    tab.editor.anonymize_button.click()

    dialog = tab.editor.anonymize_button.dialog
    assert dialog is not None
    assert dialog.blocked_box.isVisibleTo(dialog)
    assert "Aktive Vermittlungen: Lebensmittel ausgeben bei Tafel Bitburg e.V." in (
        dialog.blockers.text()
    )
    assert not dialog.anonymize_button.isEnabled()
    assert not dialog.grab().isNull()  # it paints (tools/screenshot.py saves tabs to look at)
    dialog.done(QDialog.DialogCode.Rejected)
    assert get_person(ctx.db, person.id).last_name == "Aktiv"


def test_unsaved_changes_are_settled_first(qtbot, ctx, dialogs):
    person = create_person(ctx.db, PersonInput(first_name="Paula", last_name="Neu"))
    tab = _opened(qtbot, ctx, person.id)
    tab.editor.master.city.setText("Trier")
    dialogs.answers.append(False)  # the unsaved-changes question: stay

    tab.editor.anonymize_button.click()

    assert tab.editor.anonymize_button.dialog is None
