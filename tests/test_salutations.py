"""How people are addressed: salutation in the right case, neutral without one."""

from __future__ import annotations

import pytest

from engagement_desk.services.salutations import Addressee, Case, addressed, letter_greeting

MAX = Addressee("Herr", "", "Max", "Muster")
DR_MAX = Addressee("Herr", "Dr.", "Max", "Muster")
ANNA = Addressee("Frau", "", "Anna", "Weber")
DR_ANNA = Addressee("Frau", "Prof. Dr.", "Anna", "Weber")
ALEX = Addressee("", "", "Alex", "Beispiel")
DIVERS = Addressee("divers", "", "Alex", "Beispiel")


@pytest.mark.parametrize(
    ("person", "nominative", "dative", "accusative", "greeting"),
    [
        (
            MAX,
            "Herr Max Muster",
            "Herrn Max Muster",
            "Herrn Max Muster",
            "Sehr geehrter Herr Muster,",
        ),
        (
            DR_MAX,
            "Herr Dr. Max Muster",
            "Herrn Dr. Max Muster",
            "Herrn Dr. Max Muster",
            "Sehr geehrter Herr Dr. Muster,",
        ),
        (ANNA, "Frau Anna Weber", "Frau Anna Weber", "Frau Anna Weber", "Sehr geehrte Frau Weber,"),
        (
            DR_ANNA,
            "Frau Prof. Dr. Anna Weber",
            "Frau Prof. Dr. Anna Weber",
            "Frau Prof. Dr. Anna Weber",
            "Sehr geehrte Frau Prof. Dr. Weber,",
        ),
        (ALEX, "Alex Beispiel", "Alex Beispiel", "Alex Beispiel", "Guten Tag Alex Beispiel,"),
        (DIVERS, "Alex Beispiel", "Alex Beispiel", "Alex Beispiel", "Guten Tag Alex Beispiel,"),
    ],
)
def test_salutation_table(person, nominative, dative, accusative, greeting) -> None:
    assert addressed(person, Case.NOMINATIVE) == nominative
    assert addressed(person, Case.DATIVE) == dative
    assert addressed(person, Case.ACCUSATIVE) == accusative
    assert letter_greeting(person) == greeting


def test_typed_variants_of_the_salutation_are_understood() -> None:
    assert addressed(Addressee(" herr ", "", "Max", "Muster"), Case.DATIVE) == "Herrn Max Muster"
    assert addressed(Addressee("Herrn", "", "Max", "Muster")) == "Herr Max Muster"
    assert addressed(Addressee("FRAU", "", "Anna", "Weber"), Case.DATIVE) == "Frau Anna Weber"


def test_a_neutral_person_with_title_keeps_the_title() -> None:
    person = Addressee("", "Dr.", "Alex", "Beispiel")
    assert addressed(person, Case.DATIVE) == "Dr. Alex Beispiel"
    assert letter_greeting(person) == "Guten Tag Dr. Alex Beispiel,"


def test_a_man_known_by_first_name_only_is_greeted_neutrally() -> None:
    assert letter_greeting(Addressee("Herr", "", "Max", "")) == "Guten Tag Max,"
    assert letter_greeting(Addressee("", "", "", "")) == "Guten Tag,"
