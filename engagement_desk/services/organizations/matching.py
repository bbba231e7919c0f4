"""Suggestions for placement: opportunities for a person, people for an opportunity.

Each suggestion carries the reasons it ranks where it does, so staff can judge
it in the phone call. Scores: shared interests/skills weigh most, then the
centre a person already works with, then postal-code proximity, then whether
the person has told us when they have time. Archived or inactive people and
filled or paused opportunities never appear.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import (
    Absence,
    Availability,
    Center,
    HoursEntry,
    Opportunity,
    OpportunitySkill,
    Organization,
    Person,
    PersonRole,
    PersonTag,
    Placement,
)
from engagement_desk.models.enums import (
    OpportunityStatus,
    PersonStatus,
    PlacementStatus,
    Role,
    TagKind,
)
from engagement_desk.services.records import get_or_raise

TAG_WEIGHT = 3.0
CENTER_WEIGHT = 2.0
SAME_POSTAL_CODE = 2.0
NEAR_POSTAL_CODE = 1.0
REGION_POSTAL_CODE = 0.5
HAS_TIME = 1.0
ABSENT_PENALTY = -2.0
CANDIDATE_LIMIT = 2000
_OPEN_PLACEMENT = (
    PlacementStatus.INTEREST,
    PlacementStatus.FIRST_TALK,
    PlacementStatus.PROPOSED,
    PlacementStatus.ACTIVE,
)


@dataclass(frozen=True)
class Match:
    id: int
    label: str
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class _Profile:
    words: frozenset[str]
    center_ids: frozenset[int]
    postal_code: str
    has_time: bool
    absent_until: dt.date | None


def _postal_reason(a: str, b: str) -> tuple[float, str | None]:
    if not a or not b:
        return 0.0, None
    if a == b:
        return SAME_POSTAL_CODE, f"gleiche PLZ {a}"
    if a[:3] == b[:3]:
        return NEAR_POSTAL_CODE, f"PLZ in der Nähe ({b})"
    if a[:2] == b[:2]:
        return REGION_POSTAL_CODE, f"PLZ-Region {b[:2]}"
    return 0.0, None


def _profiles(session: Session, person_ids: list[int], today: dt.date) -> dict[int, _Profile]:
    words: dict[int, set[str]] = defaultdict(set)
    for person_id, value in session.execute(
        select(PersonTag.person_id, PersonTag.value).where(
            PersonTag.person_id.in_(person_ids), PersonTag.kind != TagKind.LANGUAGE
        )
    ):
        words[person_id].add(value.casefold())
    centers: dict[int, set[int]] = defaultdict(set)
    for person_id, center_id in session.execute(
        select(Placement.person_id, Opportunity.center_id)
        .join(Opportunity, Opportunity.id == Placement.opportunity_id)
        .where(Placement.person_id.in_(person_ids), Opportunity.center_id.is_not(None))
        .union(
            select(HoursEntry.person_id, HoursEntry.center_id).where(
                HoursEntry.person_id.in_(person_ids), HoursEntry.center_id.is_not(None)
            )
        )
    ):
        centers[person_id].add(center_id)
    with_time = set(
        session.scalars(
            select(Availability.person_id).where(Availability.person_id.in_(person_ids))
        )
    )
    absent = dict(
        session.execute(
            select(Absence.person_id, func.max(Absence.end_date))
            .where(
                Absence.person_id.in_(person_ids),
                Absence.start_date <= today,
                Absence.end_date >= today,
            )
            .group_by(Absence.person_id)
        ).all()
    )
    postal = dict(
        session.execute(
            select(Person.id, Person.postal_code).where(Person.id.in_(person_ids))
        ).all()
    )
    return {
        pid: _Profile(
            frozenset(words[pid]),
            frozenset(centers[pid]),
            postal.get(pid, ""),
            pid in with_time,
            absent.get(pid),
        )
        for pid in person_ids
    }


def _score(
    profile: _Profile,
    skills: dict[str, str],
    center_id: int | None,
    center_name: str,
    postal_code: str,
) -> tuple[float, list[str]]:
    score, reasons = 0.0, []
    shared = sorted(skills[w] for w in profile.words & skills.keys())
    if shared:
        score += TAG_WEIGHT * len(shared)
        reasons.append("passt zu: " + ", ".join(shared))
    if center_id is not None and center_id in profile.center_ids:
        score += CENTER_WEIGHT
        reasons.append(f"schon im Zentrum {center_name} engagiert")
    points, reason = _postal_reason(profile.postal_code, postal_code)
    if reason:
        score += points
        reasons.append(reason)
    if profile.has_time:
        score += HAS_TIME
        reasons.append("hat Zeitfenster angegeben")
    if profile.absent_until is not None:
        score += ABSENT_PENALTY
        reasons.append(f"abwesend bis {profile.absent_until:%d.%m.%Y}")
    return score, reasons


def _skills(session: Session, opportunity_ids: list[int]) -> dict[int, dict[str, str]]:
    skills: dict[int, dict[str, str]] = defaultdict(dict)
    for opportunity_id, value in session.execute(
        select(OpportunitySkill.opportunity_id, OpportunitySkill.value).where(
            OpportunitySkill.opportunity_id.in_(opportunity_ids)
        )
    ):
        skills[opportunity_id][value.casefold()] = value
    return skills


def opportunities_for_person(
    db: Database, person_id: int, *, limit: int = 20, today: dt.date | None = None
) -> list[Match]:
    today = today or dt.date.today()
    with db.read_session() as session:
        person = get_or_raise(session, Person, person_id, "Person")
        if person.status != PersonStatus.ACTIVE:
            return []
        profile = _profiles(session, [person_id], today)[person_id]
        already = select(Placement.opportunity_id).where(
            Placement.person_id == person_id, Placement.status.in_(_OPEN_PLACEMENT)
        )
        rows = session.execute(
            select(
                Opportunity.id,
                Opportunity.title,
                Opportunity.center_id,
                Opportunity.postal_code,
                Organization.name,
                Organization.postal_code.label("org_postal_code"),
                Center.name.label("center_name"),
            )
            .join(Organization, Organization.id == Opportunity.organization_id)
            .outerjoin(Center, Center.id == Opportunity.center_id)
            .where(Opportunity.status == OpportunityStatus.OPEN, Opportunity.id.not_in(already))
        ).all()
        skills = _skills(session, [row.id for row in rows])
    matches = []
    for row in rows:
        score, reasons = _score(
            profile,
            skills[row.id],
            row.center_id,
            row.center_name or "",
            row.postal_code or row.org_postal_code,
        )
        if score > 0:
            matches.append(Match(row.id, f"{row.title} – {row.name}", score, tuple(reasons)))
    matches.sort(key=lambda m: (-m.score, m.label))
    return matches[:limit]


def people_for_opportunity(
    db: Database, opportunity_id: int, *, limit: int = 20, today: dt.date | None = None
) -> list[Match]:
    today = today or dt.date.today()
    with db.read_session() as session:
        opportunity = get_or_raise(session, Opportunity, opportunity_id, "Engagementangebot")
        if opportunity.status != OpportunityStatus.OPEN:
            return []
        skills = _skills(session, [opportunity_id])[opportunity_id]
        postal_code = opportunity.postal_code or opportunity.organization.postal_code
        center_name = opportunity.center.name if opportunity.center else ""
        center_id = opportunity.center_id
        volunteer = select(PersonRole.person_id).where(PersonRole.role == Role.VOLUNTEER)
        placed = select(Placement.person_id).where(
            Placement.opportunity_id == opportunity_id, Placement.status.in_(_OPEN_PLACEMENT)
        )
        wanted = [func.lower(PersonTag.value).in_(list(skills))] if skills else []
        by_tag = select(PersonTag.person_id).where(*wanted) if wanted else None
        near = [Person.postal_code.startswith(postal_code[:3])] if postal_code else []
        in_center = (
            select(HoursEntry.person_id).where(HoursEntry.center_id == center_id)
            if center_id
            else None
        )
        reach = [Person.id.in_(q) for q in (by_tag, in_center) if q is not None] + near
        if not reach:
            return []
        candidates = list(
            session.scalars(
                select(Person.id)
                .where(
                    Person.status == PersonStatus.ACTIVE,
                    Person.id.in_(volunteer),
                    Person.id.not_in(placed),
                    or_(*reach),
                )
                .limit(CANDIDATE_LIMIT)
            )
        )
        profiles = _profiles(session, candidates, today) if candidates else {}
        names = (
            dict(
                session.execute(
                    select(Person.id, Person.first_name + " " + Person.last_name).where(
                        Person.id.in_(candidates)
                    )
                ).all()
            )
            if candidates
            else {}
        )
    matches = []
    for person_id, profile in profiles.items():
        score, reasons = _score(profile, skills, center_id, center_name, postal_code)
        if score > 0:
            matches.append(Match(person_id, names[person_id].strip(), score, tuple(reasons)))
    matches.sort(key=lambda m: (-m.score, m.label))
    return matches[:limit]
