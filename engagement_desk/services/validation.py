"""Field checks that collect every problem with a German message naming the field."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from engagement_desk.services.errors import FieldError, ValidationError

PHONE_REGION = "DE"

_POSTAL_CODE = re.compile(r"^\d{5}$")
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
        if not value:
            return
        try:
            validate_email(value, check_deliverability=False)
        except EmailNotValidError:
            self.error(field, label, f"„{value}“ ist keine gültige E-Mail-Adresse.")

    def phone(self, field: str, label: str, value: str) -> None:
        if value and not phone_key(value):
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


@lru_cache(maxsize=4096)
def phone_key(value: str) -> str:
    """The number in E.164 (``+4965611234``) whatever way it was typed; empty if not a number."""
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, PHONE_REGION)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_valid_number(number):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(value: str) -> str:
    """A valid number in the office's usual spelling (``06561 1234``); anything else unchanged.

    Storing one spelling lets duplicate checks and caller look-ups compare numbers.
    """
    key = phone_key(value)
    if not key:
        return value
    number = phonenumbers.parse(key)
    if phonenumbers.region_code_for_number(number) == PHONE_REGION:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
