"""Every record editor asks before typed changes are lost (ui/widgets/editor_base.py).

For each editor: type into a field, then pick another record in its list (or
switch the window's tab, or the tab's sub-page). The question "Änderungen
speichern?" comes; Abbrechen keeps what was typed and where the selection
was, Verwerfen drops it, Speichern stores it (read back through the service).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLineEdit, QListWidget, QPlainTextEdit, QTabWidget, QWidget
from ride_helpers import driver, order, passenger, service
from ui_helpers import ChoosingDialogs

from engagement_desk.db import Database
from engagement_desk.models.enums import EventKind
from engagement_desk.services.events.editing import create_event, get_event, update_event
from engagement_desk.services.events.questions import add_question, list_questions
from engagement_desk.services.events.records import EventData, ShiftData
from engagement_desk.services.events.shifts import add_shift, list_shifts, update_shift
from engagement_desk.services.hours.listing import list_hours_records
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.organizations.centers import CenterInput, create_center, get_center
from engagement_desk.services.organizations.clubs import (
    OrganizationInput,
    create_organization,
    get_organization,
    update_organization,
)
from engagement_desk.services.organizations.opportunities import (
    OpportunityInput,
    create_opportunity,
    get_opportunity,
)
from engagement_desk.services.people.persons import (
    PersonChoice,
    PersonInput,
    create_person,
    get_person,
    update_person,
)
from engagement_desk.services.rides.drivers import list_drivers
from engagement_desk.services.rides.orders import list_standing_orders
from engagement_desk.services.rides.services_admin import (
    RideServiceInput,
    create_ride_service,
    list_ride_service_records,
)
from engagement_desk.services.rides.vehicles import (
    VehicleInput,
    create_vehicle,
    list_vehicles,
    update_vehicle,
)
from engagement_desk.ui.main_window import MainWindow
from engagement_desk.ui.organizations.opportunity_editor import OpportunityDialog
from engagement_desk.ui.organizations.tab import CENTRES, CLUBS
from engagement_desk.ui.widgets.editor_base import EditorBase, changed_keys
from engagement_desk.ui.widgets.field_errors import ERROR_COLOR

SAVE, DISCARD, CANCEL = 0, 1, 2
QUESTION = "Änderungen speichern?"
DAY = dt.datetime.combine(dt.date.today() + dt.timedelta(days=14), dt.time(10))


@pytest.fixture
def dialogs() -> ChoosingDialogs:
    return ChoosingDialogs()


@pytest.fixture
def window(qtbot, ctx) -> MainWindow:
    widget = MainWindow(ctx)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def set_text(widget: QWidget, text: str) -> None:
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    else:
        assert isinstance(widget, QLineEdit)
        widget.setText(text)


def text_of(widget: QWidget) -> str:
    return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()


def tab_index(window: MainWindow, key: str) -> int:
    return next(i for i, page in enumerate(window.pages) if page.spec.key == key)


def select_list_item(records: QListWidget, record_id: int) -> None:
    """Click the entry of ``record_id`` in a record list."""
    for row in range(records.count()):
        if records.item(row).data(Qt.ItemDataRole.UserRole) == record_id:
            records.setCurrentRow(row)
            return
    raise AssertionError(f"{record_id} not listed")


def selected_list_item(records: QListWidget) -> int | None:
    items = records.selectedItems()
    return items[0].data(Qt.ItemDataRole.UserRole) if items else None


class Case:
    """One editor as a person reaches it: where it is, a field, its list, the stored value."""

    name = ""
    tab = ""

    def seed(self, db: Database) -> tuple[int, int]:
        """Two records, A and B; returns their ids."""
        raise NotImplementedError

    def open(self, window: MainWindow, record_id: int) -> None:
        """Show the editor's tab with record A in the editor."""
        window.show_tab(tab_index(window, self.tab))
        window.tab(self.tab).refresh()  # the records were added after the tab was built

    def editor(self, window: MainWindow) -> EditorBase:
        raise NotImplementedError

    def field(self, window: MainWindow) -> QWidget:
        raise NotImplementedError

    def select(self, window: MainWindow, record_id: int) -> None:
        raise NotImplementedError

    def selected(self, window: MainWindow) -> int | None:
        """The record selected in the list."""
        raise NotImplementedError

    def stored(self, db: Database, record_id: int) -> Any:
        """The field's value as the service reads it back."""
        raise NotImplementedError

    def sub_pages(self, window: MainWindow) -> QTabWidget | None:
        """The tab's sub-page tabs, if the editor sits on one of them."""
        return None

    def type(self, window: MainWindow, text: str) -> None:
        set_text(self.field(window), text)

    def typed(self, window: MainWindow) -> str:
        return text_of(self.field(window))


