"""Consent warnings (not blocks) and what never leaves the office without consent."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from builders import add_organization, new_person
from sqlalchemy import select

from engagement_desk.db import Database
from engagement_desk.models import Organization, OrganizationContact
from engagement_desk.models.enums import ConsentPurpose, ConsentSource
from engagement_desk.services.errors import NotFoundError
from engagement_desk.services.organizations.opportunities import (
    OpportunityInput,
    create_opportunity,
)
from engagement_desk.services.organizations.placements import (
    create_placement,
    may_share_with_organization,
)
from engagement_desk.services.organizations.publishing import publish_site
from engagement_desk.services.people.consents import give_consent, withdraw_consent

SHARE = ConsentPurpose.SHARE_WITH_ORGANIZATION
DAY = dt.date(2025, 3, 1)


@pytest.fixture
def opportunity(db: Database) -> int:
    club = add_organization(db, "TV Bitburg", may_publish=True)
    return create_opportunity(db, OpportunityInput(organization_id=club, title="Übungsleitung")).id


def test_sharing_with_a_club_needs_a_standing_consent(db: Database) -> None:
    person_id = new_person(db, "Weber")
    assert not may_share_with_organization(db, person_id)
    give_consent(db, person_id, ConsentPurpose.STORAGE, DAY, ConsentSource.PAPER)
    assert not may_share_with_organization(db, person_id)  # another purpose does not count
    give_consent(db, person_id, SHARE, DAY, ConsentSource.PAPER)
    assert may_share_with_organization(db, person_id)
    withdraw_consent(db, person_id, SHARE, dt.date(2025, 6, 1))
    assert not may_share_with_organization(db, person_id)
    give_consent(db, person_id, SHARE, dt.date(2025, 7, 1), ConsentSource.PHONE)
    assert may_share_with_organization(db, person_id)
    with pytest.raises(NotFoundError):
        may_share_with_organization(db, 999)


def test_a_placement_without_that_consent_is_warned_about_not_refused(
    db: Database, opportunity: int
) -> None:
    person_id = new_person(db, "Weber")
    assert not may_share_with_organization(db, person_id)
    placement = create_placement(db, person_id, opportunity, on_date=DAY)
    assert placement.id > 0


def test_published_pages_hold_no_person_whatever_their_consent(
    db: Database, opportunity: int, tmp_path: Path
) -> None:
    """The directory is read from organization records only: contact persons are never
    published, not even those who consented to publication."""
    agreed = new_person(db, "Veröffentlichbar", "Vera", email="vera@example.org")
    refused = new_person(db, "Nichtöffentlich", "Nora", email="nora@example.org")
    give_consent(db, agreed, ConsentPurpose.PUBLICATION, DAY, ConsentSource.PAPER)
    with db.session() as session:
        club_id = session.scalar(select(Organization.id).where(Organization.name == "TV Bitburg"))
        for person_id in (agreed, refused):
            session.add(
                OrganizationContact(
                    organization_id=club_id, person_id=person_id, function="Vorsitz"
                )
            )
    out = tmp_path / "site"
    publish_site(db, out)
    published = "".join(path.read_text(encoding="utf-8") for path in out.iterdir())
    assert "TV Bitburg" in published and "Übungsleitung" in published
    for word in ("Nichtöffentlich", "nora@example.org", "Veröffentlichbar", "vera@example.org"):
        assert word not in published
    organizations = json.loads((out / "organizations.json").read_text(encoding="utf-8"))
    assert "contacts" not in json.dumps(organizations)
