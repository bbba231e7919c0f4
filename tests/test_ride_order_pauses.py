"""Pauses of standing orders and the search and filter of the orders list (services)."""

from __future__ import annotations

import datetime as dt

import pytest
from ride_helpers import PLAIN_WEEK, agency, order, passenger, service
from sqlalchemy import select

from engagement_desk.db import Database
from engagement_desk.models import Ride, StandingOrder
from engagement_desk.services.errors import ValidationError
from engagement_desk.services.rides.calendar import parse_week
from engagement_desk.services.rides.generation import generate_week
from engagement_desk.services.rides.orders import (
    add_pause,
    get_standing_order,
    list_standing_orders,
    remove_pause,
    update_pause,
)

WEEK = parse_week(PLAIN_WEEK)  # Monday 2 March 2026
TUESDAY = WEEK.monday + dt.timedelta(days=1)


def test_pauses_are_added_changed_and_removed_without_overlap(db: Database) -> None:
    gerda = order(db, service(db), passenger(db, "Gerda", "Groß"))
    record = add_pause(db, gerda, dt.date(2026, 3, 1), dt.date(2026, 3, 14), "Krankenhaus")
    [pause] = record.pauses
    assert (pause.start_date, pause.end_date, pause.reason) == (
        dt.date(2026, 3, 1),
        dt.date(2026, 3, 14),
        "Krankenhaus",
    )
    with pytest.raises(ValidationError) as overlap:
        add_pause(db, gerda, dt.date(2026, 3, 10), dt.date(2026, 3, 20), "Urlaub")
    assert "Überschneidet sich mit der Pause 01.03.2026–14.03.2026" in str(overlap.value)
    with pytest.raises(ValidationError) as backwards:
        add_pause(db, gerda, dt.date(2026, 4, 10), dt.date(2026, 4, 1))
    assert backwards.value.errors[0].field == "end_date"
    second = add_pause(db, gerda, dt.date(2026, 4, 1), dt.date(2026, 4, 10), "Urlaub")
    assert len(second.pauses) == 2
    # Changing a pause does not collide with itself, but still with the others.
    update_pause(db, pause.id, dt.date(2026, 3, 2), dt.date(2026, 3, 15), "Reha")
    with pytest.raises(ValidationError):
        update_pause(db, pause.id, dt.date(2026, 3, 2), dt.date(2026, 4, 2), "Reha")
    assert [(p.start_date, p.reason) for p in get_standing_order(db, gerda).pauses] == [
        (dt.date(2026, 3, 2), "Reha"),
        (dt.date(2026, 4, 1), "Urlaub"),
    ]
    assert len(remove_pause(db, pause.id).pauses) == 1


def test_generation_skips_paused_days_and_removes_rides_made_before(db: Database) -> None:
    agency(db)
    sid = service(db)
    gerda = order(db, sid, passenger(db, "Gerda", "Groß"))
    rita = order(db, sid, passenger(db, "Rita", "Rad"))
    generate_week(db, WEEK)
    add_pause(db, gerda, TUESDAY, TUESDAY, "Krankenhaus")
    generate_week(db, WEEK)
    with db.read_session() as session:
        orders = session.scalars(
            select(Ride.standing_order_id).where(Ride.ride_date == TUESDAY)
        ).all()
    assert orders == [rita]


@pytest.mark.parametrize("any_db", ["sqlite", "postgres"], indirect=True)
def test_the_list_is_searched_and_filtered_in_the_database(any_db: Database) -> None:
    db = any_db
    today = dt.date(2026, 3, 3)
    sid = service(db)
    other = service(db, "Einkaufsfahrten")
    gerda = order(db, sid, passenger(db, "Gerda", "Groß"), destination="Wochenmarkt")
    order(db, sid, passenger(db, "Rita", "Rad"), destination="Arztpraxis Dr. Weiß")
    order(db, other, passenger(db, "Udo", "Uhr"), destination="Kino")
    ended = order(db, sid, passenger(db, "Erna", "Ende"), destination="Bücherei")
    with db.session() as session:
        session.get(StandingOrder, ended).valid_to = dt.date(2026, 2, 28)
    add_pause(db, gerda, dt.date(2026, 3, 1), dt.date(2026, 3, 10), "Urlaub")
    order(db, other, passenger(db, "Änne", "Ärger"), destination="Friedhof", valid_from=today)

    def names(**filters) -> list[str]:
        return [o.passenger_name for o in list_standing_orders(db, today=today, **filters)]

    assert names(search="groß") == ["Gerda Groß"]
    assert names(search="GROSS") == ["Gerda Groß"]  # names compare as German keys
    assert names(search="arger") == ["Änne Ärger"]
    # German order: Ä with A, not after Z.
    assert names() == ["Änne Ärger", "Erna Ende", "Gerda Groß", "Rita Rad", "Udo Uhr"]
    assert names(search="arztpraxis") == ["Rita Rad"]
    assert names(search="Rita Arzt") == ["Rita Rad"]  # every word must match somewhere
    assert names(search="100%") == []
    assert names(service_id=other) == ["Änne Ärger", "Udo Uhr"]
    assert names(state="paused") == ["Gerda Groß"]
    assert names(state="ended") == ["Erna Ende"]
    assert names(state="active") == ["Änne Ärger", "Rita Rad", "Udo Uhr"]
    assert names(state="active", service_id=other, search="kino") == ["Udo Uhr"]
