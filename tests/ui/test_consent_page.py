"""The person editor's consents page: state per purpose, history, giving again, the warning."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from engagement_desk.models import Person
from engagement_desk.models.enums import ConsentEventKind, ConsentPurpose, ConsentSource
from engagement_desk.services.organizations.clubs import OrganizationInput, create_organization
from engagement_desk.services.organizations.opportunities import (
    OpportunityInput,
    create_opportunity,
)
from engagement_desk.services.organizations.placements import placements_of_person
from engagement_desk.services.people.consents import (
    consent_history,
    give_consent,
    withdraw_consent,
)
from engagement_desk.services.people.persons import PersonInput, create_person
from engagement_desk.ui.people.tab import PeopleTab, create_people_tab

PHOTOS = ConsentPurpose.PHOTOS
TODAY = dt.date.today()


@pytest.fixture
def tab(qtbot, ctx) -> PeopleTab:
    people = create_people_tab(ctx)
    qtbot.addWidget(people)
    people.resize(1400, 850)
    people.show()
    qtbot.waitExposed(people)
    return people


def person_with_history(ctx) -> int:
    person = create_person(ctx.db, PersonInput(last_name="Weber", first_name="Hildegard"))
    give_consent(ctx.db, person.id, ConsentPurpose.STORAGE, dt.date(2024, 3, 1), "paper")
    give_consent(ctx.db, person.id, PHOTOS, dt.date(2024, 3, 1), "in_person", "Ordner 3")
    withdraw_consent(ctx.db, person.id, PHOTOS, dt.date(2025, 1, 10), ConsentSource.EMAIL)
    return person.id


def purpose_item(history, purpose: ConsentPurpose):
    tree = history.tree
    for index in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(index)
        if item.data(0, 256) == purpose.value:
            return item
    raise AssertionError(purpose)


def children(item) -> list[tuple[str, str]]:
    return [(item.child(i).text(0), item.child(i).text(1)) for i in range(item.childCount())]


def test_the_page_shows_the_state_per_purpose_and_every_step(tab, ctx) -> None:
    person_id = person_with_history(ctx)
    tab.refresh()
    tab.open_person(person_id)
    history = tab.editor.consents_page.history

    photos = purpose_item(history, PHOTOS)
    assert photos.text(1) == history.tr("Withdrawn on %1").replace("%1", "10.01.2025")
    assert children(photos) == [
        ("01.03.2024", history.tr("Given")),
        ("10.01.2025", history.tr("Withdrawn")),
    ]
    assert photos.child(0).text(4) == "Ordner 3"
    storage = purpose_item(history, ConsentPurpose.STORAGE)
    assert storage.text(1) == history.tr("Given since %1").replace("%1", "01.03.2024")
    contact = purpose_item(history, ConsentPurpose.CONTACT)
    assert contact.text(1) == history.tr("Not recorded") and contact.childCount() == 0


def test_consent_can_be_given_again_after_a_withdrawal(tab, ctx) -> None:
    person_id = person_with_history(ctx)
    tab.refresh()
    tab.open_person(person_id)
    editor = tab.editor
    history = editor.consents_page.history
    editor.pages.setCurrentIndex(2)

    history.select_purpose(ConsentPurpose.STORAGE)
    assert not history.give_again_button.isEnabled()  # standing: nothing to give again
    history.select_purpose(PHOTOS)
    assert history.give_again_button.isEnabled()
    history.give_again_button.click()
    assert editor.is_dirty()
    editor.save()

    steps = [(s.kind, s.on_date) for s in consent_history(ctx.db, person_id) if s.purpose == PHOTOS]
    assert steps == [
        (ConsentEventKind.GIVEN, dt.date(2024, 3, 1)),
        (ConsentEventKind.WITHDRAWN, dt.date(2025, 1, 10)),
        (ConsentEventKind.GIVEN, TODAY),
    ]
    photos = purpose_item(history, PHOTOS)
    assert photos.text(1) == history.tr("Given since %1").replace("%1", f"{TODAY:%d.%m.%Y}")
    assert children(photos)[-1] == (f"{TODAY:%d.%m.%Y}", history.tr("Given again"))
    assert not history.give_again_button.isEnabled()


def test_screenshot_of_the_consents_page(tab, ctx, tmp_path: Path) -> None:
    person_id = person_with_history(ctx)
    give_consent(ctx.db, person_id, PHOTOS, dt.date(2025, 4, 2), ConsentSource.PHONE, "Anruf")
    tab.refresh()
    tab.open_person(person_id)
    tab.editor.pages.setCurrentIndex(2)
    target = Path(os.environ.get("CONSENT_SCREENSHOT_DIR", tmp_path)) / "consents_page.png"
    assert tab.editor.grab().save(str(target))


NO_CONSENT = "Für diese Person ist keine Einwilligung erfasst. Trotzdem speichern?"


def type_new_person(tab) -> None:
    tab.editor.new_person()
    tab.editor.master.last_name.setText("Zander")
    tab.editor.master.first_name.setText("Ottilie")


def test_saving_without_consent_asks_and_cancel_keeps_the_form(tab, ctx, dialogs) -> None:
    type_new_person(tab)
    dialogs.answers = [False]
    tab.editor.save()

    assert dialogs.texts("ask") == [NO_CONSENT]
    assert tab.editor.person_id is None
    assert tab.editor.master.last_name.text() == "Zander"
    assert tab.editor.is_dirty()
    assert tab.editor.pages.currentIndex() == 2  # where the consent is recorded
    with ctx.db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 0

    dialogs.answers = [True]
    tab.editor.save()
    assert dialogs.texts("ask") == [NO_CONSENT, NO_CONSENT]
    assert tab.editor.person_id is not None
    assert not tab.editor.is_dirty()


def test_with_a_consent_nothing_is_asked(tab, ctx, dialogs) -> None:
    type_new_person(tab)
    row = tab.editor.consents_page.consents.add_row()
    row[1].setText(f"{TODAY:%d.%m.%Y}")
    tab.editor.save()
    assert dialogs.texts("ask") == []
    assert tab.editor.person_id is not None


def test_an_existing_person_without_consent_is_asked_about_too(tab, ctx, dialogs) -> None:
    person = create_person(ctx.db, PersonInput(last_name="Weber"))
    tab.refresh()
    tab.open_person(person.id)
    tab.editor.master.city.setText("Bitburg")
    dialogs.answers = [False]
    tab.editor.save()
    assert dialogs.texts("ask") == [NO_CONSENT]
    assert tab.editor.is_dirty() and tab.editor.master.city.text() == "Bitburg"


def test_a_placement_without_consent_to_pass_on_data_asks_first(tab, ctx, dialogs) -> None:
    club = create_organization(ctx.db, OrganizationInput(name="TV Bitburg"))
    create_opportunity(ctx.db, OpportunityInput(organization_id=club.id, title="Übungsleitung"))
    person = create_person(ctx.db, PersonInput(last_name="Weber", first_name="Anna"))
    tab.refresh()
    tab.open_person(person.id)
    panel = tab.editor.placements

    panel.new_button.click()
    dialog = panel.dialog
    dialog.search.setText("Übungsleitung")
    dialog._search()
    dialogs.answers = [False]
    dialog.save_button.click()
    (question,) = dialogs.texts("ask")
    assert "Weitergabe an Vereine" in question and "Anna Weber" in question
    assert dialog.isVisible() and placements_of_person(ctx.db, person.id) == []

    dialogs.answers = [True]
    dialog.save_button.click()
    assert len(placements_of_person(ctx.db, person.id)) == 1


def test_with_consent_to_pass_on_data_the_placement_asks_nothing(tab, ctx, dialogs) -> None:
    club = create_organization(ctx.db, OrganizationInput(name="TV Bitburg"))
    create_opportunity(ctx.db, OpportunityInput(organization_id=club.id, title="Übungsleitung"))
    person = create_person(ctx.db, PersonInput(last_name="Weber", first_name="Anna"))
    give_consent(ctx.db, person.id, ConsentPurpose.SHARE_WITH_ORGANIZATION, TODAY, "paper")
    tab.refresh()
    tab.open_person(person.id)
    tab.editor.placements.new_button.click()
    dialog = tab.editor.placements.dialog
    dialog.search.setText("Übungsleitung")
    dialog._search()
    dialog.save_button.click()
    assert dialogs.texts("ask") == []
    assert len(placements_of_person(ctx.db, person.id)) == 1
