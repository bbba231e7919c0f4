"""Serienbriefe in the window: the dialog's counts and files, templates, saved filters."""

from __future__ import annotations

from pathlib import Path

from certificate_support import page_texts, set_up_agency
from letters_support import office_people, recognition_event

from engagement_desk.models.enums import LetterOutput
from engagement_desk.services.letters.filters import list_saved_filters
from engagement_desk.services.letters.recipients import EventSource, SavedFilterSource
from engagement_desk.services.letters.templates import list_templates
from engagement_desk.ui.letters.dialog import LetterDialog, open_event_letters
from engagement_desk.ui.letters.templates_editor import LetterTemplateEditor
from engagement_desk.ui.people.tab import PeopleTab


def test_invitations_count_write_and_offer_to_open(ctx, qtbot, dialogs, tmp_path: Path):
    set_up_agency(ctx.db)
    people = office_people(ctx.db)
    event_id = recognition_event(ctx.db, people)
    dialog = open_event_letters(ctx, None, event_id, "Ehrenamtsgala 2026")
    qtbot.addWidget(dialog)
    assert dialog.source == EventSource(event_id)
    assert dialog.template.currentText() == "Einladung zur Anerkennungsveranstaltung"
    assert dialog.summary.text() == (
        "Briefe (PDF): 2 Empfänger; nicht bedacht: 1 anonymisiert oder archiviert, "
        "1 ohne Einwilligung zur Kontaktaufnahme."
    )
    dialog.outputs[LetterOutput.EMAILS].setChecked(True)
    assert "E-Mail-Liste (CSV): 1 Empfänger" in dialog.summary.text()

    dialog.preview_button.click()
    assert dialog.preview.page_count == 2

    dialogs.paths.append(str(tmp_path))
    dialogs.answers.append(False)  # do not open the file
    dialog.write_button.click()
    letters = next(tmp_path.glob("Serienbrief-*.pdf"))
    assert "Sehr geehrter Herr Muster," in page_texts(letters)[0]
    assert next(tmp_path.glob("E-Mail-Liste-*.csv")).exists()
    kind, _, question = dialogs.shown[-1]
    assert kind == "ask" and letters.name in question and str(letters) in question


def test_a_template_that_needs_an_event_says_so(ctx, qtbot):
    office_people(ctx.db)
    dialog = LetterDialog(
        ctx,
        SavedFilterSource("nicht da"),
        "x",
        template_name="Einladung zur Anerkennungsveranstaltung",
    )
    qtbot.addWidget(dialog)
    assert "Einen gespeicherten Filter „nicht da“ gibt es nicht" in dialog.summary.text()
    assert not dialog.write_button.isEnabled()


def test_template_editor_refuses_unknown_placeholders_and_saves_new_ones(ctx, qtbot):
    editor = LetterTemplateEditor(ctx)
    qtbot.addWidget(editor)
    assert editor.list.count() == 2
    editor.request_new()
    editor.name.setText("Dank")
    editor.subject.setText("Danke, {vorname}")
    editor.body.setPlainText("{briefanrede}\n\nDanke {nachnahme}!")
    assert "{nachnahme}" in editor.form.error_text("body")
    editor.save_button.click()
    assert "Dank" not in {t.name for t in list_templates(ctx.db)}
    editor.body.setPlainText("{briefanrede}\n\nDanke!")
    editor.save_button.click()
    assert "Dank" in {t.name for t in list_templates(ctx.db)}
    assert not editor.is_dirty() and editor.list.count() == 3
    assert editor.list.currentItem().text() == "Dank"


def test_people_list_saves_a_filter_and_writes_letters_from_it(ctx, qtbot):
    office_people(ctx.db)
    tab = PeopleTab(ctx)
    qtbot.addWidget(tab)
    bar = tab.saved_filters
    tab.combo("status").setCurrentIndex(1)  # Active
    bar.choice.setEditText("Alle Aktiven")
    bar.save_button.click()
    [saved] = list_saved_filters(ctx.db)
    assert (saved.name, dict(saved.filters)) == ("Alle Aktiven", {"status": "active"})

    tab.combo("status").setCurrentIndex(0)
    assert bar.applied is None
    bar.choice.setCurrentIndex(0)
    bar.choice.activated.emit(0)
    assert tab.combo("status").currentIndex() == 1
    assert dict(tab.model.query.filters) == {"status": "active"}

    bar.letter_button.click()
    dialog = bar.dialog
    qtbot.addWidget(dialog)
    assert dialog.source == SavedFilterSource("Alle Aktiven")
    assert "Briefe (PDF): 3 Empfänger" in dialog.summary.text()


def test_letters_to_a_certificate_batch_from_the_register(ctx, qtbot, tmp_path: Path):
    import datetime as dt

    from builders import add_person
    from hours_builders import add_entry
    from letters_support import ADDRESS, consent
    from pdf_helpers import RecordingPdfOutput

    from engagement_desk.models.enums import CertificateKind
    from engagement_desk.services.certificates import Selection, issue_certificates
    from engagement_desk.services.letters.recipients import BatchSource
    from engagement_desk.ui.certificates.tab import CertificatesTab

    set_up_agency(ctx.db)
    year = dt.date.today().year - 1
    for name in ("Meyer", "Zorn"):
        person = add_person(ctx.db, "Anna", name, salutation="Frau", **ADDRESS)
        add_entry(ctx.db, person, dt.date(year, 4, 1), "8")
        if name == "Meyer":
            consent(ctx.db, person)
    first, _ = issue_certificates(
        ctx.db, CertificateKind.RECOGNITION, Selection(year=year), single_file=tmp_path / "u.pdf"
    ).certificates
    tab = CertificatesTab(ctx, output=RecordingPdfOutput())
    qtbot.addWidget(tab)
    tab.tabs.setCurrentWidget(tab.register_page)
    page = tab.register_page
    assert not page.letters_button.isEnabled()
    tab.panel.show_record(first.id)
    page.letters_button.click()
    qtbot.addWidget(page.letters)
    assert page.letters.source == BatchSource(first.number)
    assert page.letters.summary.text() == (
        "Briefe (PDF): 1 Empfänger; nicht bedacht: 1 ohne Einwilligung zur Kontaktaufnahme."
    )
