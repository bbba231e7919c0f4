"""Settings → Staff: the staff logins in the window."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from staff_helpers import StaffLogins
from staff_helpers import staff as staff  # the fixture
from ui_helpers import RecordingDialogs

from engagement_desk.db import Database
from engagement_desk.models.enums import StaffRole
from engagement_desk.services.staff.access import session_access
from engagement_desk.services.staff.admin import list_staff
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import LanguageSwitcher
from engagement_desk.ui.operations import Operations
from engagement_desk.ui.settings.dialog import SettingsDialog
from engagement_desk.ui.settings.staff_page import StaffPage

SHOTS = os.environ.get("ENGAGEMENT_DESK_SCREENSHOTS")  # a folder: save the page there


def _context(db: Database, dialogs: RecordingDialogs, languages: LanguageSwitcher, tmp_path: Path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(
        database=db,
        ops=Operations(dialogs, inline=True),
        settings=settings,
        dialogs=dialogs,
        languages=languages,
    )
    ctx.access.set_access(session_access(db))
    return ctx


@pytest.fixture
def settings_dialog(qtbot) -> Iterator[list[SettingsDialog]]:
    made: list[SettingsDialog] = []
    yield made
    for dialog in made:
        dialog.close()


def _open(ctx: AppContext, qtbot, made: list[SettingsDialog]) -> StaffPage:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    made.append(dialog)
    dialog.show()
    return dialog.staff_page


def _rows(page: StaffPage) -> dict[str, tuple[str, ...]]:
    table = page.table
    return {
        table.item(row, 0).text(): tuple(table.item(row, c).text() for c in range(1, 4))
        for row in range(table.rowCount())
    }


def _save_shot(page: StaffPage, name: str) -> None:
    if SHOTS:
        page.window().grab().save(str(Path(SHOTS) / name))


def test_on_sqlite_the_page_explains_that_logins_need_postgresql(
    ctx: AppContext, qtbot, settings_dialog
) -> None:
    page = _open(ctx, qtbot, settings_dialog)
    assert page.table.rowCount() == 0
    assert page.notice.text().startswith("Mitarbeitende und Anmeldungen gibt es nur mit einer")
    for button in page.buttons:
        assert not button.isEnabled()
        assert button.toolTip() == page.notice.text()
    assert page.window().windowTitle() == "Einstellungen"
    assert page.window().pages_list.item(0).text() == "Mitarbeitende"


@pytest.mark.postgres
def test_leitung_adds_changes_and_disables_a_login_by_typing(
    staff: StaffLogins, qtbot, settings_dialog, tmp_path: Path, languages: LanguageSwitcher
) -> None:
    dialogs = RecordingDialogs()
    ctx = _context(staff.open(staff.add(StaffRole.LEITUNG)), dialogs, languages, tmp_path)
    page = _open(ctx, qtbot, settings_dialog)
    assert page.notice.isHidden() and page.add_button.isEnabled()
    assert not page.role_button.isEnabled()  # nothing chosen yet

    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.add_dialog
    assert dialog is not None and dialog.isVisible()
    login = staff.name("gerda")
    qtbot.keyClicks(dialog.login, login)
    qtbot.keyClicks(dialog.full_name, "Gerda Groß")
    dialog.role.setFocus()
    qtbot.keyClicks(dialog.role, "Fahrdienst")
    qtbot.keyClicks(dialog.password, "Nebel-ueber-dem-See-3")
    qtbot.keyClicks(dialog.password_again, "Nebel-ueber-dem-See-4")
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "add-staff-de.png"))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    differ = "Die beiden Passwörter stimmen nicht überein."
    assert dialog.form.error_text("password_again") == differ
    assert dialog.isVisible()

    dialog.password_again.clear()
    qtbot.keyClicks(dialog.password_again, "Nebel-ueber-dem-See-3")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert _rows(page)[login] == ("Gerda Groß", "Fahrdienst", "aktiv")
    assert page.selected() is not None and page.selected().login == login
    _save_shot(page, "staff-page-de.png")

    qtbot.mouseClick(page.role_button, Qt.MouseButton.LeftButton)
    role_dialog = page.role_dialog
    assert role_dialog is not None
    role_dialog.role.setFocus()
    qtbot.keyClicks(role_dialog.role, "Lesen")
    qtbot.mouseClick(
        role_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert _rows(page)[login] == ("Gerda Groß", "Lesen", "aktiv")

    qtbot.mouseClick(page.password_button, Qt.MouseButton.LeftButton)
    password_dialog = page.password_dialog
    assert password_dialog is not None and password_dialog.isVisible()
    qtbot.keyClicks(password_dialog.password, "kurz")
    qtbot.keyClicks(password_dialog.password_again, "kurz")
    set_button = password_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(set_button, Qt.MouseButton.LeftButton)
    assert password_dialog.form.error_text("password").startswith("Das Passwort ist zu kurz")
    for field in (password_dialog.password, password_dialog.password_again):
        field.clear()
        qtbot.keyClicks(field, "Regen-auf-dem-Dach-9")
    qtbot.mouseClick(set_button, Qt.MouseButton.LeftButton)
    assert not password_dialog.isVisible() and page.password_dialog is None

    qtbot.mouseClick(page.disable_button, Qt.MouseButton.LeftButton)
    assert dialogs.texts("ask")[-1].startswith(f"Anmeldung {login} (Gerda Groß) deaktivieren?")
    assert _rows(page)[login] == ("Gerda Groß", "Lesen", "deaktiviert")
    assert not page.disable_button.isEnabled()  # already disabled
    assert [r.active for r in list_staff(ctx.db) if r.login == login] == [False]
    assert dialogs.texts("warn") == []


@pytest.mark.postgres
def test_a_bad_login_name_is_told_at_its_field(
    staff: StaffLogins, qtbot, settings_dialog, tmp_path: Path, languages: LanguageSwitcher
) -> None:
    ctx = _context(staff.owner, RecordingDialogs(), languages, tmp_path)
    page = _open(ctx, qtbot, settings_dialog)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.add_dialog
    qtbot.keyClicks(dialog.login, "Anna Meier")
    qtbot.keyClicks(dialog.password, "Nebel-ueber-dem-See-3")
    qtbot.keyClicks(dialog.password_again, "Nebel-ueber-dem-See-3")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dialog.form.error_text("login").startswith("Ungültiger Anmeldename „Anna Meier“")
    assert dialog.isVisible()


@pytest.mark.postgres
def test_a_buero_login_sees_the_staff_but_may_not_change_them(
    staff: StaffLogins, qtbot, settings_dialog, tmp_path: Path, languages: LanguageSwitcher
) -> None:
    login = staff.add(StaffRole.BUERO, full_name="Bruno Büro")
    ctx = _context(staff.open(login), RecordingDialogs(), languages, tmp_path)
    page = _open(ctx, qtbot, settings_dialog)
    assert _rows(page)[login] == ("Bruno Büro", "Büro", "aktiv")
    reason = "Ihre Rolle „Büro“ darf keine Mitarbeitenden verwalten."
    assert page.notice.text().startswith(reason)
    page.select(login)
    _save_shot(page, "staff-page-buero-de.png")
    for button in page.buttons:
        assert not button.isEnabled()
        assert button.toolTip() == reason


@pytest.mark.postgres
def test_the_page_in_english(
    staff: StaffLogins, qtbot, settings_dialog, tmp_path: Path, languages: LanguageSwitcher
) -> None:
    staff.add(StaffRole.FAHRDIENST, full_name="Fritz Fahr")
    staff.add(StaffRole.LESEN, full_name="Lena Lesen")
    ctx = _context(staff.owner, RecordingDialogs(), languages, tmp_path)
    page = _open(ctx, qtbot, settings_dialog)
    languages.apply("en")
    QApplication.processEvents()  # LanguageChange is posted
    assert page.window().windowTitle() == "Settings"
    assert page.add_button.text() == "&Add …"
    roles = {values[1] for values in _rows(page).values()}
    assert {"Ride service", "Read only"} <= roles
    _save_shot(page, "staff-page-en.png")


def test_file_settings_opens_the_dialog_on_the_staff_page(ctx: AppContext, qtbot) -> None:
    from engagement_desk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.settings_action in window.file_menu.actions()
    assert window.settings_action.text() == "&Einstellungen …"
    window.settings_action.trigger()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.stack.currentWidget() is dialog.staff_page
    dialog.reject()
