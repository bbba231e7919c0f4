"""The placeholders certificate texts may use, and filling them in.

A template body is split into paragraphs at blank lines; single line breaks stay line
breaks. A paragraph whose placeholders all come out empty is left out, so optional
lines ("Leitung: {trainer}") vanish when there is nothing to say. A paragraph made of
placeholders only (and quotes or punctuation) is set as a highlight: the recipient's
name large, anything else emphasised.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from engagement_desk.services.salutations import Addressee, Case, addressed, letter_greeting

PLACEHOLDERS: dict[str, str] = {
    "anrede": "Anrede (Frau, Herr), kann leer sein",
    "anrede_name": "Anrede und Name als Subjekt: Herr Dr. Max Muster, Frau Anna Weber, "
    "ohne Anrede nur der Name (Alex Beispiel)",
    "anrede_name_dativ": "Anrede und Name im Dativ: (wir danken) Herrn Max Muster, Frau Anna "
    "Weber, Alex Beispiel",
    "anrede_name_akkusativ": "Anrede und Name im Akkusativ: (verliehen an) Herrn Max Muster, "
    "Frau Anna Weber, Alex Beispiel",
    "briefanrede": "Briefanrede: Sehr geehrter Herr Muster, / Sehr geehrte Frau Weber, / "
    "Guten Tag Alex Beispiel,",
    "titel": "Titel, z. B. Dr.",
    "vorname": "Vorname",
    "nachname": "Nachname",
    "name": "Titel, Vor- und Nachname",
    "geburtsdatum": "Geburtsdatum (TT.MM.JJJJ), kann leer sein",
    "zeitraum": "Zeitraum, z. B. 01.01.2025 – 31.12.2025",
    "jahr": "Jahr, in dem der Zeitraum endet",
    "stunden": "Stunden im Zeitraum, z. B. 312,5",
    "stunden_woche": "Durchschnittliche Stunden pro Woche im Zeitraum",
    "stunden_monat": "Durchschnittliche Stunden pro Monat im Zeitraum",
    "organisationen": "Organisationen, für die die Person tätig war",
    "taetigkeiten": "Tätigkeiten im Zeitraum",
    "fortbildungen": "Besuchte Fortbildungen im Zeitraum",
    "kompetenzen": "Erworbene Kompetenzen (Freitext beim Ausstellen)",
    "engagiert_seit": "Beginn des Engagements (TT.MM.JJJJ)",
    "dienstjahre": "Volle Jahre seit Beginn des Engagements",
    "veranstaltung": "Titel der Veranstaltung",
    "veranstaltungsdatum": "Datum der Veranstaltung",
    "veranstaltungsort": "Ort der Veranstaltung",
    "trainer": "Referentin oder Referent der Veranstaltung",
    "datum": "Ausstellungsdatum",
    "ort": "Ort der Agentur (aus den Einstellungen)",
    "agentur": "Name der Agentur",
}
NAME_PLACEHOLDERS = frozenset(
    {
        "anrede",
        "titel",
        "vorname",
        "nachname",
        "name",
        "anrede_name",
        "anrede_name_dativ",
        "anrede_name_akkusativ",
    }
)
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_DECORATION = re.compile(r"^[\s\"'„“”‚‘’»«›‹.,:;!?()\-–—]*$")


class Style:
    TEXT = "text"
    NAME = "name"
    EMPHASIS = "emphasis"


@dataclass(frozen=True)
class Paragraph:
    style: str
    text: str


def salutation_values(person: Addressee) -> dict[str, str]:
    """The placeholders that address the person, in each grammatical case."""
    return {
        "anrede_name": addressed(person, Case.NOMINATIVE),
        "anrede_name_dativ": addressed(person, Case.DATIVE),
        "anrede_name_akkusativ": addressed(person, Case.ACCUSATIVE),
        "briefanrede": letter_greeting(person),
    }


def placeholders_in(text: str) -> list[str]:
    return _PLACEHOLDER.findall(text)


def template_problems(text: str) -> list[str]:
    """German messages for unknown placeholders and stray braces; empty when fine."""
    problems = []
    unknown = sorted({name for name in placeholders_in(text) if name not in PLACEHOLDERS})
    if unknown:
        listed = ", ".join(f"{{{name}}}" for name in unknown)
        problems.append(f"Unbekannte Platzhalter: {listed}.")
    stray = _PLACEHOLDER.sub("", text)
    if "{" in stray or "}" in stray:
        problems.append("Eine geschweifte Klammer hat kein Gegenstück.")
    return problems


def fill(text: str, values: Mapping[str, str]) -> str:
    """The text with every placeholder replaced (unknown ones must be rejected before).

    A value that ends with a full stop ("Musikverein e.V.") before a full stop
    in the template keeps only one.
    """

    def value(match: re.Match[str]) -> str:
        text_value = values.get(match[1], "")
        following = match.string[match.end() : match.end() + 1]
        return text_value[:-1] if following == "." and text_value.endswith(".") else text_value

    return _PLACEHOLDER.sub(value, text)


def render_paragraphs(body: str, values: Mapping[str, str]) -> tuple[Paragraph, ...]:
    paragraphs = []
    for source in re.split(r"\n\s*\n", body.replace("\r\n", "\n").strip()):
        names = placeholders_in(source)
        if names and not any(values.get(name, "").strip() for name in names):
            continue
        lines = [" ".join(fill(line, values).split()) for line in source.split("\n")]
        text = "\n".join(line for line in lines if line)
        if not text:
            continue
        paragraphs.append(Paragraph(_style(source, names), text))
    return tuple(paragraphs)


def _style(source: str, names: list[str]) -> str:
    if not names or not _DECORATION.match(_PLACEHOLDER.sub("", source)):
        return Style.TEXT
    return Style.NAME if set(names) <= NAME_PLACEHOLDERS else Style.EMPHASIS
