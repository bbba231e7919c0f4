"""iCal export: parsed back, structure valid, stable UIDs, growing SEQUENCE, CLI."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from builders import add_person, new_event
from hours_builders import add_ride
from icalendar import Calendar

from engagement_desk.cli import main
from engagement_desk.models.enums import EventKind
from engagement_desk.services.events.editing import update_event
from engagement_desk.services.events.ical import driver_ical, person_ical, public_events_ical
from engagement_desk.services.events.records import EventData, ShiftData
from engagement_desk.services.events.registrations import cancel_registration, register
from engagement_desk.services.events.shifts import add_shift

BERLIN = ZoneInfo("Europe/Berlin")
SUMMER = dt.datetime(2026, 9, 12, 10, 0)
WINTER = dt.datetime(2026, 12, 5, 18, 30)


def _event(db, title, starts_at, hours=3, **changes):
    return new_event(db, title, starts_at, hours=hours, **changes)


def _entries(data: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(data)
    return {str(c["UID"]): c for c in calendar.walk("VEVENT")}


def _assert_valid(data: bytes) -> None:
    text = data.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    calendar = Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0" and "PRODID" in calendar
    timezones = calendar.walk("VTIMEZONE")
    assert [str(t["TZID"]) for t in timezones] == ["Europe/Berlin"]
    assert {c.name for c in timezones[0].subcomponents} == {"STANDARD", "DAYLIGHT"}
    for line in text.split("\r\n"):
        assert len(line.encode()) <= 75
        if line.startswith(("DTSTART", "DTEND")) and not line.startswith("DTSTART:1970"):
            assert line.split(":")[0].endswith(";TZID=Europe/Berlin"), line
    for entry in calendar.walk("VEVENT"):
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "LAST-MODIFIED"):
            assert name in entry, name
        assert entry.decoded("DTEND") > entry.decoded("DTSTART")


def test_public_events_round_trip(db):
    fair = _event(db, "Vereinsmesse 2026", SUMMER, kind=EventKind.CLUB_FAIR, description="Stände")
    gala = _event(db, "Ehrenamtsempfang – Łucja & Анна", WINTER, place="Stadthalle, Saal 1")
    _event(db, "Interne Teamrunde", SUMMER, is_public=False)

    data = public_events_ical(db)
    _assert_valid(data)
    entries = _entries(data)
    assert set(entries) == {f"event-{fair.id}@engagement-desk", f"event-{gala.id}@engagement-desk"}
    summer = entries[f"event-{fair.id}@engagement-desk"]
    assert str(summer["SUMMARY"]) == "Vereinsmesse 2026"
    assert summer.decoded("DTSTART") == SUMMER.replace(tzinfo=BERLIN)
    assert summer.decoded("DTSTART").utcoffset() == dt.timedelta(hours=2)
    assert str(summer["DESCRIPTION"]) == "Stände"
    winter = entries[f"event-{gala.id}@engagement-desk"]
    assert winter.decoded("DTSTART").utcoffset() == dt.timedelta(hours=1)
    assert str(winter["SUMMARY"]) == "Ehrenamtsempfang – Łucja & Анна"
    assert str(winter["LOCATION"]) == "Stadthalle, Saal 1"
    assert int(winter["SEQUENCE"]) == 1

    only_winter = _entries(public_events_ical(db, dt.date(2026, 12, 1), dt.date(2026, 12, 31)))
    assert list(only_winter) == [f"event-{gala.id}@engagement-desk"]


def test_update_keeps_uid_and_raises_sequence(db):
    event = _event(db, "Werkstatt", SUMMER)
    before = _entries(public_events_ical(db))[f"event-{event.id}@engagement-desk"]
    update_event(
        db,
        event.id,
        event.version,
        EventData(
            EventKind.WORKSHOP, "Werkstatt (verschoben)", WINTER, WINTER + dt.timedelta(hours=2)
        ),
    )
    after = _entries(public_events_ical(db))
    assert list(after) == [f"event-{event.id}@engagement-desk"]
    entry = after[f"event-{event.id}@engagement-desk"]
    assert int(entry["SEQUENCE"]) > int(before["SEQUENCE"])
    assert entry.decoded("LAST-MODIFIED") >= before.decoded("LAST-MODIFIED")
    assert str(entry["SUMMARY"]) == "Werkstatt (verschoben)"


def test_person_calendar_has_shifts_and_cancellations(db):
    person = add_person(db, "Şükrü", "Ağaoğlu")
    day = _event(db, "Freiwilligentag", SUMMER, hours=8, kind=EventKind.VOLUNTEER_DAY)
    shift = add_shift(db, day.id, ShiftData("Aufbau", SUMMER, SUMMER + dt.timedelta(hours=2), 2))
    helper = register(db, day.id, person_id=person, role="helper", shift_id=shift.id)
    training = _event(db, "Vereinsrecht", WINTER, kind=EventKind.TRAINING)
    participant = register(db, training.id, person_id=person)
    entries = _entries(person_ical(db, person))
    helper_uid = f"registration-{helper.registration.id}@engagement-desk"
    assert set(entries) == {
        helper_uid,
        f"registration-{participant.registration.id}@engagement-desk",
    }
    assert str(entries[helper_uid]["SUMMARY"]) == "Freiwilligentag – Schicht: Aufbau"
    assert entries[helper_uid].decoded("DTEND") == (SUMMER + dt.timedelta(hours=2)).replace(
        tzinfo=BERLIN
    )
    first_sequence = int(entries[helper_uid]["SEQUENCE"])

    cancel_registration(db, helper.registration.id)
    data = person_ical(db, person)
    _assert_valid(data)
    cancelled = _entries(data)[helper_uid]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert int(cancelled["SEQUENCE"]) > first_sequence


def test_driver_calendar(db):
    driver = add_person(db, "Fahr", "Erin")
    ride = add_ride(db, driver, dt.date(2026, 3, 31), minutes=45)
    data = driver_ical(db, driver)
    _assert_valid(data)
    entry = _entries(data)[f"ride-{ride}@engagement-desk"]
    assert entry.decoded("DTSTART") == dt.datetime(2026, 3, 31, 9, 0, tzinfo=BERLIN)
    assert entry.decoded("DTEND") - entry.decoded("DTSTART") == dt.timedelta(minutes=45)
    assert "Wochenmarkt" in str(entry["SUMMARY"])
    assert _entries(driver_ical(db, driver, dt.date(2026, 4, 1))) == {}


def test_cli_writes_ical(db, db_path, tmp_path, capsys):
    event = _event(db, "Vereinsforum", SUMMER)
    person = add_person(db, "Ida", "Imker")
    register(db, event.id, person_id=person)
    out = tmp_path / "kalender" / "events.ics"
    assert main(["--db", str(db_path), "events", "ical", "--out", str(out)]) == 0
    assert f"event-{event.id}@engagement-desk" in _entries(out.read_bytes())
    assert "1 Termine" in capsys.readouterr().out
    mine = tmp_path / "ida.ics"
    code = main(
        [
            "--db",
            str(db_path),
            "events",
            "ical",
            "--out",
            str(mine),
            "--person",
            str(person),
            "--from",
            "2026-09-01",
            "--to",
            "12.09.2026",
        ]
    )
    assert code == 0 and len(_entries(mine.read_bytes())) == 1
    assert (
        main(["--db", str(db_path), "events", "ical", "--out", str(mine), "--person", "999"]) == 1
    )
    assert "Person Nr. 999" in capsys.readouterr().err
