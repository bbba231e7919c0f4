"""How many of each thing a demo agency of a given size has."""

from __future__ import annotations

from dataclasses import dataclass


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


@dataclass(frozen=True)
class Plan:
    """Head counts derived from the number of people; minimums keep a tiny demo complete."""

    people: int
    staff: int
    drivers: int
    passengers: int
    sponsors: int
    organizations: int
    contacts: int
    volunteers_only: int
    placements: int
    hours_loggers: int

    @classmethod
    def for_people(cls, people: int) -> Plan:
        staff = 3
        drivers = _clamp(people * 0.04, 6, 1_000_000)
        passengers = _clamp(people * 0.20, 15, 1_000_000)
        sponsors = _clamp(people / 1000, 3, 40)
        organizations = _clamp(people / 25, 20, 600)
        contacts = round(organizations * 1.3)
        fixed = staff + drivers + passengers + sponsors + contacts
        volunteers_only = max(20, people - fixed)
        total = fixed + volunteers_only
        return cls(
            people=total,
            staff=staff,
            drivers=drivers,
            passengers=passengers,
            sponsors=sponsors,
            organizations=organizations,
            contacts=contacts,
            volunteers_only=volunteers_only,
            placements=max(12, round(volunteers_only / 4)),
            hours_loggers=max(30, round(total * 0.08)),
        )
