"""The Datenschutz tab: the review list, its years, and anonymising several people at once."""

from __future__ import annotations

import datetime as dt

from builders import add_person

from engagement_desk.models.enums import PersonStatus
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
