"""Event prints: sign-in list, shift plan and badges read back from the PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from builders import add_organization, add_person

from engagement_desk.cli import main
from engagement_desk.models.enums import EventKind
from engagement_desk.services.events.editing import create_event
from engagement_desk.services.events.prints import (
    BADGES_PER_PAGE,
    name_badges_pdf,
    shift_plan_pdf,
    signin_list_pdf,
)
from engagement_desk.services.events.records import EventData, ShiftData
from engagement_desk.services.events.registrations import register
from engagement_desk.services.events.shifts import add_shift

pypdf = pytest.importorskip("pypdf", reason="pypdf is needed to read PDFs back (test extra)")

DAY = dt.datetime(2026, 9, 12, 9, 0)
NAMES = [("Şükrü", "Ağaoğlu"), ("Łucja", "Wąsowska"), ("Анна", "Петрова"), ("Jörg", "Müller")]


def _reader(data: bytes, tmp_path: Path) -> pypdf.PdfReader:
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    return pypdf.PdfReader(path)


def _text(reader: pypdf.PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def _embedded(reader: pypdf.PdfReader) -> set[str]:
    found = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (
                descendants[0].get_object()["/FontDescriptor"]
                if descendants
                else font.get("/FontDescriptor")
            )
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                found.add(str(font["/BaseFont"]).split("+")[-1])
    return found


@pytest.fixture
def fair(db):
    event = create_event(
        db,
        EventData(
            EventKind.VOLUNTEER_DAY,
            "Freiwilligentag 2026",
            DAY,
            DAY + dt.timedelta(hours=8),
            place="Marktplatz",
            capacity=4,
        ),
    )
    build = add_shift(db, event.id, ShiftData("Aufbau", DAY, DAY + dt.timedelta(hours=2), 2))
    people = [add_person(db, first, last, phone="0651 999") for first, last in NAMES]
    for person in people:
        register(db, event.id, person_id=person)
    late = add_person(db, "Wartende", "Zuspät")
    register(db, event.id, person_id=late)  # capacity reached: waiting list
    register(db, event.id, person_id=people[0], role="helper", shift_id=build.id)
    register(db, event.id, person_id=add_person(db, "Ohne", "Schicht"), role="helper")
    club = add_organization(db, "Turnverein 1890")
    register(db, event.id, organization_id=club, role="exhibitor", stand="A 12")
    return event.id


def test_signin_list(db, fair, tmp_path):
    reader = _reader(signin_list_pdf(db, fair), tmp_path)
    content = _text(reader)
    assert "Teilnehmerliste: Freiwilligentag 2026" in content
    assert "Unterschrift" in content
    for first, last in NAMES:
        assert f"{last}, {first}" in content
    assert "Turnverein 1890" in content and "A 12" in content
    # registered as participant and helper: one line, both roles
    assert content.count("Ağaoğlu, Şükrü") == 1
    assert "Teilnehmer/in,Helfer/in" in "".join(content.split())
    assert "6 Anmeldungen" in content
    assert "Zuspät" not in content  # waiting list
    assert "0651 999" not in content  # no phone numbers on a public sheet
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= _embedded(reader)
    assert reader.pages[0].mediabox.width == pytest.approx(595.27, abs=0.1)


def test_shift_plan(db, fair, tmp_path):
    content = _text(_reader(shift_plan_pdf(db, fair), tmp_path))
    assert "Schichtplan: Freiwilligentag 2026" in content
    assert "Aufbau" in content and "1 von 2 Plätzen belegt" in content
    assert "Ağaoğlu, Şükrü" in content and "(frei)" in content
    assert "Helfer/innen ohne feste Schicht" in content and "Schicht, Ohne" in content


def test_badges_eight_per_page(db, fair, tmp_path):
    reader = _reader(name_badges_pdf(db, fair), tmp_path)
    assert BADGES_PER_PAGE == 8
    assert len(reader.pages) == 1  # 4 participants, 1 more helper, 1 club: 6 badges
    content = _text(reader)
    for first, last in NAMES:
        assert first in content and last in content
    assert "Turnverein 1890" in content and "Aussteller/in" in content
    assert "DejaVuSans-Bold" in _embedded(reader)
    for index in range(10):
        register(db, fair, person_id=add_person(db, "Gast", f"Nummer{index}"), role="speaker")
    assert len(_reader(name_badges_pdf(db, fair), tmp_path).pages) == 2  # 16 badges
    register(db, fair, person_id=add_person(db, "Gast", "Siebzehn"), role="speaker")
    assert len(_reader(name_badges_pdf(db, fair), tmp_path).pages) == 3


def test_cli_prints(db, db_path, fair, tmp_path, capsys):
    for kind in ("signin", "shifts", "badges"):
        out = tmp_path / f"{kind}.pdf"
        code = main(
            [
                "--db",
                str(db_path),
                "events",
                "print",
                "--event",
                str(fair),
                "--kind",
                kind,
                "--out",
                str(out),
            ]
        )
        assert code == 0 and out.read_bytes().startswith(b"%PDF")
    assert (
        main(
            [
                "--db",
                str(db_path),
                "events",
                "print",
                "--event",
                "999",
                "--kind",
                "signin",
                "--out",
                str(tmp_path / "x.pdf"),
            ]
        )
        == 1
    )
    assert "Veranstaltung Nr. 999" in capsys.readouterr().err


def test_sign_in_rows_grow_for_long_club_names_instead_of_overlapping():
    from reportlab.lib.units import mm

    from engagement_desk.services.events.prints.lists import ROW_HEIGHT, _signing_height
    from engagement_desk.services.printing.layout import Styles, text

    styles = Styles()
    widths = [10 * mm, 46 * mm, 26 * mm, 56 * mm, 42 * mm]
    short = ["1", text("Barth, Karin", styles.body), "Gast", text("Chor", styles.body), ""]
    long_name = "Förderverein der Freiwilligen Feuerwehr Niederkyll e.V. · Stand B 09 " * 2
    long = ["2", text("Kılıç, Sabır", styles.body), "", text(long_name, styles.body), ""]
    assert _signing_height(short, widths) == ROW_HEIGHT
    assert _signing_height(long, widths) > ROW_HEIGHT + 3 * mm  # several lines of 9 pt