class People(Case):
    name, tab = "people", "people"

    def seed(self, db):
        a = create_person(db, PersonInput(last_name="Weber", first_name="Hildegard", city="Prüm"))
        b = create_person(db, PersonInput(last_name="Schmitz", first_name="Karl", city="Trier"))
        return a.id, b.id

    def open(self, window, record_id):
        super().open(window, record_id)
        self.select(window, record_id)

    def editor(self, window):
        return window.tab("people").editor

    def field(self, window):
        return self.editor(window).master.city

    def select(self, window, record_id):
        tab = window.tab("people")
        index = tab.model.index(tab.model.row_of(record_id), 0)
        tab.table.setCurrentIndex(index)
        tab.table.activated.emit(index)

    def selected(self, window):
        return window.tab("people").current_id()

    def stored(self, db, record_id):
        return get_person(db, record_id).city


class Centres(Case):
    name, tab = "centres", "organizations"

    def seed(self, db):
        a = create_center(db, CenterInput(name="Zentrum Familie", theme="Familie"))
        b = create_center(db, CenterInput(name="Zentrum Senioren", theme="Senioren"))
        return a.id, b.id

    def open(self, window, record_id):
        super().open(window, record_id)
        window.tab("organizations").sections.setCurrentIndex(CENTRES)
        self.select(window, record_id)

    def editor(self, window):
        return window.tab("organizations").centres.editor

    def field(self, window):
        return self.editor(window).theme

    def select(self, window, record_id):
        select_list_item(window.tab("organizations").centres.list, record_id)

    def selected(self, window):
        item = window.tab("organizations").centres.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def stored(self, db, record_id):
        return get_center(db, record_id).theme

    def sub_pages(self, window):
        return window.tab("organizations").sections


class Clubs(Case):
    name, tab = "clubs", "organizations"

    def seed(self, db):
        a = create_organization(db, OrganizationInput(name="Heimatverein", city="Bitburg"))
        b = create_organization(db, OrganizationInput(name="Sportverein", city="Trier"))
        return a.id, b.id

    def open(self, window, record_id):
        super().open(window, record_id)
        window.tab("organizations").sections.setCurrentIndex(CLUBS)
        self.select(window, record_id)

    def editor(self, window):
        return window.tab("organizations").clubs.editor

    def field(self, window):
        return self.editor(window).city

    def select(self, window, record_id):
        panel = window.tab("organizations").clubs.panel
        panel.table.selectRow(panel.model.row_of(record_id))

    def selected(self, window):
        return window.tab("organizations").clubs.panel.current_id()

    def stored(self, db, record_id):
        return get_organization(db, record_id).city

    def sub_pages(self, window):
        return window.tab("organizations").sections


class Opportunities(Case):
    """Edited in a dialog of its own: "another record" is opening another opportunity there,
    "another page" is closing the dialog."""

    name, tab = "opportunities", "organizations"
    dialog: OpportunityDialog | None = None

    def seed(self, db):
        club = create_organization(db, OrganizationInput(name="Tafel Eifel")).id
        a = create_opportunity(db, OpportunityInput(club, "Ausgabe", place="Bitburg"))
        b = create_opportunity(db, OpportunityInput(club, "Fahrdienst", place="Prüm"))
        return a.id, b.id

    def open(self, window, record_id):
        super().open(window, record_id)
        self.dialog = OpportunityDialog(window.ctx, opportunity_id=record_id, parent=window)
        self.dialog.show()

    def editor(self, window):
        assert self.dialog is not None
        return self.dialog.editor

    def field(self, window):
        return self.editor(window).place

    def select(self, window, record_id):
        self.editor(window).request_open(record_id)

    def selected(self, window):
        return self.editor(window).record_id

    def stored(self, db, record_id):
        return get_opportunity(db, record_id).place


