"""Every figure of the Auswertung equals a count over the records the test built.

The expectations are counted here in Python over the lists of ``report_world``,
never by calling the service; records outside the period must not count.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

import pytest
from report_world import (
    EVENTS,
    HOURS,
    OPPORTUNITIES,
    PEOPLE,
    PLACEMENTS,
    RIDES,
    SERVICES,
    build_world,
)

from engagement_desk.models.enums import PlacementStatus, RegistrationStatus, RideStatus, Role
from engagement_desk.services.reports.period_report import Period, ReportFilter, period_report

YEAR = Period.year(2025)


def inside(day: dt.date | dt.datetime, period: Period = YEAR) -> bool:
    day = day.date() if isinstance(day, dt.datetime) else day
    return period.start <= day <= period.end


def active_people(period: Period, center: str | None = None) -> set[str]:
    """Who did something in the period: hours, rides done, events attended, placement steps."""
    people = {p for p, day, _, c, _ in HOURS if inside(day, period) and center in (None, c)}
    for service, day, status, driver, _, passengers in RIDES:
        if (
            inside(day, period)
            and status == RideStatus.DONE
            and center in (None, SERVICES[service])
        ):
            people |= {driver, *passengers}
    for _, starts, c, registrations in EVENTS:
        if inside(starts, period) and center in (None, c):
            people |= {p for p, s in registrations if s == RegistrationStatus.ATTENDED}
    for who, opportunity, steps in PLACEMENTS:
        in_center = center in (None, OPPORTUNITIES[opportunity][0])
        if in_center and any(inside(day, period) for _, day in steps):
            people.add(who)
    return people


def test_people_by_role_active_and_new(any_db) -> None:
    build_world(any_db)
    report = period_report(any_db, YEAR)
    active = active_people(YEAR)
    assert active == {"P1", "P2", "P3", "P4", "P5", "P6", "P7"}  # P8 only in 2024
    new = {name for name, (_, _, created) in PEOPLE.items() if created.year == 2025}
    assert new == {"P1", "P4", "P7"}  # P6 registered at 00:30 on 1 January 2026
    figures = {r.role: (r.active, r.new) for r in report.current.people.by_role}
    for role in Role:
        having = {name for name, (roles, _, _) in PEOPLE.items() if role in roles}
        assert figures[role.value] == (len(having & active), len(having & new)), role
    previous = {r.role: r.active for r in report.previous.people.by_role}
    volunteers = {n for n, (roles, _, _) in PEOPLE.items() if Role.VOLUNTEER in roles}
    assert previous["volunteer"] == len(volunteers & active_people(Period.year(2024)))


def test_volunteers_by_age_band_on_the_last_day(any_db) -> None:
    build_world(any_db)
    report = period_report(any_db, YEAR)
    end = YEAR.end
    ages = Counter()
    for name in active_people(YEAR):
        roles, born, _ = PEOPLE[name]
        if Role.VOLUNTEER not in roles:
            continue
        if born is None:
            ages[None] += 1
            continue
        age = end.year - born.year - ((end.month, end.day) < (born.month, born.day))
        ages[next(lo for lo in (80, 65, 50, 30, 18, 0) if age >= lo)] += 1
    bands = {band.lower: band.volunteers for band in report.current.people.volunteers_by_age}
    assert bands == {lo: ages.get(lo, 0) for lo in (0, 18, 30, 50, 65, 80, None)}
    # P2 is 15, P1 35, P3 turns 75 on the last day, P6 45
    assert bands[0] == 1 and bands[30] == 2 and bands[65] == 1


def test_volunteers_by_centre(any_db) -> None:
    world = build_world(any_db)
    report = period_report(any_db, YEAR)
    expected = Counter()
    for center in ("Familie", "Senioren"):
        for name in active_people(YEAR, center):
            if Role.VOLUNTEER in PEOPLE[name][0]:
                expected[world.centers[center]] += 1
    got = {c.center_id: c.count for c in report.current.people.volunteers_by_center}
    assert {k: v for k, v in got.items() if k is not None} == dict(expected)
    # Without a centre: P2's hours in June, P3's rides for the Impffahrten (no centre).
    assert got[None] == 2


def test_hours_by_centre_month_and_kind(any_db) -> None:
    world = build_world(any_db)
    hours = period_report(any_db, YEAR).current.hours
    rows = [h for h in HOURS if inside(h[1])]
    assert hours.total == sum(Decimal(h[2]) for h in rows)
    assert hours.entries == len(rows)
    assert hours.volunteers == len({h[0] for h in rows})
    by_center = Counter()
    for _, _, amount, center, _ in rows:
        by_center[world.centers[center] if center else None] += Decimal(amount)
    assert {c.center_id: c.hours for c in hours.by_center} == dict(by_center)
    by_month = Counter()
    for _, day, amount, _, _ in rows:
        by_month[day.month] += Decimal(amount)
    assert [(m.year, m.month) for m in hours.by_month] == [(2025, m) for m in range(1, 13)]
    assert {m.month: m.hours for m in hours.by_month} == {
        m: by_month.get(m, 0) for m in range(1, 13)
    }
    by_kind = Counter()
    for _, _, amount, _, source in rows:
        by_kind[source.value] += Decimal(amount)
    assert {k.kind: k.hours for k in hours.by_kind if k.entries} == dict(by_kind)


def _ride_figures(rows):
    done = [r for r in rows if r[2] == RideStatus.DONE]
    return (
        sum(1 for r in rows if r[2] == RideStatus.DONE),
        sum(1 for r in rows if r[2] == RideStatus.CANCELLED),
        sum(1 for r in rows if r[2] == RideStatus.NO_SHOW),
        sum(1 for r in rows if r[2] == RideStatus.PLANNED),
        sum(Decimal(r[4]) for r in done),
        len({p for r in done for p in r[5]}),
        len({r[3] for r in done}),
    )


def _as_tuple(figures):
    return (
        figures.done,
        figures.cancelled,
        figures.no_show,
        figures.unassigned,
        figures.km,
        figures.passengers_served,
        figures.active_drivers,
    )


def test_rides_by_service_and_month(any_db) -> None:
    world = build_world(any_db)
    rides = period_report(any_db, YEAR).current.rides
    rows = [r for r in RIDES if inside(r[1])]
    assert _as_tuple(rides.total) == _ride_figures(rows)
    assert rides.total.passengers_served == 2  # P4 on both services counts once
    for service in SERVICES:
        (figures,) = [f for f in rides.by_service if f.service_id == world.services[service]]
        assert figures.name == service
        assert _as_tuple(figures) == _ride_figures([r for r in rows if r[0] == service])
    per_month = Counter(r[1].month for r in rows if r[2] == RideStatus.DONE)
    assert [m.count for m in rides.done_by_month] == [per_month.get(m, 0) for m in range(1, 13)]


def test_events_by_kind_with_participants(any_db) -> None:
    build_world(any_db)
    events = period_report(any_db, YEAR).current.events
    rows = [e for e in EVENTS if inside(e[1])]
    kinds = Counter(e[0].value for e in rows)
    present = Counter()
    for kind, _, _, registrations in rows:
        present[kind.value] += sum(1 for _, s in registrations if s == RegistrationStatus.ATTENDED)
    assert {k.kind: (k.events, k.participants) for k in events.by_kind if k.events} == {
        kind: (kinds[kind], present[kind]) for kind in kinds
    }
    assert events.events == len(rows) == 2
    assert events.participants == sum(present.values()) == 3


def test_placements_and_opportunities(any_db) -> None:
    build_world(any_db)
    placements = period_report(any_db, YEAR).current.placements
    steps = [(status, day) for _, _, history in PLACEMENTS for status, day in history]
    in_year = Counter(status.value for status, day in steps if inside(day))
    assert {s.status: s.steps for s in placements.steps} == {
        status.value: in_year.get(status.value, 0) for status in PlacementStatus
    }
    assert placements.started == sum(1 for _, _, history in PLACEMENTS if inside(history[0][1]))
    active = 0
    for _, _, history in PLACEMENTS:
        began = any(s == PlacementStatus.ACTIVE and d <= YEAR.end for s, d in history)
        closed = any(
            s in (PlacementStatus.ENDED, PlacementStatus.DECLINED) and d < YEAR.start
            for s, d in history
        )
        active += began and not closed
    assert placements.active == active == 2  # P1 from March, P2 until May
    assert placements.ended == in_year.get("ended", 0) == 1
    assert placements.declined == 1
    assert placements.opportunities_new == sum(
        1 for _, c in OPPORTUNITIES.values() if c.year == 2025
    )
    assert placements.opportunities_offered == 2
    assert placements.opportunities_placed == 1  # O1: P1 became active
    assert placements.organizations_new == 1


def test_centre_filter_counts_only_that_centre(any_db) -> None:
    world = build_world(any_db)
    center = world.centers["Senioren"]
    report = period_report(any_db, YEAR, ReportFilter(center_id=center, center_name="Senioren"))
    current = report.current
    rows = [h for h in HOURS if inside(h[1]) and h[3] == "Senioren"]
    assert current.hours.total == sum(Decimal(h[2]) for h in rows)
    assert [c.center_id for c in current.hours.by_center] == [center]
    rides = [r for r in RIDES if inside(r[1]) and SERVICES[r[0]] == "Senioren"]
    assert _as_tuple(current.rides.total) == _ride_figures(rides)
    assert current.events.events == 0
    active = active_people(YEAR, "Senioren")
    figures = {r.role: r.active for r in current.people.by_role}
    for role in Role:
        having = {n for n, (roles, _, _) in PEOPLE.items() if role in roles}
        assert figures[role.value] == len(having & active), role
    assert current.placements.ended == 1  # P2 on O2 (Senioren)
    assert current.placements.declined == 0  # P6 on O1 (Familie)
    assert report.to_json_dict()["filter"]["center_name"] == "Senioren"


def test_ride_service_filter_narrows_the_rides(any_db) -> None:
    world = build_world(any_db)
    service = world.services["Impffahrten"]
    report = period_report(any_db, YEAR, ReportFilter(ride_service_id=service))
    rows = [r for r in RIDES if inside(r[1]) and r[0] == "Impffahrten"]
    assert _as_tuple(report.current.rides.total) == _ride_figures(rows)
    assert [f.service_id for f in report.current.rides.by_service] == [service]
    # the other sections stay whole
    assert report.current.hours.entries == sum(1 for h in HOURS if inside(h[1]))


def test_a_span_and_its_previous_period(any_db) -> None:
    build_world(any_db)
    span = Period.between(dt.date(2025, 3, 1), dt.date(2025, 5, 31))
    report = period_report(any_db, span)
    # whole months: the three months before
    assert report.previous.period.start == dt.date(2024, 12, 1)
    assert report.previous.period.end == dt.date(2025, 2, 28)
    assert report.current.rides.total.done == sum(
        1 for r in RIDES if inside(r[1], span) and r[2] == RideStatus.DONE
    )
    previous_hours = [h for h in HOURS if inside(h[1], report.previous.period)]
    assert report.previous.hours.total == sum(Decimal(h[2]) for h in previous_hours)
    assert [(m.year, m.month) for m in report.previous.hours.by_month] == [
        (2024, 12),
        (2025, 1),
        (2025, 2),
    ]


def test_json_is_plain_numbers_and_nothing_personal(any_db) -> None:
    build_world(any_db)
    data = period_report(any_db, YEAR).to_json_dict()
    assert data["current"]["hours"]["total"] == float(
        sum(Decimal(h[2]) for h in HOURS if inside(h[1]))
    )
    assert data["period"] == {"start": "2025-01-01", "end": "2025-12-31", "label": "2025"}
    assert data["previous"]["period"]["label"] == "2024"
    text = repr(data)
    for name in PEOPLE:  # the people's last names are P1 … P8
        assert f"'{name}'" not in text


def test_a_span_of_days_is_compared_with_as_many_days_before() -> None:
    span = Period.between(dt.date(2025, 3, 10), dt.date(2025, 3, 16))
    assert span.label == "10.03.2025–16.03.2025"
    previous = span.previous()
    assert (previous.start, previous.end) == (dt.date(2025, 3, 3), dt.date(2025, 3, 9))
    assert Period.between(dt.date(2024, 1, 1), dt.date(2024, 12, 31)) == Period.year(2024)


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [(dt.date(2025, 5, 1), dt.date(2025, 4, 1), "Ende")],
)
def test_a_period_ending_before_it_starts_is_refused(start, end, message) -> None:
    from engagement_desk.services.reports.period import PeriodError

    with pytest.raises(PeriodError, match=message):
        Period.between(start, end)
