"""Refusing, before a number is taken, a certificate that no shipped font can print.

Without this, a name in a script none of the fonts covers would be registered,
numbered and printed as empty boxes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from engagement_desk.services.certificates.content import CertificateContent
from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.printing.scripts import unprintable


@dataclass(frozen=True)
class Refusal:
    """One person whose certificate was not issued, and the characters that cannot print."""

    person_id: int
    name: str
    characters: str

    @property
    def message(self) -> str:
        listed = ", ".join(f"„{ch}“ (U+{ord(ch):04X})" for ch in self.characters)
        return (
            f"{self.name} (Person Nr. {self.person_id}): keine Schrift der Urkunde kann "
            f"{listed} drucken. Bitte bei der Person einen „Name auf Urkunden“ eintragen; "
            "für sie wurde keine Nummer vergeben."
        )


def texts_of(content: CertificateContent) -> Iterator[str]:
    """Everything of a certificate's content that is printed for this person."""
    yield content.title
    yield content.person_name
    yield from (paragraph.text for paragraph in content.paragraphs)
    yield from content.organizations
    yield from content.activities
    yield from (training.title for training in content.trainings)
    yield content.competences
    if content.event is not None:
        yield from (content.event.title, content.event.place, content.event.trainer)


def refusals(contents: Iterable[CertificateContent]) -> list[Refusal]:
    found = []
    for content in contents:
        missing = unprintable("\n".join(texts_of(content)))
        if missing:
            found.append(Refusal(content.person_id, content.person_name, missing))
    return found


def refused_error(refused: Sequence[Refusal]) -> ValidationError:
    """Nobody could be issued: one message per person, on the person field."""
    return ValidationError([FieldError("person_id", "Person", r.message) for r in refused])
