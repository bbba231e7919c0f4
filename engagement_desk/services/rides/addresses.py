"""How addresses are written on rides: one line, the way the office says them."""

from __future__ import annotations

from engagement_desk.models import Person
from engagement_desk.services.validation import clean


def one_line(street: str, postal_code: str, city: str, name: str = "") -> str:
    place = " ".join(p for p in (clean(postal_code), clean(city)) if p)
    return ", ".join(p for p in (clean(name), clean(street), place) if p)


def home_address(person: Person) -> str:
    return one_line(person.street, person.postal_code, person.city)


def display_name(person: Person) -> str:
    return " ".join(p for p in (person.first_name, person.last_name) if p)


def sort_name(person: Person) -> str:
    return ", ".join(p for p in (person.last_name, person.first_name) if p)


def phone_numbers(person: Person) -> str:
    return " / ".join(p for p in (person.phone, person.mobile) if p)


def address_key(text: str) -> str:
    """Addresses compared for bundling: case and spacing do not matter."""
    return " ".join(text.casefold().replace(",", " ").split())
