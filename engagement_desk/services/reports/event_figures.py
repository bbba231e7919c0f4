"""Events by kind with the participants present."""

from __future__ import annotations

from sqlalchemy import and_, distinct, func, select
from sqlalchemy.orm import Session

from engagement_desk.models import Event, Registration
from engagement_desk.models.enums import EventKind, RegistrationStatus
from engagement_desk.services.reports.bounds import local_bounds
from engagement_desk.services.reports.period import Period
from engagement_desk.services.reports.sections import EventKindFigures, EventsSection


def events_section(session: Session, period: Period, center_id: int | None) -> EventsSection:
    """Events starting in the period, by kind; participants = registrations marked attended.

    Attended registrations count in every role (participant, helper, exhibiting
    club, …), since the funders ask how many took part. With a centre filter:
    the events that centre organizes.
    """
    start, end = local_bounds(period)
    query = (
        select(Event.kind, func.count(distinct(Event.id)), func.count(Registration.id))
        .outerjoin(
            Registration,
            and_(
                Registration.event_id == Event.id,
                Registration.status == RegistrationStatus.ATTENDED,
            ),
        )
        .where(Event.starts_at >= start, Event.starts_at < end)
        .group_by(Event.kind)
    )
    if center_id is not None:
        query = query.where(Event.center_id == center_id)
    counts = {kind: (events, people) for kind, events, people in session.execute(query)}
    by_kind = tuple(EventKindFigures(kind.value, *counts.get(kind, (0, 0))) for kind in EventKind)
    return EventsSection(
        by_kind=by_kind,
        events=sum(figures.events for figures in by_kind),
        participants=sum(figures.participants for figures in by_kind),
    )
