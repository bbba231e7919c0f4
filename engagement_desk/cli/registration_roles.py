"""``--role``: a registration role by its German name or its stored value."""

from __future__ import annotations

import argparse

from engagement_desk.models.enums import RegistrationRole
from engagement_desk.models.vocabulary import german_names


def _spellings(label: str) -> set[str]:
    """ "Teilnehmer/in" → teilnehmer/in, teilnehmer, teilnehmerin (and "Geehrte/r" alike)."""
    spellings = {label.casefold()}
    if "/" in label:
        base, suffix = label.split("/", 1)
        spellings |= {base.casefold(), (base + suffix).casefold()}
    return spellings


def _lookup() -> dict[str, RegistrationRole]:
    table = {role.value: role for role in RegistrationRole}
    for role, label in german_names(RegistrationRole).items():
        table.update(dict.fromkeys(_spellings(label), role))
    return table


ROLE_HELP = (
    "Rolle: "
    + ", ".join(german_names(RegistrationRole).values())
    + " oder ihr englischer Wert, z. B. helper (Standard: Teilnehmer/in)"
)


def parse_role(text: str) -> RegistrationRole:
    role = _lookup().get(" ".join(text.split()).casefold())
    if role is None:
        names = ", ".join(german_names(RegistrationRole).values())
        raise argparse.ArgumentTypeError(f"unbekannte Rolle „{text}“ (möglich: {names})")
    return role
