"""The window as each staff role sees it: what is disabled, and the tooltip saying why.

The session is injected (``ctx.access.set_access``) on an SQLite database;
``test_staff_window_pg.py`` opens the window as a real Büro login on PostgreSQL.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QPushButton
from ui_helpers import add_agency, add_people

from engagement_desk.models.enums import StaffRole
from engagement_desk.services.staff.access import Capability, SessionAccess
from engagement_desk.ui.access import refusal_text
from engagement_desk.ui.main_window import MainWindow

RIDES = 2  # the Fahrdienst tab


def session(role: StaffRole | None) -> SessionAccess:
    return SessionAccess(
        login="aweber", display_name="Anna Weber", role=role, server="rathaus:5432/agentur"
    )


@pytest.fixture
def open_as(qtbot, ctx):
    add_people(ctx.db, 3)
    add_agency(ctx.db)

    def window_for(role: StaffRole | None) -> MainWindow:
        ctx.access.set_access(session(role))
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return window_for


def test_buero_sees_no_ride_service_and_why(open_as) -> None:
    window = open_as(StaffRole.BUERO)
    assert not window.tabs.isTabEnabled(RIDES)
    assert window.tabs.tabToolTip(RIDES) == "Ihre Rolle „Büro“ darf den Fahrdienst nicht einsehen."
    assert not window.tab_actions[RIDES].isEnabled()  # Ctrl+3 leads nowhere either
    assert window.login_status.text() == "Angemeldet: Anna Weber (Büro) · rathaus:5432/agentur"
    assert window.windowTitle() == "Engagement Desk – office.sqlite3 – Anna Weber (Büro)"

    people = window.tab("people")
    assert people.new_button.isEnabled()
    assert people.export_button.isEnabled()  # the list it sees, audited
    assert window.import_people_action.isEnabled()
    assert not window.export_action.isEnabled()  # the whole database holds health data
    assert window.export_action.toolTip() == (
        "Ihre Rolle „Büro“ darf keine Daten importieren oder exportieren."
    )
    assert not any(action.isEnabled() for action in window.backups.actions)
    events = window.tab("events")
    assert events.new_action.isEnabled()


def test_lesen_edits_nothing_and_the_editor_is_read_only(qtbot, open_as) -> None:
    window = open_as(StaffRole.LESEN)
    people = window.tab("people")
    reason = "Ihre Rolle „Lesen“ darf keine Personen bearbeiten."
    assert not people.new_button.isEnabled()
    assert people.new_button.toolTip() == reason
    people.new_button.setEnabled(True)  # the tab's own logic, say a selection
    assert not people.new_button.isEnabled()
    assert people.new_button.toolTip() == reason

    people.open_record(1)
    editor = people.editor
    qtbot.waitUntil(editor.isVisible)
    assert not editor.save_button.isEnabled() and editor.save_button.toolTip() == reason
    assert not editor.save_action.isEnabled()
    assert not editor.anonymize_button.isEnabled()
    assert editor.anonymize_button.toolTip() == (
        "Ihre Rolle „Lesen“ darf keine Datenschutz-Auskünfte, Anonymisierungen oder "
        "Löschungen ausführen."
    )
    inputs = [w for w in editor.pages.findChildren(QLineEdit) if w.isVisibleTo(editor)]
    assert inputs and all(w.isReadOnly() for w in inputs)
    buttons = editor.pages.findChildren(QPushButton)  # add a row, give consent again, …
    assert buttons and not any(b.isEnabled() for b in buttons)
    assert not window.tabs.isTabEnabled(RIDES)
    events = window.tab("events")
    assert not events.new_action.isEnabled()
    assert not window.tab("certificates").issue_page.issue_button.isEnabled()


def test_fahrdienst_plans_rides_and_keeps_people_but_no_clubs_or_events(open_as) -> None:
    window = open_as(StaffRole.FAHRDIENST)
    assert window.tabs.isTabEnabled(RIDES) and window.tabs.tabToolTip(RIDES) == ""
    rides = window.tab("rides")
    assert rides.week.plan_button.isEnabled()
    assert window.tab("people").new_button.isEnabled()  # passengers and drivers
    clubs = window.tab("organizations").clubs.new_button
    assert not clubs.isEnabled()
    assert clubs.toolTip() == (
        "Ihre Rolle „Fahrdienst“ darf keine Organisationen und Vermittlungen bearbeiten."
    )
    assert not window.tab("events").new_action.isEnabled()


@pytest.mark.parametrize("role", [StaffRole.LEITUNG, None], ids=["leitung", "owner"])
def test_leitung_and_the_owner_may_do_everything(open_as, role) -> None:
    window = open_as(role)
    assert all(window.tabs.isTabEnabled(i) for i in range(window.tabs.count()))
    people = window.tab("people")
    assert people.new_button.isEnabled() and people.export_button.isEnabled()
    assert people.new_button.toolTip() == "Eine neue Person erfassen (Strg+N)"  # its own
    assert window.export_action.isEnabled()
    assert window.login_status.text().startswith("Angemeldet: Anna Weber (Leitung)")


def test_on_sqlite_the_status_bar_says_single_pc(qtbot, ctx) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.login_status.text() == "Einzelplatz"
    assert window.tabs.isTabEnabled(RIDES)
    assert window.windowTitle() == "Engagement Desk – office.sqlite3"


def test_reasons_and_the_login_follow_the_language(qtbot, open_as, ctx) -> None:
    window = open_as(StaffRole.BUERO)
    window.switch_language("en")
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "People")
    assert window.tabs.tabToolTip(RIDES) == "Your role “Office” may not see the ride service."
    assert window.export_action.toolTip() == "Your role “Office” may not import or export data."
    assert window.login_status.text() == "Logged in: Anna Weber (Office) · rathaus:5432/agentur"
    window.switch_language("de")
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Personen")
    assert window.export_action.toolTip() == (
        "Ihre Rolle „Büro“ darf keine Daten importieren oder exportieren."
    )


def test_own_tooltips_survive_a_language_switch_when_allowed(qtbot, open_as) -> None:
    window = open_as(StaffRole.LEITUNG)
    people = window.tab("people")
    window.switch_language("en")
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "People")
    assert people.new_button.toolTip() == "Enter a new person (Ctrl+N)"


def test_a_new_session_with_more_rights_enables_again(open_as, ctx) -> None:
    window = open_as(StaffRole.LESEN)
    people = window.tab("people")
    assert not people.new_button.isEnabled()
    ctx.access.set_access(session(StaffRole.BUERO))
    window.retranslate_ui()
    assert people.new_button.isEnabled()
    assert people.new_button.toolTip() == "Eine neue Person erfassen (Strg+N)"


@pytest.mark.parametrize("role", [StaffRole.BUERO, StaffRole.FAHRDIENST, StaffRole.LESEN])
def test_the_german_reasons_are_the_access_apis_own_words(languages, role) -> None:
    access = session(role)
    refused = [c for c in Capability if not access.allows(c)]
    assert refused
    for capability in refused:
        assert refusal_text(access, capability) == access.refusal(capability)
    languages.apply("en")
    assert refusal_text(access, refused[0]).startswith("Your role “")