class RideServices(Case):
    name, tab = "ride services", "rides"

    def seed(self, db):
        a = create_ride_service(db, RideServiceInput(name="Einkaufsfahrt"))
        b = create_ride_service(db, RideServiceInput(name="Impffahrten"))
        return a.id, b.id

    def open(self, window, record_id):
        super().open(window, record_id)
        tab = window.tab("rides")
        tab.setCurrentWidget(tab.services)
        self.select(window, record_id)

    def editor(self, window):
        return window.tab("rides").services

    def field(self, window):
        return self.editor(window).name

    def select(self, window, record_id):
        select_list_item(self.editor(window).list, record_id)

    def selected(self, window):
        return selected_list_item(self.editor(window).list)

    def stored(self, db, record_id):
        return next(s.name for s in list_ride_service_records(db) if s.id == record_id)

    def sub_pages(self, window):
        return window.tab("rides")


class Vehicles(RideServices):
    name = "vehicles"

    def seed(self, db):
        a = create_vehicle(db, VehicleInput(label="Bus 1"))
        b = create_vehicle(db, VehicleInput(label="Bus 2"))
        return a.id, b.id

    def open(self, window, record_id):
        Case.open(self, window, record_id)
        tab = window.tab("rides")
        tab.setCurrentWidget(tab.vehicles)
        self.select(window, record_id)

    def editor(self, window):
        return window.tab("rides").vehicles

    def field(self, window):
        return self.editor(window).label

    def stored(self, db, record_id):
        return next(v.label for v in list_vehicles(db) if v.id == record_id)


class Drivers(RideServices):
    name = "drivers"

    def seed(self, db):
        return driver(db, "Karl", "Schmitz"), driver(db, "Anna", "Becker")

    def open(self, window, record_id):
        Case.open(self, window, record_id)
        tab = window.tab("rides")
        tab.setCurrentWidget(tab.drivers)
        self.select(window, record_id)

    def editor(self, window):
        return window.tab("rides").drivers

    def field(self, window):
        return self.editor(window).notes

    def stored(self, db, record_id):
        return next(d.notes for d in list_drivers(db) if d.person_id == record_id)


class StandingOrders(RideServices):
    name = "standing orders"

    def seed(self, db):
        ride_service = service(db)
        weber = passenger(db, "Hildegard", "Weber")
        return (
            order(db, ride_service, weber, destination="Wochenmarkt"),
            order(db, ride_service, weber, rule="FREQ=WEEKLY;BYDAY=TH", destination="Arzt"),
        )

    def open(self, window, record_id):
        Case.open(self, window, record_id)
        tab = window.tab("rides")
        tab.setCurrentWidget(tab.orders)
        self.select(window, record_id)

    def editor(self, window):
        return window.tab("rides").orders

    def field(self, window):
        return self.editor(window).destination_name

    def stored(self, db, record_id):
        return next(o.destination_name for o in list_standing_orders(db) if o.id == record_id)


class Events(Case):
    name, tab = "events", "events"

    def seed(self, db):
        a = create_event(db, EventData(EventKind.WORKSHOP, "Vereinsforum", DAY, DAY))
        later = DAY + dt.timedelta(days=1)
        b = create_event(db, EventData(EventKind.WORKSHOP, "Werkstatt", later, later))
        return a.id, b.id

    def open(self, window, record_id):
        super().open(window, record_id)
        self.select(window, record_id)
        tab = window.tab("events")
        tab.details.setCurrentWidget(self.part(tab))

    def part(self, tab: Any) -> QWidget:
        return tab.editor

    def editor(self, window):
        return window.tab("events").editor

    def field(self, window):
        return self.editor(window).title

    def select(self, window, record_id):
        panel = window.tab("events").panel
        panel.table.selectRow(panel.model.row_of(record_id))

    def selected(self, window):
        return window.tab("events").panel.current_id()

    def stored(self, db, record_id):
        return get_event(db, record_id).title

    def sub_pages(self, window):
        return window.tab("events").details


