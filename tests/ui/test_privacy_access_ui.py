"""The person editor's *Access report …*: asks for a folder, writes the files, shows the letter."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from PySide6.QtWidgets import QDialog

from engagement_desk.services.people.persons import PersonInput, create_person
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.people.tab import PeopleTab, create_people_tab
from engagement_desk.ui.privacy.access_action import FOLDER_KEY, AccessReportButton
from engagement_desk.ui.widgets.pdf_preview import PdfPreviewDialog


def _tab(qtbot, ctx) -> PeopleTab:
    people = create_people_tab(ctx)
    qtbot.addWidget(people)
    people.resize(1400, 850)
    people.show()
    qtbot.waitExposed(people)
    return people


def test_editor_writes_the_access_report_and_shows_it(qtbot, ctx, dialogs, tmp_path: Path):
    person = create_person(
        ctx.db, PersonInput(first_name="Анна", last_name="Петрова", city="Bitburg")
    )
    tab = _tab(qtbot, ctx)
    button = tab.editor.access_button
    assert not button.isEnabled(), "nothing to report on before a person is open"
    tab.refresh()
    tab.open_person(person.id)
    assert button.isEnabled()
    out = tmp_path / "auskunft"
    out.mkdir()
    dialogs.paths.append(str(out))

    button.click()

    assert [k for k, _, _ in dialogs.shown] == ["directory_path"]
    files = sorted(out.iterdir())
    assert [f.suffix for f in files] == [".json", ".pdf"]
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)
    assert json.loads(files[0].read_text("utf-8"))["data"]["person"][0]["last_name"] == "Петрова"
    preview = button.preview
    assert isinstance(preview, PdfPreviewDialog) and preview.isVisible()
    assert preview.page_count >= 2
    assert str(out) in preview.windowTitle()
    assert ctx.settings.value(FOLDER_KEY) == str(out)
    preview.done(QDialog.DialogCode.Rejected)


def test_cancelling_the_folder_writes_nothing(qtbot, ctx, dialogs, tmp_path: Path):
    person = create_person(ctx.db, PersonInput(first_name="Şükrü", last_name="Ağaoğlu"))
    tab = _tab(qtbot, ctx)
    tab.refresh()
    tab.open_person(person.id)

    tab.editor.access_button.click()  # no path scripted: the folder dialog is cancelled

    assert tab.editor.access_button.preview is None
    assert dialogs.texts("critical") == [] and dialogs.texts("warn") == []


def test_report_runs_off_the_gui_thread(
    qtbot, db, threaded_ops, settings, dialogs, languages, tmp_path: Path
):
    ctx = AppContext(
        database=db, ops=threaded_ops, settings=settings, dialogs=dialogs, languages=languages
    )
    person = create_person(db, PersonInput(first_name="Łucja", last_name="Wąsowska"))
    button = AccessReportButton(ctx)
    qtbot.addWidget(button)
    button.set_person(person.id)
    dialogs.paths.append(str(tmp_path))

    button.click()

    qtbot.waitUntil(lambda: button.preview is not None, timeout=10_000)
    assert button.preview.page_count >= 2
    assert len(list(tmp_path.glob("Auskunft-*"))) == 2
    button.preview.done(QDialog.DialogCode.Rejected)
