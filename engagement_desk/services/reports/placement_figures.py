"""Placements by step, opportunities and new organizations in a period."""

from __future__ import annotations

from sqlalchemy import distinct, exists, func, select
from sqlalchemy.orm import Session, aliased

from engagement_desk.models import (
    Opportunity,
    Organization,
    Placement,
    PlacementStep,
    organization_center,
)
from engagement_desk.models.enums import PlacementStatus
from engagement_desk.services.reports.bounds import utc_bounds, within
from engagement_desk.services.reports.period import Period
from engagement_desk.services.reports.sections import PlacementsSection, StepCount

CLOSED = (PlacementStatus.ENDED, PlacementStatus.DECLINED)


def placements_section(
    session: Session, period: Period, center_id: int | None
) -> PlacementsSection:
    """Placements from their dated steps (``placement_step``), not their status today.

    - started: the placement's first step falls in the period;
    - active: it was *active* on some day of the period (an ``active`` step on or
      before the period's end, and no ``ended``/``declined`` step before its start);
    - ended / declined: it reached that step in the period;
    - steps: every step reached in the period, by status;
    - opportunities: created in the period (new), existing at its end (offered),
      with a placement that became active in it (placed); organizations: new.
    With a centre filter: placements and opportunities of that centre's
    opportunities, organizations belonging to the centre.
    """

    def of_center(query):
        if center_id is None:
            return query
        return query.join(Opportunity, Opportunity.id == Placement.opportunity_id).where(
            Opportunity.center_id == center_id
        )

    def steps_of_center(query):
        # Every step belongs to a placement: the join is needed only to reach the centre.
        if center_id is None:
            return query
        return of_center(query.join(Placement, Placement.id == PlacementStep.placement_id))

    steps = {
        status: count
        for status, count in session.execute(
            steps_of_center(
                select(PlacementStep.status, func.count())
                .where(within(PlacementStep.on_date, period))
                .group_by(PlacementStep.status)
            )
        )
    }
    first_steps = steps_of_center(
        select(func.min(PlacementStep.on_date).label("first_on")).group_by(
            PlacementStep.placement_id
        )
    ).subquery("first_steps")
    started = session.scalar(select(func.count()).where(within(first_steps.c.first_on, period)))

    became_active = aliased(PlacementStep)
    closed_before = aliased(PlacementStep)
    active = session.scalar(
        of_center(
            select(func.count(Placement.id)).where(
                exists().where(
                    became_active.placement_id == Placement.id,
                    became_active.status == PlacementStatus.ACTIVE,
                    became_active.on_date <= period.end,
                ),
                ~exists().where(
                    closed_before.placement_id == Placement.id,
                    closed_before.status.in_(CLOSED),
                    closed_before.on_date < period.start,
                ),
            )
        )
    )

    created_from, created_to = utc_bounds(period)
    opportunities = select(func.count(Opportunity.id))
    if center_id is not None:
        opportunities = opportunities.where(Opportunity.center_id == center_id)
    opportunities_new = session.scalar(
        opportunities.where(
            Opportunity.created_at >= created_from, Opportunity.created_at < created_to
        )
    )
    opportunities_offered = session.scalar(opportunities.where(Opportunity.created_at < created_to))
    placed = select(func.count(distinct(Placement.opportunity_id))).join(
        PlacementStep, PlacementStep.placement_id == Placement.id
    )
    opportunities_placed = session.scalar(
        of_center(placed).where(
            PlacementStep.status == PlacementStatus.ACTIVE, within(PlacementStep.on_date, period)
        )
    )
    organizations = select(func.count(Organization.id)).where(
        Organization.created_at >= created_from, Organization.created_at < created_to
    )
    if center_id is not None:
        organizations = organizations.where(
            Organization.id.in_(
                select(organization_center.c.organization_id).where(
                    organization_center.c.center_id == center_id
                )
            )
        )
    return PlacementsSection(
        started=started or 0,
        active=active or 0,
        ended=steps.get(PlacementStatus.ENDED, 0),
        declined=steps.get(PlacementStatus.DECLINED, 0),
        steps=tuple(StepCount(status.value, steps.get(status, 0)) for status in PlacementStatus),
        opportunities_new=opportunities_new or 0,
        opportunities_offered=opportunities_offered or 0,
        opportunities_placed=opportunities_placed or 0,
        organizations_new=session.scalar(organizations) or 0,
    )
