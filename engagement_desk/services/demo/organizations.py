"""Clubs, initiatives, institutions and partners, their contacts and opportunities."""

from __future__ import annotations

import datetime as dt
import random
import re

from engagement_desk.models import (
    Opportunity,
    OpportunitySkill,
    Organization,
    OrganizationContact,
    organization_center,
)
from engagement_desk.models.enums import OpportunityStatus, RecordStatus
from engagement_desk.services.demo.catalog import (
    CONTACT_FUNCTIONS,
    OPPORTUNITIES,
    ORGANIZATIONS,
    SAINTS,
    OrganizationSpec,
)
from engagement_desk.services.demo.context import Context
from engagement_desk.services.demo.plan import Plan
from engagement_desk.services.demo.pools import ascii_slug
from engagement_desk.services.demo.records import (
    CenterInfo,
    OpportunityInfo,
    OrganizationInfo,
    PersonInfo,
    Population,
)
from engagement_desk.services.demo.town import PLACES, TOWN_ADJECTIVE, Place

ORGANIZATION = Organization.__table__
CONTACT = OrganizationContact.__table__
OPPORTUNITY = Opportunity.__table__
SKILL = OpportunitySkill.__table__

# The smallest demo shows these, so every centre and kind appears.
ALWAYS = 20
GENERIC_OPPORTUNITIES = ("veranstaltung", "oeffentlichkeit", "vorstand", "kasse")
_OPPORTUNITY_STATUS = (
    (OpportunityStatus.OPEN, 75),
    (OpportunityStatus.PAUSED, 10),
    (OpportunityStatus.FILLED, 15),
)


def _candidates(rng: random.Random) -> list[tuple[OrganizationSpec, Place]]:
    town = PLACES[0]
    first: list[tuple[OrganizationSpec, Place]] = []
    rest: list[tuple[OrganizationSpec, Place]] = []
    for index, spec in enumerate(ORGANIZATIONS):
        if spec.in_town:
            (first if index < ALWAYS else rest).append((spec, town))
        elif index < ALWAYS:
            first.append((spec, PLACES[1 + index % (len(PLACES) - 1)]))
    for spec in ORGANIZATIONS:
        if spec.in_villages:
            rest.extend((spec, place) for place in PLACES[1:] if (spec, place) not in first)
    # Bigger villages have their clubs drawn earlier.
    keyed = [(rng.random() ** (1 / place.weight), i) for i, (_, place) in enumerate(rest)]
    keyed.sort(reverse=True)
    return first + [rest[i] for _, i in keyed]


def _slug(name: str, separator: str = "-", limit: int = 40) -> str:
    """'Heimat- und Verkehrsverein St. Peter e.V.' -> 'heimat-und-verkehrsverein-st-peter'."""
    words = re.split(r"[^a-z0-9]+", ascii_slug(name.replace("e.V.", "")))
    slug = ""
    for word in filter(None, words):
        candidate = f"{slug}{separator}{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug


def generate_organizations(
    ctx: Context, plan: Plan, centers: list[CenterInfo], population: Population
) -> list[OrganizationInfo]:
    rng = ctx.rng("organizations")
    writer, clock, pools = ctx.writer, ctx.clock, ctx.pools
    center_ids = {c.key: c.id for c in centers}
    chosen = _candidates(rng)[: plan.organizations]
    contacts = list(population.contacts)
    rng.shuffle(contacts)

    organizations: list[OrganizationInfo] = []
    for index, (spec, place) in enumerate(chosen):
        org_id = writer.new_id(ORGANIZATION)
        name = spec.pattern.format(
            place=place.name,
            adj=TOWN_ADJECTIVE,
            year=rng.randint(1860, 1985),
            saint=rng.choice(SAINTS),
        )
        slug = _slug(name)
        website = f"https://www.{slug}.de" if rng.random() < 0.7 else ""
        if website and rng.random() < 0.7:
            email = f"info@{slug}.de"
        else:
            domain = rng.choice(("web.de", "gmx.de", "t-online.de"))
            email = f"{_slug(name, '.', 30)}@{domain}"
        created = clock.random_day(clock.founded, clock.days_ago(60), rng)
        created_at, updated_at = clock.created_and_updated(created, rng)
        active = index < ALWAYS or rng.random() < 0.95
        may_publish = rng.random() < 0.67
        writer.add(
            ORGANIZATION,
            {
                "id": org_id,
                "name": name,
                "kind": spec.kind,
                "street": pools.street(rng, place),
                "postal_code": place.postal_code,
                "city": place.name,
                "phone": pools.landline(rng, place.area_code),
                "email": email,
                "website": website,
                "description": spec.description,
                "may_publish": may_publish,
                "status": RecordStatus.ACTIVE if active else RecordStatus.ARCHIVED,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": 1,
            },
        )
        keys = spec.centers if len(spec.centers) < 2 or rng.random() < 0.6 else spec.centers[:1]
        own_centers = tuple(center_ids[key] for key in keys)
        for center_id in own_centers:
            writer.add(organization_center, {"organization_id": org_id, "center_id": center_id})
        info = OrganizationInfo(org_id, name, spec.key, own_centers, active, may_publish)
        _opportunities(ctx, rng, info, spec, place, created, center_ids)
        organizations.append(info)

    _contacts(ctx, rng, organizations, chosen, contacts)
    return organizations


