"""Field checks that collect every problem with a German message naming the field."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from engagement_desk.services.errors import FieldError, ValidationError

_POSTAL_CODE = re.compile(r"^\d{5}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_CHARS = re.compile(r"^[0-9+()/\-.\s]+$")
_URL = re.compile(r"^(https?://)?[\w.-]+\.[a-z]{2,}(/\S*)?$", re.IGNORECASE)


class Validator:
    """Collects FieldErrors; ``raise_if_any`` raises one ValidationError naming them all."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def error(self, field: str, label: str, message: str) -> None:
        self.errors.append(FieldError(field, label, message))

    def has_error(self, field: str) -> bool:
        return any(e.field == field for e in self.errors)

    def required(self, field: str, label: str, value: Any) -> None:
        if value is None or (isinstance(value, str) and not value.strip()):
            self.error(field, label, "Bitte ausfüllen.")

    def max_length(self, field: str, label: str, value: str, limit: int) -> None:
        if len(value) > limit:
            self.error(field, label, f"Höchstens {limit} Zeichen (jetzt {len(value)}).")

    def postal_code(self, field: str, label: str, value: str) -> None:
        if value and not _POSTAL_CODE.match(value):
            self.error(field, label, f"„{value}“ ist keine fünfstellige Postleitzahl.")

    def email(self, field: str, label: str, value: str) -> None:
        if value and not _EMAIL.match(value):
            self.error(field, label, f"„{value}“ ist keine gültige E-Mail-Adresse.")

    def phone(self, field: str, label: str, value: str) -> None:
        if not value:
            return
        digits = sum(c.isdigit() for c in value)
        if not _PHONE_CHARS.match(value) or digits < 3:
            self.error(field, label, f"„{value}“ ist keine gültige Telefonnummer.")

    def url(self, field: str, label: str, value: str) -> None:
        if value and not _URL.match(value):
            self.error(field, label, f"„{value}“ ist keine gültige Internetadresse.")

    def date_not_in_future(self, field: str, label: str, value: dt.date | None) -> None:
        if value is not None and value > dt.date.today():
            self.error(field, label, f"{value:%d.%m.%Y} liegt in der Zukunft.")

    def date_not_before(
        self, field: str, label: str, value: dt.date | None, earliest: dt.date
    ) -> None:
        if value is not None and value < earliest:
            self.error(field, label, f"{value:%d.%m.%Y} liegt vor dem {earliest:%d.%m.%Y}.")

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def clean(value: str | None) -> str:
    """Trim and fold inner whitespace of a typed value."""
    return " ".join((value or "").split())
