"""Setting up an agency: when the wizard is due, one-call set-up, the Bundesland's holidays,
signature images and SVG logos."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from builders import add_person

from engagement_desk.db import Database
from engagement_desk.services.backup.location import backup_folder
from engagement_desk.services.errors import ValidationError
from engagement_desk.services.rides.calendar import IsoWeek
from engagement_desk.services.rides.generation import week_holidays
from engagement_desk.services.settings import (
    AgencySettingsInput,
    SignatoryInput,
    get_agency_settings,
    needs_setup,
    set_up_agency,
    update_agency_settings,
)
from engagement_desk.services.settings_images import PNG_SIGNATURE, image_as_png
from engagement_desk.ui.svg_render import svg_to_png

SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="200" height="80">'
    b'<circle cx="40" cy="40" r="30" fill="#d2691e"/></svg>'
)
EPIPHANY_WEEK = IsoWeek(2027, 1)  # Wednesday 6 January 2027: a holiday in Bavaria, not in RP


def _holidays(db: Database, week: IsoWeek) -> set[str]:
    with db.read_session() as session:
        return {holiday.name for holiday in week_holidays(session, week)}


def test_an_empty_database_needs_setting_up_until_it_is_done(
    any_db: Database, tmp_path: Path
) -> None:
    assert needs_setup(any_db)
    record = set_up_agency(
        any_db,
        AgencySettingsInput(
            name="Freiwilligenagentur Kyllheim",
            city="Kyllheim",
            bundesland="BY",
            km_rate=Decimal("0.35"),
            logo_png=image_as_png(SVG, "logo_png", "Logo", svg_to_png),
            signatories=(SignatoryInput("Claudia Theis", "Bürgermeisterin", PNG_SIGNATURE + b"x"),),
        ),
        backup_folder=tmp_path / "Sicherungen",
    )
    assert not needs_setup(any_db)
    assert record.set_up_at is not None
    stored = get_agency_settings(any_db)
    assert (stored.name, stored.bundesland, stored.km_rate) == (
        "Freiwilligenagentur Kyllheim",
        "BY",
        Decimal("0.35"),
    )
    assert stored.logo_png is not None and stored.logo_png.startswith(PNG_SIGNATURE)
    assert stored.signatories[0].signature_png == PNG_SIGNATURE + b"x"
    assert backup_folder() == (tmp_path / "Sicherungen").resolve()


def test_a_database_with_people_is_never_offered_the_wizard(db: Database) -> None:
    add_person(db, "Anna", "Becker")
    assert not needs_setup(db)


def test_the_bundesland_decides_the_holidays_of_the_ride_weeks(db: Database) -> None:
    set_up_agency(db, AgencySettingsInput(name="Freiwilligenagentur", bundesland="RP"))
    assert "Heilige Drei Könige" not in _holidays(db, EPIPHANY_WEEK)
    current = get_agency_settings(db)
    update_agency_settings(
        db,
        AgencySettingsInput(name=current.name, bundesland="BY"),
        expected_version=current.version,
    )
    assert "Heilige Drei Könige" in _holidays(db, EPIPHANY_WEEK)


def test_set_up_checks_everything_before_writing_anything(db: Database, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(ValidationError) as raised:
        set_up_agency(
            db,
            AgencySettingsInput(name="Agentur", bundesland="BY"),
            backup_folder=blocker / "Sicherungen",
        )
    assert raised.value.errors[0].field == "backup_folder"
    assert needs_setup(db)
    assert get_agency_settings(db).bundesland == "RP"
    with pytest.raises(ValidationError) as raised:
        set_up_agency(
            db, AgencySettingsInput(name="Agentur", email="kein-at"), backup_folder=tmp_path
        )
    assert [e.field for e in raised.value.errors] == ["email"]
    assert needs_setup(db)


def test_images_must_be_png_or_svg() -> None:
    png = image_as_png(SVG, "logo_png", "Logo", svg_to_png)
    assert png.startswith(PNG_SIGNATURE)
    with pytest.raises(ValidationError, match="PNG- oder SVG-Datei"):
        image_as_png(b"GIF89a...", "logo_png", "Logo")
    with pytest.raises(ValidationError, match="kein Bild"):
        image_as_png(
            b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "logo_png", "Logo", svg_to_png
        )


def test_without_a_renderer_an_svg_is_refused_at_its_field() -> None:
    with pytest.raises(ValidationError) as raised:
        image_as_png(SVG, "logo_png", "Logo")
    assert raised.value.errors[0].field == "logo_png"
    assert "bitte eine PNG-Datei" in raised.value.errors[0].message