def _opportunities(
    ctx: Context,
    rng: random.Random,
    org: OrganizationInfo,
    spec: OrganizationSpec,
    place: Place,
    org_created: dt.date,
    center_ids: dict[str, int],
) -> None:
    writer, clock = ctx.writer, ctx.clock
    own_center = org.center_ids[0] if org.center_ids else None
    keys = list(spec.opportunities)
    extras = [k for k in GENERIC_OPPORTUNITIES if k not in keys]
    count = rng.randint(2, 4)
    if len(keys) < count:
        keys += rng.sample(extras, count - len(keys))
    for key in rng.sample(keys, min(count, len(keys))):
        opp = OPPORTUNITIES[key]
        opp_id = writer.new_id(OPPORTUNITY)
        center_id = own_center if key in GENERIC_OPPORTUNITIES else center_ids[opp.center]
        status = rng.choices(
            [s for s, _ in _OPPORTUNITY_STATUS], [w for _, w in _OPPORTUNITY_STATUS]
        )[0]
        if not org.active:
            status = OpportunityStatus.PAUSED
        created = clock.random_day(org_created, clock.days_ago(20), rng)
        created_at, updated_at = clock.created_and_updated(created, rng)
        writer.add(
            OPPORTUNITY,
            {
                "id": opp_id,
                "organization_id": org.id,
                "center_id": center_id,
                "title": opp.title,
                "description": opp.description,
                "time_commitment": opp.time_commitment,
                "place": f"{org.name}, {place.name}",
                "postal_code": place.postal_code,
                "volunteers_wanted": rng.randint(1, 5),
                "status": status,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": 1,
            },
        )
        for skill in dict.fromkeys(opp.skills):
            writer.add(SKILL, {"opportunity_id": opp_id, "value": skill})
        org.opportunities.append(
            OpportunityInfo(
                opp_id,
                org.id,
                center_id,
                opp.title,
                opp.activity,
                opp.time_commitment,
                opp.skills,
                status is OpportunityStatus.OPEN,
            )
        )


def _contacts(
    ctx: Context,
    rng: random.Random,
    organizations: list[OrganizationInfo],
    chosen: list[tuple[OrganizationSpec, Place]],
    contacts: list[PersonInfo],
) -> None:
    writer = ctx.writer
    links: list[tuple[int, int]] = []
    for index in range(len(contacts)):
        org_index = index if index < len(organizations) else rng.randrange(len(organizations))
        links.append((org_index, index))
        if rng.random() < 0.05:
            links.append((rng.randrange(len(organizations)), index))
    seen: set[tuple[int, int]] = set()
    for org_index, person_index in sorted(links):
        org = organizations[org_index]
        person = contacts[person_index]
        if (org.id, person.id) in seen:
            continue
        seen.add((org.id, person.id))
        functions = CONTACT_FUNCTIONS[chosen[org_index][0].kind]
        position = min(len(org.contact_ids), len(functions) - 1)
        male, female = functions[position]
        writer.add(
            CONTACT,
            {
                "organization_id": org.id,
                "person_id": person.id,
                "function": female if person.female else male,
            },
        )
        org.contact_ids.append(person.id)
