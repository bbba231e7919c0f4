"""Placements (Vermittlungen) with their dated steps and the follow-up calls staff work from."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from engagement_desk.models import Placement, PlacementStep
from engagement_desk.models.enums import PersonStatus, PlacementStatus
from engagement_desk.services.demo.context import Context
from engagement_desk.services.demo.plan import Plan
from engagement_desk.services.demo.records import (
    Engagement,
    OpportunityInfo,
    OrganizationInfo,
    PersonInfo,
    Population,
)

PLACEMENT = Placement.__table__
STEP = PlacementStep.__table__
S = PlacementStatus

_STATUS_ACTIVE_PERSON = (
    (S.ACTIVE, 40),
    (S.ENDED, 18),
    (S.DECLINED, 10),
    (S.PROPOSED, 12),
    (S.FIRST_TALK, 8),
    (S.INTEREST, 12),
)
_STATUS_FORMER_PERSON = ((S.ENDED, 70), (S.DECLINED, 30))
_RECENT = {S.INTEREST: (0, 20), S.FIRST_TALK: (3, 30), S.PROPOSED: (8, 45)}
_NOTES: dict[PlacementStatus, tuple[str, ...]] = {
    S.INTEREST: (
        "Anruf im Büro, interessiert sich für „{title}“.",
        "Kam zur Sprechstunde im Rathaus.",
        "Interesse auf der Vereinsmesse bekundet.",
        "Anfrage per E-Mail über die Website der Stadt.",
        "Empfehlung durch Bekannte.",
    ),
    S.FIRST_TALK: (
        "Erstgespräch im Rathaus, ca. 45 Minuten. Zeitbudget: {commitment}.",
        "Beratungsgespräch am Telefon.",
        "Erstgespräch im Engagement-Zentrum.",
    ),
    S.PROPOSED: (
        "An {org} vermittelt, Kontaktdaten mit Einwilligung weitergegeben.",
        "Kennenlerntermin bei {org} vereinbart.",
    ),
    S.ACTIVE: (
        "Rückmeldung von {org}: hat angefangen.",
        "Erster Einsatz war gut, bleibt dabei.",
    ),
    S.ENDED: (
        "Engagement beendet: Umzug.",
        "Beendet aus Zeitgründen (neue Arbeitsstelle).",
        "Projekt abgeschlossen.",
        "Beendet aus gesundheitlichen Gründen.",
        "Wechsel zu einem anderen Angebot.",
    ),
    S.DECLINED: (
        "Passt zeitlich doch nicht.",
        "{org} hat abgesagt – die Stelle ist inzwischen besetzt.",
        "Hat sich anders entschieden.",
        "Keine Rückmeldung mehr erhalten.",
    ),
}


@dataclass
class _Draft:
    person: PersonInfo
    opportunity: OpportunityInfo
    organization: OrganizationInfo
    steps: list[tuple[PlacementStatus, dt.date]]
    follow_up_on: dt.date | None


def _pick(rng: random.Random, options: tuple[tuple[PlacementStatus, int], ...]) -> PlacementStatus:
    return rng.choices([o for o, _ in options], [w for _, w in options])[0]


class _Placer:
    def __init__(self, ctx: Context, organizations: list[OrganizationInfo]):
        self.rng = ctx.rng("placements")
        self.clock = ctx.clock
        self.organization_of: dict[int, OrganizationInfo] = {}
        self.open: list[OpportunityInfo] = []
        self.by_tag: dict[str, list[OpportunityInfo]] = {}
        for org in organizations:
            for opp in org.opportunities:
                self.organization_of[opp.id] = org
                if org.active and opp.open:
                    self.open.append(opp)
                    for tag in opp.skills:
                        self.by_tag.setdefault(tag, []).append(opp)
        if not self.open:
            self.open = [o for org in organizations for o in org.opportunities]

    def opportunity(self, person: PersonInfo) -> OpportunityInfo:
        rng = self.rng
        tags = [t for t in (*person.interests, *person.skills) if t in self.by_tag]
        if tags and rng.random() < 0.7:
            return rng.choice(self.by_tag[rng.choice(tags)])
        return rng.choice(self.open)

    def draft(self, person: PersonInfo, status: PlacementStatus) -> _Draft:
        rng, clock = self.rng, self.clock
        today = clock.today
        earliest = max(clock.founded, person.created)
        if person.engaged_since:
            earliest = max(earliest, person.engaged_since - dt.timedelta(days=30))
        latest = clock.days_ago(40)
        if status in _RECENT or earliest > latest:
            if status not in _RECENT:
                status = S.PROPOSED
            low, high = _RECENT[status]
            start = clock.days_ago(rng.randint(low, high))
        else:
            start = clock.random_day(earliest, latest, rng)

        path = [S.INTEREST, S.FIRST_TALK, S.PROPOSED, S.ACTIVE, S.ENDED]
        if status is S.DECLINED:
            path = [S.INTEREST, S.FIRST_TALK] + ([S.PROPOSED] if rng.random() < 0.6 else [])
            path.append(S.DECLINED)
        else:
            path = path[: path.index(status) + 1]
        gaps = {
            S.FIRST_TALK: (2, 14),
            S.PROPOSED: (1, 10),
            S.ACTIVE: (7, 30),
            S.ENDED: (60, 900),
            S.DECLINED: (3, 30),
        }
        steps = [(S.INTEREST, start)]
        day = start
        for step in path[1:]:
            low, high = gaps[step]
            day = min(day + dt.timedelta(days=rng.randint(low, high)), today)
            if step is S.ENDED and day >= today:
                break  # still active today
            steps.append((step, day))

        current, last_day = steps[-1]
        follow_up = None
        if current is S.INTEREST and rng.random() < 0.7:
            follow_up = today + dt.timedelta(days=rng.randint(0, 7))
        elif current is S.FIRST_TALK and rng.random() < 0.6:
            follow_up = today + dt.timedelta(days=rng.randint(0, 10))
        elif current is S.PROPOSED and rng.random() < 0.9:
            follow_up = last_day + dt.timedelta(days=14)
            if follow_up < today and rng.random() < 0.8:
                follow_up = today + dt.timedelta(days=rng.randint(0, 14))
        elif current is S.ACTIVE and rng.random() < 0.05:
            follow_up = today + dt.timedelta(days=rng.randint(1, 30))
        opp = self.opportunity(person)
        return _Draft(person, opp, self.organization_of[opp.id], steps, follow_up)


def generate_placements(
    ctx: Context, plan: Plan, population: Population, organizations: list[OrganizationInfo]
) -> list[Engagement]:
    """Write placements; return the engagements (active or ended) they led to."""
    placer = _Placer(ctx, organizations)
    rng, clock, writer = placer.rng, ctx.clock, ctx.writer
    candidates = [p for p in population.volunteers if p.status is not PersonStatus.ARCHIVED]
    drafts: list[_Draft] = []
    for index in range(plan.placements):
        person = rng.choice(candidates)
        if index == 0:
            # This week's call-back list must never be empty.
            draft = placer.draft(person, S.PROPOSED)
            sunday = clock.today + dt.timedelta(days=6 - clock.today.weekday())
            draft.follow_up_on = min(clock.today + dt.timedelta(days=2), sunday)
        elif person.is_active:
            draft = placer.draft(person, _pick(rng, _STATUS_ACTIVE_PERSON))
        else:
            draft = placer.draft(person, _pick(rng, _STATUS_FORMER_PERSON))
        drafts.append(draft)
    drafts.sort(key=lambda d: d.steps[0][1])

    engagements: list[Engagement] = []
    for draft in drafts:
        placement_id = writer.new_id(PLACEMENT)
        current, last_day = draft.steps[-1]
        created_at = clock.stamp(draft.steps[0][1], rng)
        updated_at = max(created_at, clock.stamp(last_day, rng))
        writer.add(
            PLACEMENT,
            {
                "id": placement_id,
                "person_id": draft.person.id,
                "opportunity_id": draft.opportunity.id,
                "status": current,
                "follow_up_on": draft.follow_up_on,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": len(draft.steps),
            },
        )
        values = {
            "title": draft.opportunity.title,
            "org": draft.organization.name,
            "commitment": draft.opportunity.time_commitment,
        }
        for status, day in draft.steps:
            writer.add(
                STEP,
                {
                    "id": writer.new_id(STEP),
                    "placement_id": placement_id,
                    "status": status,
                    "on_date": day,
                    "note": rng.choice(_NOTES[status]).format(**values),
                },
            )
        steps = dict(draft.steps)
        if S.ACTIVE in steps:
            engagements.append(
                Engagement(
                    draft.person.id,
                    draft.organization.id,
                    draft.opportunity.center_id,
                    draft.opportunity.activity,
                    steps[S.ACTIVE],
                    steps.get(S.ENDED),
                )
            )
    return engagements
