"""The Datenschutz tab: the review list, its years, and anonymising several people at once."""

from __future__ import annotations

import datetime as dt

from builders import add_organization, add_person
from sqlalchemy import update

from engagement_desk.models import Opportunity, Placement
from engagement_desk.models.enums import PersonStatus, PlacementStatus
from engagement_desk.services.people.persons import get_person
from engagement_desk.ui.privacy.tab import PrivacyTab

LONG_AGO = dt.datetime(2015, 3, 1, tzinfo=dt.UTC)


def _old_person(db, first: str, last: str, **values) -> int:
    return add_person(db, first, last, created_at=LONG_AGO, updated_at=LONG_AGO, **values)


def test_review_page_lists_people_with_reasons(qtbot, ctx, db):
    quiet = _old_person(db, "Quentin", "Ruhig")
    archived = _old_person(db, "Anja", "Archiv", status=PersonStatus.ARCHIVED)
    add_person(db, "Neu", "Angelegt")
    tab = PrivacyTab(ctx)
    qtbot.addWidget(tab)
    page = tab.review_page
    assert [e.person_id for e in page.model.entries] == [archived, quiet]
    reasons = {e.person_id: e.reason for e in page.model.entries}
    assert "keine Aktivität" in reasons[quiet]
    assert "Archiviert" in reasons[archived]
    assert page.model.data(page.model.index(1, 1)) == "Quentin Ruhig"
    assert "2" in page.count_label.text()
    assert not page.anonymize_button.isEnabled()
    page.table.selectAll()
    assert page.selected_ids() == [archived, quiet]
    assert page.anonymize_button.isEnabled()


def test_review_years_are_remembered(qtbot, ctx, db):
    tab = PrivacyTab(ctx)
    qtbot.addWidget(tab)
    tab.review_page.years.setValue(7)
    assert "7" in tab.review_page.explanation.text()
    again = PrivacyTab(ctx)
    qtbot.addWidget(again)
    assert again.review_page.years.value() == 7


def _active_placement(db, person_id: int) -> None:
    club = add_organization(db, "Tafel Bitburg e.V.")
    with db.session() as session:
        opportunity = Opportunity(organization_id=club, title="Lebensmittel ausgeben")
        session.add(opportunity)
        session.flush()
        session.add(
            Placement(
                person_id=person_id, opportunity_id=opportunity.id, status=PlacementStatus.ACTIVE
            )
        )


def test_bulk_anonymize_previews_asks_and_anonymises_the_possible_ones(qtbot, ctx, db, dialogs):
    quiet = _old_person(db, "Quentin", "Ruhig")
    archived = _old_person(db, "Anja", "Archiv", status=PersonStatus.ARCHIVED)
    busy = _old_person(db, "Bernd", "Beschäftigt")
    _active_placement(db, busy)
    with db.session() as session:  # the placement is old: Bernd is still due for review
        session.execute(update(Placement).values(updated_at=LONG_AGO))
    tab = PrivacyTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1100, 600)
    page = tab.review_page
    assert {e.person_id for e in page.model.entries} == {quiet, archived, busy}
    page.table.selectAll()

    page.anonymize_button.click()

    assert [p.person_id for p in page.last_preview.possible] == [archived, quiet]
    question = dialogs.texts("ask")[-1]
    assert "2 Personen" in question
    assert "Bernd Beschäftigt: Aktive Vermittlungen: Lebensmittel ausgeben" in question
    for pid in (quiet, archived):
        assert get_person(db, pid).last_name == f"Anonymisiert #{pid}"
    assert get_person(db, busy).last_name == "Beschäftigt"
    assert [e.person_id for e in page.model.entries] == [busy]
    assert dialogs.texts("inform")[-1] == "2 Personen wurden anonymisiert."
    assert not tab.grab().isNull()  # it paints (tools/screenshot.py saves tabs to look at)


def test_bulk_anonymize_can_be_declined(qtbot, ctx, db, dialogs):
    quiet = _old_person(db, "Quentin", "Ruhig")
    tab = PrivacyTab(ctx)
    qtbot.addWidget(tab)
    tab.review_page.table.selectAll()
    dialogs.answers.append(False)
    tab.review_page.anonymize_button.click()
    assert get_person(db, quiet).last_name == "Ruhig"
    assert [e.person_id for e in tab.review_page.model.entries] == [quiet]
