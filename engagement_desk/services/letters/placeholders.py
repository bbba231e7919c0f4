"""The placeholders a letter template may use, and filling them in for one recipient."""

from __future__ import annotations

import re
from collections.abc import Mapping

PLACEHOLDERS: dict[str, str] = {
    "briefanrede": "Briefanrede: Sehr geehrter Herr Muster, / Sehr geehrte Frau Weber, / "
    "Guten Tag Alex Beispiel,",
    "anrede": "Anrede (Frau, Herr), kann leer sein",
    "anrede_name": "Anrede und Name: Herr Dr. Max Muster, Frau Anna Weber",
    "anrede_name_dativ": "Anrede und Name im Dativ: (wir danken) Herrn Max Muster",
    "anrede_name_akkusativ": "Anrede und Name im Akkusativ: (wir laden) Herrn Max Muster (ein)",
    "titel": "Titel, z. B. Dr.",
    "vorname": "Vorname",
    "nachname": "Nachname",
    "name": "Titel, Vor- und Nachname (oder der eigene Name für Urkunden und Briefe)",
    "anschrift": "Anschrift in einer Zeile: Straße, PLZ Ort",
    "strasse": "Straße und Hausnummer",
    "plz": "Postleitzahl",
    "wohnort": "Wohnort",
    "veranstaltung": "Titel der Veranstaltung (nur bei Empfängern einer Veranstaltung)",
    "veranstaltungsdatum": "Datum der Veranstaltung, z. B. Freitag, 13.11.2026",
    "veranstaltungszeit": "Beginn der Veranstaltung, z. B. 18:00",
    "veranstaltungsort": "Ort der Veranstaltung",
    "datum": "Heutiges Datum (TT.MM.JJJJ)",
    "agentur": "Name der Agentur (aus den Einstellungen)",
}
EVENT_PLACEHOLDERS = frozenset(
    {"veranstaltung", "veranstaltungsdatum", "veranstaltungszeit", "veranstaltungsort"}
)
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def placeholders_in(text: str) -> set[str]:
    return {match.strip() for match in _PLACEHOLDER.findall(text)}


def template_problems(text: str) -> list[str]:
    """German messages for unknown placeholders and stray braces; empty when fine."""
    problems = []
    unknown = sorted(name for name in placeholders_in(text) if name not in PLACEHOLDERS)
    if unknown:
        listed = ", ".join(f"{{{name}}}" for name in unknown)
        word = "Unbekannter Platzhalter" if len(unknown) == 1 else "Unbekannte Platzhalter"
        problems.append(f"{word}: {listed}.")
    stray = _PLACEHOLDER.sub("", text)
    if "{" in stray or "}" in stray:
        problems.append("Eine geschweifte Klammer hat kein Gegenstück.")
    return problems


def fill(text: str, values: Mapping[str, str]) -> str:
    """The text with every placeholder replaced (unknown ones are rejected on saving)."""
    return _PLACEHOLDER.sub(lambda match: values.get(match[1].strip(), ""), text)
