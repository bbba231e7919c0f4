"""The QR code and the canonical content behind each certificate."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel

from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.certificates import (
    CertificateContent,
    canonical_json,
    content_from_json,
    content_hash,
    parse_qr_payload,
    qr_payload,
)
from engagement_desk.services.certificates.content import AgencyInfo, Signature
from engagement_desk.services.certificates.numbering import format_code, normalize_code
from engagement_desk.services.certificates.placeholders import Paragraph, Style
from engagement_desk.services.certificates.qr import MASK_PATTERN, qr_matrix


@pytest.mark.parametrize(
    "text",
    ["U-2026-00042 CODE 7KQ4M2XP", "VORSCHAU", "T-2031-123456 CODE ZZZZZZZZ", "Grüße " * 20],
)
def test_symbols_match_reportlabs_encoder(text: str) -> None:
    reference = QRCode(None, QRErrorCorrectLevel.M)
    reference.addData(text)
    reference.version = reference.calculate_version()
    reference.makeImpl(False, MASK_PATTERN)
    assert qr_matrix(text) == [[bool(m) for m in row] for row in reference.modules]


def test_payload_round_trip_and_code_spelling() -> None:
    payload = qr_payload("U-2026-00042", "7KQ4-M2XP")
    assert payload == "U-2026-00042 CODE 7KQ4M2XP"
    assert parse_qr_payload(payload) == ("U-2026-00042", "7KQ4M2XP")
    assert parse_qr_payload(" n-2026-7 ") == ("N-2026-7", None)
    assert parse_qr_payload("https://example.org") is None
    assert format_code("7KQ4M2XP") == "7KQ4-M2XP"
    assert normalize_code(" 7kq4-m2xp ") == normalize_code("7KQ4M2XP")
    assert normalize_code("O1IL") == "0111"


def content() -> CertificateContent:
    return CertificateContent(
        kind=CertificateKind.STATEMENT,
        number="N-2026-00001",
        issued_on=dt.date(2026, 2, 1),
        place="Bitburg",
        agency=AgencyInfo("Freiwilligenagentur Bitburg", city="Bitburg"),
        signatories=(Signature("Ἑλένη Νικολάου", "Leitung"),),
        template_id=3,
        template_name="Standard",
        template_version=2,
        title="Engagementnachweis",
        paragraphs=(Paragraph(Style.NAME, "Şükrü Ağaoğlu"), Paragraph(Style.TEXT, "Danke.")),
        person_id=7,
        person_name="Şükrü Ağaoğlu",
        birth_date=None,
        period_start=dt.date(2025, 1, 1),
        period_end=dt.date(2025, 12, 31),
        hours=Decimal("312.5"),
        hours_per_week=Decimal("5.99"),
        hours_per_month=Decimal("26.04"),
        organizations=("Tafel",),
    )


def test_canonical_json_is_stable_and_round_trips() -> None:
    text = canonical_json(content())
    assert text.startswith('{"activities":[],"agency":{')
    assert "Şükrü Ağaoğlu" in text and '"total":"312.50"' in text and ", " not in text
    assert content_from_json(text) == content()
    assert content_hash(text) == content_hash(canonical_json(content_from_json(text)))
    assert len(content_hash(text)) == 64
