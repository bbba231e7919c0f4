"""Who did something in a period, and for which centre.

A person is *active in the period* when the office recorded something they did
on a day of it: an hours entry, a ride carried out (as driver or passenger), an
event attended, or a step of one of their placements. That is the same for every
role; a volunteer placed in March who logs no hours until May is still active
in March's quarter. Archiving or anonymising a person later changes none of
those rows, so past periods keep their figures.

With a centre filter only activity for that centre counts: hours booked to it,
rides of a ride service belonging to it, its events, placements with its
opportunities.
"""

from __future__ import annotations

from sqlalchemy import Select, func, select, union

from engagement_desk.models import (
    Event,
    HoursEntry,
    HoursYearTotal,
    Opportunity,
    Placement,
    PlacementStep,
    Registration,
    Ride,
    RidePassenger,
    RideService,
)
from engagement_desk.models.enums import RegistrationStatus, RideStatus
from engagement_desk.services.reports.bounds import local_bounds, whole_years, within
from engagement_desk.services.reports.period import Period


def activity(period: Period, center_id: int | None):
    """Distinct (``person_id``, ``center_id``) pairs active in the period, as a CTE.

    A CTE so that one statement can aggregate it several ways while both
    databases build it only once (a CTE used more than once is materialized).
    """
    event_start, event_end = local_bounds(period)
    # People on rides done, once per ride service (thousands of pairs, not every ride).
    drivers = (
        select(Ride.service_id, Ride.driver_id.label("person_id"))
        .where(
            within(Ride.ride_date, period),
            Ride.status == RideStatus.DONE,
            Ride.driver_id.is_not(None),
        )
        .distinct()
        .subquery("drivers")
    )
    passengers = (
        select(Ride.service_id, RidePassenger.person_id)
        .select_from(RidePassenger)
        .join(Ride, Ride.id == RidePassenger.ride_id)
        .where(within(Ride.ride_date, period), Ride.status == RideStatus.DONE)
        .distinct()
        .subquery("passengers")
    )
    parts: list[Select] = [
        hours_people(period),
        select(drivers.c.person_id, RideService.center_id).join(
            RideService, RideService.id == drivers.c.service_id
        ),
        select(passengers.c.person_id, RideService.center_id).join(
            RideService, RideService.id == passengers.c.service_id
        ),
        select(Registration.person_id, Event.center_id)
        .join(Event, Event.id == Registration.event_id)
        .where(
            Event.starts_at >= event_start,
            Event.starts_at < event_end,
            Registration.status == RegistrationStatus.ATTENDED,
            Registration.person_id.is_not(None),
        ),
        select(Placement.person_id, Opportunity.center_id)
        .join(PlacementStep, PlacementStep.placement_id == Placement.id)
        .join(Opportunity, Opportunity.id == Placement.opportunity_id)
        .where(within(PlacementStep.on_date, period)),
    ]
    if center_id is not None:
        parts = [part.where(part.selected_columns[1] == center_id) for part in parts]
    return union(*parts).cte("activity")


def hours_people(period: Period) -> Select:
    """(``person_id``, ``center_id``) of the period's hours entries, possibly repeated.

    Whole years read the yearly totals (migration 0014, a row per person,
    organization and centre) instead of every entry; other periods the entries.
    """
    if whole_years(period):
        total = HoursYearTotal
        return select(total.person_id, func.nullif(total.center_key, 0).label("center_id")).where(
            total.year.between(period.start.year, period.end.year)
        )
    return select(HoursEntry.person_id, HoursEntry.center_id).where(
        within(HoursEntry.on_date, period)
    )
