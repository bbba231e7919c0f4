"""One set of names for every enum value: the vocabulary, the window's catalogue, the services."""

from __future__ import annotations

import ast
import inspect
import xml.etree.ElementTree as ET
from enum import StrEnum
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from engagement_desk.models import enums
from engagement_desk.models.enums import EventKind, RegistrationStatus, Role
from engagement_desk.models.vocabulary import VOCABULARY, english, german, german_names
from engagement_desk.ui.i18n import translation_file
from engagement_desk.ui.labels import ENUM_LABELS

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "resources" / "translations" / "engagement_desk_de.ts"

ALL_ENUMS = [
    value
    for value in vars(enums).values()
    if inspect.isclass(value) and issubclass(value, StrEnum) and value is not StrEnum
]
ALL_MEMBERS = [member for enum_class in ALL_ENUMS for member in enum_class]

# Enum-keyed tables of text in services that are not names of the values and
# so stay where they are: number prefixes, plural headings, inflected phrases,
# English field keys.
NOT_NAMES = {
    ("services/certificates/numbering.py", "CertificateKind"),  # "U-2026-00001"
    ("services/certificates/batch.py", "CertificateKind"),  # plural: "Anerkennungsurkunden"
    ("services/hours/entries.py", "HoursSource"),  # dative: "stammt aus einer Fahrt"
    ("services/people/persons.py", "TagKind"),  # field keys: "interests"
}


def test_every_enum_of_the_models_is_in_the_vocabulary() -> None:
    assert ALL_ENUMS, "no enums found"
    assert set(VOCABULARY) == set(ALL_ENUMS)


@pytest.mark.parametrize("member", ALL_MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_every_member_has_an_english_and_a_german_name(member: StrEnum) -> None:
    assert english(member).strip() == english(member) != ""
    assert german(member).strip() == german(member) != ""


@pytest.mark.parametrize("enum_class", ALL_ENUMS, ids=lambda c: c.__name__)
def test_names_tell_the_members_of_one_enum_apart(enum_class: type[StrEnum]) -> None:
    # The English name is the translation source within the enum's context:
    # two equal ones would share one German translation.
    names = VOCABULARY[enum_class]
    assert set(names) == set(enum_class)
    assert len({n.english for n in names.values()}) == len(enum_class)
    assert len({n.german for n in names.values()}) == len(enum_class)


def test_german_names_follow_the_enum_order() -> None:
    assert list(german_names(Role)) == list(Role)
    assert german_names(EventKind)[EventKind.RECOGNITION] == "Ehrenamtsempfang"
    assert german(RegistrationStatus.CANCELLED) == "Storniert"


def test_the_window_translates_from_the_vocabularys_english_names() -> None:
    assert set(ENUM_LABELS) == set(ALL_ENUMS)
    for enum_class in ALL_ENUMS:
        assert dict(ENUM_LABELS[enum_class]) == {m: english(m) for m in enum_class}


def _catalogue() -> dict[tuple[str, str], ET.Element | None]:
    found = {}
    for context in ET.parse(CATALOGUE).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found[(name, message.findtext("source", ""))] = message.find("translation")
    return found


def test_the_german_catalogue_holds_the_vocabularys_german_names() -> None:
    catalogue = _catalogue()
    wrong = {}
    for member in ALL_MEMBERS:
        translation = catalogue.get((type(member).__name__, english(member)))
        text = None if translation is None else translation.text
        if text != german(member) or (translation is not None and translation.get("type")):
            wrong[f"{type(member).__name__}.{member.name}"] = (text, german(member))
    assert wrong == {}, "run tools/update_translations.py"


def test_the_compiled_catalogue_translates_each_enum_to_its_german_name(qapp) -> None:
    translator = QTranslator()
    assert translator.load(translation_file("de"))
    wrong = {
        f"{type(m).__name__}.{m.name}": translator.translate(type(m).__name__, english(m))
        for m in ALL_MEMBERS
        if translator.translate(type(m).__name__, english(m)) != german(m)
    }
    assert wrong == {}, "run tools/update_translations.py"


def _enum_keyed_text_tables(path: Path) -> set[str]:
    """Enum names of dict displays in ``path`` that map ``Enum.MEMBER`` keys to string constants."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Dict) or not node.keys:
            continue
        owners = {
            key.value.id
            for key in node.keys
            if isinstance(key, ast.Attribute) and isinstance(key.value, ast.Name)
        }
        strings = all(isinstance(v, ast.Constant) and isinstance(v.value, str) for v in node.values)
        enum_names = owners & {c.__name__ for c in ALL_ENUMS}
        if strings and len(owners) == 1 and enum_names:
            found |= enum_names
    return found


def test_services_and_cli_keep_no_names_of_their_own() -> None:
    package = ROOT / "engagement_desk"
    copies = set()
    for folder in ("services", "cli"):
        for path in (package / folder).rglob("*.py"):
            relative = path.relative_to(package).as_posix()
            if relative.startswith("services/demo/"):
                continue  # demo data: titles and texts, not names of values
            for enum_name in _enum_keyed_text_tables(path):
                if (relative, enum_name) not in NOT_NAMES:
                    copies.add((relative, enum_name))
    assert copies == set(), "use engagement_desk.models.vocabulary (german, german_names)"
