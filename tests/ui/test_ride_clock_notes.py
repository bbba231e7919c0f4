"""A pick-up the clock change skips or repeats is flagged at intake and on the week's cards."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from engagement_desk.models.enums import RideStatus
from engagement_desk.services.rides.planning import PlannedRide
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.rides.clock_notes import MARK
from engagement_desk.ui.rides.intake import IntakeDialog
from engagement_desk.ui.rides.ride_cards import card_text, card_tooltip

SPRING = dt.date(2027, 3, 28)
AUTUMN = dt.date(2027, 10, 31)


def _ride(day: dt.date, start: dt.time) -> PlannedRide:
    return PlannedRide(
        id=7,
        version=1,
        service_id=1,
        service_name="Seniorenfahrdienst",
        ride_date=day,
        start_time=start,
        end_time=dt.time(4, 0),
        duration_minutes=60,
        is_return=False,
        standing_order_id=None,
        pickup_address="",
        destination="Klinikum, Weg 1, 54634 Bitburg",
        passengers=(),
        driver_id=None,
        driver_name="",
        vehicle_id=None,
        vehicle_label="",
        status=RideStatus.PLANNED,
        assigned_manually=False,
        km="",
        notes="",
    )


def test_intake_flags_a_pick_up_in_the_missing_hour(ctx: AppContext, qtbot) -> None:
    form = IntakeDialog(ctx, [], SPRING, today=lambda: dt.date(2027, 3, 20))
    qtbot.addWidget(form)
    form.show()
    assert form.clock_note.isHidden()
    qtbot.keyClicks(form.time, "0230")
    assert form.clock_note.isVisible()
    assert "02:30" in form.clock_note.text() and "03:30" in form.clock_note.text()
    form.time.clear()
    qtbot.keyClicks(form.time, "0930")
    assert form.clock_note.isHidden()


def test_intake_flags_a_return_in_the_doubled_hour(ctx: AppContext, qtbot) -> None:
    form = IntakeDialog(ctx, [], AUTUMN, today=lambda: dt.date(2027, 10, 20))
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.time, "0100")
    assert form.clock_note.isHidden()
    qtbot.keyClicks(form.return_time, "0245")
    assert form.clock_note.isVisible() and "02:45" in form.clock_note.text()
    qtbot.keyClick(form.date, Qt.Key.Key_Backspace)
    assert form.clock_note.isHidden()  # no date, nothing to say


def test_week_cards_mark_rides_on_the_switch_nights() -> None:
    flagged = _ride(AUTUMN, dt.time(2, 30))
    assert MARK in card_text(flagged).splitlines()[0]
    assert "02:30" in card_tooltip(flagged) and MARK in card_tooltip(flagged)
    ordinary = _ride(AUTUMN, dt.time(9, 30))
    assert MARK not in card_text(ordinary) and MARK not in card_tooltip(ordinary)
