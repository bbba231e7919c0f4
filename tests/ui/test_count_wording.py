"""Counts in the window's German messages follow the number (Qt's %n plural forms)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from engagement_desk.ui.i18n import LanguageSwitcher

CASES = [
    (
        "ImportSummaryPage",
        "%Ln person(s) imported. They are now in the list “People”.",
        {
            0: "0 Personen wurden importiert. Sie stehen jetzt in der Liste „Personen“.",
            1: "1 Person wurde importiert. Sie steht jetzt in der Liste „Personen“.",
            2: "2 Personen wurden importiert. Sie stehen jetzt in der Liste „Personen“.",
        },
    ),
    (
        "PeopleTab",
        "%Ln person(s) written to %1.",
        {
            0: "0 Personen wurden nach %1 geschrieben.",
            1: "1 Person wurde nach %1 geschrieben.",
            2: "2 Personen wurden nach %1 geschrieben.",
        },
    ),
    (
        "InterchangeActions",
        "%Ln record(s) loaded from %1.",
        {
            1: "1 Datensatz wurde aus %1 geladen.",
            2: "2 Datensätze wurden aus %1 geladen.",
            12345: "12.345 Datensätze wurden aus %1 geladen.",
        },
    ),
    (
        "RegistrationsPanel",
        "%Ln hours entry(s) created.",
        {1: "1 Stundeneintrag angelegt.", 2: "2 Stundeneinträge angelegt."},
    ),
    ("DriversEditor", "%Ln driver(s)", {1: "1 Fahrer/in", 3: "3 Fahrer/innen"}),
    (
        "ImportPreviewPage",
        "No errors. “Import” saves %Ln person(s).",
        {1: "Keine Fehler. „Importieren“ speichert 1 Person."},
    ),
]


@pytest.mark.parametrize(("context", "source", "expected"), CASES, ids=[c[0] for c in CASES])
def test_german_counts_agree_with_the_number(
    languages: LanguageSwitcher, context: str, source: str, expected: dict[int, str]
) -> None:
    for count, german in expected.items():
        assert QCoreApplication.translate(context, source, "", count) == german


@pytest.mark.parametrize(
    ("context", "source", "one", "two"),
    [
        ("PeopleTab", "%Ln person(s) written to %1.", "1 person written to %1.", "2 people"),
        ("WeekView", "%Ln ride(s), %1 open", "1 ride, %1 open", "2 rides, %1 open"),
        ("ReviewPage", "%n people were anonymized.", "1 person was", "2 people were"),
        (
            "RegistrationsPanel",
            "%Ln hours entry(s) created.",
            "1 hours entry created.",
            "2 hours entries",
        ),
    ],
)
def test_english_counts_agree_with_the_number_too(
    languages: LanguageSwitcher, context: str, source: str, one: str, two: str
) -> None:
    languages.apply("en")
    assert QCoreApplication.translate(context, source, "", 1).startswith(one)
    assert QCoreApplication.translate(context, source, "", 2).startswith(two)


@pytest.mark.parametrize(
    ("context", "source", "one", "two"),
    [
        ("WeekView", "%Ln ride(s), %1 open", "1 Fahrt, %1 offen", "2 Fahrten, %1 offen"),
        ("OrdersEditor", "%Ln standing order(s)", "1 Dauerauftrag", "2 Daueraufträge"),
        ("VehiclesEditor", "%Ln vehicle(s)", "1 Fahrzeug", "2 Fahrzeuge"),
        ("CentresPage", "%Ln centre(s)", "1 Zentrum", "2 Zentren"),
        ("MasterDataForm", "%Ln year(s)", "1 Jahr", "2 Jahre"),
    ],
)
def test_list_counts_say_one_in_the_singular(
    languages: LanguageSwitcher, context: str, source: str, one: str, two: str
) -> None:
    assert QCoreApplication.translate(context, source, "", 1) == one
    assert QCoreApplication.translate(context, source, "", 2) == two