class Shifts(Events):
    name = "shifts"

    def seed(self, db):
        fair = create_event(
            db, EventData(EventKind.CLUB_FAIR, "Vereinsmesse", DAY, DAY + dt.timedelta(hours=7))
        ).id
        a = add_shift(db, fair, ShiftData("Aufbau", DAY, DAY + dt.timedelta(hours=2), 2))
        b = add_shift(
            db,
            fair,
            ShiftData("Abbau", DAY + dt.timedelta(hours=5), DAY + dt.timedelta(hours=7), 2),
        )
        self.event_id = fair
        return a.id, b.id

    def open(self, window, record_id):
        Case.open(self, window, record_id)
        tab = window.tab("events")
        tab.panel.table.selectRow(tab.panel.model.row_of(self.event_id))
        tab.details.setCurrentWidget(self.part(tab))
        self.select(window, record_id)

    def part(self, tab):
        return tab.shifts

    def editor(self, window):
        return window.tab("events").shifts

    def select(self, window, record_id):
        panel = self.editor(window)
        panel.table.selectRow(next(i for i, r in enumerate(panel.records) if r.id == record_id))

    def selected(self, window):
        panel = self.editor(window)
        rows = panel.table.selectionModel().selectedRows()
        return panel.records[rows[0].row()].id if rows else None

    def stored(self, db, record_id):
        return next(s.title for s in list_shifts(db, self.event_id) if s.id == record_id)


class Questions(Shifts):
    name = "questions"

    def seed(self, db):
        dialogue = create_event(
            db,
            EventData(
                EventKind.CITIZEN_DIALOGUE,
                "Bürgerschaft (ge)fragt",
                DAY,
                DAY + dt.timedelta(hours=2),
            ),
        ).id
        a = add_question(db, dialogue, "Wann fährt der Bus?", "Frau Weber", DAY.date())
        b = add_question(db, dialogue, "Wo ist die Tafel?", "Herr Schmitz", DAY.date())
        self.event_id = dialogue
        return a.id, b.id

    def part(self, tab):
        return tab.questions

    def editor(self, window):
        return window.tab("events").questions

    def field(self, window):
        return self.editor(window).text

    def select(self, window, record_id):
        panel = self.editor(window)
        panel.table.selectRow(next(i for i, r in enumerate(panel.visible) if r.id == record_id))

    def selected(self, window):
        panel = self.editor(window)
        rows = panel.table.selectionModel().selectedRows()
        return panel.visible[rows[0].row()].id if rows else None

    def stored(self, db, record_id):
        return next(q.text for q in list_questions(db, self.event_id) if q.id == record_id)


class Hours(Case):
    """A grid of new entries: no record to select, only pages to leave."""

    name, tab = "hours", "certificates"

    def seed(self, db):
        person = create_person(db, PersonInput(last_name="Schmitz", first_name="Karl"))
        self.person = PersonChoice(person.id, "Schmitz, Karl")
        return person.id, person.id

    def open(self, window, record_id):
        super().open(window, record_id)
        tab = window.tab("certificates")
        tab.tabs.setCurrentWidget(tab.hours_page)

    def editor(self, window):
        return window.tab("certificates").hours_page

    def type(self, window, text):
        hours = "2,5" if text.endswith("1") else "3"
        yesterday = dt.date.today() - dt.timedelta(days=1)
        self.editor(window).set_row(0, self.person, yesterday.strftime("%d.%m.%Y"), hours)

    def typed(self, window):
        hours = self.editor(window).text(0, 2)
        return {"2,5": "Geändert 1", "3": "Geändert 2"}.get(hours, hours)

    def stored(self, db, record_id):
        records = list_hours_records(db, ListQuery(limit=100))
        return sorted(str(r.hours) for r in records if r.person_id == record_id)

    def sub_pages(self, window):
        return window.tab("certificates").tabs


SELECTABLE = [
    People(),
    Centres(),
    Clubs(),
    Opportunities(),
    RideServices(),
    Vehicles(),
    Drivers(),
    StandingOrders(),
    Events(),
    Shifts(),
    Questions(),
]
ALL = [*SELECTABLE, Hours()]


def case_id(case: Case) -> str:
    return case.name


def asked(dialogs: ChoosingDialogs, since: int) -> bool:
    return any(kind == "choose" and title == QUESTION for kind, title, _ in dialogs.shown[since:])


