"""Centres and organizations in "Zentren & Vereine", edited as the office does it."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTabBar, QWidget
from ui_helpers import ChoosingDialogs, add_agency

from engagement_desk.models.enums import OrganizationKind, Role
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.organizations.centers import (
    CenterInput,
    create_center,
    get_center,
    list_centers,
    update_center,
)
from engagement_desk.services.organizations.clubs import (
    OrganizationInput,
    create_organization,
    get_organization,
    list_organizations,
)
from engagement_desk.services.organizations.contacts import list_organization_contacts
from engagement_desk.services.people.persons import PersonInput, create_person, get_person
from engagement_desk.ui.main_window import MainWindow
from engagement_desk.ui.organizations.centres_page import CentresPage
from engagement_desk.ui.organizations.organization_editor import CONTACTS, OPPORTUNITIES
from engagement_desk.ui.organizations.tab import CENTRES, CLUBS, FOLLOW_UPS, OrganizationsTab
from engagement_desk.ui.widgets.person_picker import PersonPicker

SAVE, DISCARD, CANCEL = 0, 1, 2


@pytest.fixture
def dialogs() -> ChoosingDialogs:
    return ChoosingDialogs()


@pytest.fixture
def centres(qtbot, ctx) -> CentresPage:
    page = CentresPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    return page


@pytest.fixture
def tab(qtbot, ctx) -> OrganizationsTab:
    widget = OrganizationsTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    return widget


def pick(qtbot, picker: PersonPicker, text: str) -> None:
    """Type into a person picker and choose the first person offered."""
    picker.setText(text)
    qtbot.waitUntil(lambda: bool(picker.offered()))
    picker.choose(picker.offered()[0])


def select_in_list(page: CentresPage, name: str) -> None:
    items = page.list.findItems(name, Qt.MatchFlag.MatchStartsWith)
    page.list.setCurrentItem(items[0])


def weber(ctx) -> int:
    return create_person(
        ctx.db,
        PersonInput(
            first_name="Hildegard",
            last_name="Weber",
            city="Bitburg",
            phone="06561 1234",
            roles=frozenset({Role.VOLUNTEER}),
        ),
    ).id


# --- centres ------------------------------------------------------------------


def test_a_new_centre_is_saved_with_its_contact_person(qtbot, ctx, centres) -> None:
    person_id = weber(ctx)
    editor = centres.editor
    centres.new_button.click()
    assert editor.heading.text() == editor.new_title()
    assert centres.focusWidget() is editor.name

    editor.name.setText("Zentrum Kultur")
    editor.theme.setText("Kultur")
    editor.postal_code.setText("54634")
    editor.city.setText("Bitburg")
    editor.opening_hours.setPlainText("Mi 10–12 Uhr")
    pick(qtbot, editor.contact, "Weber")
    assert editor.contact.text() == "Weber, Hildegard (Bitburg)"
    assert editor.is_dirty()
    editor.save_button.click()

    [saved] = list_centers(ctx.db)
    assert (saved.name, saved.theme, saved.opening_hours, saved.contact_person_id) == (
        "Zentrum Kultur",
        "Kultur",
        "Mi 10–12 Uhr",
        person_id,
    )
    assert not editor.is_dirty()
    assert editor.heading.text() == "Zentrum Kultur"
    assert centres.list.currentItem().text() == "Zentrum Kultur"

    editor.theme.setText("Kultur und Heimat")
    editor.save_action.trigger()  # Ctrl+S
    assert get_center(ctx.db, saved.id).theme == "Kultur und Heimat"
    assert get_center(ctx.db, saved.id).version == saved.version + 1


def test_opening_a_centre_shows_its_contact_and_what_belongs_to_it(ctx, centres) -> None:
    add_agency(ctx.db)
    centres.refresh()
    select_in_list(centres, "Zentrum Senioren")
    assert centres.editor.name.text() == "Zentrum Senioren"
    overview = centres.overview
    clubs = overview.organizations.rows_model
    assert [clubs.rows[i].cells[0] for i in range(clubs.rowCount())] == [
        "Seniorentreff Mitte",
        "Tafel Eifel",
    ]
    volunteers = overview.volunteers.rows_model
    assert [row.cells[:2] for row in volunteers.rows] == [("Karl Schmitz", "3,5")]
    assert overview.tabs.tabText(0).endswith("(2)")
    assert overview.tabs.tabText(2).endswith("(1)")


def test_bad_centre_input_is_shown_at_the_fields_and_nothing_is_saved(ctx, centres) -> None:
    editor = centres.editor
    centres.new_button.click()
    editor.name.setText("   ")
    editor.postal_code.setText("5463")
    editor.email.setText("kein@")
    editor.save_button.click()

    assert list_centers(ctx.db, include_archived=True) == []
    assert editor.form.error_text("name") == "Bitte ausfüllen."
    assert editor.form.error_text("postal_code") == "„5463“ ist keine fünfstellige Postleitzahl."
    assert editor.form.error_text("email") == "„kein@“ ist keine gültige E-Mail-Adresse."
    assert editor.form.error_text("phone") == ""
    assert "border" in editor.form.fields["name"].frame.styleSheet()
    assert editor.name.accessibleDescription() == "Bitte ausfüllen."
    assert centres.focusWidget() is editor.name  # the first bad field, in form order

    editor.name.setText("Zentrum Umwelt")
    assert editor.form.error_text("name") == ""
    assert editor.form.fields["name"].frame.styleSheet() == ""
    assert editor.form.error_text("postal_code")  # still wrong, still shown


def test_a_contact_typed_but_not_chosen_stops_the_save_at_the_field(ctx, centres) -> None:
    weber(ctx)
    editor = centres.editor
    centres.new_button.click()
    editor.name.setText("Zentrum Familie")
    editor.contact.setText("Wbr")
    editor.save_button.click()
    assert editor.form.error_text("contact_person_id")
    assert list_centers(ctx.db) == []
    assert centres.focusWidget() is editor.contact


def test_a_conflict_merges_field_by_field(ctx, centres, dialogs) -> None:
    center = create_center(ctx.db, CenterInput(name="Zentrum Jugend", theme="Jugend"))
    centres.refresh()
    select_in_list(centres, "Zentrum Jugend")
    update_center(  # another workstation saves first
        ctx.db,
        center.id,
        CenterInput(name="Zentrum Jugend", theme="Jugendengagement"),
        expected_version=center.version,
    )
    centres.editor.opening_hours.setPlainText("Fr 14–18 Uhr")
    centres.editor.save_button.click()

    dialog = centres.editor.open_conflict_dialog
    assert dialog.choices() == {"theme": False, "opening_hours": True}
    dialog.apply_button.click()
    stored = get_center(ctx.db, center.id)
    assert (stored.theme, stored.opening_hours) == ("Jugendengagement", "Fr 14–18 Uhr")
    assert centres.editor.theme.text() == "Jugendengagement"
    assert not centres.editor.is_dirty()


def test_switching_centres_with_unsaved_changes_asks_first(ctx, centres, dialogs) -> None:
    create_center(ctx.db, CenterInput(name="Zentrum A"))
    create_center(ctx.db, CenterInput(name="Zentrum B"))
    centres.refresh()
    editor = centres.editor
    select_in_list(centres, "Zentrum A")
    editor.theme.setText("geändert")

    dialogs.choices = [CANCEL]
    select_in_list(centres, "Zentrum B")
    assert dialogs.shown[-1][0] == "choose"
    assert editor.name.text() == "Zentrum A"
    assert editor.theme.text() == "geändert"
    assert centres.list.currentItem().text() == "Zentrum A"

    dialogs.choices = [DISCARD]
    select_in_list(centres, "Zentrum B")
    assert editor.name.text() == "Zentrum B"
    assert [c.theme for c in list_centers(ctx.db)] == ["", ""]

    editor.theme.setText("Bürgerschaft")
    dialogs.choices = [SAVE]
    select_in_list(centres, "Zentrum A")
    assert editor.name.text() == "Zentrum A"
    assert [c.theme for c in list_centers(ctx.db)] == ["", "Bürgerschaft"]

    asked = len(dialogs.shown)
    select_in_list(centres, "Zentrum B")  # nothing changed: no question
    assert len(dialogs.shown) == asked


def test_archiving_a_centre_asks_and_hides_it(ctx, centres, dialogs) -> None:
    create_center(ctx.db, CenterInput(name="Zentrum Alt"))
    centres.refresh()
    select_in_list(centres, "Zentrum Alt")
    dialogs.answers = [False]
    centres.editor.archive_button.click()
    assert len(list_centers(ctx.db)) == 1
    dialogs.answers = [True]
    centres.editor.archive_button.click()
    assert list_centers(ctx.db) == []
    assert centres.list.count() == 0
    assert not centres.editor.archive_button.isEnabled()
    centres.show_archived.setChecked(True)
    assert centres.list.count() == 1


# --- organizations ---------------------------------------------------------------


def test_a_new_organization_is_saved_with_centres_and_contacts(qtbot, ctx, tab, dialogs) -> None:
    ids = add_agency(ctx.db)
    family = next(c for c in list_centers(ctx.db) if c.name == "Zentrum Familie")
    tab.refresh()
    editor = tab.clubs.editor
    assert not editor.sections.isTabEnabled(CONTACTS)
    editor.new_action.trigger()  # Ctrl+N
    assert not editor.sections.isTabEnabled(CONTACTS)
    editor.name.setText("Lesepaten Bitburg")
    editor.kind.setCurrentIndex(editor.kind.findData(OrganizationKind.INITIATIVE.value))
    editor.postal_code.setText("54634")
    editor.city.setText("Bitburg")
    editor.website.setText("www.lesepaten-bitburg.de")
    editor.may_publish.setChecked(True)
    for row in range(editor.centers.count()):
        item = editor.centers.item(row)
        if item.text() == family.name:
            item.setCheckState(Qt.CheckState.Checked)
    editor.save_button.click()

    page = list_organizations(ctx.db, ListQuery(text="Lesepaten"))
    [organization_id] = page.ids
    saved = get_organization(ctx.db, organization_id)
    assert (saved.kind, saved.website, saved.may_publish, saved.center_ids) == (
        OrganizationKind.INITIATIVE,
        "www.lesepaten-bitburg.de",
        True,
        (ids["family"],),
    )
    assert tab.panel.current_id() == organization_id  # the list shows what was saved
    assert editor.sections.isTabEnabled(CONTACTS)

    contacts = editor.contacts
    editor.sections.setCurrentIndex(CONTACTS)
    pick(qtbot, contacts.picker, "Schmitz")
    contacts.function.setText("Vorsitzender")
    contacts.add_button.click()
    [contact] = list_organization_contacts(ctx.db, organization_id)
    assert (contact.name, contact.function) == ("Karl Schmitz", "Vorsitzender")
    assert Role.CLUB_CONTACT in get_person(ctx.db, contact.person_id).roles
    assert contacts.table.rows_model.rows[0].cells[:2] == ("Karl Schmitz", "Vorsitzender")
    assert contacts.picker.text() == ""
    assert editor.sections.tabText(CONTACTS).endswith("(1)")

    pick(qtbot, contacts.picker, "Schmitz")
    contacts.add_button.click()  # twice: the service says so at the field
    assert contacts.form.error_text("person_id") == (
        "Karl Schmitz ist schon Ansprechperson von „Lesepaten Bitburg“."
    )

    contacts.table.selectRow(0)
    dialogs.answers = [True]
    contacts.remove_button.click()
    assert list_organization_contacts(ctx.db, organization_id) == []
    assert contacts.table.rows_model.rowCount() == 0


def test_bad_organization_input_is_shown_and_nothing_is_saved(ctx, tab) -> None:
    editor = tab.clubs.editor
    editor.new_action.trigger()
    editor.name.setText("Tafel")
    editor.website.setText("nicht erreichbar")
    editor.phone.setText("abc")
    editor.save_button.click()
    assert list_organizations(ctx.db, ListQuery()).ids == ()
    assert (
        editor.form.error_text("website") == "„nicht erreichbar“ ist keine gültige Internetadresse."
    )
    assert editor.form.error_text("phone") == "„abc“ ist keine gültige Telefonnummer."
    assert tab.focusWidget() is editor.phone  # phone comes before website in the form
    assert editor.state.text()  # "not saved yet"


def test_choosing_another_organization_with_unsaved_changes_asks(ctx, tab, dialogs) -> None:
    add_agency(ctx.db)
    tab.refresh()
    panel, editor = tab.panel, tab.clubs.editor
    panel.table.selectRow(0)
    first = editor.name.text()
    editor.city.setText("Irgendwo")

    dialogs.choices = [CANCEL]
    panel.table.selectRow(1)
    assert editor.name.text() == first
    assert panel.table.currentIndex().row() == 0

    dialogs.choices = [SAVE]
    panel.table.selectRow(1)
    assert editor.name.text() != first
    assert "Irgendwo" in [get_organization(ctx.db, i).city for i in panel.model._ids]


def test_closing_the_window_with_unsaved_changes_asks_first(qtbot, ctx, dialogs) -> None:
    organization = create_organization(ctx.db, OrganizationInput(name="Heimatverein"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    tab = window.tab("organizations")
    tab.show_organization(organization.id)
    tab.clubs.editor.city.setText("Prüm")

    dialogs.choices = [CANCEL]
    window.close()
    assert window.isVisible()
    assert dialogs.shown[-1][0] == "choose"

    dialogs.choices = [DISCARD]
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert get_organization(ctx.db, organization.id).city == ""


def test_sections_remember_the_last_one_and_follow_the_status_bar(qtbot, ctx) -> None:
    add_agency(ctx.db)
    first = OrganizationsTab(ctx)
    qtbot.addWidget(first)
    assert first.sections.currentIndex() == CLUBS
    assert first.status_text() == first.panel.status_text()
    with qtbot.waitSignal(first.status_changed):
        first.sections.setCurrentIndex(CENTRES)
    assert first.status_text() == first.centres.status_text()
    again = OrganizationsTab(ctx)
    qtbot.addWidget(again)
    assert again.sections.currentIndex() == CENTRES


def test_every_input_has_a_name_and_every_label_a_buddy(ctx, tab) -> None:
    tab.clubs.editor.new_action.trigger()
    tab.centres.editor.new_action.trigger()
    pages: list[QWidget] = [tab.clubs.editor, tab.centres.editor, tab.clubs.editor.contacts]
    for page in pages:
        for edit in page.findChildren(QLineEdit):
            if edit.parent() is not None and edit.parent().inherits("QAbstractSpinBox"):
                continue  # the date field's own line edit
            if edit.parent() is not None and edit.parent().inherits("QComboBox"):
                continue
            assert edit.accessibleName(), edit.objectName()
    for editor in (tab.clubs.editor, tab.centres.editor):
        for key, label in editor.form.labels.items():
            assert label.buddy() is editor.form.widget(key), key
    assert not tab.clubs.editor.sections.isTabEnabled(OPPORTUNITIES)  # new: save first


def mnemonics(root: QWidget) -> list[str]:
    """The Alt+letter keys of the labels, buttons and tabs a person sees in ``root``."""
    keys = []
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
    for text in texts:
        found = re.search(r"&(?!&)(.)", text)
        if found:
            keys.append(found.group(1).lower())
    return keys


def test_no_two_visible_mnemonics_share_a_letter(qtbot, ctx, tab) -> None:
    add_agency(ctx.db)
    tab.refresh()
    tab.show()
    qtbot.waitExposed(tab)
    tab.panel.table.selectRow(0)
    editor = tab.clubs.editor
    for section in range(editor.sections.count()):
        editor.sections.setCurrentIndex(section)
        keys = mnemonics(tab)
        assert len(keys) == len(set(keys)), (section, sorted(keys))
    for section in (CENTRES, FOLLOW_UPS):
        tab.sections.setCurrentIndex(section)
        keys = mnemonics(tab)
        assert len(keys) == len(set(keys)), (section, sorted(keys))


def test_texts_follow_a_language_switch(ctx, tab, qtbot) -> None:
    tab.clubs.editor.new_action.trigger()
    ctx.languages.apply("en")  # Qt posts LanguageChange to the top-level widgets
    qtbot.waitUntil(lambda: tab.sections.tabText(CLUBS) == "&Clubs and organizations")
    assert tab.clubs.editor.form.labels["name"].text() == "&Name"
    assert tab.clubs.editor.name.accessibleName() == "Name"
    assert tab.follow_ups.table.model().headerData(0, Qt.Orientation.Horizontal) == "Call on"


def tab_chain(start: QWidget, root: QWidget, steps: int) -> list[QWidget]:
    """The widgets Tab visits from ``start`` on, as far as they are inside ``root``."""
    chain, widget = [start], start
    while len(chain) < steps:
        widget = widget.nextInFocusChain()
        focusable = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if focusable and widget.isVisibleTo(root) and widget.isEnabled():
            if not root.isAncestorOf(widget):
                break
            chain.append(widget)
    return chain


def test_tab_follows_the_form_and_the_keys_are_the_usual_ones(ctx, centres) -> None:
    editor = centres.editor
    centres.new_button.click()
    expected = [
        editor.name,
        editor.theme,
        editor.street,
        editor.postal_code,
        editor.city,
        editor.phone,
        editor.email,
        editor.opening_hours,
        editor.contact,
        editor.description,
        editor.save_button,
    ]
    assert tab_chain(editor.name, editor, len(expected)) == expected
    assert editor.save_action.shortcut().toString() == "Ctrl+S"
    assert editor.new_action.shortcut().toString() == "Ctrl+N"
