"""Datei ▸ Personen importieren: choose a list, assign columns, see every bad row, import all."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QPushButton, QWizard
from sqlalchemy import func, select

from engagement_desk.db import Database
from engagement_desk.models import Person
from engagement_desk.services.people.importing import import_people
from engagement_desk.services.people.persons import PersonInput, create_person
from engagement_desk.ui.main_window import MainWindow
from engagement_desk.ui.people.import_wizard import ImportWizard, preview_page

HEADER = ["Nachname", "Vorname", "Wohnort/Stadt", "Geburtsdatum", "E-Mail", "Rollen", "Farbe"]
CLEAN = [
    ["Weber", "Hildegard", "Bitburg", "09.03.1941", "h.weber@example.org", "Fahrgast", "blau"],
    ["Schmitz", "Karl", "Bitburg", "12.11.1958", "k.schmitz@example.org", "Fahrer", "rot"],
    ["Yilmaz", "Ayşe", "Trier", "01.04.1990", "a.yilmaz@example.org", "Ehrenamtliche", ""],
]
BAD = [
    ["Weber", "Hildegard", "Bitburg", "31.02.1941", "h.weber@example.org", "Fahrgast", ""],
    ["", "Karl", "Bitburg", "12.11.1958", "", "Fahrer", ""],
    ["Yilmaz", "Ayşe", "Trier", "01.04.1990", "a.yilmaz@example.org", "Astronautin", ""],
    ["Becker", "Jonas", "Prüm", "", "j.becker@example.org", "", ""],
]


def write_csv(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    lines = [";".join(HEADER), *(";".join(row) for row in rows)]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADER)
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def people_count(db: Database) -> int:
    with db.read_session() as session:
        return session.scalar(select(func.count()).select_from(Person)) or 0


@pytest.fixture
def wizard(qtbot, ctx) -> ImportWizard:
    dialog = ImportWizard(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def choose(wizard: ImportWizard, dialogs: Any, path: Path) -> None:
    dialogs.paths.append(str(path))
    wizard.file_page.choose_button.click()


def to_preview(wizard: ImportWizard, city_header: str = "Wohnort/Stadt") -> None:
    """File page → mapping page (the unknown city column assigned by hand) → check page."""
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    wizard.mapping_page.set_field(city_header, "city")
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page


def commit_button(wizard: ImportWizard):
    return wizard.button(QWizard.WizardButton.CommitButton)


def table_texts(model) -> list[list[str]]:
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_the_file_step_reads_the_chosen_file(wizard, dialogs, tmp_path) -> None:
    page = wizard.file_page
    assert wizard.windowTitle() == "Personen importieren"
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    choose(wizard, dialogs, write_csv(tmp_path / "liste.csv", CLEAN))
    assert dialogs.shown[0][:2] == ("open_path", "Personen importieren")
    assert page.path_field.text().endswith("liste.csv")
    assert page.info.text() == (
        "CSV, UTF-8 mit BOM, Trennzeichen „;“ · 3 Zeilen · 7 Spalten, Überschriften in Zeile 1"
    )
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_a_file_that_cannot_be_read_says_why_and_stays(wizard, dialogs, tmp_path) -> None:
    old = tmp_path / "liste.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    choose(wizard, dialogs, old)
    assert wizard.file_page.info.kind == "error"
    assert "„.xls“ kann nicht gelesen werden" in wizard.file_page.info.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_recognised_columns_are_preset_and_unknown_ones_ignored(wizard, dialogs, tmp_path) -> None:
    choose(wizard, dialogs, write_csv(tmp_path / "liste.csv", CLEAN))
    wizard.next()
    page = wizard.mapping_page
    assert page.combo("Nachname").currentText() == "Nachname"
    assert page.combo("Geburtsdatum").currentText() == "Geburtsdatum"
    assert page.combo("E-Mail").currentData() == "email"
    assert page.combo("Wohnort/Stadt").currentText() == "– ignorieren –"
    assert page.combo("Farbe").currentData() is None

    page.set_field("Wohnort/Stadt", "city")
    assert page.mapping()["Wohnort/Stadt"] == "city"
    page.set_field("Vorname", "last_name")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert page.problem.text() == "„Nachname“ ist mehreren Spalten zugeordnet: Nachname, Vorname."
    page.set_field("Vorname", "first_name")
    page.set_field("Nachname", None)
    assert page.problem.text() == (
        "Bitte eine Spalte „Nachname“ zuordnen: ohne sie kann nichts importiert werden."
    )
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.set_field("Nachname", "last_name")
    assert page.problem.isHidden()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_every_bad_row_is_shown_and_nothing_can_be_imported(wizard, dialogs, ctx, tmp_path) -> None:
    choose(wizard, dialogs, write_csv(tmp_path / "liste.csv", BAD))
    to_preview(wizard)
    page = wizard.preview_page
    errors = table_texts(page.errors_model)
    assert [row[:2] for row in errors] == [
        ["2", "Geburtsdatum"],
        ["3", "Nachname"],
        ["4", "Rollen"],
    ]
    assert "„31.02.1941“ ist kein gültiges Datum." in errors[0][2]
    assert "Astronautin" in errors[2][2]
    assert page.tabs.currentIndex() == 0
    assert page.tabs.tabText(0) == "Fehler (3)"
    assert page.verdict.kind == "error"
    assert page.verdict.text().startswith(
        "Solange auch nur eine Zeile fehlerhaft ist, wird nichts importiert. Fehlerhafte Zeilen: 3"
    )
    assert commit_button(wizard).text() == "&Importieren"
    assert not commit_button(wizard).isEnabled()
    assert not page.validatePage()
    assert people_count(ctx.db) == 0
    # The good row is still previewed as it would be stored.
    assert table_texts(page.rows_model) == [
        ["5", "Becker", "Jonas", "Prüm", "", "j.becker@example.org", "", ""]
    ]


def test_a_clean_file_imports_and_the_people_list_shows_it(qtbot, ctx, dialogs, tmp_path) -> None:
    create_person(ctx.db, PersonInput(last_name="Adler", first_name="Erika"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.import_people_action.text() == "&Personen importieren …"
    assert window.import_people_action in window.file_menu.actions()
    people = window.tab("people")
    assert people.model.rowCount() == 1

    window.import_people_action.trigger()
    wizard = window.findChild(ImportWizard)
    assert wizard is not None and wizard.isVisible()
    choose(wizard, dialogs, write_xlsx(tmp_path / "liste.xlsx", CLEAN))
    to_preview(wizard)
    page = wizard.preview_page
    assert page.errors_model.rowCount() == 0
    assert page.tabs.currentIndex() == 1
    rows = table_texts(page.rows_model)
    assert rows[0] == [
        "2",
        "Weber",
        "Hildegard",
        "Bitburg",
        "09.03.1941",
        "h.weber@example.org",
        "Fahrgast",
        "",
    ]
    assert page.summary.text().splitlines()[-1] == "Nicht importierte Spalten: Farbe"
    assert page.verdict.text() == "Keine Fehler. „Importieren“ speichert 3 Personen."
    assert commit_button(wizard).isEnabled()

    commit_button(wizard).click()
    assert wizard.currentPage() is wizard.summary_page
    assert wizard.summary_page.result.text() == (
        "3 Personen wurden importiert. Sie stehen jetzt in der Liste „Personen“."
    )
    assert people_count(ctx.db) == 4
    names = {people.model.index(row, 0).data() for row in range(people.model.rowCount())}
    assert names == {"Adler", "Weber", "Schmitz", "Yilmaz"}
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    wizard.button(QWizard.WizardButton.FinishButton).click()


def test_likely_duplicates_are_left_out_unless_ticked(wizard, dialogs, ctx, tmp_path) -> None:
    create_person(
        ctx.db, PersonInput(last_name="Weber", first_name="Hilde", email="h.weber@example.org")
    )
    choose(wizard, dialogs, write_csv(tmp_path / "liste.csv", CLEAN))
    to_preview(wizard)
    page = wizard.preview_page
    assert page.tabs.tabText(2) == "Mögliche Dubletten (1)"
    [duplicate] = table_texts(page.duplicates_model)
    assert duplicate[1] == "2"
    assert duplicate[2] == "Hilde Weber (gleiche E-Mail-Adresse)"
    assert page.verdict.text() == "Keine Fehler. „Importieren“ speichert 2 Personen."
    page.duplicates_model.set_checked(2, True)
    assert page.verdict.text() == "Keine Fehler. „Importieren“ speichert 3 Personen."
    page.duplicates_model.set_checked(2, False)

    commit_button(wizard).click()
    assert people_count(ctx.db) == 3
    assert "Als mögliche Dubletten nicht importiert: Zeilen 2" in (
        wizard.summary_page.details.text()
    )


def test_cancelling_the_wizard_imports_nothing(wizard, dialogs, ctx, tmp_path) -> None:
    choose(wizard, dialogs, write_csv(tmp_path / "liste.csv", CLEAN))
    to_preview(wizard)
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert not wizard.isVisible()
    assert people_count(ctx.db) == 0


def test_cancelling_a_running_import_saves_nothing(
    qtbot, ctx, dialogs, threaded_ops, tmp_path, monkeypatch
) -> None:
    def import_when_cancelled(*args: Any, progress: Any, **kwargs: Any) -> Any:
        deadline = time.monotonic() + 10
        while not progress.cancelled and time.monotonic() < deadline:
            time.sleep(0.01)
        return import_people(*args, progress=progress, **kwargs)

    monkeypatch.setattr(preview_page, "import_people", import_when_cancelled)
    ctx.ops = threaded_ops
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    choose(wizard, dialogs, write_csv(tmp_path / "liste.csv", CLEAN))
    qtbot.waitUntil(wizard.button(QWizard.WizardButton.NextButton).isEnabled)
    wizard.next()
    wizard.mapping_page.set_field("Wohnort/Stadt", "city")
    wizard.next()
    page = wizard.preview_page
    qtbot.waitUntil(lambda: commit_button(wizard).isEnabled(), timeout=10_000)

    commit_button(wizard).click()
    assert wizard.currentPage() is page
    assert not commit_button(wizard).isEnabled()
    operation = page.operation
    assert operation is not None and operation.watcher is not None
    progress = operation.watcher.dialog
    qtbot.waitUntil(progress.isVisible)
    assert progress.labelText().startswith("Personen werden importiert …")
    progress.findChild(QPushButton).click()
    qtbot.waitUntil(lambda: not threaded_ops.busy, timeout=10_000)
    assert page.verdict.text() == "Der Import wurde abgebrochen; es wurde nichts gespeichert."
    assert wizard.currentPage() is page
    assert commit_button(wizard).isEnabled()
    assert people_count(ctx.db) == 0
    wizard.reject()


def test_an_import_in_the_background_moves_on_to_the_summary(
    qtbot, ctx, dialogs, threaded_ops, tmp_path
) -> None:
    ctx.ops = threaded_ops
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    with qtbot.waitSignal(wizard.imported, timeout=10_000) as imported:
        choose(wizard, dialogs, write_csv(tmp_path / "liste.csv", CLEAN))
        qtbot.waitUntil(wizard.button(QWizard.WizardButton.NextButton).isEnabled)
        to_preview(wizard)
        qtbot.waitUntil(commit_button(wizard).isEnabled, timeout=10_000)
        commit_button(wizard).click()
    assert len(imported.args[0].imported) == 3
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page)
    assert people_count(ctx.db) == 3
    wizard.accept()
