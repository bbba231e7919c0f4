"""The agency itself: settings, signatories, certificate templates and the Engagement-Zentren."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from engagement_desk.models import (
    AgencySettings,
    Center,
    CertificateTemplate,
    LetterTemplate,
    Signatory,
)
from engagement_desk.models.enums import CertificateKind, RecordStatus
from engagement_desk.models.settings import SETTINGS_ID
from engagement_desk.services.demo.catalog import CENTERS
from engagement_desk.services.demo.context import Context
from engagement_desk.services.demo.logo import logo_png
from engagement_desk.services.demo.pools import ascii_slug
from engagement_desk.services.demo.records import AgencyInfo, CenterInfo, Population
from engagement_desk.services.demo.town import (
    TOWN,
    TOWN_AREA_CODE,
    TOWN_DOMAIN,
    TOWN_HALL_STREET,
    TOWN_POSTAL_CODE,
)
from engagement_desk.services.letters.templates import DEFAULT_TEMPLATES as DEFAULT_LETTERS

AGENCY_NAME = f"Freiwilligenagentur {TOWN}"
KM_RATE = Decimal("0.30")

TEMPLATES: tuple[tuple[CertificateKind, str, str, str], ...] = (
    (
        CertificateKind.RECOGNITION,
        "Standard",
        "Anerkennungsurkunde",
        "Die Stadt {ort} und ihre Freiwilligenagentur danken\n\n"
        "{anrede_name_dativ}\n\n"
        "für das großartige ehrenamtliche Engagement im Zeitraum {zeitraum} bei "
        "{organisationen}.\n\n"
        "Mit {stunden} Stunden Ihrer Zeit haben Sie das Zusammenleben in unserer Stadt "
        "bereichert. Dafür sprechen wir Ihnen Dank und Anerkennung aus.",
    ),
    (
        CertificateKind.STATEMENT,
        "Standard",
        "Engagementnachweis",
        "{anrede_name} hat sich im Zeitraum {zeitraum} freiwillig und unentgeltlich "
        "engagiert bei: {organisationen}.\n\n"
        "Umfang des Engagements: insgesamt {stunden} Stunden.\n\n"
        "Im Rahmen dieser Tätigkeit hat {anrede_name} Verantwortung übernommen, "
        "zuverlässig im Team gearbeitet und Aufgaben selbstständig organisiert. "
        "Besonders hervorzuheben sind Einsatzbereitschaft und Kommunikationsfähigkeit im "
        "Umgang mit unterschiedlichen Menschen.",
    ),
    (
        CertificateKind.ATTENDANCE,
        "Standard",
        "Teilnahmebescheinigung",
        "{anrede_name} hat an der Veranstaltung\n\n„{veranstaltung}“\n\n"
        "am {zeitraum} im Umfang von {stunden} Stunden teilgenommen.",
    ),
)


def generate_agency(ctx: Context, population: Population) -> AgencyInfo:
    """Settings, signatories, templates and the centres (in catalogue order)."""
    writer = ctx.writer
    rng = ctx.rng("agency")
    writer.add(
        AgencySettings.__table__,
        {
            "id": SETTINGS_ID,
            "name": AGENCY_NAME,
            "street": f"{TOWN_HALL_STREET} (Rathaus, Zimmer 012)",
            "postal_code": TOWN_POSTAL_CODE,
            "city": TOWN,
            "phone": f"{TOWN_AREA_CODE} 9100-250",
            "email": f"freiwilligenagentur@{TOWN_DOMAIN}",
            "website": f"https://www.{TOWN_DOMAIN}/ehrenamt",
            "bundesland": "RP",
            "logo_png": logo_png(),
            "km_rate": KM_RATE,
            "version": 1,
        },
    )

    mayor_female = rng.random() < 0.5
    mayor = ctx.pools.german_name(rng, mayor_female, ctx.clock.today.year - 52)
    mayor_name = f"{mayor.first_name} {mayor.last_name}"
    mayor_title = "Bürgermeisterin" if mayor_female else "Bürgermeister"
    lead = population.staff[0]
    signatories = (
        (mayor_name, f"{mayor_title} der Stadt {TOWN}"),
        (lead.full_name, "Leitung der Freiwilligenagentur"),
    )
    table = Signatory.__table__
    for position, (name, function) in enumerate(signatories):
        writer.add(
            table,
            {
                "id": writer.new_id(table),
                "name": name,
                "function": function,
                "position": position,
                "version": 1,
            },
        )

    table = CertificateTemplate.__table__
    for kind, name, title, body in TEMPLATES:
        writer.add(
            table,
            {
                "id": writer.new_id(table),
                "kind": kind,
                "name": name,
                "template_version": 1,
                "title": title,
                "body": body,
                "is_default": True,
                "version": 1,
            },
        )
    # The demo replaces the new database's default rows: the letter templates come back.
    table = LetterTemplate.__table__
    written = dt.datetime.combine(ctx.clock.founded, dt.time(9), tzinfo=dt.UTC)
    for letter in DEFAULT_LETTERS:
        writer.add(
            table,
            {
                "id": writer.new_id(table),
                "name": letter.name,
                "subject": letter.subject,
                "body": letter.body,
                "created_at": written,
                "updated_at": written,
                "version": 1,
            },
        )
    return AgencyInfo(_centers(ctx, population), f"{mayor_title} {mayor_name}")


def _centers(ctx: Context, population: Population) -> list[CenterInfo]:
    writer, clock = ctx.writer, ctx.clock
    rng = ctx.rng("centers")
    today = clock.today
    candidates = [
        p
        for p in population.volunteers
        if p.is_active and 35 <= today.year - p.birth_date.year <= 75 and not p.showcase
    ]
    contacts = rng.sample(candidates, min(len(CENTERS), len(candidates)))
    table = Center.__table__
    centers: list[CenterInfo] = []
    for index, spec in enumerate(CENTERS):
        center_id = writer.new_id(table)
        created_at, updated_at = clock.created_and_updated(clock.founded, rng)
        writer.add(
            table,
            {
                "id": center_id,
                "name": spec.name,
                "theme": spec.theme,
                "street": spec.street,
                "postal_code": TOWN_POSTAL_CODE,
                "city": TOWN,
                "phone": f"{TOWN_AREA_CODE} 9100-3{index + 1}",
                "email": f"ez-{ascii_slug(spec.theme.split()[0])}@{TOWN_DOMAIN}",
                "opening_hours": spec.opening_hours,
                "description": spec.description,
                "contact_person_id": contacts[index].id if index < len(contacts) else None,
                "status": RecordStatus.ACTIVE,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": 1,
            },
        )
        centers.append(CenterInfo(center_id, spec.key, spec.name))
    return centers
