"""Ride services and vehicles in the Fahrdienst tab."""

from __future__ import annotations

from ride_helpers import driver, service
from ui_helpers import RecordingDialogs

from engagement_desk.db import Database
from engagement_desk.models.enums import RecordStatus, RideServiceKind
from engagement_desk.services.people.persons import PersonChoice
from engagement_desk.services.rides.services_admin import list_ride_service_records
from engagement_desk.services.rides.vehicles import list_vehicles
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.rides.services_editor import RideServicesEditor
from engagement_desk.ui.rides.tab import RidesTab
from engagement_desk.ui.rides.vehicles_editor import VehiclesEditor


def test_a_ride_service_is_created_and_read_back(ctx: AppContext, db: Database, qtbot) -> None:
    coordinator = driver(db, "Anna", "Becker", vehicle=False)
    editor = RideServicesEditor(ctx)
    qtbot.addWidget(editor)
    assert editor.list.count() == 0
    editor.new_service()
    editor.name.setText("Einkaufsfahrt Bitburg")
    editor.kind.setCurrentIndex(editor.kind.findData(RideServiceKind.DAILY))
    for index, box in enumerate(editor.weekdays):
        box.setChecked(index in (0, 2))
    editor.duration.setValue(45)
    editor.holidays.setChecked(True)
    editor.coordinator.choose(PersonChoice(coordinator, "Becker, Anna"))
    editor.save()
    [saved] = list_ride_service_records(db)
    assert saved.name == "Einkaufsfahrt Bitburg"
    assert saved.kind == RideServiceKind.DAILY
    assert saved.operating_days == (0, 2)
    assert saved.default_duration_minutes == 45
    assert saved.runs_on_holidays is True
    assert (saved.coordinator_id, saved.center_id) == (coordinator, None)
    assert editor.list.count() == 1 and editor.list.item(0).isSelected()
    assert "Mo, Mi" in editor.list.item(0).text() and editor.status_text()
    # a second save changes the same service (no duplicate)
    editor.duration.setValue(50)
    editor.save()
    [changed] = list_ride_service_records(db)
    assert (changed.id, changed.default_duration_minutes) == (saved.id, 50)


def test_an_empty_name_is_shown_at_the_field_and_nothing_is_saved(
    ctx: AppContext, db: Database, qtbot
) -> None:
    editor = RideServicesEditor(ctx)
    qtbot.addWidget(editor)
    editor.new_service()
    editor.name.setText("   ")
    editor.save()
    assert editor.form.error_text("name") == "Bitte ausfüllen."
    assert not editor.form.fields["name"].message.isHidden()
    assert list_ride_service_records(db, include_archived=True) == []
    assert editor.list.count() == 0
    editor.name.setText("Arztfahrten")
    assert editor.form.error_text("name") == ""  # editing clears the message
    for box in editor.weekdays:
        box.setChecked(False)
    editor.save()
    assert editor.form.error_text("operating_days")
    assert list_ride_service_records(db, include_archived=True) == []


def test_a_ride_service_is_archived_after_asking(
    ctx: AppContext, db: Database, dialogs: RecordingDialogs, qtbot
) -> None:
    service(db, "Seniorenfahrdienst")
    editor = RideServicesEditor(ctx)
    qtbot.addWidget(editor)
    editor.list.item(0).setSelected(True)
    assert editor.name.text() == "Seniorenfahrdienst" and editor.archive_button.isEnabled()
    dialogs.answers = [False]
    editor.archive()
    assert len(list_ride_service_records(db)) == 1
    dialogs.answers = [True]
    editor.archive()
    assert [kind for kind, *_ in dialogs.shown] == ["ask", "ask"]
    assert list_ride_service_records(db) == []
    [archived] = list_ride_service_records(db, include_archived=True)
    assert archived.status == RecordStatus.ARCHIVED
    assert editor.list.count() == 0 and editor.current is None


def test_a_vehicle_is_created_and_changed(ctx: AppContext, db: Database, qtbot) -> None:
    owner = driver(db, "Anna", "Becker", vehicle=False)
    editor = VehiclesEditor(ctx)
    qtbot.addWidget(editor)
    editor.new_vehicle()
    editor.save()
    assert editor.form.error_text("label") == "Bitte ausfüllen."
    assert list_vehicles(db) == []
    editor.label.setText("Bus Caritas")
    editor.registration.setText("bit-ca 12")
    editor.owner.choose(PersonChoice(owner, "Becker, Anna"))
    editor.seats.setValue(5)
    editor.wheelchair_spaces.setValue(1)
    editor.save()
    [saved] = list_vehicles(db)
    assert (saved.label, saved.registration, saved.owner_id) == ("Bus Caritas", "BIT-CA 12", owner)
    assert (saved.seats, saved.wheelchair_spaces) == (5, 1)
    assert editor.list.count() == 1 and editor.list.item(0).isSelected()
    editor.seats.setValue(7)
    editor.wheelchair_spaces.setValue(2)
    editor.save()
    [changed] = list_vehicles(db)
    assert changed.id == saved.id and changed.version > saved.version
    assert (changed.seats, changed.wheelchair_spaces) == (7, 2)
    # the list shows the stored vehicle again when chosen
    editor.new_vehicle()
    assert editor.label.text() == "" and editor.owner.person_id is None
    editor.list.item(0).setSelected(True)
    assert editor.seats.value() == 7 and editor.wheelchair_spaces.value() == 2
    assert editor.owner.person_id == owner


def test_the_form_offers_exactly_what_the_service_accepts(
    ctx: AppContext, db: Database, qtbot
) -> None:
    from engagement_desk.services.rides.vehicles import MAX_SEATS, MAX_WHEELCHAIR_SPACES

    editor = VehiclesEditor(ctx)
    qtbot.addWidget(editor)
    assert (editor.seats.minimum(), editor.seats.maximum()) == (1, MAX_SEATS)
    assert editor.wheelchair_spaces.maximum() == MAX_WHEELCHAIR_SPACES
    editor.label.setText("")
    editor.save()
    assert editor.form.error_text("label")
    assert list_vehicles(db) == []


def test_the_rides_tab_has_the_new_sub_tabs(ctx: AppContext, qtbot) -> None:
    tab = RidesTab(ctx)
    qtbot.addWidget(tab)
    drivers = tab.indexOf(tab.drivers)
    assert tab.indexOf(tab.services) == drivers + 1
    assert tab.indexOf(tab.vehicles) == drivers + 2
    tab.setCurrentWidget(tab.vehicles)
    assert tab.status_text() == tab.vehicles.status_text()
    tab.setCurrentWidget(tab.services)
    assert tab.status_text() == tab.services.status_text()
