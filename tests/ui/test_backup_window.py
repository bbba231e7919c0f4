"""Datensicherung in the window: automatic and manual backups, restore, the status bar."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from builders import add_person
from PySide6.QtGui import QPalette
from ui_helpers import RecordingDialogs

from engagement_desk.services.backup import (
    backup_folder,
    create_backup,
    list_backups,
    set_backup_folder,
    source_name,
)
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.people.persons import count_people
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.main_window import MainWindow
from engagement_desk.ui.widgets.field_errors import ERROR_COLOR


def backups(ctx: AppContext) -> list:
    return list_backups(backup_folder(), source_name(ctx.db.url))


def open_window(qtbot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def office(ctx: AppContext) -> AppContext:
    for number in range(3):
        add_person(ctx.db, "Helga", f"Helfer{number}")
    return ctx


def test_opening_the_office_backs_up_once_a_day_and_says_so(qtbot, office) -> None:
    window = open_window(qtbot, office)
    made = backups(office)
    assert len(made) == 1 and made[0].counts["people"] == 3
    text = window.backups.status_label.text()
    assert text.startswith("Gesichert: ") and made[0].created_at.strftime("%d.%m.%Y") in text

    again = open_window(qtbot, office)  # the same day: no second automatic backup
    assert len(backups(office)) == 1
    assert again.backups.status_label.text() == text


def test_back_up_now_reports_the_counts(qtbot, office, dialogs: RecordingDialogs) -> None:
    window = open_window(qtbot, office)
    window.backups.backup_action.trigger()
    assert len(backups(office)) == 2
    (message,) = dialogs.texts("inform")
    assert "geprüft" in message and "3 Personen" in message


def test_restore_brings_back_the_chosen_backup(qtbot, office, dialogs) -> None:
    window = open_window(qtbot, office)
    add_person(office.db, "Nach", "Sicherung")
    assert count_people(office.db, ListQuery()) == 4

    window.backups.restore_action.trigger()
    dialog = window.backups.restore_dialog
    assert dialog is not None and dialog.table.rowCount() == 1
    assert dialog.table.item(0, 2).text() == "3"
    dialogs.answers = [True]
    dialog.restore_button.click()

    assert count_people(office.db, ListQuery()) == 3
    assert not dialog.isVisible()
    question = dialogs.texts("ask")[-1]
    assert "3 Personen" in question and "ersetzt" in question
    result = window.backups.last_restore
    assert result is not None and result.safety_copy is not None and result.safety_copy.exists()
    assert "wiederhergestellt" in dialogs.texts("inform")[-1]


def test_restore_cancelled_in_the_question_changes_nothing(qtbot, office, dialogs) -> None:
    window = open_window(qtbot, office)
    add_person(office.db, "Nach", "Sicherung")
    window.backups.restore_action.trigger()
    dialogs.answers = [False]
    window.backups.restore_dialog.restore_button.click()
    assert count_people(office.db, ListQuery()) == 4
    assert window.backups.restore_dialog.isVisible()


def test_an_old_backup_turns_the_status_bar_into_a_warning(qtbot, office) -> None:
    practice = dataclasses.replace(office, demo=True)  # no automatic backup: keep the old one
    create_backup(office.db, now=dt.datetime.now() - dt.timedelta(days=9))
    window = open_window(qtbot, practice)
    label = window.backups.status_label
    assert label.text() == "Letzte Sicherung vor 9 Tagen"
    assert label.palette().color(QPalette.ColorRole.WindowText) == ERROR_COLOR


def test_an_unreachable_backup_folder_is_named(qtbot, office, tmp_path: Path) -> None:
    blocker = tmp_path / "kein-ordner"
    blocker.write_text("")
    set_backup_folder(blocker / "Sicherungen")
    window = open_window(qtbot, office)
    assert window.backups.status_label.text().startswith("Sicherungsordner nicht erreichbar")
    assert backups(office) == []


def test_the_backup_folder_can_be_chosen(qtbot, office, dialogs, tmp_path: Path) -> None:
    window = open_window(qtbot, office)
    dialogs.paths = [str(tmp_path / "USB")]
    (tmp_path / "USB").mkdir()
    window.backups.folder_action.trigger()
    assert backup_folder() == (tmp_path / "USB").resolve()


def test_closing_the_window_backs_up_first(qtbot, office) -> None:
    window = open_window(qtbot, office)
    add_person(office.db, "Letzte", "Änderung")
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert backups(office)[0].counts["people"] == 4


def test_a_failed_backup_on_closing_asks_before_closing(qtbot, office, dialogs, tmp_path) -> None:
    blocker = tmp_path / "kein-ordner"
    blocker.write_text("")
    set_backup_folder(blocker / "Sicherungen")
    window = open_window(qtbot, office)
    dialogs.answers = [False]
    window.close()
    assert window.isVisible()
    assert "fehlgeschlagen" in dialogs.texts("ask")[-1]
    assert "nicht erreichbar" in dialogs.texts("ask")[-1]
    dialogs.answers = [True]
    window.close()
    assert not window.isVisible()


@pytest.mark.postgres
def test_a_server_without_backups_from_this_window_is_no_warning(
    qtbot, pg_db, ops, settings, dialogs, languages
) -> None:
    server = AppContext(
        database=pg_db, ops=ops, settings=settings, dialogs=dialogs, languages=languages
    )
    window = open_window(qtbot, server)
    assert backups(server) == []  # the administrator backs up a server, not the window
    assert window.backups.status_label.text() == ""
