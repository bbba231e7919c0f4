"""Datei ▸ Webseite veröffentlichen …: the office publishes the club directory from the window."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ui_helpers import add_agency

from engagement_desk.models import Organization
from engagement_desk.ui.main_window import MainWindow
from engagement_desk.ui.organizations.publish_action import FOLDER_SETTING


@pytest.fixture
def window(qtbot, ctx) -> MainWindow:
    add_agency(ctx.db)
    with ctx.db.session() as session:
        session.add(Organization(name="Tafel Kyllheim", city="Kyllheim", may_publish=True))
        session.add(Organization(name="Geheimer Kreis", city="Kyllheim", may_publish=False))
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def file_menu_action(window: MainWindow, text: str):
    for action in window.file_menu.actions():
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no '{text}' in {[a.text() for a in window.file_menu.actions()]}")


def test_publish_from_the_file_menu_writes_the_site_and_offers_the_folder(
    window, ctx, dialogs, tmp_path: Path
) -> None:
    opened: list[Path] = []
    dialogs.open_file = lambda path: opened.append(path) or True
    folder = tmp_path / "Webseite"
    dialogs.paths.append(str(folder))
    dialogs.answers.append(True)  # "Ordner öffnen"

    file_menu_action(window, "Webseite veröffentlichen …").trigger()

    index = (folder / "index.html").read_text(encoding="utf-8")
    assert "Tafel Kyllheim" in index
    assert "Geheimer Kreis" not in index  # no consent to publish
    assert sorted(p.name for p in folder.iterdir()) == [
        "events.json",
        "index.html",
        "organizations.json",
        "style.css",
    ]
    [message] = [text for kind, _title, text in dialogs.shown if kind == "ask"]
    assert re.match(r"Die Webseite zeigt \d+ Organisationen mit \d+ Engagementangeboten", message)
    assert str(folder) in message
    assert opened == [folder]
    assert ctx.settings.value(FOLDER_SETTING) == str(folder)


def test_the_folder_is_remembered_for_the_next_time(window, ctx, dialogs, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    dialogs.paths += [str(folder), None]
    dialogs.answers += [False, False]
    action = file_menu_action(window, "Webseite veröffentlichen …")
    action.trigger()
    action.trigger()  # cancelled in the folder dialog: nothing happens
    suggested = [text for kind, _title, text in dialogs.shown if kind == "directory_path"]
    assert suggested[1] == str(folder)
    assert (folder / "index.html").exists()


def test_a_folder_with_other_files_is_refused_in_german(window, dialogs, tmp_path: Path) -> None:
    (tmp_path / "Steuer.pdf").write_bytes(b"%PDF")
    dialogs.paths.append(str(tmp_path))
    file_menu_action(window, "Webseite veröffentlichen …").trigger()
    problems = [text for kind, _t, text in dialogs.shown if kind in ("warn", "critical")]
    assert any("eigenen Ordner" in text for text in problems), dialogs.shown
    assert (tmp_path / "Steuer.pdf").exists()
    assert not (tmp_path / "index.html").exists()


def test_only_roles_that_keep_the_clubs_may_publish(qtbot, ctx) -> None:
    from engagement_desk.models.enums import StaffRole
    from engagement_desk.services.staff.access import SessionAccess

    def window_as(role: StaffRole) -> MainWindow:
        ctx.access.set_access(
            SessionAccess(login="aweber", display_name="Anna Weber", role=role, server="rathaus")
        )
        main = MainWindow(ctx)
        qtbot.addWidget(main)
        return main

    reader = window_as(StaffRole.LESEN)
    action = file_menu_action(reader, "Webseite veröffentlichen …")
    assert not action.isEnabled()
    assert action.toolTip() == (
        "Ihre Rolle „Lesen“ darf keine Organisationen und Vermittlungen bearbeiten."
    )
    office = window_as(StaffRole.BUERO)
    assert file_menu_action(office, "Webseite veröffentlichen …").isEnabled()
