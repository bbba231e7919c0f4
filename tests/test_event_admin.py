"""Events: validation, shifts, capacity and waiting list, RSVP, check-in, questions, overlaps."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from builders import add_organization, add_person, new_event
from hours_builders import add_ride
from sqlalchemy import select, update

from engagement_desk.models import HoursEntry, Registration, RidePassenger
from engagement_desk.models.enums import EventKind, RegistrationStatus
from engagement_desk.services.errors import ConflictError, NotFoundError, ValidationError
from engagement_desk.services.events.conflicts import conflicts_for, conflicts_for_ride
from engagement_desk.services.events.editing import (
    create_event,
    delete_event,
    get_event,
    update_event,
    update_working_group,
)
from engagement_desk.services.events.questions import add_question, list_questions
from engagement_desk.services.events.records import (
    EventData,
    EventRecord,
    RegistrationFilter,
    ShiftData,
)
from engagement_desk.services.events.registrations import (
    cancel_registration,
    check_in,
    get_registration,
    list_registrations,
    register,
    registration_warnings,
    reply_to_invitations,
    respond_to_invitation,
    set_stand,
)
from engagement_desk.services.events.shifts import (
    add_shift,
    delete_shift,
    list_shifts,
    update_shift,
)

DAY = dt.datetime(2026, 9, 12, 10, 0)


def make_event(db, **changes) -> EventRecord:
    values = {
        "kind": EventKind.VOLUNTEER_DAY,
        "title": "Freiwilligentag",
        "starts_at": DAY,
        "ends_at": DAY + dt.timedelta(hours=6),
        "place": "Marktplatz",
    }
    values.update(changes)
    return new_event(db, **values)


def stamp(db, registration_id: int, minutes: int) -> None:
    """Make the waiting list order explicit (registrations in one second share a stamp)."""
    with db.session() as session:
        session.execute(
            update(Registration)
            .where(Registration.id == registration_id)
            .values(
                registered_at=dt.datetime(2026, 8, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=minutes)
            )
        )


def test_create_and_update_event(any_db):
    event = make_event(any_db, capacity=20, hours_credit="2,5")
    assert event.hours_credit == Decimal("2.50")
    assert event.free_places == 20
    changed = update_event(
        any_db,
        event.id,
        event.version,
        EventData(EventKind.WORKSHOP, "Werkstatt", DAY, DAY + dt.timedelta(hours=2)),
    )
    assert (changed.title, changed.kind, changed.version) == ("Werkstatt", EventKind.WORKSHOP, 2)
    with pytest.raises(ConflictError):
        update_event(
            any_db,
            event.id,
            event.version,
            EventData(EventKind.WORKSHOP, "Alt", DAY, DAY + dt.timedelta(hours=1)),
        )
    assert get_event(any_db, event.id).title == "Werkstatt"


def test_event_validation_names_fields_in_german(db):
    with pytest.raises(ValidationError) as caught:
        create_event(db, EventData("nonsense", " ", DAY, DAY - dt.timedelta(hours=1), capacity=-1))
    error = caught.value
    assert {e.field for e in error.errors} == {"kind", "title", "ends_at", "capacity"}
    assert error.for_field("ends_at").message == "Das Ende muss nach dem Beginn liegen."
    assert "Plätze" in str(error) and "Titel" in str(error)
    with pytest.raises(ValidationError, match="Beginn"):
        create_event(db, EventData(EventKind.OTHER, "x", None, DAY))


def test_shifts_crud_and_validation(db):
    event = make_event(db)
    shift = add_shift(db, event.id, ShiftData("Aufbau", DAY, DAY + dt.timedelta(hours=2), 3))
    assert (shift.title, shift.slots, shift.free) == ("Aufbau", 3, 3)
    shift = update_shift(
        db, shift.id, shift.version, ShiftData("Aufbau Bühne", DAY, DAY + dt.timedelta(hours=3))
    )
    assert list_shifts(db, event.id) == (shift,)
    with pytest.raises(ValidationError) as caught:
        add_shift(db, event.id, ShiftData("", DAY, DAY, 0))
    assert {e.field for e in caught.value.errors} == {"title", "ends_at", "slots"}
    delete_shift(db, shift.id, shift.version)
    assert list_shifts(db, event.id) == ()


def test_capacity_waiting_list_and_move_up(any_db):
    event = make_event(any_db, capacity=2)
    people = [add_person(any_db, "P", f"Nr{i}") for i in range(4)]
    results = [register(any_db, event.id, person_id=p) for p in people]
    for minutes, result in enumerate(results):
        stamp(any_db, result.registration.id, minutes)
    assert [r.registration.status for r in results] == [
        RegistrationStatus.REGISTERED,
        RegistrationStatus.REGISTERED,
        RegistrationStatus.WAITING_LIST,
        RegistrationStatus.WAITING_LIST,
    ]
    assert results[2].on_waiting_list
    # helpers and exhibitors do not count against the participant capacity
    helper = register(any_db, event.id, person_id=add_person(any_db, "H", "Elfer"), role="helper")
    assert helper.registration.status == RegistrationStatus.REGISTERED

    cancelled = cancel_registration(any_db, results[0].registration.id)
    assert cancelled.cancelled.status == RegistrationStatus.CANCELLED
    assert cancelled.moved_up.id == results[2].registration.id
    assert cancelled.moved_up.status == RegistrationStatus.REGISTERED
    assert "P Nr2 rückt von der Warteliste nach" in cancelled.message
    # cancelling someone on the waiting list frees no place
    assert cancel_registration(any_db, results[3].registration.id).moved_up is None
    record = get_event(any_db, event.id)
    assert (record.registered, record.waiting, record.free_places) == (2, 0, 0)


def test_raising_capacity_moves_people_up(db):
    event = make_event(db, capacity=0)
    waiting = register(db, event.id, person_id=add_person(db, "W", "Arte"))
    assert waiting.on_waiting_list
    data = EventData(
        EventKind.VOLUNTEER_DAY, "Freiwilligentag", event.starts_at, event.ends_at, capacity=5
    )
    assert update_event(db, event.id, event.version, data).registered == 1


def test_helper_shift_slots(db):
    event = make_event(db)
    shift = add_shift(db, event.id, ShiftData("Kuchen", DAY, DAY + dt.timedelta(hours=2), 1))
    first = register(
        db, event.id, person_id=add_person(db, "A", "Eins"), role="helper", shift_id=shift.id
    )
    second = register(
        db, event.id, person_id=add_person(db, "B", "Zwei"), role="helper", shift_id=shift.id
    )
    assert first.registration.status == RegistrationStatus.REGISTERED
    assert first.registration.shift_title == "Kuchen"
    assert second.on_waiting_list
    moved = cancel_registration(db, first.registration.id).moved_up
    assert moved is not None and moved.id == second.registration.id
    with pytest.raises(ValidationError, match="Schicht"):
        register(db, event.id, person_id=add_person(db, "C", "Drei"), shift_id=shift.id)


def test_register_rejects_duplicates_and_missing_who(db):
    event = make_event(db)
    person = add_person(db, "Doppel", "Gänger")
    register(db, event.id, person_id=person)
    with pytest.raises(ValidationError, match="bereits angemeldet"):
        register(db, event.id, person_id=person)
    with pytest.raises(ValidationError, match="Person oder Organisation"):
        register(db, event.id)


def test_exhibitor_organization_with_stand(db):
    event = make_event(db, kind=EventKind.CLUB_FAIR, title="Vereinsmesse")
    club = add_organization(db, "Turnverein 1890")
    result = register(db, event.id, organization_id=club, role="exhibitor", stand="A 12")
    assert (result.registration.name, result.registration.stand) == ("Turnverein 1890", "A 12")
    assert result.warnings == ()
    found = list_registrations(db, event.id, RegistrationFilter(text="a 12"))
    assert [r.id for r in found] == [result.registration.id]


def test_rsvp_for_recognition_event(db):
    event = make_event(db, kind=EventKind.RECOGNITION, title="Ehrenamtsempfang", capacity=1)
    guests = [add_person(db, "Gast", str(i)) for i in range(3)]
    invited = [register(db, event.id, person_id=p, invite=True).registration for p in guests]
    assert {r.status for r in invited} == {RegistrationStatus.INVITED}
    assert respond_to_invitation(db, invited[0].id, True).status == RegistrationStatus.REGISTERED
    assert respond_to_invitation(db, invited[1].id, False).status == RegistrationStatus.DECLINED
    assert respond_to_invitation(db, invited[2].id, True).status == RegistrationStatus.WAITING_LIST
    # the first one declines after all: the place goes to the one waiting
    respond_to_invitation(db, invited[0].id, False)
    assert get_registration(db, invited[2].id).status == RegistrationStatus.REGISTERED
    cancel_registration(db, invited[2].id)
    with pytest.raises(ValidationError, match="„Storniert“"):
        respond_to_invitation(db, invited[2].id, True)


def test_stand_is_changed_later_and_checked(db):
    event = make_event(db, kind=EventKind.CLUB_FAIR, title="Vereinsmesse")
    club = add_organization(db, "Kleingartenverein")
    registration = register(db, event.id, organization_id=club, role="exhibitor").registration
    moved = set_stand(db, registration.id, registration.version, " B 3 ")
    assert (moved.stand, moved.version) == ("B 3", registration.version + 1)
    with pytest.raises(ConflictError):
        set_stand(db, registration.id, registration.version, "C 1")
    with pytest.raises(ValidationError, match="Höchstens 100 Zeichen"):
        set_stand(db, registration.id, moved.version, "x" * 101)
    assert get_registration(db, registration.id).stand == "B 3"


def test_replies_to_several_invitations_are_all_or_nothing(db):
    event = make_event(db, kind=EventKind.RECOGNITION, title="Ehrenamtsempfang", capacity=5)
    invited = [
        register(db, event.id, person_id=add_person(db, "Gast", str(i)), invite=True)
        for i in range(3)
    ]
    ids = [r.registration.id for r in invited]
    cancel_registration(db, ids[2])
    with pytest.raises(ValidationError, match=r"Gast.*„Storniert“"):
        reply_to_invitations(db, ids, True)
    assert {get_registration(db, i).status for i in ids[:2]} == {RegistrationStatus.INVITED}
    replies = reply_to_invitations(db, ids[:2], True)
    assert [r.status for r in replies] == [RegistrationStatus.REGISTERED] * 2


def test_an_event_with_recorded_attendance_is_not_deleted(db):
    event = make_event(db, title="Erste Hilfe", kind=EventKind.TRAINING)
    first = register(db, event.id, person_id=add_person(db, "Albers", "Ute")).registration
    add_shift(db, event.id, ShiftData("Empfang", DAY, DAY + dt.timedelta(hours=1), 2))
    add_question(db, event.id, "Gibt es Parkplätze?")
    check_in(db, [first.id], True)
    with pytest.raises(ValidationError, match="für 1 Person ist die Teilnahme erfasst"):
        delete_event(db, event.id, event.version)
    assert get_event(db, event.id).title == "Erste Hilfe"

    planned = make_event(db, title="Werkstatt")
    register(db, planned.id, person_id=add_person(db, "Bauer", "Jan"))
    add_question(db, planned.id, "Wann geht es los?")
    delete_event(db, planned.id, planned.version)
    with pytest.raises(NotFoundError):
        get_event(db, planned.id)
    assert list_questions(db, planned.id) == ()
    with db.read_session() as session:
        assert (
            session.scalars(select(Registration).where(Registration.event_id == planned.id)).all()
            == []
        )


def test_check_in_many_and_hours_for_helpers(db):
    event = make_event(db)
    shift = add_shift(db, event.id, ShiftData("Aufbau", DAY, DAY + dt.timedelta(hours=2), 5))
    helper = register(
        db, event.id, person_id=add_person(db, "Hel", "Fer"), role="helper", shift_id=shift.id
    ).registration
    guests = [
        register(db, event.id, person_id=add_person(db, "G", str(i))).registration
        for i in range(30)
    ]
    cancelled = register(db, event.id, person_id=add_person(db, "Weg", "Da")).registration
    cancel_registration(db, cancelled.id)

    result = check_in(db, [helper.id, *(g.id for g in guests), cancelled.id, 99999])
    assert result.changed == 31
    assert set(result.skipped) == {cancelled.id, 99999}
    # credit_event_hours' own policy: shift length for helpers, event length for the others
    assert result.hours_created == 31
    with db.read_session() as session:
        hours = session.scalars(
            select(HoursEntry.hours).where(HoursEntry.person_id == helper.person_id)
        ).one()
    assert hours == Decimal("2.00")
    assert get_registration(db, helper.id).version == helper.version + 1

    undone = check_in(db, helper.id, attended=False)
    assert (undone.changed, undone.hours_removed) == (1, 1)
    # the event has derived hours now: a participant's no-show removes theirs too
    assert check_in(db, guests[0].id, attended=False).hours_removed == 1
    assert get_registration(db, helper.id).status == RegistrationStatus.NO_SHOW


def test_check_in_training_credits_hours(db):
    event = make_event(db, kind=EventKind.TRAINING, title="Vereinsrecht", hours_credit="3")
    person = add_person(db, "Kassen", "Wartin")
    registration = register(db, event.id, person_id=person).registration
    assert check_in(db, [registration.id]).hours_created == 1


def test_working_group_and_questions(db):
    meeting = make_event(db, kind=EventKind.WORKING_GROUP, title="Arbeitskreis")
    record = update_working_group(
        db, meeting.id, meeting.version, agenda="1. Begrüßung", next_meeting_on=dt.date(2026, 11, 3)
    )
    record = update_working_group(db, meeting.id, record.version, minutes="Beschlossen: …")
    assert (record.agenda, record.minutes, record.next_meeting_on) == (
        "1. Begrüßung",
        "Beschlossen: …",
        dt.date(2026, 11, 3),
    )
    with pytest.raises(ValidationError, match="Nächstes Treffen"):
        update_working_group(db, meeting.id, record.version, next_meeting_on=dt.date(2026, 1, 1))

    round_ = make_event(db, kind=EventKind.CITIZEN_DIALOGUE, title="Bürgerschaft (ge)fragt")
    add_question(
        db, round_.id, "Wann kommt der Radweg?", "Anwohnerin", received_on=dt.date(2026, 9, 2)
    )
    add_question(db, round_.id, "Mehr Bänke am Markt", received_on=dt.date(2026, 9, 1))
    assert [q.text for q in list_questions(db, round_.id)] == [
        "Mehr Bänke am Markt",
        "Wann kommt der Radweg?",
    ]
    with pytest.raises(ValidationError, match="Frage"):
        add_question(db, round_.id, "  ")


def test_overlap_warnings_for_shifts_events_and_rides(any_db):
    person = add_person(any_db, "Viel", "Beschäftigt")
    fair = make_event(any_db, kind=EventKind.CLUB_FAIR, title="Vereinsmesse")
    day = make_event(
        any_db,
        title="Freiwilligentag",
        starts_at=DAY - dt.timedelta(hours=2),
        ends_at=DAY + dt.timedelta(hours=8),
    )
    shift = add_shift(
        any_db,
        day.id,
        ShiftData("Abbau", DAY + dt.timedelta(hours=6), DAY + dt.timedelta(hours=8)),
    )
    # a shift outside the fair's time: only the shift's time counts
    assert (
        register(any_db, day.id, person_id=person, role="helper", shift_id=shift.id).warnings == ()
    )
    ride = add_ride(any_db, person, DAY.date(), minutes=90)  # 9:00–10:30, as the driver
    other_driver = add_person(any_db, "Fahr", "Er")
    ride_along = add_ride(any_db, other_driver, DAY.date(), minutes=30)  # 9:00–9:30
    with any_db.session() as session:
        session.add(RidePassenger(ride_id=ride_along, person_id=person))

    result = register(any_db, fair.id, person_id=person)
    assert [(w.kind, w.record_id) for w in result.warnings] == [("ride", ride)]
    assert "als Fahrer/in am 12.09.2026 09:00–10:30" in result.warnings[0].message

    warnings = conflicts_for(
        any_db, person, DAY - dt.timedelta(hours=1), DAY + dt.timedelta(hours=7)
    )
    kinds = [(w.kind, w.record_id) for w in warnings]
    assert ("ride", ride_along) in kinds and ("ride", ride) in kinds
    assert ("registration", result.registration.id) in kinds
    assert any("Schicht »Abbau«" in w.message for w in warnings)
    assert any("als Fahrgast" in w.message for w in warnings)
    excluded = conflicts_for(
        any_db,
        person,
        DAY,
        DAY + dt.timedelta(hours=1),
        exclude_registration_id=result.registration.id,
    )
    assert [w.kind for w in excluded] == ["ride"]
    # ride assignment: the ride itself is not a conflict, the fair is
    ride_warnings = conflicts_for_ride(any_db, ride, person)
    assert [w.record_id for w in ride_warnings] == [ride_along, result.registration.id] or [
        w.record_id for w in ride_warnings
    ] == [result.registration.id, ride_along]
    assert registration_warnings(any_db, fair.id, person)[0].kind == "ride"


def test_event_list_counts_registrations_and_filters(db):
    from engagement_desk.services.events.event_list import count_events, list_events
    from engagement_desk.services.listing import ListQuery

    fair = make_event(db, capacity=10)
    make_event(
        db,
        title="Intern",
        is_public=False,
        starts_at=DAY + dt.timedelta(days=40),
        ends_at=DAY + dt.timedelta(days=40, hours=2),
    )
    register(db, fair.id, person_id=add_person(db, "T", "Eilnehmerin"))
    register(db, fair.id, person_id=add_person(db, "H", "Elfer"), role="helper")
    page = list_events(db, ListQuery(filters={"is_public": True}))
    assert page.ids == (fair.id,) and page.rows[0][4] == 2  # helpers count as registered
    until = ListQuery(filters={"to_date": DAY.date() + dt.timedelta(days=1)})
    assert count_events(db, until) == 1


def test_a_driver_override_warns_about_an_event_at_the_same_time(db) -> None:
    import datetime as dt

    from engagement_desk.models import Event, Person, PersonRole, Ride, RideService
    from engagement_desk.models.enums import EventKind, RegistrationRole, RideServiceKind, Role
    from engagement_desk.services.events.registrations import register
    from engagement_desk.services.rides.assignment import check_assignment
    from engagement_desk.services.rides.rules import Rule

    with db.session() as session:
        driver = Person(first_name="Karl", last_name="Fahr", roles=[PersonRole(role=Role.DRIVER)])
        service = RideService(name="Seniorenfahrdienst", kind=RideServiceKind.WEEKLY)
        event = Event(
            kind=EventKind.WORKSHOP,
            title="Engagement-Werkstatt",
            starts_at=dt.datetime(2026, 12, 2, 9),
            ends_at=dt.datetime(2026, 12, 2, 12),
        )
        session.add_all([driver, service, event])
        session.flush()
        ride = Ride(
            service_id=service.id,
            ride_date=dt.date(2026, 12, 2),
            start_time=dt.time(10),
            duration_minutes=60,
            destination="Wochenmarkt",
        )
        session.add(ride)
        session.flush()
        ids = (driver.id, event.id, ride.id)
    register(db, ids[1], person_id=ids[0], role=RegistrationRole.PARTICIPANT)
    warnings = check_assignment(db, ids[2], ids[0])
    event_warnings = [w for w in warnings if w.rule == Rule.EVENT]
    assert len(event_warnings) == 1 and "Engagement-Werkstatt" in event_warnings[0].message


def test_the_list_counts_every_registration_and_places_count_seats(db):
    from engagement_desk.services.events.event_list import list_events
    from engagement_desk.services.listing import ListQuery

    fair = make_event(db, kind=EventKind.CLUB_FAIR, title="Vereinsmesse", capacity=1)
    shift = add_shift(db, fair.id, ShiftData("Aufbau", DAY, DAY + dt.timedelta(hours=1), 1))
    register(db, fair.id, organization_id=add_organization(db, "Chor"), role="exhibitor")
    for name in ("Eins", "Zwei"):  # the second helper waits for the one slot
        register(db, fair.id, person_id=add_person(db, name, "H"), role="helper", shift_id=shift.id)
    register(db, fair.id, person_id=add_person(db, "Gast", "G"), role="guest")
    cancelled = register(db, fair.id, person_id=add_person(db, "Weg", "W"), role="speaker")
    cancel_registration(db, cancelled.registration.id)
    page = list_events(db, ListQuery())
    assert page.rows[0][4] == 3  # exhibitor, one helper, the guest
    record = get_event(db, fair.id)
    assert (record.registered, record.free_places) == (1, 0)  # only the guest takes a seat


def test_moving_an_event_or_a_shift_reports_new_overlaps(db):
    from engagement_desk.services.events.conflicts import schedule_conflicts

    evening = make_event(
        db,
        kind=EventKind.TRAINING,
        title="Vereinsforum",
        starts_at=DAY + dt.timedelta(hours=8),
        ends_at=DAY + dt.timedelta(hours=10),
    )
    day = make_event(db)  # 10:00–16:00
    shift = add_shift(db, day.id, ShiftData("Abbau", DAY, DAY + dt.timedelta(hours=1), 2))
    busy = add_person(db, "Ute", "Busy")
    free = add_person(db, "Fritz", "Frei")
    register(db, evening.id, person_id=busy)
    register(db, day.id, person_id=busy, role="helper", shift_id=shift.id)
    register(db, day.id, person_id=free)
    assert schedule_conflicts(db, day.id) == ()

    update_shift(
        db,
        shift.id,
        shift.version,
        ShiftData("Abbau", DAY + dt.timedelta(hours=9), DAY + dt.timedelta(hours=11), 2),
    )
    (found,) = schedule_conflicts(db, day.id, shift.id)
    assert found.name == "Ute Busy" and "Vereinsforum" in found.warnings[0].message
    assert [c.name for c in schedule_conflicts(db, evening.id)] == ["Ute Busy"]
