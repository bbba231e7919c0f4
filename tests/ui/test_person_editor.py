"""The person editor in the Personen tab, used as office staff use it."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)
from ui_helpers import ChoosingDialogs

from engagement_desk.models.enums import PersonStatus, Role
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.people.persons import (
    PersonInput,
    count_people,
    create_person,
    get_person,
    update_person,
)
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.main_window import MainWindow
from engagement_desk.ui.people.tab import PeopleTab, create_people_tab

SAVE, DISCARD, CANCEL = 0, 1, 2


@pytest.fixture
def dialogs() -> ChoosingDialogs:
    return ChoosingDialogs()


@pytest.fixture
def tab(qtbot, ctx) -> PeopleTab:
    people = create_people_tab(ctx)
    qtbot.addWidget(people)
    people.resize(1400, 850)
    people.show()
    qtbot.waitExposed(people)
    return people


def weber(ctx, **changes: Any):
    values: dict[str, Any] = {
        "last_name": "Weber",
        "first_name": "Hildegard",
        "postal_code": "54634",
        "city": "Bitburg",
        "email": "h.weber@example.org",
    }
    values.update(changes)
    return create_person(ctx.db, PersonInput(**values))


def opened(tab: PeopleTab, person_id: int) -> None:
    tab.refresh()
    tab.open_person(person_id)
    assert tab.editor.person_id == person_id


def shown(tab: PeopleTab, person_id: int, key: str) -> str:
    row = tab.model.row_of(person_id)
    assert row is not None, "the person is not in the list"
    return tab.model.data(tab.model.index(row, tab.model.column_index(key)))


def test_a_new_person_typed_in_is_saved_and_selected_in_the_list(tab, ctx) -> None:
    tab.new_action.trigger()
    editor, form = tab.editor, tab.editor.master
    assert editor.isVisible() and editor.is_new
    assert editor.header.name_label.text() == "Neue Person"
    form.salutation.setCurrentText("Frau")
    form.first_name.setText("Hildegard")
    form.last_name.setText("Weber")
    form.birth_date.setText("3.4.41")
    form.street.setText("Hauptstraße 5")
    form.postal_code.setText("54634")
    form.city.setText("Bitburg")
    form.phone.setText("0656112345")
    form.email.setText("H.Weber@Example.org")
    form.role_checks[Role.PASSENGER].setChecked(True)
    form.interests.setText("Lesen, Garten, lesen")
    form.languages.setText("Deutsch; Polnisch")
    assert editor.is_dirty() and editor.dirty_label.isVisible()

    editor.save_action.trigger()

    assert editor.person_id is not None
    stored = get_person(ctx.db, editor.person_id)
    assert stored.birth_date == dt.date(1941, 4, 3)
    assert stored.email == "h.weber@example.org"
    assert stored.phone == "06561 12345"
    assert stored.roles == frozenset({Role.PASSENGER})
    assert stored.interests == ("Garten", "Lesen")
    assert stored.languages == ("Deutsch", "Polnisch")
    assert shown(tab, stored.id, "last_name") == "Weber"
    assert shown(tab, stored.id, "roles") == "Fahrgast"
    assert tab.current_id() == stored.id
    assert editor.header.name_label.text() == "Hildegard Weber"
    assert editor.notice.text() == "Gespeichert."
    assert form.phone.text() == "06561 12345"  # shown as stored
    assert not editor.is_dirty()


def test_a_saved_change_shows_in_the_list_and_when_opened_again(tab, ctx) -> None:
    person = weber(ctx)
    opened(tab, person.id)
    tab.editor.master.city.setText("Trier")
    tab.editor.save()
    assert shown(tab, person.id, "city") == "Trier"
    tab.editor.close_action.trigger()
    assert not tab.editor.isVisible()
    tab.panel.activated.emit(person.id)
    assert tab.editor.isVisible()
    assert tab.editor.master.city.text() == "Trier"
    assert get_person(ctx.db, person.id).version == person.version + 1


def test_bad_input_is_shown_at_the_fields_and_nothing_is_saved(tab, ctx) -> None:
    person = weber(ctx)
    opened(tab, person.id)
    editor, form = tab.editor, tab.editor.master
    form.postal_code.setText("5463")
    form.email.setText("weber@")

    editor.save()

    assert editor.errors.fields_in_error() == ["postal_code", "email"]
    assert editor.errors.message("postal_code") == "„5463“ ist keine fünfstellige Postleitzahl."
    assert editor.errors.message("email") == "„weber@“ ist keine gültige E-Mail-Adresse."
    cell = form.postal_code.parentWidget()
    assert cell.message.isVisible() and cell.invalid
    assert form.postal_code.accessibleDescription() == editor.errors.message("postal_code")
    assert tab.window().focusWidget() is form.postal_code
    assert editor.summary.isVisible()
    assert editor.summary.text().startswith("Nicht gespeichert.")
    assert "PLZ: „5463“" in editor.summary.text()
    assert "E-Mail: „weber@“" in editor.summary.text()
    stored = get_person(ctx.db, person.id)
    assert (stored.postal_code, stored.email, stored.version) == (
        "54634",
        "h.weber@example.org",
        person.version,
    )
    assert editor.is_dirty()

    form.postal_code.setText("54636")  # typing clears that field's message
    assert editor.errors.fields_in_error() == ["email"]


def test_a_date_that_is_no_date_stops_the_save_at_the_field(tab, ctx) -> None:
    person = weber(ctx)
    opened(tab, person.id)
    editor = tab.editor
    editor.master.birth_date.setText("31.02.1950")
    editor.master.postal_code.setText("5463")
    editor.save()
    assert editor.errors.message("birth_date") == "„31.02.1950“ ist kein Datum (TT.MM.JJJJ)."
    assert editor.errors.fields_in_error() == ["birth_date", "postal_code"]  # all at once
    assert tab.window().focusWidget() is editor.master.birth_date
    assert get_person(ctx.db, person.id).version == person.version


def test_errors_on_another_page_bring_that_page_forward(tab, ctx) -> None:
    person = weber(ctx)
    opened(tab, person.id)
    editor = tab.editor
    inputs = editor.times.absences.add_row()
    inputs[0].setText("14.07.2026")
    inputs[1].setText("01.07.2026")
    editor.pages.setCurrentIndex(0)
    editor.save()
    assert editor.pages.currentWidget().objectName() == "times_page"
    assert "Abwesenheit 1: Ende 01.07.2026 liegt vor Beginn 14.07.2026." in editor.errors.message(
        "absences"
    )


def test_switching_person_with_unsaved_changes_asks_first(tab, ctx, dialogs) -> None:
    first = weber(ctx)
    second = weber(ctx, first_name="Karl", last_name="Schmitz", email="k@example.org")
    opened(tab, first.id)
    tab.editor.master.city.setText("Trier")

    dialogs.choices = [CANCEL]
    tab.open_person(second.id)
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("choose", "Änderungen speichern?")
    assert "Hildegard Weber" in text
    assert tab.editor.person_id == first.id
    assert tab.editor.master.city.text() == "Trier"

    dialogs.choices = [DISCARD]
    tab.open_person(second.id)
    assert tab.editor.person_id == second.id
    assert get_person(ctx.db, first.id).city == "Bitburg"

    tab.editor.master.city.setText("Prüm")
    dialogs.choices = [SAVE]
    tab.open_person(first.id)
    assert tab.editor.person_id == first.id
    assert get_person(ctx.db, second.id).city == "Prüm"
    assert shown(tab, second.id, "city") == "Prüm"

    asked = len(dialogs.shown)
    tab.editor.close_action.trigger()  # nothing changed: closes without asking
    assert len(dialogs.shown) == asked
    assert not tab.editor.isVisible()


def test_esc_with_unsaved_changes_can_be_cancelled(tab, ctx, dialogs) -> None:
    person = weber(ctx)
    opened(tab, person.id)
    tab.editor.master.notes.setPlainText("ruft dienstags an")
    dialogs.choices = [CANCEL]
    tab.editor.close_action.trigger()
    assert tab.editor.isVisible()
    dialogs.choices = [SAVE]
    tab.editor.close_button.click()
    assert not tab.editor.isVisible()
    assert get_person(ctx.db, person.id).notes == "ruft dienstags an"


def test_closing_the_window_with_unsaved_changes_asks_first(qtbot, ctx, dialogs) -> None:
    person = weber(ctx)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    people = window.tab("people")
    people.open_person(person.id)
    people.editor.master.city.setText("Trier")

    dialogs.choices = [CANCEL]
    window.close()
    assert window.isVisible()
    assert dialogs.shown[-1][:2] == ("choose", "Änderungen speichern?")

    dialogs.choices = [DISCARD]
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert get_person(ctx.db, person.id).city == "Bitburg"


def test_archive_asks_and_the_person_shows_as_archived(tab, ctx, dialogs) -> None:
    person = weber(ctx)
    opened(tab, person.id)
    editor = tab.editor
    assert editor.archive_button.isEnabled() and not editor.header.badge.isVisible()

    dialogs.answers = [False]
    editor.archive_button.click()
    assert dialogs.shown[-1][:2] == ("ask", "Person archivieren")
    assert get_person(ctx.db, person.id).status == PersonStatus.ACTIVE

    dialogs.answers = [True]
    editor.archive_button.click()
    assert get_person(ctx.db, person.id).status == PersonStatus.ARCHIVED
    assert editor.header.badge.isVisible() and editor.header.badge.text() == "Archiviert"
    assert not editor.archive_button.isEnabled()
    assert editor.master.status.currentText() == "Archiviert"
    assert shown(tab, person.id, "status") == "Archiviert"
    assert not editor.placements.new_button.isEnabled()


def test_a_likely_duplicate_is_offered_instead_of_a_second_record(tab, ctx) -> None:
    existing = weber(ctx, phone="06561 1234")
    tab.new_person()
    form = tab.editor.master
    form.first_name.setText("Hilde")
    form.last_name.setText("Weber")
    form.mobile.setText("+49 6561 1234")
    tab.editor.save()

    dialog = tab.editor.duplicates_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.people.count() == 1
    assert "Hildegard Weber" in dialog.people.item(0).text()
    assert "gleiche Telefonnummer" in dialog.people.item(0).text()
    dialog.open_button.click()

    assert tab.editor.person_id == existing.id
    assert form.first_name.text() == "Hildegard"
    assert count_people(ctx.db, ListQuery()) == 1
    assert tab.editor.duplicates_dialog is None


def test_a_likely_duplicate_can_be_created_anyway(tab, ctx) -> None:
    weber(ctx)
    tab.new_person()
    form = tab.editor.master
    form.last_name.setText("Weber")
    form.email.setText("h.weber@example.org")
    tab.editor.save()
    dialog = tab.editor.duplicates_dialog
    assert dialog is not None
    assert "gleiche E-Mail-Adresse" in dialog.people.item(0).text()
    dialog.create_button.click()
    assert count_people(ctx.db, ListQuery()) == 2
    assert tab.editor.person_id is not None


def test_invalid_new_person_gets_field_messages_before_any_duplicate_check(tab, ctx) -> None:
    weber(ctx)
    tab.new_person()
    tab.editor.master.email.setText("h.weber@example.org")
    tab.editor.save()
    assert tab.editor.duplicates_dialog is None
    assert tab.editor.errors.message("last_name") == "Bitte ausfüllen."
    assert tab.window().focusWidget() is tab.editor.master.last_name


def test_a_conflicting_save_elsewhere_lets_me_take_the_stored_value(tab, ctx, dialogs) -> None:
    person = weber(ctx)
    opened(tab, person.id)
    tab.editor.master.city.setText("Trier")
    update_person(
        ctx.db,
        person.id,
        PersonInput(last_name="Weber", first_name="Hildegard", city="Prüm"),
        expected_version=person.version,
    )
    dialogs.answers = [True]
    tab.editor.save()
    dialog = tab.editor.open_conflict_dialog
    assert dialog is not None and "city" in dialog.choices()
    for key in dialog.choices():
        dialog.choose(key, mine=False)
    dialog.apply_button.click()
    assert tab.editor.master.city.text() == "Prüm"
    assert not tab.editor.is_dirty()
    assert get_person(ctx.db, person.id).city == "Prüm"


def test_a_conflict_says_which_changed_tables_must_be_entered_again(tab, ctx, dialogs) -> None:
    person = weber(ctx)
    opened(tab, person.id)
    tab.editor.times.availability.add_row()  # a table of rows: not taken over value by value
    tab.editor.master.city.setText("Trier")
    update_person(
        ctx.db,
        person.id,
        PersonInput(last_name="Weber", first_name="Hildegard", city="Prüm"),
        expected_version=person.version,
    )
    dialogs.answers = [True, False]  # save without consent: yes; lose the times: no
    tab.editor.save()
    kind, _title, text = dialogs.shown[-1]
    assert kind == "ask" and "werden verworfen: Zeiten & Mobilität." in text
    assert tab.editor.open_conflict_dialog is None  # no: nothing reloaded, nothing lost
    assert tab.editor.master.city.text() == "Trier"
    assert tab.editor.times.availability.entries()

    dialogs.answers = [True, True]
    tab.editor.save()
    dialog = tab.editor.open_conflict_dialog
    assert dialog is not None
    assert dialog.choices() == {"city": True, "postal_code": False, "email": False}


def test_new_and_close_shortcuts_are_in_place(tab) -> None:
    assert tab.new_action.shortcut().toString() == "Ctrl+N"
    assert tab.editor.save_action.shortcut().toString() == "Ctrl+S"
    assert tab.editor.close_action.shortcut().toString() == "Esc"
    assert tab.new_action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    tab.new_button.click()
    assert tab.editor.isVisible()
    assert tab.window().focusWidget() is tab.editor.master.salutation.lineEdit() or (
        tab.window().focusWidget() is tab.editor.master.salutation
    )
    tab.editor.close_action.trigger()
    assert not tab.editor.isVisible()


def test_inputs_have_names_labels_have_buddies_and_tab_follows_the_form(tab, ctx) -> None:
    person = weber(ctx)
    opened(tab, person.id)
    editor = tab.editor
    editor.times.availability.add_row()
    editor.times.absences.add_row()
    editor.consents_page.consents.add_row()
    inputs = [
        w
        for w in editor.findChildren(QWidget)
        if isinstance(w, QLineEdit | QComboBox | QCheckBox | QPlainTextEdit | QAbstractSpinBox)
        and not isinstance(w.parentWidget(), QComboBox | QAbstractSpinBox)
    ]
    assert len(inputs) > 30
    unnamed = [w.objectName() for w in inputs if not w.accessibleName()]
    assert unnamed == []
    for name, label in editor.master.labels.items():
        assert label.buddy() is not None, name
        if name != "roles":
            assert "&" in label.text(), name
    assert editor.master.labels["last_name"].text() == "&Nachname"

    order = editor.master.inputs()
    chain = [order[0]]
    widget = order[0]
    for _ in range(200):
        widget = widget.nextInFocusChain()
        if widget in order and widget not in chain:
            chain.append(widget)
    assert chain == order

    wanted = [tab.new_button, tab.export_button, tab.search, tab.combo("role")]
    chain, widget = [wanted[0]], wanted[0]
    for _ in range(50):
        widget = widget.nextInFocusChain()
        if widget in wanted and widget not in chain:
            chain.append(widget)
    assert chain == wanted

    times = editor.times.availability
    row = times.row_inputs(0)
    assert row[0].accessibleName() == "Verfügbarkeit 1: Wochentag"
    assert times.add_button.nextInFocusChain() is row[0]


def test_the_mobility_section_is_marked_as_health_data(tab, ctx) -> None:
    person = weber(ctx)
    opened(tab, person.id)
    assert "Gesundheitsdaten (Art. 9 DSGVO)" in tab.editor.times.mobility.heading.text()


def test_the_editor_follows_a_language_switch(qtbot, tab, ctx) -> None:
    person = weber(ctx)
    opened(tab, person.id)
    editor = tab.editor
    ctx.languages.apply("en")
    qtbot.waitUntil(lambda: editor.master.labels["last_name"].text() == "&Last name")
    assert editor.pages.tabText(1) == "Times && mobility"
    assert editor.master.status.currentText() == "Active"
    assert not editor.is_dirty()
    ctx.languages.apply("de")
    qtbot.waitUntil(lambda: editor.master.labels["last_name"].text() == "&Nachname")


def visible_mnemonics(root: QWidget) -> list[str]:
    texts = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if (isinstance(widget, QLabel) and widget.buddy() is not None) or isinstance(
            widget, QAbstractButton
        ):
            texts.append(widget.text())
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
    return [m.group(1).lower() for t in texts if (m := re.search(r"&(?!&)(.)", t))]


def test_no_two_visible_mnemonics_share_a_letter(tab, ctx) -> None:
    person = weber(ctx)
    opened(tab, person.id)
    for page in range(tab.editor.pages.count()):
        tab.editor.pages.setCurrentIndex(page)
        keys = visible_mnemonics(tab)
        assert len(keys) == len(set(keys)), (page, sorted(keys))


def test_saving_works_off_the_gui_thread(qtbot, ctx, threaded_ops) -> None:
    threaded = AppContext(
        database=ctx.db,
        ops=threaded_ops,
        settings=ctx.settings,
        dialogs=ctx.dialogs,
        languages=ctx.languages,
    )
    person = weber(ctx)
    people = create_people_tab(threaded)
    qtbot.addWidget(people)
    people.show()
    qtbot.waitUntil(lambda: people.model.rowCount() == 1)
    people.open_person(person.id)
    qtbot.waitUntil(lambda: people.editor.person_id == person.id)
    people.editor.master.city.setText("Trier")
    people.editor.save()
    people.editor.save()  # pressed twice: the second waits for nothing and is ignored
    qtbot.waitUntil(lambda: not threaded_ops.busy and not people.editor.is_dirty())
    assert get_person(ctx.db, person.id).version == person.version + 1
    qtbot.waitUntil(lambda: shown(people, person.id, "city") == "Trier")