@pytest.mark.parametrize("case", SELECTABLE, ids=lambda c: c.name)
def test_another_record_asks_and_each_answer_does_what_it_says(
    case: Case, window: MainWindow, ctx, dialogs: ChoosingDialogs
) -> None:
    a, b = case.seed(ctx.db)
    case.open(window, a)
    editor = case.editor(window)
    assert case.selected(window) == a
    assert not editor.has_unsaved()
    original = case.stored(ctx.db, a)

    case.type(window, "Geändert 1")
    assert editor.has_unsaved()
    dialogs.choices = [CANCEL]
    count = len(dialogs.shown)
    case.select(window, b)
    assert asked(dialogs, count)
    assert case.typed(window) == "Geändert 1"
    assert case.selected(window) == a
    assert editor.has_unsaved()

    dialogs.choices = [DISCARD]
    count = len(dialogs.shown)
    case.select(window, b)
    assert asked(dialogs, count)
    assert case.selected(window) == b
    assert case.typed(window) != "Geändert 1"
    assert case.stored(ctx.db, a) == original
    assert not editor.has_unsaved()

    count = len(dialogs.shown)
    case.select(window, a)  # nothing typed: no question
    assert not asked(dialogs, count)
    assert case.typed(window) == original
    case.type(window, "Geändert 2")
    dialogs.choices = [SAVE]
    case.select(window, b)
    assert asked(dialogs, count)
    assert case.stored(ctx.db, a) == "Geändert 2"
    assert case.selected(window) == b
    assert not editor.has_unsaved()


def _leave_page(case: Case, window: MainWindow, level: str) -> tuple[QTabWidget, int, int]:
    """The tab widget to switch, the page the editor is on and another page."""
    if level == "window":
        tabs = window.tabs
    else:
        sub = case.sub_pages(window)
        assert sub is not None
        tabs = sub
    here = tabs.currentIndex()
    other = next(
        i
        for i in range(tabs.count())
        if i != here and tabs.isTabEnabled(i) and tabs.isTabVisible(i)
    )
    return tabs, here, other


TABBED = [c for c in ALL if c.name != "opportunities"]  # opportunities: a dialog, see below
PAGE_SWITCHES = [
    pytest.param(case, level, id=f"{case.name}-{level}")
    for case in TABBED
    for level in ("window", "sub-page")
    if level == "window" or case.name != "people"  # the people tab has no sub-pages
]


@pytest.mark.parametrize(("case", "level"), PAGE_SWITCHES)
def test_another_tab_asks_and_each_answer_does_what_it_says(
    case: Case, level: str, window: MainWindow, ctx, dialogs: ChoosingDialogs
) -> None:
    a, _b = case.seed(ctx.db)
    case.open(window, a)
    editor = case.editor(window)
    original = case.stored(ctx.db, a)
    tabs, here, other = _leave_page(case, window, level)

    case.type(window, "Geändert 1")
    dialogs.choices = [CANCEL]
    count = len(dialogs.shown)
    tabs.setCurrentIndex(other)
    assert asked(dialogs, count)
    assert tabs.currentIndex() == here
    assert case.typed(window) == "Geändert 1"

    dialogs.choices = [DISCARD]
    count = len(dialogs.shown)
    tabs.setCurrentIndex(other)
    assert asked(dialogs, count)
    assert tabs.currentIndex() == other
    assert case.stored(ctx.db, a) == original
    assert not editor.has_unsaved()

    tabs.setCurrentIndex(here)
    assert case.typed(window) != "Geändert 1"
    case.type(window, "Geändert 2")
    dialogs.choices = [SAVE]
    count = len(dialogs.shown)
    tabs.setCurrentIndex(other)
    assert asked(dialogs, count)
    assert tabs.currentIndex() == other
    assert case.stored(ctx.db, a) != original
    assert not editor.has_unsaved()


def test_closing_an_opportunity_asks_first(window: MainWindow, ctx, dialogs) -> None:
    case = Opportunities()
    a, _b = case.seed(ctx.db)
    case.open(window, a)
    assert case.dialog is not None
    case.type(window, "Irrel")
    dialogs.choices = [CANCEL]
    case.dialog.reject()
    assert case.dialog.isVisible() and case.typed(window) == "Irrel"
    dialogs.choices = [SAVE]
    case.dialog.reject()
    assert case.stored(ctx.db, a) == "Irrel"


