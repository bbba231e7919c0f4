"""Translated display names of enum values and list column titles.

Enum names come from ``models/vocabulary.py``, the one table of English and
German names that prints and exports use too. Each enum's names sit in a
translation context named after the enum, so "Cancelled" can read "Abgesagt"
for a ride and "Storniert" for a registration. The English names are the
source text; ``tools/update_translations.py`` hands them to lupdate and writes
the vocabulary's German into the catalogue. Translation happens at call time,
so a language switch shows up on the next repaint.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from engagement_desk.models.vocabulary import VOCABULARY
from engagement_desk.services.listing import Column

ENUM_LABELS: Mapping[type[StrEnum], Mapping[Any, str]] = {
    enum_class: {member: name.english for member, name in names.items()}
    for enum_class, names in VOCABULARY.items()
}
"""English source text of each enum value; the German is in the catalogue, from the vocabulary."""

COLUMN_TITLES: dict[str, str] = {
    "last_name": QT_TRANSLATE_NOOP("Columns", "Last name"),
    "first_name": QT_TRANSLATE_NOOP("Columns", "First name"),
    "birth_date": QT_TRANSLATE_NOOP("Columns", "Date of birth"),
    "postal_code": QT_TRANSLATE_NOOP("Columns", "Postal code"),
    "city": QT_TRANSLATE_NOOP("Columns", "City"),
    "phone": QT_TRANSLATE_NOOP("Columns", "Phone"),
    "email": QT_TRANSLATE_NOOP("Columns", "E-mail"),
    "roles": QT_TRANSLATE_NOOP("Columns", "Roles"),
    "status": QT_TRANSLATE_NOOP("Columns", "Status"),
    "name": QT_TRANSLATE_NOOP("Columns", "Name"),
    "kind": QT_TRANSLATE_NOOP("Columns", "Kind"),
    "centers": QT_TRANSLATE_NOOP("Columns", "Centres"),
    "opportunities": QT_TRANSLATE_NOOP("Columns", "Open opportunities"),
    "ride_date": QT_TRANSLATE_NOOP("Columns", "Date"),
    "start_time": QT_TRANSLATE_NOOP("Columns", "Time"),
    "service": QT_TRANSLATE_NOOP("Columns", "Ride service"),
    "passengers": QT_TRANSLATE_NOOP("Columns", "Passengers"),
    "destination": QT_TRANSLATE_NOOP("Columns", "Destination"),
    "driver": QT_TRANSLATE_NOOP("Columns", "Driver"),
    "starts_at": QT_TRANSLATE_NOOP("Columns", "Starts"),
    "title": QT_TRANSLATE_NOOP("Columns", "Title"),
    "place": QT_TRANSLATE_NOOP("Columns", "Venue"),
    "registrations": QT_TRANSLATE_NOOP("Columns", "Registrations"),
    "capacity": QT_TRANSLATE_NOOP("Columns", "Places"),
    "number": QT_TRANSLATE_NOOP("Columns", "Number"),
    "person": QT_TRANSLATE_NOOP("Columns", "Person"),
    "issued_on": QT_TRANSLATE_NOOP("Columns", "Issued on"),
    "on_date": QT_TRANSLATE_NOOP("Columns", "Date"),
    "hours": QT_TRANSLATE_NOOP("Columns", "Hours"),
    "organization": QT_TRANSLATE_NOOP("Columns", "Organization"),
    "center": QT_TRANSLATE_NOOP("Columns", "Centre"),
    "activity": QT_TRANSLATE_NOOP("Columns", "Activity"),
    "source": QT_TRANSLATE_NOOP("Columns", "Source"),
}


def enum_label(enum_class: type[StrEnum], value: Any) -> str:
    """The translated name of ``value`` (member or stored string); unknown values as they are."""
    try:
        member = enum_class(value)
        source = ENUM_LABELS[enum_class][member]
    except (KeyError, ValueError):
        return "" if value is None else str(value)
    return QCoreApplication.translate(enum_class.__name__, source)


def labeller(enum_class: type[StrEnum]) -> Callable[[Any], str]:
    """A one-argument function for ``SqlTableModel(value_labels=...)``."""

    def label(value: Any) -> str:
        return enum_label(enum_class, value)

    return label


def column_title(column: Column) -> str:
    source = COLUMN_TITLES.get(column.key)
    if source is None:
        return QCoreApplication.translate("Columns", column.title)
    return QCoreApplication.translate("Columns", source)
