"""The window as a restricted staff login on PostgreSQL: every tab it may see opens
without a refusal from the server, and nothing is written just by looking."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from staff_helpers import StaffLogins
from staff_helpers import staff as staff  # the fixture
from ui_helpers import RecordingDialogs, add_agency, add_people

from engagement_desk.models.enums import StaffRole
from engagement_desk.services.staff.access import session_access
from engagement_desk.ui.access import TAB_CAPABILITIES
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import LanguageSwitcher
from engagement_desk.ui.main_window import MainWindow
from engagement_desk.ui.operations import Operations

pytestmark = pytest.mark.postgres


def _audit_rows(staff: StaffLogins) -> int:
    with staff.owner.engine.connect() as connection:
        count = connection.exec_driver_sql("SELECT count(*) FROM audit_entry").scalar_one()
        connection.rollback()
    return count


@pytest.mark.parametrize("role", [StaffRole.LESEN, StaffRole.BUERO, StaffRole.FAHRDIENST])
def test_every_tab_the_role_may_see_opens_without_a_refusal(
    role: StaffRole,
    staff: StaffLogins,
    qtbot,
    tmp_path: Path,
    languages: LanguageSwitcher,
) -> None:
    add_people(staff.owner, 30)
    add_agency(staff.owner)
    db = staff.open(staff.add(role))
    dialogs = RecordingDialogs()
    ctx = AppContext(
        database=db,
        ops=Operations(dialogs, inline=True),
        settings=QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat),
        dialogs=dialogs,
        languages=languages,
    )
    ctx.access.set_access(session_access(db))
    before = _audit_rows(staff)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    opened = []
    for index, page in enumerate(window.pages):
        capability = TAB_CAPABILITIES.get(page.spec.key)
        if capability is not None and not ctx.access.allows(capability):
            assert not window.tabs.isTabEnabled(index)
            continue
        window.show_tab(index)
        QApplication.processEvents()
        opened.append(page.spec.key)
    assert dialogs.shown == [], (role, dialogs.shown)
    assert "people" in opened and "events" in opened
    assert ("rides" in opened) == (role is StaffRole.FAHRDIENST)
    assert _audit_rows(staff) == before  # looking writes nothing
    window.close()
