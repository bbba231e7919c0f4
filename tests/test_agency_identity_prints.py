"""Every PDF the program makes carries the agency from the settings: name, contact line,
logo where there is a letterhead, and the signature images on certificates."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from engagement_desk.db import Database
from engagement_desk.models import Person, Registration, Ride
from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.certificates.batch import preview_certificate
from engagement_desk.services.certificates.selection import Selection
from engagement_desk.services.demo import generate_demo
from engagement_desk.services.events.prints.badges import name_badges_pdf
from engagement_desk.services.events.prints.lists import shift_plan_pdf, signin_list_pdf
from engagement_desk.services.privacy.access import access_report
from engagement_desk.services.privacy.access_letter import render_letter
from engagement_desk.services.rides.prints.printouts import (
    call_list_printout,
    km_summary_printout,
    run_sheet_printout,
)
from engagement_desk.services.settings import (
    as_input,
    get_agency_settings,
    update_agency_settings,
)
from engagement_desk.services.settings_images import image_as_png
from engagement_desk.ui.svg_render import svg_to_png

NAME = "Freiwilligenagentur Prüfstadt"
WEBSITE = "www.pruefstadt-hilft.de"
LOGO = b'<svg xmlns="http://www.w3.org/2000/svg" width="90" height="40"><rect width="90" height="40" fill="#c60"/></svg>'  # noqa: E501
SIGNATURE = b'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="90"><path d="M5 60 C60 5 120 90 290 30" stroke="#12a" stroke-width="5" fill="none"/></svg>'  # noqa: E501


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Iterator[Database]:
    import shutil

    path = tmp_path_factory.mktemp("prints") / "agency.sqlite3"
    shutil.copy(migrated_template, path)
    db = Database(path)
    generate_demo(db, people=120, seed=7)
    current = get_agency_settings(db)
    signatories = tuple(
        replace(s, signature_png=image_as_png(SIGNATURE, "s", "s", svg_to_png) if i == 0 else None)
        for i, s in enumerate(current.signatories)
    )
    update_agency_settings(
        db,
        replace(
            as_input(current),
            name=NAME,
            website=WEBSITE,
            logo_png=image_as_png(LOGO, "logo_png", "Logo", svg_to_png),
            signatories=signatories,
        ),
        expected_version=current.version,
    )
    yield db
    db.dispose()


def _first(db: Database, query) -> object:  # type: ignore[no-untyped-def]
    with db.read_session() as session:
        return session.execute(query).first()


def _documents(db: Database) -> dict[str, Callable[[], bytes]]:
    (person,) = _first(db, select(Person.id).order_by(Person.id))  # type: ignore[misc]
    driver, day = _first(  # type: ignore[misc]
        db, select(Ride.driver_id, Ride.ride_date).where(Ride.driver_id.is_not(None))
    )
    (event,) = _first(  # type: ignore[misc]
        db,
        select(Registration.event_id).group_by(Registration.event_id).order_by(func.count().desc()),
    )
    return {
        "Anerkennungsurkunde": lambda: preview_certificate(db, CertificateKind.RECOGNITION, person),
        "Engagementnachweis": lambda: preview_certificate(db, CertificateKind.STATEMENT, person),
        "Teilnahmebescheinigung": lambda: preview_certificate(
            db, CertificateKind.ATTENDANCE, person, Selection(event_id=event)
        ),
        "Laufzettel": lambda: run_sheet_printout(db, driver, day).data,
        "Anrufliste": lambda: call_list_printout(db, day).data,
        "Kilometerabrechnung": lambda: km_summary_printout(db, day.year, day.month).data,
        "Namensschilder": lambda: name_badges_pdf(db, event),
        "Teilnehmerliste": lambda: signin_list_pdf(db, event),
        "Schichtplan": lambda: shift_plan_pdf(db, event),
        "Auskunft": lambda: render_letter(access_report(db, person)),
    }


KINDS = (
    "Anerkennungsurkunde",
    "Engagementnachweis",
    "Teilnahmebescheinigung",
    "Laufzettel",
    "Anrufliste",
    "Kilometerabrechnung",
    "Namensschilder",
    "Teilnehmerliste",
    "Schichtplan",
    "Auskunft",
)
LETTERHEADS = {"Laufzettel", "Anrufliste", "Kilometerabrechnung", "Teilnehmerliste", "Auskunft"}


@pytest.mark.parametrize("kind", KINDS)
def test_every_print_names_the_agency_from_the_settings(agency: Database, kind: str) -> None:
    pdf = PdfReader(io.BytesIO(_documents(agency)[kind]()))
    first_page = pdf.pages[0]
    text = first_page.extract_text()
    assert NAME in text
    if kind in LETTERHEADS:
        assert WEBSITE in text  # the contact line under the name
        assert len(first_page.images) >= 1  # the logo
    if kind == "Schichtplan":
        assert WEBSITE in text


def test_certificates_carry_the_signature_image_of_the_signatory_who_has_one(
    agency: Database,
) -> None:
    with_image = PdfReader(io.BytesIO(_documents(agency)["Engagementnachweis"]()))
    images = len(with_image.pages[0].images)
    current = get_agency_settings(agency)
    without = tuple(replace(s, signature_png=None) for s in current.signatories)
    update_agency_settings(
        agency, replace(as_input(current), signatories=without), expected_version=current.version
    )
    try:
        plain = PdfReader(io.BytesIO(_documents(agency)["Engagementnachweis"]()))
        assert len(plain.pages[0].images) == images - 1
    finally:
        current = get_agency_settings(agency)
        update_agency_settings(
            agency,
            replace(as_input(current), signatories=current.signatories),
            expected_version=current.version,
        )
