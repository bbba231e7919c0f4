"""The call list breaks lines between words, never inside one (long German names and places)."""

from __future__ import annotations

import datetime as dt
import io

import pypdf

from engagement_desk.models.enums import RideStatus
from engagement_desk.services.printing.layout import AgencyHeader
from engagement_desk.services.rides.planning import PlannedRide
from engagement_desk.services.rides.prints.call_list import CallEntry, CallList, render_call_list

DAY = dt.date(2026, 12, 8)
LONG_NAME = "Hildegard Schwarzenberger-Wolkenstein"
LONG_PLACE = (
    "Rehabilitationszentrum Donaueschingen-Aufen, Krankenhausstraße 12, Tagesklinikambulanzbereich"
)
LONG_DRIVER = "Friederike Oberbürgermeisterstellvertreterin"


def ride(ride_id: int, destination: str, driver: str) -> PlannedRide:
    return PlannedRide(
        id=ride_id,
        version=1,
        service_id=1,
        service_name="Seniorenfahrdienst",
        ride_date=DAY,
        start_time=dt.time(8, 30),
        end_time=dt.time(9, 30),
        duration_minutes=60,
        is_return=False,
        standing_order_id=None,
        pickup_address="Hauptstraße 1, 54634 Bitburg",
        destination=destination,
        passengers=(),
        driver_id=None,
        driver_name=driver,
        vehicle_id=None,
        vehicle_label="",
        status=RideStatus.ASSIGNED,
        assigned_manually=False,
        km="",
        notes="",
    )


def test_no_word_is_split_across_lines() -> None:
    calls = CallList(
        AgencyHeader("Freiwilligenagentur Bitburg", "", ""),
        DAY,
        (
            CallEntry(1, LONG_NAME, "06561 1234567", (ride(1, LONG_PLACE, LONG_DRIVER),)),
            CallEntry(2, "Eva Ott", "0651 12", (ride(2, "Wochenmarkt", "Anna Becker"),)),
        ),
    )
    text = pypdf.PdfReader(io.BytesIO(render_call_list(calls))).pages[0].extract_text()
    words = set(text.split())
    expected = f"{LONG_NAME} {LONG_PLACE} {LONG_DRIVER} Bestätigt Fahrer/in".split()
    assert [w for w in expected if w not in words] == []
    # A short entry keeps the normal size and stays on one line.
    assert "Eva Ott" in text.splitlines()


def test_the_run_sheet_splits_no_word_either() -> None:
    from engagement_desk.services.rides.planning import RidePassengerInfo
    from engagement_desk.services.rides.prints.run_sheet import RunSheet, render_run_sheet

    long_ride = ride(1, LONG_PLACE, LONG_DRIVER)
    passenger = RidePassengerInfo(7, LONG_NAME, "06561 1234567", True, False, True)
    long_ride = type(long_ride)(**{**long_ride.__dict__, "passengers": (passenger,)})
    sheet = RunSheet(
        header=AgencyHeader("Freiwilligenagentur Bitburg", "", ""),
        driver_id=3,
        driver_name=LONG_DRIVER,
        driver_phone="",
        vehicle="",
        day=DAY,
        holiday="",
        rides=(long_ride,),
        standby=(),
        tours={},
        returns={},
    )
    text = pypdf.PdfReader(io.BytesIO(render_run_sheet(sheet))).pages[0].extract_text()
    words = set(text.split())
    expected = f"{LONG_NAME} {LONG_PLACE} Begleitung Fahrgast / Telefon".split()
    assert [w for w in expected if w not in words] == []
