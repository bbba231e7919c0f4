"""Standing orders and driver profiles in the Fahrdienst tab."""

from __future__ import annotations

import datetime as dt

from ride_helpers import agency, driver, order, passenger, service
from ui_helpers import RecordingDialogs

from engagement_desk.db import Database
from engagement_desk.services.rides.drivers import get_driver
from engagement_desk.services.rides.orders import list_standing_orders
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.rides.drivers_editor import DriversEditor
from engagement_desk.ui.rides.orders_editor import OrdersEditor


def test_a_standing_order_is_created_changed_and_deleted(
    ctx: AppContext, db: Database, dialogs: RecordingDialogs, qtbot
) -> None:
    agency(db)
    sid = service(db)
    gerda = passenger(db, "Gerda", "Groß")
    editor = OrdersEditor(ctx)
    qtbot.addWidget(editor)
    editor.new_order()
    editor.save()
    assert editor.form.error_text("passenger_id") and editor.form.error_text("recurrence")
    editor.passenger.setText("Groß, Gerda")
    editor.recurrence.weekdays[1].setChecked(True)
    editor.recurrence.weekdays[3].setChecked(True)
    editor.save()
    assert editor.form.error_text("destination_name")  # the service's German message
    editor.destination_name.setText("Wochenmarkt")
    editor.return_time.setText("11:30")
    editor.save()
    [saved] = list_standing_orders(db)
    assert (saved.passenger_id, saved.service_id) == (gerda, sid)
    assert saved.recurrence_text == "jeden Dienstag und Donnerstag"
    assert saved.return_time == dt.time(11, 30)
    assert editor.list.count() == 1 and editor.status_text()
    editor.list.item(0).setSelected(True)
    assert (
        editor.destination_name.text() == "Wochenmarkt"
        and editor.recurrence.weekdays[3].isChecked()
    )
    editor.recurrence.weekdays[3].setChecked(False)
    editor.save()
    assert list_standing_orders(db)[0].recurrence_text == "jeden Dienstag"
    dialogs.answers = [True]
    editor.delete()
    assert list_standing_orders(db) == [] and editor.list.count() == 0


def test_a_driver_profile_is_saved(ctx: AppContext, db: Database, qtbot) -> None:
    anna = driver(db, "Anna", "Becker", max_rides=4)
    order(db, service(db), passenger(db, "Gerda", "Groß"))
    editor = DriversEditor(ctx)
    qtbot.addWidget(editor)
    assert editor.list.count() == 1
    editor.list.item(0).setSelected(True)
    assert editor.max_rides.value() == 4 and editor.vehicle.currentData() is not None
    assert "Di 00:00" in editor.times.text()
    editor.max_rides.setValue(7)
    editor.vehicle.setCurrentIndex(0)
    editor.notes.setText("fährt gern Frau Groß")
    editor.save()
    record = get_driver(db, anna)
    assert (record.max_rides_per_week, record.vehicle_id, record.notes) == (
        7,
        None,
        "fährt gern Frau Groß",
    )
    editor.max_rides.setValue(6)
    editor.save()
    assert get_driver(db, anna).max_rides_per_week == 6


def test_a_monthly_rule_is_kept_when_other_fields_change(
    ctx: AppContext, db: Database, qtbot
) -> None:
    sid = service(db)
    order(db, sid, passenger(db, "Gerda", "Groß"), rule="FREQ=MONTHLY;BYDAY=1TU")
    editor = OrdersEditor(ctx)
    qtbot.addWidget(editor)
    editor.list.item(0).setSelected(True)
    assert editor.recurrence.sentence.text() == "jeden 1. Dienstag im Monat"
    assert not any(box.isChecked() for box in editor.recurrence.weekdays)
    editor.destination_name.setText("Fußpflege Schmitz")
    editor.save()
    [saved] = list_standing_orders(db)
    assert saved.recurrence == "FREQ=MONTHLY;BYDAY=1TU"
    assert saved.destination_name == "Fußpflege Schmitz"


def test_preferred_passengers_are_added_and_removed(ctx: AppContext, db: Database, qtbot) -> None:
    from engagement_desk.services.people.persons import PersonChoice

    anna = driver(db, "Anna", "Becker")
    gerda = passenger(db, "Gerda", "Groß")
    editor = DriversEditor(ctx)
    qtbot.addWidget(editor)
    editor.list.item(0).setSelected(True)
    assert editor.preferred.count() == 0
    editor.passenger_picker.choose(PersonChoice(gerda, "Groß, Gerda"))
    editor.add_preferred()
    assert [p.person_id for p in get_driver(db, anna).preferred_passengers] == [gerda]
    assert editor.preferred.count() == 1 and "Gerda" in editor.preferred.item(0).text()
    editor.preferred.item(0).setSelected(True)
    editor.remove_preferred()
    assert get_driver(db, anna).preferred_passengers == ()
    assert editor.preferred.count() == 0
