"""Filling a letter template in for one recipient."""

from __future__ import annotations

import datetime as dt

from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.letters.letter_pdf import Letter
from engagement_desk.services.letters.placeholders import EVENT_PLACEHOLDERS, fill, placeholders_in
from engagement_desk.services.letters.recipients import EventFacts, Recipient
from engagement_desk.services.letters.templates import LetterTemplateInput
from engagement_desk.services.salutations import Addressee, Case, addressed, letter_greeting


def letter_values(
    recipient: Recipient, event: EventFacts | None, agency: str, today: dt.date
) -> dict[str, str]:
    person = recipient.addressee
    values = {
        "briefanrede": letter_greeting(person),
        "anrede": addressed(Addressee(person.salutation, "", "", ""), Case.NOMINATIVE),
        "anrede_name": addressed(person, Case.NOMINATIVE),
        "anrede_name_dativ": addressed(person, Case.DATIVE),
        "anrede_name_akkusativ": addressed(person, Case.ACCUSATIVE),
        "titel": recipient.title,
        "vorname": recipient.first_name,
        "nachname": recipient.last_name,
        "name": recipient.printed_name,
        "anschrift": ", ".join(
            p
            for p in (
                recipient.street,
                " ".join(q for q in (recipient.postal_code, recipient.city) if q),
            )
            if p
        ),
        "strasse": recipient.street,
        "plz": recipient.postal_code,
        "wohnort": recipient.city,
        "datum": f"{today:%d.%m.%Y}",
        "agentur": agency,
    }
    if event is not None:
        values.update(
            veranstaltung=event.title,
            veranstaltungsdatum=event.date_text,
            veranstaltungszeit=event.time_text,
            veranstaltungsort=event.place,
        )
    return values


def check_event_placeholders(template: LetterTemplateInput, event: EventFacts | None) -> None:
    """A template that names the event needs recipients from an event."""
    if event is not None:
        return
    used = sorted(
        (placeholders_in(template.subject) | placeholders_in(template.body)) & EVENT_PLACEHOLDERS
    )
    if used:
        listed = ", ".join(f"{{{name}}}" for name in used)
        raise ValidationError(
            [
                FieldError(
                    "template",
                    "Vorlage",
                    f"„{template.name}“ nutzt Angaben einer Veranstaltung ({listed}); "
                    "die Empfänger kommen aber aus keiner Veranstaltung.",
                )
            ]
        )


def compose_letter(
    template: LetterTemplateInput,
    recipient: Recipient,
    event: EventFacts | None,
    agency: str,
    today: dt.date,
) -> Letter:
    values = letter_values(recipient, event, agency, today)
    return Letter(
        address=recipient.address_lines,
        subject=fill(template.subject, values),
        body=fill(template.body, values),
    )