@pytest.mark.parametrize("case", [RideServices(), Events(), Shifts()], ids=lambda c: c.name)
def test_closing_the_window_asks_the_tab(case: Case, window: MainWindow, ctx, dialogs, qtbot):
    a, _b = case.seed(ctx.db)
    case.open(window, a)
    case.type(window, "Geändert")
    dialogs.choices = [CANCEL]
    window.close()
    assert window.isVisible() and case.typed(window) == "Geändert"
    dialogs.choices = [SAVE]
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert case.stored(ctx.db, a) == "Geändert"


def test_a_conflict_shows_both_values_per_field_and_saves_the_choice(
    window: MainWindow, ctx, dialogs
) -> None:
    case = People()
    a, _b = case.seed(ctx.db)
    case.open(window, a)
    editor = window.tab("people").editor
    record = get_person(ctx.db, a)
    update_person(  # another workstation saves first
        ctx.db,
        a,
        PersonInput(last_name="Weber", first_name="Hildegard", city="Bitburg"),
        expected_version=record.version,
    )
    case.type(window, "Trier")
    dialogs.answers = [True, True]  # no consent: save anyway, both times
    editor.save()
    dialog = editor.open_conflict_dialog
    assert dialog is not None
    assert [(r.key, r.label, r.theirs, r.mine) for r in dialog.rows] == [
        ("city", "Ort", "Bitburg", "Trier")
    ]
    assert dialog.choices() == {"city": True}  # typed here: mine by default
    dialog.apply_button.click()
    assert case.stored(ctx.db, a) == "Trier"
    assert get_person(ctx.db, a).version == record.version + 2
    assert not editor.has_unsaved()


def test_a_conflict_in_a_panel_offers_both_values_of_each_field(
    window: MainWindow, ctx, dialogs
) -> None:
    case = Shifts()
    a, _b = case.seed(ctx.db)
    case.open(window, a)
    stored = next(s for s in list_shifts(ctx.db, case.event_id) if s.id == a)
    update_shift(ctx.db, a, stored.version, ShiftData("Aufbau Halle", DAY, stored.ends_at, 3))
    case.type(window, "Aufbau Bühne")
    case.editor(window).save()
    dialog = case.editor(window).open_conflict_dialog
    rows = {r.key: (r.theirs, r.mine) for r in dialog.rows}
    assert rows["title"] == ("Aufbau Halle", "Aufbau Bühne")
    assert rows["slots"][0] == "3"
    assert dialog.choices()["title"] and not dialog.choices()["slots"]
    dialog.apply_button.click()
    saved = next(s for s in list_shifts(ctx.db, case.event_id) if s.id == a)
    assert (saved.title, saved.slots) == ("Aufbau Bühne", 3)
    assert not case.editor(window).has_unsaved()


def test_a_conflict_in_a_form_editor_can_take_the_stored_values(window, ctx, dialogs) -> None:
    case = Clubs()
    a, _b = case.seed(ctx.db)
    case.open(window, a)
    editor = case.editor(window)
    stored = get_organization(ctx.db, a)
    update_organization(  # another workstation moves the club to Prüm
        ctx.db,
        a,
        OrganizationInput(name="Heimatverein", city="Prüm"),
        expected_version=stored.version,
    )
    case.type(window, "Trier")
    editor.save()
    dialog = editor.open_conflict_dialog
    assert [(r.key, r.theirs, r.mine) for r in dialog.rows] == [("city", "Prüm", "Trier")]
    dialog.choose("city", mine=False)
    dialog.apply_button.click()
    assert case.typed(window) == "Prüm"
    assert not editor.has_unsaved()
    assert get_organization(ctx.db, a).version == stored.version + 1  # nothing more was saved


def test_changed_keys_compares_dicts_and_dataclasses() -> None:
    assert changed_keys({"a": 1, "b": 2}, {"a": 1, "b": 3}) == ["b"]
    assert changed_keys(ShiftData("A", DAY, DAY, 1), ShiftData("B", DAY, DAY, 1)) == ["title"]
    assert changed_keys((1,), (2,)) == []


