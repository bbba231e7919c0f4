"""The issue page selects by volunteer-card rule through the selection service."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from builders import add_person
from certificate_support import set_up_agency
from hours_builders import add_hours_spread
from pdf_helpers import RecordingPdfOutput

from engagement_desk.services.certificates.register_list import count_certificates
from engagement_desk.services.listing import ListQuery
from engagement_desk.ui.certificates.issue_page import IssuePage

TODAY = dt.date.today()
FIRST_DAY = TODAY - dt.timedelta(days=40)


def shown_names(page: IssuePage) -> list[str]:
    model = page.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_the_rule_lists_and_issues_only_who_is_eligible(ctx, qtbot, tmp_path, monkeypatch):
    set_up_agency(ctx.db)
    since = TODAY - dt.timedelta(days=3 * 365)
    for first, last, hours in (("Anna", "Meyer", "260"), ("Bernd", "Klein", "40")):
        person = add_person(
            ctx.db, first, last, birth_date=dt.date(1980, 1, 1), engaged_since=since
        )
        add_hours_spread(ctx.db, person, FIRST_DAY, hours)
    page = IssuePage(ctx, RecordingPdfOutput())
    qtbot.addWidget(page)
    page.year.setValue(FIRST_DAY.year)
    page.load()
    assert shown_names(page) == ["Klein, Bernd", "Meyer, Anna"]

    page.source.setCurrentIndex(page.source.findData("ehrenamtskarte-rp"))
    page.load_candidates()
    assert shown_names(page) == ["Meyer, Anna"]

    page.separate_files.setChecked(True)
    monkeypatch.setattr(page, "choose_folder", lambda: str(tmp_path))
    page.issue_button.click()
    assert [c.person_name for c in page.result.certificates] == ["Anna Meyer"]
    assert count_certificates(ctx.db, ListQuery()) == 1
    assert len(list(Path(tmp_path).glob("*.pdf"))) == 1
