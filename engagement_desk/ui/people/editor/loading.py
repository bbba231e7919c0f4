"""The checks the person editor runs off the GUI thread before a save."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engagement_desk.services.errors import FieldError
from engagement_desk.services.people import persons as people_service
from engagement_desk.services.people.duplicates import DuplicateHit, likely_duplicates
from engagement_desk.services.people.persons import (
    PersonInput,
)


@dataclass(frozen=True)
class Precheck:
    errors: tuple[FieldError, ...]
    duplicates: tuple[DuplicateHit, ...]


def precheck(db: Any, data: PersonInput, *, new: bool, has_local_errors: bool) -> Precheck:
    """Runs off the GUI thread, before a save: the service's field problems (all of them,
    to show with the editor's own), then, for valid new people only, likely duplicates.
    """
    validate = getattr(people_service, "validate_person_input", None)
    errors = tuple(validate(data)) if validate is not None else ()
    if errors or has_local_errors or not new:
        return Precheck(errors, ())
    return Precheck((), tuple(likely_duplicates(db, data)))
