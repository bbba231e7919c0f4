"""Putting a template, the agency and one recipient's facts together into certified content."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.certificates.content import (
    AgencyInfo,
    CertificateContent,
    EventInfo,
    Signature,
    TrainingLine,
)
from engagement_desk.services.certificates.facts import EventFacts, PersonFacts
from engagement_desk.services.certificates.formatting import (
    format_average,
    format_date,
    format_hours,
    format_period,
    join_words,
)
from engagement_desk.services.certificates.placeholders import (
    fill,
    render_paragraphs,
    salutation_values,
)
from engagement_desk.services.certificates.templates import TemplateRecord
from engagement_desk.services.salutations import Addressee
from engagement_desk.services.settings import AgencySettingsRecord

DAYS_PER_MONTH = Decimal("30.436875")  # the Gregorian average
AVERAGE_STEP = Decimal("0.01")


@dataclass(frozen=True)
class Issuer:
    """What every certificate of a batch shares: the agency, its signatories and logo."""

    agency: AgencyInfo
    signatories: tuple[Signature, ...]
    place: str
    logo_png: bytes | None
    signature_pngs: tuple[tuple[str, bytes], ...] = ()

    @property
    def signatures(self) -> dict[str, bytes]:
        """Signature images by the signatory's printed name."""
        return dict(self.signature_pngs)


def issuer_from_settings(settings: AgencySettingsRecord) -> Issuer:
    agency = AgencyInfo(
        name=settings.name,
        street=settings.street,
        postal_code=settings.postal_code,
        city=settings.city,
        phone=settings.phone,
        email=settings.email,
        website=settings.website,
    )
    signatories = tuple(Signature(s.name, s.function) for s in settings.signatories)
    images = tuple((s.name, s.signature_png) for s in settings.signatories if s.signature_png)
    return Issuer(agency, signatories, settings.city, settings.logo_png, images)


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def averages(hours: Decimal, period: Period) -> tuple[Decimal, Decimal]:
    """Hours per week and per (average) month over the whole period."""
    days = Decimal(period.days)
    per_week = (hours * 7 / days).quantize(AVERAGE_STEP)
    per_month = (hours * DAYS_PER_MONTH / days).quantize(AVERAGE_STEP)
    return per_week, per_month


def compose(
    *,
    kind: CertificateKind,
    number: str,
    issued_on: dt.date,
    template: TemplateRecord,
    issuer: Issuer,
    person: PersonFacts,
    period: Period,
    event: EventFacts | None = None,
    competences: str = "",
) -> CertificateContent:
    hours: Decimal | None = person.hours
    if kind == CertificateKind.ATTENDANCE:
        hours = event.hours if event else None
    per_week, per_month = averages(person.hours, period)
    event_info = (
        None
        if event is None
        else EventInfo(
            id=event.id,
            title=event.title,
            starts_on=event.starts_at.date(),
            ends_on=event.ends_at.date(),
            place=event.place,
            trainer=event.trainer,
            hours=event.hours,
        )
    )
    organizations = person.organizations
    if kind == CertificateKind.ATTENDANCE and event and event.organization:
        organizations = (event.organization,)
    values = _values(
        issued_on=issued_on,
        issuer=issuer,
        person=person,
        period=period,
        hours=hours,
        per_week=per_week,
        per_month=per_month,
        organizations=organizations,
        event=event_info,
        competences=competences,
    )
    is_statement = kind == CertificateKind.STATEMENT
    return CertificateContent(
        kind=kind,
        number=number,
        issued_on=issued_on,
        place=issuer.place,
        agency=issuer.agency,
        signatories=issuer.signatories,
        template_id=template.id,
        template_name=template.name,
        template_version=template.template_version,
        title=fill(template.title, values),
        paragraphs=render_paragraphs(template.body, values),
        person_id=person.person_id,
        person_name=person.name,
        birth_date=person.birth_date,
        period_start=period.start,
        period_end=period.end,
        hours=hours,
        hours_per_week=per_week if is_statement else None,
        hours_per_month=per_month if is_statement else None,
        organizations=organizations,
        activities=person.activities if kind != CertificateKind.ATTENDANCE else (),
        trainings=tuple(TrainingLine(t.title, t.on) for t in person.trainings)
        if is_statement
        else (),
        competences=competences.strip(),
        event=event_info,
    )


def _values(
    *,
    issued_on: dt.date,
    issuer: Issuer,
    person: PersonFacts,
    period: Period,
    hours: Decimal | None,
    per_week: Decimal,
    per_month: Decimal,
    organizations: tuple[str, ...],
    event: EventInfo | None,
    competences: str,
) -> dict[str, str]:
    since = person.engaged_since
    title, first_name, last_name = person.printed_parts
    return {
        "anrede": person.salutation,
        **salutation_values(Addressee(person.salutation, title, first_name, last_name)),
        "titel": title,
        "vorname": first_name,
        "nachname": last_name,
        "name": person.name,
        "geburtsdatum": format_date(person.birth_date),
        "zeitraum": format_period(period.start, period.end),
        "jahr": str(period.end.year),
        "stunden": format_hours(hours) if hours is not None else "",
        "stunden_woche": format_average(per_week),
        "stunden_monat": format_average(per_month),
        "organisationen": join_words(organizations) or issuer.agency.name,
        "taetigkeiten": join_words(person.activities),
        "fortbildungen": join_words([f"{t.title} ({format_date(t.on)})" for t in person.trainings]),
        "kompetenzen": competences.strip(),
        "engagiert_seit": format_date(since),
        "dienstjahre": str(relativedelta(issued_on, since).years) if since else "",
        "veranstaltung": event.title if event else "",
        "veranstaltungsdatum": format_period(event.starts_on, event.ends_on) if event else "",
        "veranstaltungsort": event.place if event else "",
        "trainer": event.trainer if event else "",
        "datum": format_date(issued_on),
        "ort": issuer.place,
        "agentur": issuer.agency.name,
    }
