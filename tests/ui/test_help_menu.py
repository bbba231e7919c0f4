"""Hilfe ▸ Selbsttest shows one line per check; Hilfe ▸ Über names version, database and schema."""

from __future__ import annotations

import pytest

from engagement_desk import __version__, migrator, selftest
from engagement_desk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, ctx) -> MainWindow:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    return main


def help_entries(window: MainWindow) -> list[str]:
    return [action.text() for action in window.help_menu.actions() if action.text()]


def test_the_help_menu_has_the_self_test(window: MainWindow) -> None:
    assert help_entries(window) == [
        "&Handbuch",
        "&Protokoll öffnen",
        "&Selbsttest",
        "&Über Engagement Desk",
    ]


def test_the_self_test_shows_every_check_passed(window: MainWindow, dialogs) -> None:
    window.self_test_action.trigger()

    [(kind, title, text)] = dialogs.shown
    assert (kind, title) == ("inform", "Selbsttest")
    assert text.startswith(f"Alle {len(selftest.CHECKS)} Prüfungen bestanden.")
    assert "OK  PDF Urkunde" in text and "OK  Sicherungsordner erreichbar" in text


def test_a_failing_check_is_a_warning_with_its_reason(
    window: MainWindow, dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_fonts(_scratch: selftest.Scratch) -> None:
        raise selftest.CheckFailed("die Schrift fehlt")

    monkeypatch.setattr(selftest, "CHECKS", (("PDF Urkunde", no_fonts),))

    window.self_test_action.trigger()

    [(kind, title, text)] = dialogs.shown
    assert (kind, title) == ("warn", "Selbsttest")
    assert text == "1 von 1 Prüfungen fehlgeschlagen.\n\nFEHLER  PDF Urkunde: die Schrift fehlt"


def test_about_names_version_database_and_schema_revision(window: MainWindow, dialogs, ctx) -> None:
    window.about_action.trigger()

    [(kind, title, text)] = dialogs.shown
    assert (kind, title) == ("about", "Über Engagement Desk")
    assert f"Engagement Desk {__version__}" in text
    assert f"Datenbank: {ctx.db.display_name}" in text
    assert f"Schema-Version: {migrator.head_revision()}" in text
