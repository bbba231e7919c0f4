"""Ctrl+K: find a person, a club, an opportunity or an event from anywhere and jump to it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui_helpers import add_people

from engagement_desk.db import Database
from engagement_desk.models import Event
from engagement_desk.models.enums import EventKind, PersonStatus, Role
from engagement_desk.services.errors import ServiceError
from engagement_desk.services.organizations.clubs import OrganizationInput, create_organization
from engagement_desk.services.organizations.opportunities import (
    OpportunityInput,
    create_opportunity,
)
from engagement_desk.services.people.persons import PersonInput, create_person
from engagement_desk.ui.main_window import MainWindow
from engagement_desk.ui.search import GlobalSearchPopup
from engagement_desk.ui.search import popup as popup_module
from engagement_desk.ui.search.results import HEADING_ROLE


def _records(db: Database) -> dict[str, int]:
    weber = create_person(
        db,
        PersonInput(
            last_name="Weber",
            first_name="Hildegard",
            city="Bitburg",
            roles=frozenset({Role.PASSENGER}),
        ),
    )
    create_person(db, PersonInput(last_name="Weberbauer", first_name="Klaus", city="Trier"))
    inactive = create_person(
        db, PersonInput(last_name="Zander", first_name="Ute", status=PersonStatus.INACTIVE)
    )
    club = create_organization(db, OrganizationInput(name="Weberei-Museum Bitburg", city="Bitburg"))
    tafel = create_organization(db, OrganizationInput(name="Tafel Eifel", city="Prüm"))
    opportunity = create_opportunity(
        db, OpportunityInput(organization_id=tafel.id, title="Lebensmittel ausgeben")
    )
    with db.session() as session:
        event = Event(
            kind=EventKind.CLUB_FAIR,
            title="Vereinsmesse Bitburg",
            starts_at=dt.datetime(2026, 5, 9, 10, 0),
            ends_at=dt.datetime(2026, 5, 9, 16, 0),
            place="Stadthalle",
        )
        session.add(event)
        session.flush()
        event_id = event.id
    return {
        "weber": weber.id,
        "zander": inactive.id,
        "club": club.id,
        "tafel": tafel.id,
        "opportunity": opportunity.id,
        "event": event_id,
    }


@pytest.fixture
def records(ctx) -> dict[str, int]:
    add_people(ctx.db, 450)  # more than the list loads at once
    return _records(ctx.db)


@pytest.fixture
def window(qtbot, ctx, records) -> MainWindow:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    return main


def _popup(window: MainWindow) -> GlobalSearchPopup:
    popup = window.search_popup
    assert popup is not None
    return popup


def _type(qtbot, popup: GlobalSearchPopup, text: str) -> None:
    popup.field.setText(text)
    qtbot.waitUntil(lambda: popup.model.hit_count > 0 or "“" in popup.hint.text())


def _rows(popup: GlobalSearchPopup) -> list[tuple[str, bool]]:
    model = popup.model
    return [
        (model.index(row).data(), bool(model.index(row).data(HEADING_ROLE)))
        for row in range(model.rowCount())
    ]


def test_ctrl_k_opens_the_search_over_the_window(qtbot, window) -> None:
    assert window.search_everything_action.shortcut().toString() == "Ctrl+K"
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    popup = _popup(window)
    qtbot.waitUntil(popup.isVisible)
    qtbot.waitUntil(popup.field.hasFocus)
    assert popup.field.placeholderText() == (
        "Personen, Vereine, Angebote und Veranstaltungen suchen …"
    )
    assert popup.hint.text().startswith("Teil eines Namens")


def test_ctrl_k_works_while_a_list_search_field_has_the_focus(qtbot, window) -> None:
    people = window.tab("people")
    people.search.setFocus()
    qtbot.waitUntil(people.search.hasFocus)
    QTest.keyClick(people.search, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search_popup is not None and window.search_popup.isVisible())


def test_typing_finds_people_and_organizations_grouped_by_kind(qtbot, window) -> None:
    window.search_everything_action.trigger()
    popup = _popup(window)
    _type(qtbot, popup, "weber")
    rows = _rows(popup)
    headings = [text for text, heading in rows if heading]
    assert headings == ["Personen", "Vereine & Organisationen"]
    titles = [text for text, heading in rows if not heading]
    assert titles[:2] == ["Hildegard Weber", "Klaus Weberbauer"]
    assert "Weberei-Museum Bitburg" in titles
    assert popup.current_hit() is not None
    assert popup.current_hit().title == "Hildegard Weber"
    assert popup.hint.text() == "↑ ↓ wählen · Enter öffnet · Esc schließt"


def test_nothing_found_says_so(qtbot, window) -> None:
    window.search_everything_action.trigger()
    popup = _popup(window)
    _type(qtbot, popup, "xylophon")
    assert popup.model.rowCount() == 0
    assert popup.hint.text() == "Nichts gefunden für „xylophon“."
    popup.field.clear()
    assert popup.hint.text().startswith("Teil eines Namens")


def test_up_down_skip_the_headings_and_enter_jumps_to_the_person(qtbot, window, records) -> None:
    window.show_tab(3)
    window.search_everything_action.trigger()
    popup = _popup(window)
    _type(qtbot, popup, "weber")
    QTest.keyClick(popup.field, Qt.Key.Key_Down)
    assert popup.current_hit().title == "Klaus Weberbauer"
    QTest.keyClick(popup.field, Qt.Key.Key_Down)
    assert popup.current_hit().title == "Weberei-Museum Bitburg"  # past the heading
    QTest.keyClick(popup.field, Qt.Key.Key_Up)
    QTest.keyClick(popup.field, Qt.Key.Key_Up)
    assert popup.current_hit().title == "Hildegard Weber"
    QTest.keyClick(popup.field, Qt.Key.Key_Up)
    assert popup.current_hit().title == "Hildegard Weber"  # stays on the first hit

    QTest.keyClick(popup.field, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert window.tabs.currentIndex() == 0
    people = window.tab("people")
    assert people.current_id() == records["weber"]
    assert [
        people.model.record_id(i.row()) for i in people.table.selectionModel().selectedRows()
    ] == [records["weber"]]
    assert people.search.text() == "Hildegard Weber"


def test_jumping_to_a_loaded_row_keeps_the_list_as_it_is(window) -> None:
    people = window.tab("people")
    first = people.model.record_id(0)
    window.show_record("person", first, "whatever it is called")
    assert people.current_id() == first
    assert people.search.text() == ""


def test_a_filtered_out_person_is_found_by_clearing_the_filters(qtbot, window, records) -> None:
    people = window.tab("people")
    people.combo("status").setCurrentIndex(1)  # active only
    assert people.model.row_of(records["zander"]) is None
    window.show_record("person", records["zander"], "Ute Zander")
    assert people.combo("status").currentIndex() == 0
    assert people.current_id() == records["zander"]


def test_organizations_and_events_are_shown_in_their_tabs(qtbot, window, records) -> None:
    window.search_everything_action.trigger()
    popup = _popup(window)
    _type(qtbot, popup, "tafel")
    titles = [text for text, heading in _rows(popup) if not heading]
    assert titles == ["Tafel Eifel", "Lebensmittel ausgeben"]
    QTest.keyClick(popup.field, Qt.Key.Key_Return)
    assert window.tabs.currentIndex() == 1
    assert window.tab("organizations").panel.current_id() == records["tafel"]

    window.show_record("event", records["event"], "Vereinsmesse Bitburg")
    assert window.tabs.currentIndex() == 3
    assert window.tab("events").panel.current_id() == records["event"]


def test_an_opportunity_is_opened_by_its_tab(qtbot, window, records, monkeypatch) -> None:
    organizations = window.tab("organizations")
    opened: list[int] = []
    monkeypatch.setattr(organizations, "show_opportunity", opened.append)
    window.show_record("opportunity", records["opportunity"], "Lebensmittel ausgeben")
    assert window.tabs.currentIndex() == 1
    assert opened == [records["opportunity"]]


def test_without_an_opener_an_opportunity_shows_its_organization(
    qtbot, window, records, monkeypatch
) -> None:
    organizations = window.tab("organizations")
    monkeypatch.setattr(organizations, "show_opportunity", None, raising=False)
    window.show_record("opportunity", records["opportunity"], "Lebensmittel ausgeben")
    assert window.tabs.currentIndex() == 1
    assert organizations.panel.current_id() == records["tafel"]


def test_esc_closes_and_ctrl_k_again_shows_the_last_search(qtbot, window) -> None:
    window.search_everything_action.trigger()
    popup = _popup(window)
    _type(qtbot, popup, "weber")
    QTest.keyClick(popup.field, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert window.tabs.currentIndex() == 0
    window.search_everything_action.trigger()
    assert popup.isVisible()
    assert popup.field.text() == "weber"
    assert popup.field.selectedText() == "weber"
    assert popup.current_hit().title == "Hildegard Weber"


def test_enter_before_the_search_ran_opens_the_best_hit(qtbot, window, records) -> None:
    window.search_everything_action.trigger()
    popup = _popup(window)
    popup.field.setText("vereinsmesse")  # Enter at once, inside the typing delay
    QTest.keyClick(popup.field, Qt.Key.Key_Enter)
    assert not popup.isVisible()
    assert window.tabs.currentIndex() == 3
    assert window.tab("events").panel.current_id() == records["event"]


def test_answers_to_older_text_are_dropped(qtbot, threaded_ops, ctx, records) -> None:
    ctx.ops = threaded_ops
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.search_everything_action.trigger()
    popup = _popup(main)
    popup.field.setText("weber")
    popup.search_now()
    popup.field.setText("tafel")  # before the answer for "weber" arrives
    qtbot.waitUntil(lambda: popup.model.hit_count > 0, timeout=5000)
    qtbot.waitUntil(lambda: not threaded_ops.busy, timeout=5000)
    titles = [text for text, heading in _rows(popup) if not heading]
    assert titles == ["Tafel Eifel", "Lebensmittel ausgeben"]
    popup.hide()


def test_a_failed_search_says_so_in_the_popup(qtbot, window, monkeypatch) -> None:
    def locked(*args: object, **kwargs: object) -> list[object]:
        raise ServiceError("Die Datenbank ist gesperrt.")

    monkeypatch.setattr(popup_module, "search_everything", locked)
    window.search_everything_action.trigger()
    popup = _popup(window)
    popup.field.setText("weber")
    qtbot.waitUntil(lambda: "gesperrt" in popup.hint.text())
    assert popup.hint.text() == "Die Suche ist fehlgeschlagen: Die Datenbank ist gesperrt."
    assert popup.isVisible()
    assert popup.results.isHidden()
    assert window.ctx.dialogs.shown == []
