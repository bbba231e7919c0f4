"""A certificate for one chosen person: from the Urkunden tab and from the person editor."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import add_person
from certificate_support import page_texts, set_up_agency
from hours_builders import add_entry
from pdf_helpers import RecordingPdfOutput
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.certificates.register_list import count_certificates
from engagement_desk.services.listing import ListQuery
from engagement_desk.ui.certificates.one_person_dialog import OnePersonCertificateDialog
from engagement_desk.ui.certificates.tab import CertificatesTab

# The completer's popup, shown offscreen, cannot be raised or grab the keyboard.
pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support raise\(\)$",
    r"^This plugin does not support grabbing the keyboard$",
)
YEAR = dt.date.today().year - 1 if dt.date.today().month < 7 else dt.date.today().year


@pytest.fixture
def people(db):
    set_up_agency(db)
    ids = {
        "weber": add_person(db, "Anna", "Weber", salutation="Frau"),
        "muster": add_person(db, "Max", "Muster", salutation="Herr", title="Dr."),
    }
    for n in range(200):  # a batch would find them all
        ids[f"p{n}"] = add_person(db, f"Person{n}", f"Nachname{n}")
        add_entry(db, ids[f"p{n}"], dt.date(YEAR, 3, 1), "2")
    add_entry(db, ids["weber"], dt.date(YEAR, 3, 2), "7")
    add_entry(db, ids["muster"], dt.date(YEAR, 3, 2), "5")
    return ids


def text_of(pdf) -> str:
    return " ".join(" ".join(page_texts(pdf)).split())


def choose_by_typing(qtbot, dialog: OnePersonCertificateDialog, typed: str, label: str) -> None:
    picker = dialog.person
    picker.setFocus()
    qtbot.keyClicks(picker, typed)
    qtbot.waitUntil(lambda: any(c.label.startswith(label) for c in picker.offered()))
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    row = next(i for i, c in enumerate(picker.offered()) if c.label.startswith(label))
    popup.setCurrentIndex(picker.completer().completionModel().index(row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: picker.person_id is not None)


def test_one_person_from_the_urkunden_tab(ctx, qtbot, people, dialogs, tmp_path):
    ctx.languages.apply("de")
    tab = CertificatesTab(ctx, output=RecordingPdfOutput())
    qtbot.addWidget(tab)
    tab.show()
    qtbot.mouseClick(tab.issue_page.one_person_button, Qt.MouseButton.LeftButton)
    dialog = tab.issue_page.one_person_dialog
    assert dialog is not None and dialog.isVisible()

    choose_by_typing(qtbot, dialog, "Weber", "Weber, Anna")
    qtbot.waitUntil(lambda: dialog.issue_button.isEnabled())
    preview = text_of(dialog.preview.pdf)
    assert "Frau Anna Weber" in preview
    assert "Vorschau" in preview and "Nr. " not in preview
    assert count_certificates(ctx.db, ListQuery()) == 0

    target = tmp_path / "weber.pdf"
    dialogs.paths.append(str(target))
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)

    [question] = dialogs.texts("ask")
    assert question.startswith("1 Urkunde für Anna Weber ausstellen?")
    assert "201" not in question
    assert count_certificates(ctx.db, ListQuery()) == 1
    number = dialog.result.number
    assert number in dialog.result_label.text()
    issued = text_of(target)
    assert "Frau Anna Weber" in issued and number in issued
    # the register shows it
    qtbot.waitUntil(lambda: tab.panel.model.rowCount() == 1)
    assert tab.panel.model.index(0, 0).data() == number


def test_a_second_one_gets_the_next_number(ctx, qtbot, people, dialogs, tmp_path):
    tab = CertificatesTab(ctx, output=RecordingPdfOutput())
    qtbot.addWidget(tab)
    numbers = []
    for typed, label in (("Weber", "Weber, Anna"), ("Muster", "Muster, Max")):
        tab.issue_page.issue_for_one_person()
        dialog = tab.issue_page.one_person_dialog
        choose_by_typing(qtbot, dialog, typed, label)
        qtbot.waitUntil(lambda d=dialog: d.issue_button.isEnabled())
        dialogs.paths.append(str(tmp_path / f"{typed}.pdf"))
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
        numbers.append(dialog.result.number)
        dialog.close()
    assert int(numbers[1][-4:]) == int(numbers[0][-4:]) + 1
    assert "verliehen an Herrn Dr. Max Muster" in text_of(tmp_path / "Muster.pdf")
    assert count_certificates(ctx.db, ListQuery()) == 2


def test_an_engagement_statement_from_the_person_editor(ctx, qtbot, people, dialogs, tmp_path):
    from engagement_desk.ui.people.editor.editor import PersonEditor

    ctx.languages.apply("de")
    editor = PersonEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    editor.open_person(people["muster"])
    qtbot.waitUntil(lambda: editor.certificate_button.isEnabled())
    qtbot.mouseClick(editor.certificate_button, Qt.MouseButton.LeftButton)
    dialog = editor.certificate_dialog
    assert dialog.person.person_id == people["muster"]
    dialog.kind.setFocus()
    index = dialog.kind.findData(CertificateKind.STATEMENT)
    while dialog.kind.currentIndex() != index:
        qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    qtbot.keyClicks(dialog.competences, "Teamarbeit")
    qtbot.waitUntil(
        lambda: dialog.issue_button.isEnabled() and "Teamarbeit" in text_of(dialog.preview.pdf)
    )
    dialogs.paths.append(str(tmp_path / "nachweis.pdf"))
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    [question] = dialogs.texts("ask")
    assert question.startswith("1 Engagementnachweis für Max Muster ausstellen?")
    text = text_of(tmp_path / "nachweis.pdf")
    assert "Herr Dr. Max Muster hat sich" in text
    assert count_certificates(ctx.db, ListQuery()) == 1
    QApplication.processEvents()


def test_saying_no_issues_nothing(ctx, qtbot, people, dialogs, tmp_path):
    tab = CertificatesTab(ctx, output=RecordingPdfOutput())
    qtbot.addWidget(tab)
    tab.issue_page.issue_for_one_person()
    dialog = tab.issue_page.one_person_dialog
    choose_by_typing(qtbot, dialog, "Weber", "Weber, Anna")
    qtbot.waitUntil(lambda: dialog.issue_button.isEnabled())
    dialogs.paths.append(str(tmp_path / "x.pdf"))
    dialogs.answers.append(False)
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    assert count_certificates(ctx.db, ListQuery()) == 0
    assert not (tmp_path / "x.pdf").exists()


def test_double_clicking_a_person_in_the_batch_list_issues_only_theirs(
    ctx, qtbot, people, dialogs, tmp_path
):
    ctx.languages.apply("de")
    tab = CertificatesTab(ctx, output=RecordingPdfOutput())
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    tab.show()
    page = tab.issue_page
    page.year.setValue(YEAR)
    page.load_candidates()
    qtbot.waitUntil(lambda: page.model.rowCount() == 202)
    row = next(i for i, c in enumerate(page.model.candidates) if c.last_name == "Weber")
    page.table.scrollTo(page.model.index(row, 0))
    rect = page.table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    dialog = page.one_person_dialog
    assert dialog is not None and dialog.person.person_id == people["weber"]
    qtbot.waitUntil(lambda: dialog.issue_button.isEnabled())
    dialogs.paths.append(str(tmp_path / "weber.pdf"))
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    assert dialogs.texts("ask")[0].startswith("1 Urkunde für Anna Weber ausstellen?")
    assert count_certificates(ctx.db, ListQuery()) == 1

    dialogs.paths.append(str(tmp_path / "alle.pdf"))
    dialogs.answers.append(False)
    page.issue_button.click()
    batch_question = dialogs.texts("ask")[1]
    assert batch_question.startswith("202 Urkunden") and "Für eine Person" in batch_question
    assert count_certificates(ctx.db, ListQuery()) == 1
