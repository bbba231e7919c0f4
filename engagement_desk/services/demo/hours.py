"""Volunteer hours over the last three years: typed by hand, from rides and from events.

Most volunteers who log time give 20–100 hours a year, some 100–200; a few
give more than 250 (enough for the Ehrenamtskarte), some only a handful.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from engagement_desk.models import HoursEntry
from engagement_desk.models.enums import HoursSource, PersonStatus, Role
from engagement_desk.services.demo.context import Context
from engagement_desk.services.demo.plan import Plan
from engagement_desk.services.demo.records import (
    CenterInfo,
    Engagement,
    OrganizationInfo,
    PersonInfo,
    Population,
    Work,
)
from engagement_desk.services.demo.rides import HISTORY_DAYS

HOURS = HoursEntry.__table__
YEARS = 3
_HALF_HOURS = [Decimal(n) / 2 for n in range(0, 49)]
_DAYS = [dt.timedelta(days=n) for n in range(15)]
_WEEK = dt.timedelta(days=7)

# (chance of an entry per week (range), half-hours per entry (range))
_Tier = tuple[tuple[float, float], tuple[int, int]]
_HEAVY: _Tier = ((0.85, 0.95), (6, 16))
_HIGH: _Tier = ((0.4, 0.6), (6, 12))
_MEDIUM: _Tier = ((0.1, 0.3), (3, 10))
_LIGHT: _Tier = ((0.04, 0.08), (2, 8))


class _Logger:
    """Writes one person's manual entries week by week."""

    def __init__(
        self, ctx: Context, organizations: list[OrganizationInfo], centers: list[CenterInfo]
    ):
        self.rng = ctx.rng("hours")
        self.clock = ctx.clock
        self.writer = ctx.writer
        self.choices = [
            (org.id, opp.center_id or (org.center_ids[0] if org.center_ids else None), opp.activity)
            for org in organizations
            if org.active
            for opp in org.opportunities
        ]
        self.partner_id = next((o.id for o in organizations if o.key == "elisabeth"), None)
        self.seniors_center = next(c.id for c in centers if c.key == "seniors")

    def person(self, person: PersonInfo, engagements: list[Engagement], tier: _Tier) -> None:
        rng, clock = self.rng, self.clock
        today = clock.today
        start = max(
            today - dt.timedelta(days=365 * YEARS),
            clock.founded,
            person.created,
            person.engaged_since or person.created,
        )
        end = today - dt.timedelta(days=1)
        driver = Role.DRIVER in person.roles
        if driver:
            end = today - dt.timedelta(days=HISTORY_DAYS + 1)
        if person.status is not PersonStatus.ACTIVE:
            end = clock.random_day(start, max(start, today - dt.timedelta(days=90)), rng)
        if end <= start:
            return
        if driver:
            home = (self.partner_id, self.seniors_center, "Seniorenfahrdienst")
        else:
            home = rng.choice(self.choices) if self.choices else (None, None, "Ehrenamt")
        (low_chance, high_chance), (low_half, high_half) = tier
        chance = rng.uniform(low_chance, high_chance)
        second = 0.3 if tier is _HEAVY else 0.0
        spread = high_half - low_half + 1
        random_ = rng.random
        week = start
        while week <= end:
            if random_() < chance:
                for _ in range(2 if random_() < second else 1):
                    day = week + _DAYS[int(random_() * 7)]
                    if day > end:
                        break
                    organization_id, center_id, activity = home
                    for engagement in engagements:
                        if engagement.start <= day and (
                            engagement.end is None or day <= engagement.end
                        ):
                            organization_id = engagement.organization_id
                            center_id = engagement.center_id
                            activity = engagement.activity
                            break
                    hours = _HALF_HOURS[low_half + int(random_() * spread)]
                    self.write(
                        person.id,
                        day,
                        hours,
                        organization_id,
                        center_id,
                        activity,
                        HoursSource.MANUAL,
                        None,
                        None,
                    )
            week += _WEEK

    def write(
        self,
        person_id: int,
        on_date: dt.date,
        hours: Decimal,
        organization_id: int | None,
        center_id: int | None,
        activity: str,
        source: HoursSource,
        ride_id: int | None,
        registration_id: int | None,
    ) -> None:
        clock, writer = self.clock, self.writer
        entered = min(clock.today, on_date + _DAYS[int(self.rng.random() * 15)])
        created_at = clock.stamp(entered, self.rng)
        writer.add(
            HOURS,
            {
                "id": writer.new_id(HOURS),
                "person_id": person_id,
                "on_date": on_date,
                "hours": hours,
                "organization_id": organization_id,
                "center_id": center_id,
                "activity": activity,
                "source": source,
                "ride_id": ride_id,
                "registration_id": registration_id,
                "created_at": created_at,
                "updated_at": created_at,
                "version": 1,
            },
        )


def _loggers(
    rng: random.Random, plan: Plan, population: Population, engagements: dict[int, list[Engagement]]
) -> list[PersonInfo]:
    """Who records time: all drivers, then placed volunteers, then others, up to the plan."""
    eligible = [
        p
        for p in dict.fromkeys(population.drivers + population.volunteers)
        if p.status is not PersonStatus.ARCHIVED
    ]
    drivers = [p for p in eligible if Role.DRIVER in p.roles or p.showcase]
    placed = [p for p in eligible if p.id in engagements and p not in set(drivers)]
    taken = set(drivers) | set(placed)
    others = [p for p in eligible if p not in taken]
    rng.shuffle(placed)
    rng.shuffle(others)
    room = max(0, plan.hours_loggers - len(drivers))
    chosen = drivers + (placed + others)[:room]
    return sorted(chosen, key=lambda p: p.id)


def generate_hours(
    ctx: Context,
    plan: Plan,
    population: Population,
    organizations: list[OrganizationInfo],
    centers: list[CenterInfo],
    engagements: list[Engagement],
    derived: list[Work],
) -> None:
    logger = _Logger(ctx, organizations, centers)
    rng = logger.rng
    by_person: dict[int, list[Engagement]] = {}
    for engagement in engagements:
        by_person.setdefault(engagement.person_id, []).append(engagement)
    for work in derived:
        logger.write(
            work.person_id,
            work.on_date,
            work.hours,
            work.organization_id,
            work.center_id,
            work.activity,
            work.source,
            work.ride_id,
            work.registration_id,
        )
    loggers = _loggers(rng, plan, population, by_person)
    heavy_count = max(2, round(len(loggers) * 0.05))
    active = [p for p in loggers if p.is_active]
    heavy = {p.id for p in rng.sample(active, min(heavy_count, len(active)))}
    for person in loggers:
        r = rng.random()
        if person.id in heavy or (person.showcase and person.first_name == "Şükrü"):
            tier = _HEAVY
        elif r < 0.12:
            tier = _HIGH
        elif person.showcase or r < 0.7:
            tier = _MEDIUM
        else:
            tier = _LIGHT
        logger.person(person, by_person.get(person.id, []), tier)