def test_field_errors_look_the_same_in_every_editor(window: MainWindow, ctx) -> None:
    """One colour for a bad input: the form kit's fields and the person editor's cells."""
    window.show_tab(tab_index(window, "rides"))
    rides = window.tab("rides")
    rides.setCurrentWidget(rides.vehicles)
    editor = rides.vehicles
    editor.new_vehicle()
    editor.save()  # no label
    message = editor.form.fields["label"].message
    assert message.text() == "Bitte ausfüllen."
    assert message.palette().color(QPalette.ColorRole.WindowText) == ERROR_COLOR
    assert ERROR_COLOR.name() in editor.form.fields["label"].frame.styleSheet()

    window.show_tab(tab_index(window, "people"))
    people = window.tab("people")
    people.new_person()
    people.editor.save()
    cell = people.editor.errors._cells["last_name"]
    assert cell.invalid
    assert cell.message.palette().color(QPalette.ColorRole.WindowText) == ERROR_COLOR


def test_a_conflict_in_a_ride_editor_keeps_mine_where_i_typed_and_theirs_elsewhere(
    window: MainWindow, ctx, dialogs
):
    case = Vehicles()
    a, _b = case.seed(ctx.db)
    case.open(window, a)
    stored = next(v for v in list_vehicles(ctx.db) if v.id == a)
    update_vehicle(ctx.db, a, VehicleInput(label="Kleinbus", seats=8), expected_version=1)
    assert stored.version == 1
    case.type(window, "Bus Rathaus")
    case.editor(window).save()
    dialog = case.editor(window).open_conflict_dialog
    rows = {r.key: (r.theirs, r.mine) for r in dialog.rows}
    assert rows["label"] == ("Kleinbus", "Bus Rathaus")
    assert rows["seats"][0] == "8"
    assert dialog.choices()["label"] and not dialog.choices()["seats"]
    dialog.apply_button.click()
    saved = next(v for v in list_vehicles(ctx.db) if v.id == a)
    assert (saved.label, saved.seats) == ("Bus Rathaus", 8)
    assert not case.editor(window).has_unsaved()


def test_cancelling_the_conflict_keeps_what_was_typed(window: MainWindow, ctx, dialogs) -> None:
    case = Events()
    a, _b = case.seed(ctx.db)
    case.open(window, a)
    stored = get_event(ctx.db, a)
    update_event(
        ctx.db, a, stored.version, EventData(EventKind.WORKSHOP, "Vereinsforum II", DAY, DAY)
    )
    case.type(window, "Vereinsforum Ehrenamt")
    case.editor(window).save()
    dialog = case.editor(window).open_conflict_dialog
    assert ("title", "Vereinsforum II", "Vereinsforum Ehrenamt") in [
        (r.key, r.theirs, r.mine) for r in dialog.rows
    ]
    dialog.cancel_button.click()
    assert case.typed(window) == "Vereinsforum Ehrenamt"
    assert case.editor(window).has_unsaved()
    assert get_event(ctx.db, a).title == "Vereinsforum II"


def test_closing_the_window_asks_about_an_open_opportunity(window, ctx, dialogs, qtbot) -> None:
    case = Opportunities()
    a, _b = case.seed(ctx.db)
    window.show_tab(tab_index(window, "organizations"))
    tab = window.tab("organizations")
    tab.show_opportunity(a)  # as the centre overview opens it
    case.dialog = tab.opportunity_dialog
    case.type(window, "Bitburg-Mitte")
    dialogs.choices = [CANCEL]
    window.close()
    assert window.isVisible() and case.typed(window) == "Bitburg-Mitte"
    dialogs.choices = [SAVE]
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert case.stored(ctx.db, a) == "Bitburg-Mitte"


def test_a_search_hit_in_another_tab_asks_first_and_cancel_opens_nothing(
    window: MainWindow, ctx, dialogs: ChoosingDialogs
) -> None:
    """Regression: Abbrechen kept the typed text, but the search still jumped away."""
    case = RideServices()
    a, _b = case.seed(ctx.db)
    case.open(window, a)
    rides = window.tabs.currentIndex()
    person = create_person(ctx.db, PersonInput(first_name="Gesucht", last_name="Gefunden")).id
    case.type(window, "Geändert")

    dialogs.choices = [CANCEL]
    window.show_record("person", person, "Gefunden")
    assert window.tabs.currentIndex() == rides
    assert case.typed(window) == "Geändert"

    dialogs.choices = [DISCARD]
    window.show_record("person", person, "Gefunden")
    assert window.current_tab() is window.tab("people")
    assert case.stored(ctx.db, a) != "Geändert"
