"""Saving the event form is one unit of work: the event and its Arbeitskreis part, or nothing.

Regression: a new Arbeitskreis refused for its next meeting (before the start) used to
be written anyway, and the corrected save then wrote a second one."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from engagement_desk.models import Event
from engagement_desk.models.enums import EventKind
from engagement_desk.services.errors import ConflictError, ValidationError
from engagement_desk.services.events.editing import get_event, save_event
from engagement_desk.services.events.records import EventData, WorkingGroupData

START = dt.datetime(2026, 10, 6, 18, 0)


def group_data(**changes) -> EventData:
    values = {
        "kind": EventKind.WORKING_GROUP,
        "title": "Arbeitskreis Engagierte Stadt",
        "starts_at": START,
        "ends_at": START + dt.timedelta(hours=2),
        "place": "Rathaus, Raum 12",
    }
    values.update(changes)
    return EventData(**values)


def event_count(db) -> int:
    with db.read_session() as session:
        return session.scalar(select(func.count()).select_from(Event))


def test_refused_new_working_group_writes_nothing_and_the_corrected_save_one(any_db) -> None:
    too_early = WorkingGroupData("1. Begrüßung", "", dt.date(2026, 9, 1))
    with pytest.raises(ValidationError) as refused:
        save_event(any_db, None, 0, group_data(), too_early)
    assert refused.value.for_field("next_meeting_on") is not None
    assert event_count(any_db) == 0

    corrected = WorkingGroupData("1. Begrüßung", "Protokoll folgt.", dt.date(2026, 11, 3))
    record = save_event(any_db, None, 0, group_data(), corrected)
    assert event_count(any_db) == 1
    assert (record.agenda, record.minutes, record.next_meeting_on) == (
        "1. Begrüßung",
        "Protokoll folgt.",
        dt.date(2026, 11, 3),
    )
    assert get_event(any_db, record.id) == record


def test_every_bad_field_is_named_at_once(db) -> None:
    with pytest.raises(ValidationError) as refused:
        save_event(
            db,
            None,
            0,
            group_data(title=""),
            WorkingGroupData(next_meeting_on=dt.date(2026, 1, 1)),
        )
    assert {e.field for e in refused.value.errors} == {"title", "next_meeting_on"}
    assert event_count(db) == 0


def test_refused_update_changes_neither_the_event_nor_its_minutes(db) -> None:
    record = save_event(db, None, 0, group_data(), WorkingGroupData("Alt", "", None))
    with pytest.raises(ValidationError, match="Nächstes Treffen"):
        save_event(
            db,
            record.id,
            record.version,
            group_data(title="Neuer Titel"),
            WorkingGroupData("Neu", "Neu", dt.date(2026, 1, 1)),
        )
    assert get_event(db, record.id) == record


def test_update_writes_event_and_working_group_in_one_version_step(db) -> None:
    record = save_event(db, None, 0, group_data(), WorkingGroupData())
    saved = save_event(
        db,
        record.id,
        record.version,
        group_data(place="Bürgerhaus"),
        WorkingGroupData("TOP 1", "Beschlossen", dt.date(2026, 11, 3)),
    )
    assert saved.version == record.version + 1
    assert (saved.place, saved.agenda, saved.next_meeting_on) == (
        "Bürgerhaus",
        "TOP 1",
        dt.date(2026, 11, 3),
    )
    with pytest.raises(ConflictError):
        save_event(db, record.id, record.version, group_data(), WorkingGroupData())


def test_other_kinds_leave_the_working_group_fields_alone(db) -> None:
    record = save_event(db, None, 0, group_data(kind=EventKind.WORKSHOP, title="Werkstatt"))
    assert (record.agenda, record.minutes, record.next_meeting_on) == ("", "", None)
    assert event_count(db) == 1
