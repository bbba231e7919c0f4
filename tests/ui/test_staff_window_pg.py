"""The window as a real Büro login on PostgreSQL: every tab visited, nothing refused.

The database is opened through the window's own opener (which also reads the
login's role); the server's GRANTs would refuse anything the window tried
beyond the role, and that would show up as a message here.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from staff_helpers import StaffLogins
from staff_helpers import staff as staff  # the fixture
from ui_helpers import RecordingDialogs, add_agency, add_people

from engagement_desk.models.enums import StaffRole
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.database_opener import DatabaseOpener
from engagement_desk.ui.main_window import MainWindow
from engagement_desk.ui.operations import Operations

pytestmark = pytest.mark.postgres


def open_window_as(qtbot, staff: StaffLogins, login: str, settings: QSettings, languages):
    dialogs = RecordingDialogs()
    ctx = AppContext(
        ops=Operations(dialogs, inline=True),
        settings=settings,
        dialogs=dialogs,
        languages=languages,
    )
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    DatabaseOpener(window, ctx, staff.url(login)).open()
    assert ctx.is_open, dialogs.shown
    staff.opened.append(ctx.db)
    return window, ctx, dialogs


def visit_everything(qtbot, window: MainWindow) -> list[str]:
    visited = []
    for index, page in enumerate(window.pages):
        if not window.tabs.isTabEnabled(index):
            continue
        window.tabs.setCurrentIndex(index)
        content = window.current_tab()
        qtbot.wait(10)
        inner = getattr(content, "tabs", None) or getattr(content, "pages", None)
        if inner is not None and hasattr(inner, "count"):
            for sub in range(inner.count()):
                inner.setCurrentIndex(sub)
                qtbot.wait(10)
        visited.append(page.spec.key)
    return visited


def test_a_buero_login_visits_every_tab_without_a_refusal(
    qtbot, staff: StaffLogins, pg_db, settings, languages
) -> None:
    add_people(pg_db, 5)
    add_agency(pg_db)
    login = staff.add(StaffRole.BUERO, full_name="Anna Weber")
    window, ctx, dialogs = open_window_as(qtbot, staff, login, settings, languages)

    assert ctx.access.access.role is StaffRole.BUERO
    place = f"{pg_db.url.host}:{pg_db.url.port or 5432}/{pg_db.url.database}"
    assert window.login_status.text() == f"Angemeldet: Anna Weber (Büro) · {place}"
    assert not window.tabs.isTabEnabled(2)

    visited = visit_everything(qtbot, window)
    assert visited == ["people", "organizations", "events", "certificates", "reports", "privacy"]

    people = window.tab("people")
    window.tabs.setCurrentIndex(0)
    assert people.status_text() == "7 Einträge"  # the list was read as Büro
    people.open_record(people.panel.model.record_id(0))
    editor = people.editor
    qtbot.waitUntil(editor.isVisible)
    assert editor.person_id is not None
    for page in range(editor.pages.count()):
        editor.pages.setCurrentIndex(page)  # the mobility page reads nothing for Büro
        qtbot.wait(10)
    assert not editor.times.mobility.isEnabled()
    assert (
        editor.times.mobility.toolTip() == "Ihre Rolle „Büro“ darf keinen Mobilitätsbedarf lesen."
    )
    assert editor.save_button.isEnabled()

    assert [entry for entry in dialogs.shown if entry[0] in ("warn", "critical")] == []


@pytest.mark.parametrize(
    ("role", "tabs"),
    [
        (
            StaffRole.LESEN,
            ["people", "organizations", "events", "certificates", "reports", "privacy"],
        ),
        (
            StaffRole.FAHRDIENST,
            ["people", "organizations", "rides", "events", "certificates", "reports", "privacy"],
        ),
    ],
    ids=["lesen", "fahrdienst"],
)
def test_lesen_and_fahrdienst_visit_what_they_may_without_a_refusal(
    qtbot, staff: StaffLogins, pg_db, settings, languages, role, tabs
) -> None:
    add_people(pg_db, 5)
    add_agency(pg_db)
    window, ctx, dialogs = open_window_as(qtbot, staff, staff.add(role), settings, languages)
    assert ctx.access.access.role is role
    assert visit_everything(qtbot, window) == tabs
    people = window.tab("people")
    window.tabs.setCurrentIndex(0)
    people.open_record(people.panel.model.record_id(0))
    qtbot.waitUntil(people.editor.isVisible)
    for page in range(people.editor.pages.count()):
        people.editor.pages.setCurrentIndex(page)
        qtbot.wait(10)
    assert people.editor.times.mobility.isEnabled() is (role is StaffRole.FAHRDIENST)
    assert [entry for entry in dialogs.shown if entry[0] in ("warn", "critical")] == []
