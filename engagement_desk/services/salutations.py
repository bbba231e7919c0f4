"""Addressing a person in German: the name with its salutation in the right case.

``Herr`` becomes ``Herrn`` in the dative and accusative ("verliehen an Herrn Max
Muster", "wir danken Herrn Dr. Max Muster"); ``Frau`` stays. People without a
salutation (or with one the office typed freely, e.g. "divers") get a neutral form
with the full name and no "Herr"/"Frau". Used by certificate texts; letters can use
the greeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Gender(Enum):
    MALE = "male"
    FEMALE = "female"
    NEUTRAL = "neutral"


class Case(Enum):
    NOMINATIVE = "nominative"
    DATIVE = "dative"
    ACCUSATIVE = "accusative"


_MALE = {"herr", "herrn", "hr", "hr."}
_FEMALE = {"frau", "fr", "fr."}
_SALUTATION = {
    (Gender.MALE, Case.NOMINATIVE): "Herr",
    (Gender.MALE, Case.DATIVE): "Herrn",
    (Gender.MALE, Case.ACCUSATIVE): "Herrn",
    (Gender.FEMALE, Case.NOMINATIVE): "Frau",
    (Gender.FEMALE, Case.DATIVE): "Frau",
    (Gender.FEMALE, Case.ACCUSATIVE): "Frau",
}


@dataclass(frozen=True)
class Addressee:
    salutation: str
    title: str
    first_name: str
    last_name: str

    @property
    def gender(self) -> Gender:
        return gender_of(self.salutation)


def gender_of(salutation: str) -> Gender:
    word = " ".join((salutation or "").split()).casefold()
    if word in _MALE:
        return Gender.MALE
    if word in _FEMALE:
        return Gender.FEMALE
    return Gender.NEUTRAL


def addressed(person: Addressee, case: Case = Case.NOMINATIVE) -> str:
    """'Herr Dr. Max Muster' / 'Herrn Dr. Max Muster' / 'Frau Anna Weber' / 'Alex Beispiel'."""
    return _joined(_salutation(person, case), person.title, person.first_name, person.last_name)


def letter_greeting(person: Addressee) -> str:
    """The letter's first line.

    'Sehr geehrter Herr Muster,', 'Sehr geehrte Frau Dr. Weber,', 'Guten Tag Alex Beispiel,'.
    """
    gender = person.gender
    if gender is Gender.MALE and person.last_name.strip():
        return f"Sehr geehrter {_joined('Herr', person.title, person.last_name)},"
    if gender is Gender.FEMALE and person.last_name.strip():
        return f"Sehr geehrte {_joined('Frau', person.title, person.last_name)},"
    name = _joined(person.title, person.first_name, person.last_name)
    return f"Guten Tag {name}," if name else "Guten Tag,"


def _salutation(person: Addressee, case: Case) -> str:
    return _SALUTATION.get((person.gender, case), "")


def _joined(*parts: str) -> str:
    return " ".join(" ".join(part.split()) for part in parts if part and part.strip())
