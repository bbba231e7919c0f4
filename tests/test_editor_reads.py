"""What an editor shows is read in one unit of work, by a service (not assembled in ui/)."""

from __future__ import annotations

import pytest
from builders import add_center, add_organization, add_person
from sqlalchemy import event

from engagement_desk.db import Database
from engagement_desk.services.errors import NotFoundError
from engagement_desk.services.organizations.centers import (
    CenterInput,
    create_center,
    get_center_with_contact,
)
from engagement_desk.services.organizations.clubs import get_organization_with_centers
from engagement_desk.services.organizations.opportunities import get_opportunity_with_centers
from engagement_desk.services.people.persons import get_person_view, person_choice


@pytest.fixture
def transactions(db: Database) -> list[str]:
    """Every BEGIN the engine sends: one per unit of work."""
    begun: list[str] = []
    event.listen(db.engine, "begin", lambda connection: begun.append("begin"))
    return begun


def test_a_centre_comes_with_its_contact_as_the_picker_shows_them(db, transactions) -> None:
    anna = add_person(db, "Anna", "Becker", city="Bitburg")
    centre = create_center(db, CenterInput(name="Seniorenzentrum", contact_person_id=anna))
    transactions.clear()

    record, contact = get_center_with_contact(db, centre.id)

    assert record is not None and record.name == "Seniorenzentrum"
    assert contact is not None and (contact.id, contact.label) == (anna, "Becker, Anna (Bitburg)")
    assert len(transactions) == 1
    assert get_center_with_contact(db, None) == (None, None)


def test_a_club_and_an_opportunity_come_with_every_centre(db, transactions) -> None:
    centres = [add_center(db, "Familie"), add_center(db, "Kultur")]
    club = add_organization(db, "Tafel e.V.", centres[0])
    transactions.clear()

    record, listed = get_organization_with_centers(db, club)
    assert record is not None and record.name == "Tafel e.V."
    assert [c.name for c in listed] == ["Familie", "Kultur"]
    assert len(transactions) == 1

    new, listed = get_opportunity_with_centers(db, None)
    assert new is None and len(listed) == 2
    with pytest.raises(NotFoundError):
        get_opportunity_with_centers(db, 999)


def test_a_person_and_their_sections_in_one_read(db, transactions) -> None:
    anna = add_person(db, "Anna", "Becker")
    transactions.clear()
    view = get_person_view(db, anna)
    assert view.record.last_name == "Becker"
    assert len(transactions) == 1
    assert person_choice(db, anna).label == "Becker, Anna"
    assert person_choice(db, 999) is None
