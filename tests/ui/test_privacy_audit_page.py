"""Datenschutz ▸ Protokoll: the audit trail filtered by person, staff, dates, action; CSV."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from interchange_fixture import populate_all_tables, utc
from PySide6.QtCore import QDate
from sqlalchemy import delete

from engagement_desk.models import AuditEntry
from engagement_desk.models.enums import AuditAction
from engagement_desk.ui.privacy.tab import PrivacyTab

ENTRIES = (
    (1, utc(2026, 3, 2, 8, 0, 0), "mueller", AuditAction.CREATE, "person", 1, "last_name"),
    (2, utc(2026, 3, 3, 9, 0, 0), "schmitz", AuditAction.UPDATE, "placement", 1, "status"),
    (3, utc(2026, 3, 3, 10, 0, 0), "schmitz", AuditAction.UPDATE, "person", 2, "phone"),
    (4, utc(2026, 3, 4, 11, 0, 0), "mueller", AuditAction.EXPORT, "*", None, "3 Personen"),
)


@pytest.fixture
def page(qtbot, ctx, db):
    populate_all_tables(db)
    with db.session() as session:
        session.execute(delete(AuditEntry))
        session.add_all(
            AuditEntry(id=i, at=at, user=u, action=a, entity=e, entity_id=n, summary=s)
            for i, at, u, a, e, n, s in ENTRIES
        )
    tab = PrivacyTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.tabs.setCurrentWidget(tab.audit_page)
    tab.show()
    qtbot.waitExposed(tab)
    yield tab.audit_page  # the tab stays referenced while the test runs


def shown_ids(page) -> list[int]:
    model = page.panel.model
    return [model.record_id(row) for row in range(model.rowCount())]


def test_lists_newest_first_and_filters(page, tmp_path):
    assert shown_ids(page) == [4, 3, 2, 1]
    assert page.status_text() == "4 Einträge"
    model = page.panel.model
    assert model.data(model.index(0, 2)) == "Exportiert"
    assert model.data(model.index(0, 1)) == "mueller"

    users = page.panel.combo("user")
    assert [users.itemText(i) for i in range(users.count())][1:] == ["mueller", "schmitz"]
    users.setCurrentIndex(2)
    assert shown_ids(page) == [3, 2]
    users.setCurrentIndex(0)

    actions = page.panel.combo("action")
    actions.setCurrentIndex(actions.findText("Exportiert"))
    assert shown_ids(page) == [4]
    actions.setCurrentIndex(0)

    page.person.setText("1")  # a number typed instead of a chosen name
    assert shown_ids(page) == [2, 1], "Şükrü and his placement"
    page.person.clear()

    page.date_from.setDate(QDate(2026, 3, 3))
    page.date_to.setDate(QDate(2026, 3, 3))
    assert shown_ids(page) == [3, 2]
    assert page.date_to.text() == "03.03.2026"
    page.date_to.setDate(page.date_to.minimumDate())
    assert page.date_to.text() == "–"
    assert shown_ids(page) == [4, 3, 2]


def test_csv_export_of_what_is_listed(page, dialogs, tmp_path: Path):
    page.panel.combo("user").setCurrentIndex(2)  # schmitz
    target = tmp_path / "protokoll"
    dialogs.paths.append(str(target))

    page.export_button.click()

    written = tmp_path / "protokoll.csv"
    data = written.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "Zeitpunkt;Bearbeiter/in;Aktion;Datensatz;Nr.;Felder / Umfang"
    local = dt.datetime(2026, 3, 3, 10, 0, tzinfo=dt.UTC).astimezone()
    assert lines[1] == f"{local:%d.%m.%Y %H:%M};schmitz;Geändert;person;2;phone"
    assert len(lines) == 3
    assert dialogs.texts("inform") == [f"2 Einträge nach {written} geschrieben."]


def test_screenshot(page, tmp_path: Path):
    page.grab().save(str(tmp_path / "audit_page.png"))
    assert (tmp_path / "audit_page.png").stat().st_size > 0
