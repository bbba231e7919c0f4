"""The agency's settings and signatories."""

from __future__ import annotations

from decimal import Decimal

import pytest

from engagement_desk.db import Database
from engagement_desk.services.errors import ConflictError, ValidationError
from engagement_desk.services.settings import (
    AgencySettingsInput,
    SignatoryInput,
    get_agency_settings,
    update_agency_settings,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20


def test_defaults_then_update_with_signatories(any_db: Database) -> None:
    settings = get_agency_settings(any_db)
    assert (settings.name, settings.bundesland, settings.km_rate) == (
        "Freiwilligenagentur",
        "RP",
        Decimal("0.30"),
    )
    updated = update_agency_settings(
        any_db,
        AgencySettingsInput(
            name="Freiwilligenagentur Bitburg",
            city="Bitburg",
            postal_code="54634",
            bundesland="nw",
            km_rate=Decimal("0.35"),
            logo_png=PNG,
            signatories=(
                SignatoryInput("Joachim Kandels", "Bürgermeister"),
                SignatoryInput("Anna Schmitt", "Leitung"),
            ),
        ),
        expected_version=settings.version,
    )
    assert updated.bundesland == "NW" and updated.logo_png == PNG
    assert [s.function for s in updated.signatories] == ["Bürgermeister", "Leitung"]
    assert get_agency_settings(any_db) == updated

    only_signatories = update_agency_settings(
        any_db,
        AgencySettingsInput(
            name=updated.name,
            city=updated.city,
            postal_code=updated.postal_code,
            bundesland=updated.bundesland,
            km_rate=updated.km_rate,
            logo_png=updated.logo_png,
            signatories=(SignatoryInput("Anna Schmitt", "Leitung"),),
        ),
        expected_version=updated.version,
    )
    assert only_signatories.version == updated.version + 1
    with pytest.raises(ConflictError):
        update_agency_settings(
            any_db, AgencySettingsInput(name="X"), expected_version=updated.version
        )


def test_bad_settings_are_refused_with_field_names(db: Database) -> None:
    version = get_agency_settings(db).version
    with pytest.raises(ValidationError) as caught:
        update_agency_settings(
            db,
            AgencySettingsInput(
                name="",
                bundesland="XX",
                km_rate=Decimal("-1"),
                logo_png=b"GIF89a",
                signatories=(SignatoryInput(""),),
            ),
            expected_version=version,
        )
    assert [e.field for e in caught.value.errors] == [
        "name",
        "bundesland",
        "km_rate",
        "logo_png",
        "signatories",
    ]
    assert get_agency_settings(db).name == "Freiwilligenagentur"
