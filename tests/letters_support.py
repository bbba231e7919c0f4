"""A small office for the letter tests: people with and without consent and address."""

from __future__ import annotations

import datetime as dt
import io

from builders import add_person
from pypdf import PdfReader

from engagement_desk.db import Database
from engagement_desk.models import Consent, Event, Registration
from engagement_desk.models.enums import (
    ConsentPurpose,
    ConsentSource,
    EventKind,
    PersonStatus,
    RegistrationRole,
    RegistrationStatus,
)

TODAY = dt.date(2026, 11, 2)
ADDRESS = {"street": "Hauptstraße 5", "postal_code": "54634", "city": "Bitburg"}


def consent(db: Database, person_id: int, *, withdrawn: bool = False) -> None:
    with db.session() as session:
        session.add(
            Consent(
                person_id=person_id,
                purpose=ConsentPurpose.CONTACT,
                given_on=dt.date(2025, 1, 1),
                source=ConsentSource.PAPER,
                withdrawn_on=dt.date(2026, 3, 1) if withdrawn else None,
            )
        )


def office_people(db: Database) -> dict[str, int]:
    """Each person's name says what the letter run should do with them."""
    people = {
        "max": add_person(
            db, "Max", "Muster", salutation="Herr", email="max@example.org", **ADDRESS
        ),
        "anna": add_person(db, "Anna", "Weber", salutation="Frau", title="Dr.", **ADDRESS),
        "alex": add_person(db, "Alex", "Beispiel", email="alex@example.org", **ADDRESS),
        "no_consent_1": add_person(db, "Nora", "Ohne", email="nora@example.org", **ADDRESS),
        "no_consent_2": add_person(db, "Olaf", "Ohne", **ADDRESS),
        "withdrawn": add_person(db, "Wanda", "Widerruf", email="w@example.org", **ADDRESS),
        "no_address": add_person(
            db,
            "Paul",
            "Postlos",
            email="paul@example.org",
            street="",
            postal_code="54634",
            city="Bitburg",
        ),
        "archived": add_person(
            db, "Arno", "Archiv", status=PersonStatus.ARCHIVED, email="a@example.org", **ADDRESS
        ),
        "anonymized": add_person(
            db, "", "Anonymisiert", anonymized_on=dt.date(2026, 1, 1), **ADDRESS
        ),
    }
    for name in ("max", "anna", "alex", "no_address", "archived", "anonymized"):
        consent(db, people[name])
    consent(db, people["withdrawn"], withdrawn=True)
    return people


def recognition_event(db: Database, people: dict[str, int]) -> int:
    """Invitees: max, anna, no_consent_1, archived; declined: alex."""
    with db.session() as session:
        event = Event(
            kind=EventKind.RECOGNITION,
            title="Ehrenamtsgala 2026",
            starts_at=dt.datetime(2026, 11, 13, 18, 0),
            ends_at=dt.datetime(2026, 11, 13, 22, 0),
            place="Haus Beda, Bitburg",
        )
        session.add(event)
        session.flush()
        statuses = {
            "max": RegistrationStatus.INVITED,
            "anna": RegistrationStatus.REGISTERED,
            "no_consent_1": RegistrationStatus.INVITED,
            "archived": RegistrationStatus.INVITED,
            "alex": RegistrationStatus.DECLINED,
        }
        for name, status in statuses.items():
            session.add(
                Registration(
                    event_id=event.id,
                    person_id=people[name],
                    role=RegistrationRole.GUEST,
                    status=status,
                )
            )
        return event.id


def text_positions(pdf: bytes, page: int = 0) -> list[tuple[str, float, float]]:
    """(text, x, y) of each piece of text on ``page``, in points from the lower left."""
    found: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, font_dict, font_size):  # type: ignore[no-untyped-def]
        if text.strip():
            found.append((text.strip(), tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return found


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def page_text(pdf: bytes, page: int) -> str:
    return PdfReader(io.BytesIO(pdf)).pages[page].extract_text()
