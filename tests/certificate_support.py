"""Reading certificates back the way a person checks them (no tests in here): the text on
the page, the fonts embedded, the QR code scanned from a rendered image."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
import zxingcpp
from pypdf import PdfReader

from engagement_desk.db import Database
from engagement_desk.services.settings import (
    AgencySettingsInput,
    SignatoryInput,
    get_agency_settings,
    update_agency_settings,
)

NAMES = (
    ("Şükrü", "Ağaoğlu"),
    ("Łucja", "Wąsowska"),
    ("Анна", "Петрова"),
    ("Αικατερίνη", "Παπαδοπούλου"),
)


def tiny_logo() -> bytes:
    from PIL import Image

    image = Image.new("RGBA", (60, 40), (0, 122, 94, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def set_up_agency(db: Database, *, logo: bool = True) -> None:
    current = get_agency_settings(db)
    update_agency_settings(
        db,
        AgencySettingsInput(
            name="Freiwilligenagentur Bitburg",
            street="Rathausplatz 1",
            postal_code="54634",
            city="Bitburg",
            email="ehrenamt@bitburg.de",
            logo_png=tiny_logo() if logo else None,
            signatories=(
                SignatoryInput("Joachim Kandels", "Bürgermeister"),
                SignatoryInput("Ἑλένη Νικολάου", "Leitung der Freiwilligenagentur"),
            ),
        ),
        expected_version=current.version,
    )


def pdf_reader(pdf: bytes | Path) -> PdfReader:
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    return PdfReader(io.BytesIO(data))


def page_texts(pdf: bytes | Path) -> list[str]:
    return [page.extract_text() for page in pdf_reader(pdf).pages]


def fonts_without_embedding(pdf: bytes | Path) -> list[str]:
    """Base names of fonts on any page (or in its forms) that lack an embedded TrueType file."""
    missing = []
    seen: set[int] = set()
    for page in pdf_reader(pdf).pages:
        for font in _fonts(page.get("/Resources"), seen):
            descriptor = font.get("/FontDescriptor")
            if descriptor is None or "/FontFile2" not in descriptor.get_object():
                missing.append(str(font.get("/BaseFont")))
    return missing


def font_names(pdf: bytes | Path) -> set[str]:
    names = set()
    for page in pdf_reader(pdf).pages:
        for font in _fonts(page.get("/Resources"), set()):
            names.add(str(font["/BaseFont"]).split("+", 1)[-1])
    return names


def _fonts(resources, seen: set[int]):
    if resources is None:
        return
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        yield font.get_object()
    for xobject in (resources.get("/XObject") or {}).values():
        reference = getattr(xobject, "idnum", None)
        if reference in seen:
            continue
        seen.add(reference)
        yield from _fonts(xobject.get_object().get("/Resources"), seen)


def qr_texts(pdf: bytes | Path, page: int = 0) -> list[str]:
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    document = pypdfium2.PdfDocument(data)
    try:
        image = document[page].render(scale=200 / 72).to_pil()
    finally:
        document.close()
    return [result.text for result in zxingcpp.read_barcodes(image)]
