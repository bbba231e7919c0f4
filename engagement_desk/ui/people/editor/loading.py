"""What the person editor reads off the GUI thread: a person, and the checks before a save."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engagement_desk.services.errors import FieldError
from engagement_desk.services.people import persons as people_service
from engagement_desk.services.people.duplicates import DuplicateHit, likely_duplicates
from engagement_desk.services.people.persons import (
    PersonInput,
    PersonRecord,
    get_person,
    get_person_sections,
)
from engagement_desk.services.people.sections import PersonSections


@dataclass(frozen=True)
class PersonBundle:
    record: PersonRecord
    sections: PersonSections


@dataclass(frozen=True)
class Precheck:
    errors: tuple[FieldError, ...]
    duplicates: tuple[DuplicateHit, ...]


def load_person(db: Any, person_id: int) -> PersonBundle:
    """Runs off the GUI thread: the record and its list sections."""
    return PersonBundle(get_person(db, person_id), get_person_sections(db, person_id))


def precheck(db: Any, data: PersonInput, *, new: bool, has_local_errors: bool) -> Precheck:
    """Runs off the GUI thread, before a save: the service's field problems (all of them,
    to show with the editor's own), then, for valid new people only, likely duplicates.
    """
    validate = getattr(people_service, "validate_person_input", None)
    errors = tuple(validate(data)) if validate is not None else ()
    if errors or has_local_errors or not new:
        return Precheck(errors, ())
    return Precheck((), tuple(likely_duplicates(db, data)))
