"""The person fields a column can be imported as, named in the UI language."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from engagement_desk.models.enums import PersonStatus, Role
from engagement_desk.services.people.importing import FIELD_LABELS
from engagement_desk.services.people.persons import PersonInput
from engagement_desk.ui.formatting import format_date, join_values
from engagement_desk.ui.labels import enum_label

FIELD_NAMES: Mapping[str, str] = {
    "salutation": QT_TRANSLATE_NOOP("ImportField", "Salutation"),
    "title": QT_TRANSLATE_NOOP("ImportField", "Academic title"),
    "first_name": QT_TRANSLATE_NOOP("ImportField", "First name"),
    "last_name": QT_TRANSLATE_NOOP("ImportField", "Last name"),
    "birth_date": QT_TRANSLATE_NOOP("ImportField", "Date of birth"),
    "street": QT_TRANSLATE_NOOP("ImportField", "Street"),
    "house_number": QT_TRANSLATE_NOOP("ImportField", "House number"),
    "postal_code": QT_TRANSLATE_NOOP("ImportField", "Postal code"),
    "city": QT_TRANSLATE_NOOP("ImportField", "City"),
    "phone": QT_TRANSLATE_NOOP("ImportField", "Phone"),
    "mobile": QT_TRANSLATE_NOOP("ImportField", "Mobile"),
    "email": QT_TRANSLATE_NOOP("ImportField", "E-mail"),
    "notes": QT_TRANSLATE_NOOP("ImportField", "Notes"),
    "engaged_since": QT_TRANSLATE_NOOP("ImportField", "Engaged since"),
    "status": QT_TRANSLATE_NOOP("ImportField", "Status"),
    "roles": QT_TRANSLATE_NOOP("ImportField", "Roles"),
    "interests": QT_TRANSLATE_NOOP("ImportField", "Interests"),
    "skills": QT_TRANSLATE_NOOP("ImportField", "Skills"),
    "languages": QT_TRANSLATE_NOOP("ImportField", "Languages"),
}
HOUSE_NUMBER = "house_number"  # joined to the street, not a field of its own


def target_fields() -> tuple[str, ...]:
    """Every field a column can feed, in the order the import service names them."""
    return tuple(FIELD_LABELS)


def field_label(name: str) -> str:
    source = FIELD_NAMES.get(name)
    if source is None:
        return FIELD_LABELS.get(name, name)
    return QCoreApplication.translate("ImportField", source)


def field_text(person: PersonInput, name: str) -> str:
    """One field of a checked row as it will be stored."""
    value = getattr(person, name, None)
    if value is None:
        return ""
    if name == "roles":
        return join_values(enum_label(Role, role) for role in sorted(value))
    if name == "status":
        return enum_label(PersonStatus, value)
    if name in ("birth_date", "engaged_since"):
        return format_date(value)
    if isinstance(value, tuple | list | frozenset):
        return join_values(str(v) for v in value)
    return " ".join(str(value).split())
