"""The certified content of one certificate, its canonical JSON and its SHA-256 hash.

The register stores the canonical JSON in ``Certificate.content`` and its hash in
``content_hash``; the PDF is drawn from this content alone (plus the agency's logo), so
a register entry can be printed again exactly as issued.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.certificates.placeholders import Paragraph

CONTENT_FORMAT = 1


@dataclass(frozen=True)
class AgencyInfo:
    name: str
    street: str = ""
    postal_code: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""

    @property
    def address_line(self) -> str:
        town = " ".join(p for p in (self.postal_code, self.city) if p)
        return " · ".join(p for p in (self.street, town) if p)

    @property
    def contact_line(self) -> str:
        return " · ".join(p for p in (self.phone, self.email, self.website) if p)


@dataclass(frozen=True)
class Signature:
    name: str
    function: str = ""


@dataclass(frozen=True)
class TrainingLine:
    title: str
    on: dt.date


@dataclass(frozen=True)
class EventInfo:
    id: int
    title: str
    starts_on: dt.date
    ends_on: dt.date
    place: str
    trainer: str
    hours: Decimal | None


@dataclass(frozen=True)
class CertificateContent:
    kind: CertificateKind
    number: str
    issued_on: dt.date
    place: str
    agency: AgencyInfo
    signatories: tuple[Signature, ...]
    template_id: int | None
    template_name: str
    template_version: int
    title: str
    paragraphs: tuple[Paragraph, ...]
    person_id: int
    person_name: str
    birth_date: dt.date | None
    period_start: dt.date | None
    period_end: dt.date | None
    hours: Decimal | None = None
    hours_per_week: Decimal | None = None
    hours_per_month: Decimal | None = None
    organizations: tuple[str, ...] = ()
    activities: tuple[str, ...] = ()
    trainings: tuple[TrainingLine, ...] = ()
    competences: str = ""
    event: EventInfo | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": CONTENT_FORMAT,
            "kind": self.kind.value,
            "number": self.number,
            "issued_on": _date(self.issued_on),
            "place": self.place,
            "agency": vars(self.agency).copy(),
            "signatories": [vars(s).copy() for s in self.signatories],
            "template": {
                "id": self.template_id,
                "name": self.template_name,
                "version": self.template_version,
            },
            "title": self.title,
            "paragraphs": [[p.style, p.text] for p in self.paragraphs],
            "person": {
                "id": self.person_id,
                "name": self.person_name,
                "birth_date": _date(self.birth_date),
            },
            "period": {"start": _date(self.period_start), "end": _date(self.period_end)},
            "hours": {
                "total": _decimal(self.hours),
                "per_week": _decimal(self.hours_per_week),
                "per_month": _decimal(self.hours_per_month),
            },
            "organizations": list(self.organizations),
            "activities": list(self.activities),
            "trainings": [{"title": t.title, "on": _date(t.on)} for t in self.trainings],
            "competences": self.competences,
            "event": None
            if self.event is None
            else {
                "id": self.event.id,
                "title": self.event.title,
                "starts_on": _date(self.event.starts_on),
                "ends_on": _date(self.event.ends_on),
                "place": self.event.place,
                "trainer": self.event.trainer,
                "hours": _decimal(self.event.hours),
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CertificateContent:
        event = data["event"]
        return cls(
            kind=CertificateKind(data["kind"]),
            number=data["number"],
            issued_on=_parse_date(data["issued_on"]),  # type: ignore[arg-type]
            place=data["place"],
            agency=AgencyInfo(**data["agency"]),
            signatories=tuple(Signature(**s) for s in data["signatories"]),
            template_id=data["template"]["id"],
            template_name=data["template"]["name"],
            template_version=data["template"]["version"],
            title=data["title"],
            paragraphs=tuple(Paragraph(style, text) for style, text in data["paragraphs"]),
            person_id=data["person"]["id"],
            person_name=data["person"]["name"],
            birth_date=_parse_date(data["person"]["birth_date"]),
            period_start=_parse_date(data["period"]["start"]),
            period_end=_parse_date(data["period"]["end"]),
            hours=_parse_decimal(data["hours"]["total"]),
            hours_per_week=_parse_decimal(data["hours"]["per_week"]),
            hours_per_month=_parse_decimal(data["hours"]["per_month"]),
            organizations=tuple(data["organizations"]),
            activities=tuple(data["activities"]),
            trainings=tuple(
                TrainingLine(t["title"], _parse_date(t["on"]))  # type: ignore[arg-type]
                for t in data["trainings"]
            ),
            competences=data["competences"],
            event=None
            if event is None
            else EventInfo(
                id=event["id"],
                title=event["title"],
                starts_on=_parse_date(event["starts_on"]),  # type: ignore[arg-type]
                ends_on=_parse_date(event["ends_on"]),  # type: ignore[arg-type]
                place=event["place"],
                trainer=event["trainer"],
                hours=_parse_decimal(event["hours"]),
            ),
        )


def canonical_json(content: CertificateContent) -> str:
    """Sorted keys, no insignificant whitespace, UTF-8 text as is: one spelling per content."""
    return json.dumps(content.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(canonical: str) -> str:
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def content_from_json(text: str) -> CertificateContent:
    return CertificateContent.from_dict(json.loads(text))


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _parse_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else f"{value.quantize(Decimal('0.01'))}"


def _parse_decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)
